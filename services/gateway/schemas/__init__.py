"""Request and response bodies of the public API (pydantic models; they are
the OpenAPI schemas too)."""
from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from ..privileges import LANDLORD_ROLES, PROVIDER_ROLES, Privilege

# The last page of any list: beyond every list at any page size, within the services' 32-bit page numbers.
MAX_PAGE = 1_000_000
PAGE = Field(1, ge=1, le=MAX_PAGE, description="1-based")
# Whole numbers inside free-form objects (criteria, custom fields) cross gRPC as doubles, exact up to this.
MAX_EXACT_NUMBER = 2 ** 53 - 1


def _exact_numbers(value: Any, where: str = "") -> Any:
    """Refuses a number inside `value` that a double cannot hold exactly, naming where it is."""
    if isinstance(value, dict):
        for key, item in value.items():
            _exact_numbers(item, f"{where}.{key}" if where else str(key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _exact_numbers(item, f"{where}.{i}" if where else str(i))
    elif isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_EXACT_NUMBER:
        raise PydanticCustomError("number_too_large", "{where} must be between -{most} and {most}",
                                  {"where": where, "most": MAX_EXACT_NUMBER})
    return value


# A free-form JSON object (criteria, custom fields by key): any shape, numbers within +-MAX_EXACT_NUMBER.
JsonObject = Annotated[dict[str, Any], AfterValidator(_exact_numbers)]
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _date_text(value: Any) -> Any:
    """Only text YYYY-MM-DD is a date (pydantic would also take 0 or "1654646400" as days since 1970)."""
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value.strip()):
        raise PydanticCustomError("date_text", "must be a date as text: YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise PydanticCustomError("date_text", "is not a date of the calendar") from None


# A date in a request body or query: text YYYY-MM-DD, nothing else.
DateText = Annotated[dt.date, BeforeValidator(_date_text)]

LandlordRole = Literal[tuple(r.value for r in LANDLORD_ROLES)]
ProviderRole = Literal[tuple(r.value for r in PROVIDER_ROLES)]
PrivilegeName = Literal[tuple(p.value for p in Privilege)]


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def _no_default(schema: dict) -> None:
    schema.pop("default", None)


def not_null(**constraints) -> Any:
    """A field of a change: left out, it is kept as it is; it cannot be null (422 naming it)."""
    return Field(None, json_schema_extra=_no_default, **constraints)


class TokenRequest(Body):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": [{"username": "nf.admin", "password": "correct horse battery"}]})

    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=1024)


class TokenAnswer(BaseModel):
    access_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int = Field(description="seconds until the token expires")
    password_change_required: bool = Field(
        False, description="a one-time password: nothing but POST /api/v1/auth/password and GET /api/v1/me works until it is changed")


class PasswordChange(Body):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": [{"current_password": "1a2b3c-4d5e6f-7a8b9c-0d1e2f", "new_password": "a quiet blue harbour"}]})

    current_password: str = Field(min_length=1, max_length=1024)
    new_password: str = Field(min_length=1, max_length=1024, description="at least 8 characters (15 or more advised); any characters")


class NewAdmin(Body):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=1024)
    name: str = Field(min_length=1, max_length=200)


class NewLandlord(Body):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": [{"name": "Northfield Homes", "admin": {"username": "nf.admin", "password": "correct horse battery", "name": "Alex Sample"}}]})

    name: str = Field(min_length=1, max_length=200)
    admin: NewAdmin


class AnotherAdmin(Body):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": [
        {"username": "nf.admin2", "name": "Robin Sample", "email": "robin.sample@example.org"}]})

    username: str = Field(min_length=1, max_length=64)
    name: str = Field(min_length=1, max_length=200)
    email: str = Field("", max_length=254)


class UserOut(BaseModel):
    id: str
    username: str
    name: str
    role: str


class LandlordOut(BaseModel):
    id: str
    name: str
    created_at: str
    admin: UserOut | None = None


