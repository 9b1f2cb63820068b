"""Bodies of interactions on a person's profile and their follow-up actions, pending actions and the profile
actions report (pydantic models; the OpenAPI schemas too). An interaction is a communication record: its type
is a communication code (GET /api/v1/interaction-types), its title the record's description, its description
the record's notes."""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from . import PAGE, Body, DateText

TYPE = Field(min_length=1, max_length=40, description="an interaction type's code: GET /api/v1/interaction-types")
USER = Field(min_length=1, max_length=36, description="the user id of an active staff user of your landlord")
Status = Literal["open", "completed", "cancelled"]


class NewAction(Body):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": [{
        "what": "Call back about the repair", "assigned_to": "6f1c2b9e-0000-4000-8000-00000000000a",
        "due_date": "2026-12-14"}]})

    what: str = Field(min_length=1, max_length=1000, description="what is to be done")
    assigned_to: str = USER
    due_date: DateText = Field(description="today or later (the UK date)")


class NewInteraction(Body):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": [{
        "type": "phoned", "title": "Rent arrears call", "description": "Agreed a payment plan",
        "date": "2026-12-01", "action": {"what": "Check the first payment", "due_date": "2026-12-14",
                                         "assigned_to": "6f1c2b9e-0000-4000-8000-00000000000a"}}]})

    type: str = TYPE
    title: str = Field(min_length=1, max_length=200)
    description: str = Field("", max_length=4000)
    date: DateText = Field(description="when it happened; not in the future")
    outcome_code: str = Field("", max_length=60, description="left out: the type's first outcome")
    landlord_contact: str = Field("", max_length=200, description="who dealt with it for the landlord")
    action: Optional[NewAction] = Field(None, description="a follow-up action assigned with it")


class InteractionChanges(Body):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": [{
        "title": "Rent arrears call (2)", "description": "Plan agreed; letter to follow"}]})

    type: Optional[str] = Field(None, min_length=1, max_length=40,
                                description="give outcome_code too unless it suits the new type")
    title: Optional[str] = Field(None, min_length=1, max_length=200)
    description: Optional[str] = Field(None, max_length=4000)
    date: Optional[DateText] = None
    outcome_code: Optional[str] = Field(None, min_length=1, max_length=60)
    landlord_contact: Optional[str] = Field(None, max_length=200)


class Completion(Body):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True,
                              json_schema_extra={"examples": [{"note": "Payment received"}]})

    note: str = Field("", max_length=4000)


class Reassignment(Body):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": [{
        "assigned_to": "6f1c2b9e-0000-4000-8000-00000000000b", "due_date": "2026-12-21",
        "note": "Covering while Sam is away"}]})

    assigned_to: str = USER
    due_date: Optional[DateText] = Field(None, description="a new due date, today or later; left out: kept")
    note: str = Field("", max_length=4000)


class InteractionQuery(Body):
    type: list[str] = Field(default_factory=list, max_length=100, description="interaction types, any of")
    page: int = PAGE
    page_size: int = Field(50, ge=1, le=500)


class ActionFilter(Body):
    type: list[str] = Field(default_factory=list, max_length=100, description="interaction types, any of")
    assigned_to: list[str] = Field(default_factory=list, max_length=500, description="user ids, any of")
    due_from: Optional[DateText] = Field(None, description="due on or after")
    due_until: Optional[DateText] = Field(None, description="due on or before")
    status: list[Status] = Field(default_factory=list, description="any of; none: every status")
    overdue: bool = Field(False, description="only open actions due before today (the UK date)")


class MyActionsQuery(Body):
    due_from: Optional[DateText] = Field(None, description="left out: six months before today")
    due_until: Optional[DateText] = None
    team: bool = Field(True, description="a manager: the actions of the users in their areas too")
    page: int = PAGE
    page_size: int = Field(50, ge=1, le=500)


class ActionReportQuery(ActionFilter):
    page: int = PAGE
    page_size: int = Field(50, ge=1, le=500)


class ActionReportFileQuery(ActionFilter):
    format: Literal["xlsx", "csv"] = "xlsx"


class Assignee(BaseModel):
    id: str
    name: str
    initials: str


class Step(BaseModel):
    step: Literal["added", "reassigned", "completed", "cancelled"]
    at: str
    by: str = Field(description="user id")
    assigned_to: Assignee = Field(description="after the step")
    due_date: str = Field(description="after the step")
    note: str


class PersonRef(BaseModel):
    id: str
    name: str
    personal_ref: str


class ActionOut(BaseModel):
    id: str
    interaction_id: str
    person: PersonRef
    interaction_type: str
    interaction_label: str
    colour: str
    text_colour: str
    interaction_title: str
    what: str
    assigned_to: Assignee
    due_date: str
    status: Status
    overdue: bool = Field(description="open and due before today (the UK date)")
    completed_at: Optional[str]
    completed_by: Optional[str]
    completion_note: str
    created_at: str
    created_by: str
    steps: list[Step] = Field(description="oldest first: every step is kept")


class InteractionOut(BaseModel):
    id: str
    person_id: str
    type: str
    type_label: str
    colour: str
    text_colour: str
    title: str
    description: str
    date: str
    outcome_code: str
    outcome_label: str
    landlord_contact: str
    message_id: Optional[str] = Field(description="the message that made it; null when recorded by hand")
    recorded_by: str = Field(description="user id")
    recorded_at: str
    updated_at: str
    actions: list[ActionOut]


class InteractionList(BaseModel):
    total: int
    items: list[InteractionOut] = Field(description="newest first")


class ActionCountOut(BaseModel):
    key: str
    label: str
    total: int
    overdue: int


class ActionList(BaseModel):
    total: int
    today: str = Field(description="the UK date overdue is judged on")
    items: list[ActionOut] = Field(description="by due date")
    by_type: list[ActionCountOut]
    by_assignee: list[ActionCountOut]
    by_status: list[ActionCountOut]


class DigestRun(BaseModel):
    users: int = Field(description="active users looked at")
    sent: int
    already_sent: int
    nothing_due: int
    no_email: int


