"""Request and response bodies of communication records: one per person per contact (pydantic models;
they are the OpenAPI schemas too)."""
from __future__ import annotations

from typing import Optional

from pydantic import BaseModel, ConfigDict, Field

from . import Body, DateText, JsonObject
from .groups import optional_criteria

MAX_PEOPLE = 10_000  # people one recorded contact may name

CODE = Field(min_length=1, max_length=40, description="a communication code: GET /api/v1/communication-codes")
OUTCOME = Field(min_length=1, max_length=60, description="an outcome code valid for the communication code")


class NewCommunications(Body):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": [{
        "person_ids": ["6f1c2b9e-0000-4000-8000-000000000001"], "communication_code": "phoned",
        "outcome_code": "spoke_to_person", "date": "2026-11-30", "landlord_contact": "Sam Officer",
        "description": "Rent arrears call", "notes": "Agreed a payment plan"}, {
        "criteria": {"admin_group": ["6f1c2b9e-0000-4000-8000-000000000002"]}, "communication_code": "visited",
        "outcome_code": "card_left", "date": "2026-11-30", "landlord_contact": "Sam Officer"}]})

    person_ids: Optional[list[str]] = Field(None, min_length=1, max_length=MAX_PEOPLE, description=(
        "one record is made for each (repeats once); all current people. Give these or criteria"))
    criteria: Optional[JsonObject] = optional_criteria(
        "instead of person_ids, the list as a message's is built: a group ({\"admin_group\": [id]}), a template "
        "({\"search_template\": [id]}) or any criteria, picking 1 to 10,000 current people")
    communication_code: str = CODE
    outcome_code: str = OUTCOME
    date: DateText = Field(description="when the contact happened; not in the future")
    landlord_contact: str = Field("", max_length=200, description="who made the contact for the landlord")
    description: str = Field("", max_length=200)
    notes: str = Field("", max_length=4000)


class CommunicationChanges(Body):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": [{
        "outcome_code": "left_a_message", "notes": "Voicemail; will try again Friday"}]})

    communication_code: Optional[str] = Field(None, min_length=1, max_length=40,
                                              description="give outcome_code too unless it suits the new code")
    outcome_code: Optional[str] = Field(None, min_length=1, max_length=60)
    date: Optional[DateText] = None
    landlord_contact: Optional[str] = Field(None, max_length=200)
    description: Optional[str] = Field(None, max_length=200)
    notes: Optional[str] = Field(None, max_length=4000)


class Recorded(BaseModel):
    recorded: int
    communication_ids: list[str] = Field(description="in the order of person_ids, repeats left out")


class CommunicationOut(BaseModel):
    id: str
    person_id: str
    communication_code: str
    communication_label: str
    outcome_code: str
    outcome_label: str
    date: str
    landlord_contact: str
    description: str
    notes: str
    satisfaction: Optional[int] = Field(None, description="a survey's satisfaction score, 0-10, where given")
    message_id: Optional[str] = Field(description="the message that made it; null for a contact recorded by hand")
    created_at: str
    created_by: str = Field(description="user id")
    updated_at: str


class CommunicationList(BaseModel):
    total: int
    items: list[CommunicationOut]