class LandlordList(BaseModel):
    total: int
    items: list[LandlordOut]


class PeopleCount(BaseModel):
    total: int = Field(description="current people")
    by_status: dict[str, int]


class Health(BaseModel):
    status: str
    checks: dict[str, str] = Field(default_factory=dict)


class ErrorField(BaseModel):
    field: str
    reason: str


class ErrorBody(BaseModel):
    code: str
    message: str
    fields: list[ErrorField] = Field(default_factory=list)
    request_id: str


class ErrorAnswer(BaseModel):
    error: ErrorBody


class NewPerson(Body):
    """Who a new user is (a landlord's user or a provider's)."""
    username: str = Field(min_length=1, max_length=64, description="unique on the platform; letters, digits, . _ @ -")
    name: str = Field(min_length=1, max_length=200)
    initials: str = Field("", max_length=5, description="shown on actions assigned to them; from the name when left out")
    email: str = Field("", max_length=254)
    phone: str = Field("", max_length=20)


class NewUser(NewPerson):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": [{"username": "pat.sample", "name": "Pat Sample", "role": "housing_officer", "areas": ["Area A"], "email": "pat.sample@example.org"}]})

    role: LandlordRole
    areas: list[str] = Field(default_factory=list, max_length=200, description="the areas they work in")
    all_areas: bool = Field(False, description="works in, and may manage users of, every area")
    extra_privileges: list[PrivilegeName] = Field(default_factory=list, description="granted on top of the role's")


class PersonalChanges(Body):
    """A user's own details, as a change to them (a landlord's user's or a provider's)."""
    name: str = not_null(min_length=1, max_length=200)
    initials: str = not_null(max_length=5)
    email: str = not_null(max_length=254)
    phone: str = not_null(max_length=20)


class UserChanges(PersonalChanges):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": [{"phone": "07700 900123", "areas": ["Area A", "Area C"]}]})

    role: LandlordRole = not_null()
    areas: list[str] = not_null(max_length=200)
    all_areas: bool = not_null()
    extra_privileges: list[PrivilegeName] = not_null()


class NewProviderUser(NewPerson):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": [
        {"username": "kim.adviser", "name": "Kim Sample", "role": "provider_adviser", "email": "kim@example.org"}]})

    role: ProviderRole


class ProviderUserChanges(PersonalChanges):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": [
        {"phone": "07700 900123"}]})

    role: ProviderRole = not_null()


class UserDetails(BaseModel):
    id: str
    username: str
    name: str
    initials: str
    email: str
    phone: str
    role: str
    areas: list[str]
    all_areas: bool
    extra_privileges: list[str]
    privileges: list[str] = Field(description="everything they may do: the role's privileges and the extra ones")
    status: Literal["active", "disabled"]
    must_change_password: bool
    last_sign_in_at: str | None
    created_at: str
    read_only_fields: list[str] = Field(description="fields the caller may not change (grey them out)")
    provider_id: str | None = Field(None, description="the provider a provider's user belongs to (they have no "
                                                      "landlord); null for a landlord's users")


class NewUserAnswer(UserDetails):
    one_time_password: str = Field(description="shown once; the user must change it at first sign-in")


class UserList(BaseModel):
    total: int
    items: list[UserDetails]


class UserQuery(Body):
    name: str = Field("", max_length=200, description="part of the name or username, any case")
    status: list[Literal["active", "disabled"]] = Field(default_factory=lambda: ["active", "disabled"])
    page: int = PAGE
    page_size: int = Field(25, ge=1, le=200)


class PageQuery(Body):
    page: int = PAGE
    page_size: int = Field(50, ge=1, le=500)


class AuditEntry(BaseModel):
    at: str
    actor_id: str
    actor_name: str
    action: str
    target_id: str
    target_name: str
    details: dict[str, Any]


class AuditList(BaseModel):
    total: int
    items: list[AuditEntry]
