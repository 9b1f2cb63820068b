"""Request and response bodies of admin groups, search templates and a person's
groups tab (pydantic models; they are the OpenAPI schemas too)."""
from __future__ import annotations

from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from services.common.criteria import CRITERIA_SCHEMA

from . import PAGE, Body, JsonObject, PageQuery
from .people import SortField

PERSON_IDS = Field(None, min_length=1, max_length=10_000, description="people by id")


def optional_criteria(description: str):
    """Criteria that may be left out: the criteria schema as the non-null choice."""
    def extra(schema: dict) -> None:
        schema["anyOf"][0].update(CRITERIA_SCHEMA)
    return Field(None, description=description, json_schema_extra=extra)


def _examples(*examples: dict) -> ConfigDict:
    return ConfigDict(extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": list(examples)})


def _one_of(body: BaseModel, names: tuple[str, ...], *, required: bool) -> None:
    given = [n for n in names if getattr(body, n) not in (None, "")]
    if len(given) > 1:
        raise PydanticCustomError("one_of", "give only one of {names}, not {given}",
                                  {"names": ", ".join(names), "given": " and ".join(given)})
    if required and not given:
        raise PydanticCustomError("one_of", "give one of {names}", {"names": ", ".join(names)})


class ListQuery(PageQuery):
    text: str = Field("", max_length=200, description="part of the name or reference, any case")


# -- admin groups ------------------------------------------------------------------------------------------------------

class NewAdminGroup(Body):
    model_config = _examples(
        {"reference": "Acacia Court residents 2024", "description": "Everyone at Acacia Court in May 2024",
         "criteria": {"address_line_1": "Acacia Court"}},
        {"reference": "Garden volunteers", "description": "Picked by hand",
         "person_ids": ["6f1c2b9e-0000-4000-8000-000000000001"]})

    reference: str = Field(min_length=1, max_length=100, description="unique within the landlord, whatever the case")
    description: str = Field("", max_length=2000)
    person_ids: Optional[list[str]] = PERSON_IDS
    criteria: Optional[JsonObject] = optional_criteria("a snapshot: everyone who matches now")
    search_template_id: Optional[str] = Field(None, max_length=64,
                                              description="a snapshot: everyone the template picks now")

    @model_validator(mode="after")
    def _members_from_one_place(self):
        _one_of(self, ("person_ids", "criteria", "search_template_id"), required=False)
        return self


class AdminGroupChanges(Body):
    model_config = _examples({"description": "Everyone at Acacia Court in May 2024 (panel invitation)"})

    reference: Optional[str] = Field(None, min_length=1, max_length=100)
    description: Optional[str] = Field(None, max_length=2000)


class AdminGroupOut(BaseModel):
    id: str
    reference: str
    description: str
    activity_id: str = Field(description="the 'Unspecified' activity admin groups belong to")
    member_count: int
    created_at: str
    created_by: str = Field(description="user id")
    updated_at: str


class AdminGroupList(BaseModel):
    total: int
    items: list[AdminGroupOut]


class MembersToAdd(Body):
    model_config = _examples({"person_ids": ["6f1c2b9e-0000-4000-8000-000000000001"]},
                             {"criteria": {"postcode": "NF1 2"}})

    person_ids: Optional[list[str]] = PERSON_IDS
    criteria: Optional[JsonObject] = optional_criteria("everyone who matches now (a snapshot)")

    @model_validator(mode="after")
    def _members_from_one_place(self):
        _one_of(self, ("person_ids", "criteria"), required=True)
        return self


class MembersToRemove(Body):
    model_config = _examples({"person_ids": ["6f1c2b9e-0000-4000-8000-000000000001"]})

    person_ids: list[str] = Field(min_length=1, max_length=10_000)


class MembersChanged(BaseModel):
    changed: int = Field(description="people added or removed (those already in, or not in, are not counted)")
    member_count: int = Field(description="after the change")


class MembersPage(BaseModel):
    total: int
    page: int
    page_size: int
    items: list[dict[str, Any]] = Field(description="newest member first: id, personal_ref, first_name, surname, "
                                                    "status, address, added_at, added_by")


# -- search templates --------------------------------------------------------------------------------------------------

class NewSearchTemplate(Body):
    model_config = _examples({"name": "Acacia Court residents", "description": "Everyone living at the scheme now",
                              "criteria": {"address_line_1": "Acacia Court"}})

    name: str = Field(min_length=1, max_length=200, description="unique within the landlord, whatever the case")
    description: str = Field("", max_length=2000)
    criteria: JsonObject = Field(json_schema_extra=CRITERIA_SCHEMA)


class SearchTemplateChanges(Body):
    model_config = _examples({"criteria": {"address_line_1": "Acacia Court", "age": {"min": 60}}})

    name: Optional[str] = Field(None, min_length=1, max_length=200)
    description: Optional[str] = Field(None, max_length=2000)
    criteria: Optional[JsonObject] = optional_criteria("replaces the criteria")


class SearchTemplateOut(BaseModel):
    id: str
    name: str
    description: str
    criteria: dict[str, Any]
    created_at: str
    created_by: str = Field(description="user id")
    updated_at: str


class SearchTemplateList(BaseModel):
    total: int
    items: list[SearchTemplateOut]


class PeoplePage(Body):
    """A people search without criteria: the template or group says who."""
    model_config = _examples({"page": 1, "page_size": 25, "sort": [{"field": "surname"}], "columns": ["tenancy_type"],
                              "facets": ["tenancy_type"]})

    page_size: int = Field(25, ge=1, le=500)
    page: int = PAGE
    sort: list[SortField] = Field(default_factory=list, max_length=5)
    columns: list[str] = Field(default_factory=list, max_length=60)
    facets: list[str] = Field(default_factory=list, max_length=40)
    count_only: bool = False


class PeoplePageQuery(Body):
    page: int = PAGE
    page_size: int = Field(25, ge=1, le=500)
    sort: list[str] = Field(default_factory=list, max_length=5,
                            description="fields to sort by, a leading - for descending (e.g. surname,-age)")
    columns: list[str] = Field(default_factory=list, max_length=60, description="extra columns, as in people search")


# -- a person's groups tab ---------------------------------------------------------------------------------------------

class PersonGroupLink(Body):
    model_config = _examples({"admin_group_id": "0b7d4a52-0000-4000-8000-000000000002"},
                             {"activity_id": "2c9e1f33-0000-4000-8000-000000000003"})

    admin_group_id: Optional[str] = Field(None, max_length=64)
    activity_id: Optional[str] = Field(None, max_length=64, description="links them to the activity's group")

    @model_validator(mode="after")
    def _one_group(self):
        _one_of(self, ("admin_group_id", "activity_id"), required=True)
        return self


class PersonGroupOut(BaseModel):
    group_id: str = Field(description="the admin group's id, or the activity's id for an activity group")
    kind: Literal["admin", "activity"]
    name: str = Field(description="the admin group's reference, or the activity's name")
    description: str
    activity_id: str
    activity_name: str
    linked_at: str
    how: Literal["manual", "participation"] = Field(description="linked by hand, or by a participation record")


class PersonGroupList(BaseModel):
    total: int
    items: list[PersonGroupOut] = Field(description="newest link first")
