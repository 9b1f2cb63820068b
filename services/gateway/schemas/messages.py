"""Request and response bodies of messages sent through the platform (pydantic models; they are the
OpenAPI schemas too)."""
from __future__ import annotations

from datetime import date
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from services.common.criteria import CRITERIA_SCHEMA

from ..forms import UploadedFile
from . import PAGE, Body, JsonObject

class HouseholdRules(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"tenancy_types": ["General needs"], "age_bands": ["16-24", "25-44", "45-64", "65+"]}]})

    tenancy_types: list[str] = Field(default_factory=list, max_length=50, description="labels; empty: any")
    age_bands: list[str] = Field(default_factory=list, max_length=50, description="labels; empty: any (leave out "
                                                                                   "under-16s by naming the others)")
    household_statuses: list[str] = Field(default_factory=list, max_length=50, description="labels; empty: any")


class VariantIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    language: str = Field(min_length=1, max_length=100, description="one of the landlord's first languages")
    subject: str = Field("", max_length=200, description="an email's subject in this language")
    html: str = Field("", max_length=200_000, description="an email's content in this language (sanitised)")
    text: str = Field("", max_length=1_600, description="a text's content in this language")


MERGE = "merge fields: {{greeting}}, {{title}}, {{first_name}}, {{surname}}, {{full_name}}, {{personal_ref}}"


class NewMessage(Body):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": [{
        "channel": "email", "description": "Repairs survey", "sender_name": "Northfield Homes",
        "sender_email": "hello@example.org", "subject": "Your repairs, {{first_name}}",
        "html": "<p>{{greeting}},</p><p>Tell us how your repairs went.</p>", "greeting": "title_surname",
        "landlord_contact": "Sam Officer", "notes": "Autumn round",
        "variants": [{"language": "Welsh", "subject": "Eich atgyweiriadau, {{first_name}}",
                      "html": "<p>{{greeting}},</p><p>Dywedwch wrthym sut aeth eich atgyweiriadau.</p>"}]}, {
        "channel": "text", "sender_name": "Northfield Homes", "reply_to_number": "07700 900001",
        "text": "{{greeting}}, your gas safety check is due. Reply to this number to book.",
        "greeting": "first_name"}, {
        "channel": "post", "sender_name": "Northfield Homes", "description": "Rent letter", "mailing": "household",
        "household_rules": {"household_statuses": ["Head", "Joint"]}}]})

    channel: Literal["email", "text", "post", "survey"] = Field(description=(
        "email, text, post (a mail-merge file for the post room; sending records the letters as mailed) or "
        "survey (a list for the survey team, whose results come back as records)"))
    description: str = Field("", max_length=200, description="added to the generated reference")
    sender_name: str = Field("", max_length=200, description="empty: the landlord's default (required if none)")
    sender_email: str = Field("", max_length=254, description=(
        "an email's sender address (required for email; empty: the landlord's default)"))
    reply_to: str = Field("", max_length=254, description=(
        "an email's reply-to; empty: the landlord's default, else the sender's address"))
    subject: str = Field("", max_length=200, description="an email's subject (required for email); " + MERGE)
    html: str = Field("", max_length=200_000, description=(
        "an email's content (required for email); " + MERGE + "; scripts and other active parts are removed"))
    text: str = Field("", max_length=1_600, description=(
        "a text's content (required for a text): plain; " + MERGE + "; each recipient's parts (160 GSM-7 "
        "characters, or 70 when it needs UCS-2; 153 / 67 each when longer) cost a credit each"))
    reply_to_number: str = Field("", max_length=20, description=(
        "a text's sender number, where replies come back (required for a text), e.g. 07700 900123"))
    greeting: Literal["title_surname", "first_name"] = Field(
        "title_surname", description="{{greeting}}: Dear Mr Adams, or Dear Alan (never a bare initial)")
    landlord_contact: str = Field("", max_length=200, description="on each recipient's communication record")
    notes: str = Field("", max_length=4000, description="on each recipient's communication record")
    mailing: Optional[Literal["person", "household"]] = Field(None, description=(
        "post: a letter per person (default), or per household, named for its occupants the rules include "
        "(\"Mr A Lambert and Master G Lambert\")"))
    household_rules: Optional[HouseholdRules] = Field(None, description=(
        "post per household: which occupants its letter names (each rule any of its labels; all rules must hold)"))
    survey_method: Optional[Literal["phone", "postal", "face_to_face"]] = Field(None, description=(
        "a survey's (required for one): people who opted out of such surveys are left off"))
    variants: list[VariantIn] = Field(default_factory=list, max_length=12, description=(
        "the content in other first languages: a person whose first language has one gets it (email: subject "
        "and html; text: text)"))


class MessageQuery(Body):
    channel: Optional[Literal["email", "text", "post", "survey"]] = None
    status: Optional[Literal["draft", "sending", "sent"]] = None
    reference: str = Field("", max_length=300, description="words found anywhere in the reference, any case")
    notes: str = Field("", max_length=200, description="words found anywhere in the notes")
    landlord_contact: str = Field("", max_length=200, description="words found anywhere in the landlord contact")
    created_from: Optional[date] = Field(None, description="written on or after this day (UTC)")
    created_to: Optional[date] = Field(None, description="written on or before this day (UTC)")
    page: int = PAGE
    page_size: int = Field(50, ge=1, le=500)


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
    reason: str = Field(description="archived, opted_out, no_email, contact_no_email (email); archived, opted_out, "
                                    "no_mobile, contact_no_mobile (text); archived, opted_out, no_address, "
                                    "contact_no_address (post)")
    label: str
    count: int


