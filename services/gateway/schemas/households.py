"""Request and response bodies of households: the people at one property, its
property profile and its household profile (pydantic models; they are the
OpenAPI schemas too)."""
from __future__ import annotations

from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from . import PAGE, Body, JsonObject

HOUSEHOLD_CRITERIA = {
    "type": "object",
    "description": "Every criterion given must match: text (every word starts a word of the address or property "
                   "reference), property_ref, postcode, address_line_1..4 (starts with, any case), occupants "
                   "{min, max}, occupied (true/false), child_under (someone current younger than N years), "
                   "tenancy_type (labels, any of), custom {key: value rules as for people}.",
    "examples": [{"postcode": "NF1", "occupants": {"min": 2}, "child_under": 16}],
}
HouseholdSort = Literal["address", "occupants", "-occupants", "updated_at", "-updated_at"]


def _examples(*examples: dict) -> ConfigDict:
    return ConfigDict(extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": list(examples)})


class HouseholdQuery(Body):
    text: str = Field("", max_length=200, description="every word starts a word of the address, postcode or "
                                                      "property reference (any case)")
    page: int = PAGE
    page_size: int = Field(25, ge=1, le=500)
    sort: HouseholdSort = Field("address", description="address, occupants or updated_at; a leading - for "
                                                       "descending")


class HouseholdSearch(Body):
    model_config = _examples({"criteria": {"address_line_1": "Acacia Court", "occupied": True}, "page": 1,
                              "page_size": 25, "sort": "address"})

    criteria: JsonObject = Field(default_factory=dict, json_schema_extra=HOUSEHOLD_CRITERIA)
    page: int = PAGE
    page_size: int = Field(25, ge=1, le=500)
    sort: HouseholdSort = "address"


class HouseholdProfilesChanges(Body):
    model_config = _examples({"property_profile": {"bedrooms": 2, "broadband": True},
                              "household_profile": {"pets": ["Dog"]}})

    property_profile: Optional[JsonObject] = Field(
        None, description="custom fields of properties by key (only those to change; null clears a field): about "
                          "the building, no longer relevant to the people if they move")
    household_profile: Optional[JsonObject] = Field(
        None, description="custom fields of households by key (only those to change; null clears a field): about "
                          "the family, still relevant to them if they move")


class Occupant(BaseModel):
    person_id: str
    personal_ref: str
    first_name: str
    surname: str
    status: str = Field(description="current or archived")
    date_of_birth: Optional[str] = Field(description="YYYY-MM-DD; null when not known")
    age: Optional[int] = Field(description="today; null without a date of birth")
    tenancy_type: Optional[str]
    joined_at: str = Field(description="when the household gained them (ISO 8601)")
    left_at: Optional[str] = Field(description="former occupants: when they moved away or were archived")


class HouseholdOut(BaseModel):
    id: str
    matched_by: Literal["property_ref", "address"] = Field(
        description="how its occupants were matched: the property reference, or (without one) the address lines "
                    "and postcode, ignoring case, spacing and punctuation")
    property_ref: Optional[str]
    address_line_1: Optional[str]
    address_line_2: Optional[str]
    address_line_3: Optional[str]
    address_line_4: Optional[str]
    postcode: Optional[str]
    address: str = Field(description="one line for tables")
    occupant_count: int = Field(description="current occupants")
    occupied: bool = Field(description="someone current lives there; an empty household is kept for its history")
    occupants: list[Occupant] = Field(description="current occupants, oldest first")
    former_occupants: list[Occupant] = Field(default_factory=list,
                                             description="most recently left first (the full record only)")
    property_profile: dict[str, Any]
    household_profile: dict[str, Any]
    created_at: str
    updated_at: str


class HouseholdList(BaseModel):
    total: int
    page: int
    page_size: int
    items: list[HouseholdOut] = Field(description="without former occupants")


class HouseholdQuickView(BaseModel):
    id: str
    address: str
    property_ref: Optional[str]
    occupied: bool
    occupant_count: int
    occupants: list[str] = Field(description="current occupants' names, oldest first")
    children: int = Field(description="current occupants under 16")
    tenancy_types: list[str] = Field(description="of the current occupants, each once")
