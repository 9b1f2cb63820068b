"""Request and response bodies of messages sent through the platform (pydantic models; they are the
OpenAPI schemas too)."""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from services.common.criteria import CRITERIA_SCHEMA

from . import Body, JsonObject

MERGE = "merge fields: {{greeting}}, {{title}}, {{first_name}}, {{surname}}, {{full_name}}, {{personal_ref}}"


class NewMessage(Body):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": [{
        "channel": "email", "description": "Repairs survey", "sender_name": "Northfield Homes",
        "sender_email": "hello@example.org", "subject": "Your repairs, {{first_name}}",
        "html": "<p>{{greeting}},</p><p>Tell us how your repairs went.</p>", "greeting": "title_surname",
        "landlord_contact": "Sam Officer", "notes": "Autumn round"}]})

    channel: Literal["email"] = Field(description="email (texts and post follow)")
    description: str = Field("", max_length=200, description="added to the generated reference")
    sender_name: str = Field(min_length=1, max_length=200)
    sender_email: str = Field(min_length=1, max_length=254)
    reply_to: str = Field("", max_length=254, description="empty: the sender's address")
    subject: str = Field(min_length=1, max_length=200, description=MERGE)
    html: str = Field(min_length=1, max_length=200_000,
                      description="the email's content; " + MERGE + "; scripts and other active parts are removed")
    greeting: Literal["title_surname", "first_name"] = Field(
        "title_surname", description="{{greeting}}: Dear Mr Adams, or Dear Alan (never a bare initial)")
    landlord_contact: str = Field("", max_length=200, description="on each recipient's communication record")
    notes: str = Field("", max_length=4000, description="on each recipient's communication record")


class RecipientsToAdd(Body):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"criteria": {"admin_group": ["6f1c2b9e-0000-4000-8000-000000000002"]}},
        {"criteria": {"person_id": ["6f1c2b9e-0000-4000-8000-000000000001"]}}]})

    criteria: JsonObject = Field(json_schema_extra=CRITERIA_SCHEMA, description=(
        "who joins the list: people by hand ({\"person_id\": [...]}), a group ({\"admin_group\": [id]}), "
        "a template ({\"search_template\": [id]}) or any criteria"))


class RecipientsToRemove(Body):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"person_ids": ["6f1c2b9e-0000-4000-8000-000000000001"]}, {"all": True}]})

    person_ids: list[str] = Field(default_factory=list, max_length=10_000)
    all: bool = Field(False, description="clear the whole list")


class ReasonCount(BaseModel):
    reason: str = Field(description="archived, opted_out, no_email, contact_no_email")
    label: str
    count: int


class MessageOut(BaseModel):
    id: str
    channel: str
    reference: str = Field(description="<Type> <sender name> <dd/mm/yyyy> and the description")
    status: Literal["draft", "sending", "sent"]
    sender_name: str
    sender_email: str
    reply_to: str
    subject: str
    html: str = Field(description="as sanitised")
    greeting: str
    landlord_contact: str
    notes: str
    included: int = Field(description="on the list to be sent (or sent)")
    excluded: list[ReasonCount]
    waiting: int = Field(description="included and not yet sent")
    sent: int
    bounced: int
    failed: int
    created_at: str
    created_by: str
    sent_at: Optional[str] = Field(description="when the last recipient was done")


class RecipientOut(BaseModel):
    person_id: str
    name: str
    state: Literal["included", "excluded", "sending", "sent", "bounced", "failed"]
    reason: Optional[str] = Field(description="why they are excluded")
    reason_label: Optional[str]
    to_address: Optional[str]
    to_name: Optional[str] = Field(description="the person, or '<contact> on behalf of <person>'")
    subject: Optional[str] = Field(description="as this recipient gets it")
    html: Optional[str] = Field(description="as this recipient gets it")
    communication_id: Optional[str] = Field(description="the record sending made")


class MessagePreview(BaseModel):
    message: MessageOut
    total: int = Field(description="people on the list, included and excluded")
    page: int
    page_size: int
    items: list[RecipientOut] = Field(description="included first, then excluded, each by name")