class AttachmentOut(BaseModel):
    file_name: str
    content_type: str = Field(description="told from its bytes")
    size_bytes: int
    sha256: str
    uploaded_at: str
    uploaded_by: str


class AttachmentUpload(Body):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"file": "open-day.pdf"}]})

    file: UploadedFile = Field(description=(
        "at most 5 MiB; an email's: a document (PDF, Word, Excel, PowerPoint, OpenDocument, RTF, text) or a "
        "picture; a letter's: its template document (Word, OpenDocument, RTF or PDF)"))


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
    sent: int = Field(description="handed to the mail server or text provider")
    delivered: int = Field(description="texts the provider reported delivered")
    bounced: int
    failed: int
    text: str = Field(description="a text's content")
    reply_to_number: str = Field(description="a text's sender number (E.164)")
    credits_needed: int = Field(description="a text message: the parts still to be sent, one credit each")
    mailing: Optional[Literal["person", "household"]] = Field(description="post: a letter per person or household")
    household_rules: HouseholdRules
    attachment: Optional[AttachmentOut] = Field(description="an email's file, or a letter's template document")
    open_tracking: bool = Field(description="an email that records opens (the landlord's default when written)")
    variants: list[VariantIn] = Field(description="the content in other first languages")
    survey_method: Optional[Literal["phone", "postal", "face_to_face"]] = Field(description="a survey's")
    created_at: str
    created_by: str
    sent_at: Optional[str] = Field(description="when the last recipient was done")


class RecipientOut(BaseModel):
    person_id: str
    name: str
    state: Literal["included", "excluded", "sending", "sent", "delivered", "bounced", "failed"]
    reason: Optional[str] = Field(description="why they are excluded")
    reason_label: Optional[str]
    to_address: Optional[str]
    to_name: Optional[str] = Field(description="the person, or '<contact> on behalf of <person>'")
    subject: Optional[str] = Field(description="as this recipient gets it")
    html: Optional[str] = Field(description="as this recipient gets it")
    text: Optional[str] = Field(description="a text as this recipient gets it")
    segments: int = Field(description="a text's parts for this recipient (credits)")
    error: Optional[str] = Field(description="why sending failed")
    communication_id: Optional[str] = Field(description="the record sending made")
    large_print: bool = Field(description="a letter in large print (the person's preference or need)")
    household_id: Optional[str] = Field(description="post per household: the household the letter goes to")
    language: Optional[str] = Field(description="the language variant they get (none: the message as written)")


class FileQuery(Body):
    format: Literal["xlsx", "csv"] = Field("xlsx", description="the file's format")


class MessagesFound(BaseModel):
    total: int
    page: int
    page_size: int
    items: list[MessageOut] = Field(description="newest first")


class MessagePreview(BaseModel):
    message: MessageOut
    total: int = Field(description="people on the list, included and excluded")
    page: int
    page_size: int
    items: list[RecipientOut] = Field(description="included first, then excluded, each by name")


class TextStatusReport(BaseModel):
    """A delivery report as the text provider posts it (Twilio's status callback); every field it sends is
    kept, as its signature covers them all."""
    model_config = ConfigDict(extra="allow", json_schema_extra={"examples": [{
        "MessageSid": "SM0123456789abcdef0123456789abcdef", "MessageStatus": "undelivered", "ErrorCode": "30006",
        "AccountSid": "ACtenanttrackerlocal", "From": "+447700900001", "To": "+447700900123"}]})

    MessageSid: str = Field(min_length=1, max_length=64)
    MessageStatus: str = Field(min_length=1, max_length=20, description="queued, sent, delivered, undelivered, failed")
    ErrorCode: Optional[str] = Field(None, max_length=10)


class TextReply(BaseModel):
    """A text a person sent back, as the provider posts it (Twilio's incoming-message webhook)."""
    model_config = ConfigDict(extra="allow", json_schema_extra={"examples": [{
        "MessageSid": "SM0123456789abcdef0123456789abcdef", "AccountSid": "ACtenanttrackerlocal",
        "From": "+447700900123", "To": "+447700900001", "Body": "STOP"}]})

    From: str = Field(min_length=1, max_length=32)
    To: str = Field(min_length=1, max_length=32)
    Body: str = Field("", max_length=1_600)


class CreditTopUp(Body):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"credits": 5000, "note": "PO 1234"}]})

    credits: int = Field(ge=1, le=10_000_000)
    note: str = Field("", max_length=200, description="e.g. the order the credits were bought with")


class CreditMovementOut(BaseModel):
    id: str
    kind: Literal["top_up", "spend", "refund"]
    credits: int = Field(description="added (+) or taken (-)")
    balance_after: int
    message_id: Optional[str] = Field(description="the message that spent them or got them back")
    note: str
    created_at: str
    created_by: str


class TextCreditsOut(BaseModel):
    balance: int
    low: bool = Field(description="the balance is below low_below: time to buy more")
    low_below: int
    total: int = Field(description="movements in all")
    page: int
    page_size: int
    items: list[CreditMovementOut] = Field(description="movements, newest first")


class UnsubscribeLink(Body):
    token: str = Field(min_length=1, max_length=300, description="the signed part of an email's unsubscribe link")
