"""Request and response bodies of the public API (pydantic models; they are
the OpenAPI schemas too)."""
from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from services.common.criteria import CRITERIA_SCHEMA


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class TokenRequest(Body):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=1024)


class TokenAnswer(BaseModel):
    access_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int = Field(description="seconds until the token expires")


class NewAdmin(Body):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=1024)
    name: str = Field(min_length=1, max_length=200)


class NewLandlord(Body):
    name: str = Field(min_length=1, max_length=200)
    admin: NewAdmin


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


class NewPerson(Body):
    personal_ref: str = Field(min_length=1, max_length=30, description="unique within the landlord")
    first_name: str = Field(min_length=1, max_length=100)
    surname: str = Field(min_length=1, max_length=100)


class PersonOut(BaseModel):
    id: str
    personal_ref: str
    first_name: str
    surname: str
    status: str
    created_at: str
    updated_at: str


class SortField(Body):
    field: str
    direction: Literal["asc", "desc"] = "asc"


class PeopleSearch(Body):
    criteria: dict[str, Any] = Field(default_factory=dict, json_schema_extra=CRITERIA_SCHEMA)
    page_size: int = Field(25, ge=1, le=500)
    page: int = Field(1, ge=1)
    sort: list[SortField] = Field(default_factory=list)
    columns: list[str] = Field(default_factory=list, description="extra columns: created_at")
    facets: list[str] = Field(default_factory=list, description="option fields to count per value: status")
    count_only: bool = Field(False, description="answer the total only (for counts as the user types)")


class PeopleSearchAnswer(BaseModel):
    total: int = Field(description="exact number of people matching, at any size")
    page: int
    page_size: int
    items: list[dict[str, Any]]
    facets: dict[str, dict[str, int]]


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
