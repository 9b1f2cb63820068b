"""Request and response bodies of activities (panels, events, projects) and
people's participation records in them (pydantic models; they are the OpenAPI
schemas too)."""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from . import PAGE, Body, DateText, JsonObject
from .groups import optional_criteria

MAX_PEOPLE = 10_000  # people one request records participation for (the groups service's limit too)
PEOPLE_SOURCES = ("person_ids", "admin_group_id", "search_template_id", "criteria")
OUTCOMES = ("recorded", "already_recorded", "not_found", "archived")


def _examples(*examples: dict) -> ConfigDict:
    return ConfigDict(extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": list(examples)})


class NewActivity(Body):
    model_config = _examples({"name": "Residents' panel 2024", "type": "Panel", "start_date": "2024-01-15",
                              "end_date": "2024-12-15", "description": "Quarterly panel on repairs and services"})

    name: str = Field(min_length=1, max_length=200)
    type: str = Field("Unspecified", min_length=1, max_length=100,
                      description="e.g. Panel, Event, Project, Consultation, Training")
    start_date: Optional[DateText] = None
    end_date: Optional[DateText] = None
    description: str = Field("", max_length=2000)


class ActivityChanges(Body):
    model_config = _examples({"end_date": "2025-03-31", "description": "Extended to March"})

    name: Optional[str] = Field(None, min_length=1, max_length=200)
    type: Optional[str] = Field(None, min_length=1, max_length=100)
    start_date: Optional[DateText] = Field(None, description="null clears")
    end_date: Optional[DateText] = Field(None, description="null clears")
    description: Optional[str] = Field(None, max_length=2000)


class ActivityOut(BaseModel):
    id: str
    name: str
    type: str
    start_date: Optional[str]
    end_date: Optional[str]
    description: str
    unspecified: bool = Field(description="the 'Unspecified' activity admin groups belong to")
    member_count: int = Field(description="people in its activity group")
    created_at: str
    created_by: str = Field(description="user id")


class ActivityList(BaseModel):
    total: int
    items: list[ActivityOut]


class ParticipationQuery(Body):
    person_id: str = Field("", max_length=64, description="only this person's records")
    activity_id: str = Field("", max_length=64, description="only this activity's records")
    page: int = PAGE
    page_size: int = Field(50, ge=1, le=500)


class NewParticipation(Body):
    model_config = _examples({"person_id": "6f1c2b9e-0000-4000-8000-000000000001",
                              "activity_id": "2c9e1f33-0000-4000-8000-000000000003", "date": "2024-03-14",
                              "role": "Panel member", "notes": "Raised the lift repairs"})

    person_id: str = Field(min_length=1, max_length=64)
    activity_id: str = Field(min_length=1, max_length=64)
    date: DateText
    role: str = Field("", max_length=200)
    notes: str = Field("", max_length=4000)


class NewParticipations(Body):
    model_config = _examples({"person_ids": ["6f1c2b9e-0000-4000-8000-000000000001",
                                             "6f1c2b9e-0000-4000-8000-000000000002"],
                              "activity_id": "2c9e1f33-0000-4000-8000-000000000003", "date": "2024-03-14",
                              "role": "Panel member", "notes": "March panel meeting"},
                             {"admin_group_id": "0b7d4a52-0000-4000-8000-000000000002",
                              "activity_id": "2c9e1f33-0000-4000-8000-000000000003", "date": "2024-03-14"})

    activity_id: str = Field(min_length=1, max_length=64)
    date: DateText
    role: str = Field("", max_length=200)
    notes: str = Field("", max_length=4000)
    person_ids: Optional[list[str]] = Field(None, min_length=1, max_length=MAX_PEOPLE, description=(
        "people by id (repeats count once). Give exactly one of person_ids, admin_group_id, search_template_id "
        "or criteria"))
    admin_group_id: Optional[str] = Field(None, min_length=1, max_length=64, description="the group's members now")
    search_template_id: Optional[str] = Field(None, min_length=1, max_length=64,
                                              description="the current people the template picks now")
    criteria: Optional[JsonObject] = optional_criteria(
        f"the current people these criteria pick now (at least one criterion; 1 to {MAX_PEOPLE:,} people)")


class ParticipationResult(BaseModel):
    person_id: str
    outcome: Literal[OUTCOMES] = Field(description=(
        "recorded now; already_recorded: they have a record of the activity on the date (none is added); "
        "not_found: no such person of the landlord; archived: archived people are not recorded"))
    participation_id: Optional[str] = Field(description="the record made, or the one already there; else null")


class ParticipationCounts(BaseModel):
    recorded: int
    already_recorded: int
    not_found: int
    archived: int


class ParticipationsRecorded(BaseModel):
    counts: ParticipationCounts
    results: list[ParticipationResult] = Field(description="one per person, in the order given, repeats left out")


class ParticipationChanges(Body):
    model_config = _examples({"role": "Chair", "notes": "Chaired the March meeting"})

    date: Optional[DateText] = None
    role: Optional[str] = Field(None, max_length=200)
    notes: Optional[str] = Field(None, max_length=4000)


class ParticipationOut(BaseModel):
    id: str
    person_id: str
    activity_id: str
    activity_name: str
    date: str
    role: str
    notes: str
    created_at: str
    created_by: str = Field(description="user id")


class ParticipationList(BaseModel):
    total: int
    page: int
    page_size: int
    items: list[ParticipationOut] = Field(description="newest first")
