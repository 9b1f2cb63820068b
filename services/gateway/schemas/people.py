"""Request and answer bodies of the people routes, generated from the person
field catalogue (services/common/person_fields.py) so they cannot drift from it."""
from __future__ import annotations

from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, create_model

from services.common.criteria import CRITERIA_SCHEMA
from services.common.person_fields import FIELDS, Kind

from . import PAGE, Body, DateText, JsonObject

_EXAMPLE = {"personal_ref": "NR000123", "title": "Ms", "first_name": "Jo", "surname": "Example",
            "date_of_birth": "1961-04-09", "tenancy_type": "Non-resident", "address_line_1": "12 Acacia Avenue",
            "address_line_4": "Northfield", "postcode": "NF1 2AB", "mobile": "07700 900123",
            "email": "jo.example@example.org", "communication_needs": ["Large print"],
            "interests": ["Digital inclusion"]}


def _input(field) -> tuple[Any, Any]:
    description = field.label + (f" (option list '{field.option_list}': labels)" if field.option_list else "")
    if field.kind == Kind.TEXT:
        return Optional[str], Field(None, max_length=field.max_length, description=description)
    if field.kind == Kind.DATE:
        return Optional[DateText], Field(None, description=description)
    if field.kind == Kind.OPTION:
        return Optional[str], Field(None, max_length=200, description=description)
    if field.kind == Kind.OPTIONS:
        return Optional[list[str]], Field(None, max_length=100, description=description)
    return Optional[Literal["current", "archived"]], Field(None, description="current, or archived (no longer current)")


_CUSTOM = (Optional[JsonObject], Field(None, description="custom fields by key: text, number, date (YYYY-MM-DD), "
                                                             "true/false, an option label, or a list of labels"))
_inputs = {f.name: _input(f) for f in FIELDS if f.name != "status"}
NewPerson = create_model(
    "NewPerson", __base__=Body, custom=_CUSTOM, **_inputs,
    __doc__="A person added by hand. personal_ref is left out when the landlord generates references.")
NewPerson.model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": [_EXAMPLE]})
NewPerson.model_rebuild(force=True)
PersonChanges = create_model(
    "PersonChanges", __base__=Body, custom=_CUSTOM, status=_input(next(f for f in FIELDS if f.name == "status")),
    **_inputs, __doc__="Only the fields to change; null clears a field.")
PersonChanges.model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": [
    {"mobile": "07700 900456", "interests": ["Digital inclusion", "Money advice"]}]})
PersonChanges.model_rebuild(force=True)


class PersonOut(BaseModel):
    model_config = ConfigDict(extra="allow", json_schema_extra={"description": "Every field of the person by name "
                                                                "(labels for option fields), plus these."})
    id: str
    personal_ref: str
    first_name: str
    surname: str
    status: str
    created_at: str
    updated_at: str
    custom: dict[str, Any] = Field(default_factory=dict)
    alerts: list[str] = Field(default_factory=list, description="e.g. contact them through their alternative contact")
    imported_fields: list[str] = Field(default_factory=list, description="come from the housing system: read-only")
    read_only_fields: list[str] = Field(default_factory=list, description="fields the caller may not change")


class QuickView(BaseModel):
    id: str
    personal_ref: str
    name: str
    address: str
    phone: Optional[str]
    mobile: Optional[str]
    email: Optional[str]
    tenancy_type: Optional[str]
    status: str
    alerts: list[str]


class HistoryEntry(BaseModel):
    changed_at: str
    changed_by: str
    source: Literal["user", "import", "interactions"] = Field(
        description="interactions: a change to one of the person's interactions")
    field: str
    old_value: Optional[str]
    new_value: Optional[str]


class PersonHistory(BaseModel):
    total: int
    page: int
    page_size: int
    items: list[HistoryEntry] = Field(description="newest first")


class HistoryQuery(Body):
    page: int = PAGE
    page_size: int = Field(50, ge=1, le=500)


class SortField(Body):
    field: str
    direction: Literal["asc", "desc"] = "asc"


class PeopleSearch(Body):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": [
        {"criteria": {"text": "exa", "age": {"min": 16}}, "page_size": 25, "page": 1, "sort": [{"field": "surname"}],
         "columns": ["tenancy_type", "age_band"], "facets": ["status", "tenancy_type", "age_band"]}]})

    criteria: JsonObject = Field(default_factory=dict, json_schema_extra=CRITERIA_SCHEMA)
    page_size: int = Field(25, ge=1, le=500)
    page: int = PAGE
    sort: list[SortField] = Field(default_factory=list, max_length=5)
    columns: list[str] = Field(default_factory=list, max_length=60,
                               description="extra columns: any field of a person, age, age_band, equality_group, "
                                           "has_ flags, custom.<key>")
    facets: list[str] = Field(default_factory=list, max_length=40,
                              description="count people per option: option fields, status, age_band, equality_group, "
                                          "has_ flags, custom.<key> of choice and yes/no fields, admin_groups and "
                                          "activities (by id, most people first)")
    count_only: bool = Field(False, description="answer the total only (for counts as the user types)")


class FacetValue(BaseModel):
    value: Optional[str] = Field(description="option id, band, group or true/false; null for 'Not known'")
    label: str
    count: int


class PeopleSearchAnswer(BaseModel):
    total: int = Field(description="exact number of people matching, at any size")
    page: int
    page_size: int
    items: list[dict[str, Any]] = Field(description="status, personal_ref, first_name, surname, address, id and "
                                                    "the columns asked for")
    facets: dict[str, list[FacetValue]]
