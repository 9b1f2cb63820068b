"""Messages sent through the platform, in users' words, with no I/O: what an email says (checked and
sanitised), who on the list gets it and through which address (or why not), and each recipient's
state as the send job takes it from included to sent. Times come from the use case."""
from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass, replace

import nh3
from email_validator import EmailNotValidError, validate_email

from services.common.errors import FieldProblem, InUse, collect

EMAIL = "email"
CHANNELS = {EMAIL: "Email"}
DRAFT, SENDING, SENT = "draft", "sending", "sent"
GREETINGS = ("title_surname", "first_name")
SUBJECT_MAX, NAME_MAX, NOTES_MAX, TEXT_MAX = 200, 200, 4000, 200
HTML_MAX = 200_000  # characters of an email's content

# A recipient's states: included (to be sent), excluded (with the reason), then what sending made of them.
INCLUDED, EXCLUDED, CLAIMED, DELIVERED, BOUNCED, FAILED = "included", "excluded", "sending", "sent", "bounced", "failed"
DONE = (DELIVERED, BOUNCED, FAILED)
REASONS = {
    "archived": "Archived",
    "opted_out": "Opted out of email",
    "no_email": "No email address",
    "contact_no_email": "The alternative contact has no email address",
}
# The outcome each state gives the recipient's communication record (code emailed).
OUTCOMES = {DELIVERED: "sent", BOUNCED: "delivered_wrong_address", FAILED: "failed"}

MERGE_FIELD = re.compile(r"\{\{\s*([A-Za-z_]+)\s*\}\}")
MERGE_FIELDS = ("greeting", "title", "first_name", "surname", "full_name", "personal_ref")


def new_id() -> str:
    return str(uuid.uuid4())


@dataclass(frozen=True)
class Message:
    message_id: str
    landlord_id: str
    channel: str
    reference: str
    description: str
    sender_name: str
    sender_email: str
    reply_to: str
    subject: str
    html: str
    greeting: str
    landlord_contact: str
    notes: str
    status: str
    created_at: dt.datetime
    created_by: str
    sent_at: dt.datetime | None = None


@dataclass(frozen=True)
class Addressee:
    """What messaging needs of a person to address them (profiles' words: labels, text)."""
    person_id: str
    status: str
    title: str
    first_name: str
    surname: str
    personal_ref: str
    email: str
    opted_out: bool
    contact_name: str
    contact_email: str

    @property
    def name(self) -> str:
        return " ".join(p for p in (self.first_name, self.surname) if p)


@dataclass(frozen=True)
class Recipient:
    person_id: str
    name: str
    state: str
    reason: str = ""
    to_address: str = ""
    contact_name: str = ""  # the alternative contact the message goes to instead; "" for the person
    title: str = ""
    first_name: str = ""
    surname: str = ""
    personal_ref: str = ""
    communication_id: str = ""
    error: str = ""

    @property
    def to_name(self) -> str:
        return f"{self.contact_name} on behalf of {self.name}" if self.contact_name else self.name


def _text(value: str | None, name: str, limit: int, problems: list[FieldProblem], required: bool = False) -> str:
    value = (value or "").strip()
    if required and not value:
        problems.append(FieldProblem(name, "is required"))
    elif len(value) > limit:
        problems.append(FieldProblem(name, f"must be at most {limit} characters"))
    return value


def email_address(value: str) -> str | None:
    """The address as email-validator normalises it; None if it is not a usable address."""
    try:
        return validate_email(value, check_deliverability=False).normalized
    except EmailNotValidError:
        return None


def _address(value: str | None, name: str, problems: list[FieldProblem], required: bool) -> str:
    value = (value or "").strip()
    if not value:
        if required:
            problems.append(FieldProblem(name, "is required"))
        return ""
    try:
        return validate_email(value, check_deliverability=False).normalized
    except EmailNotValidError as error:
        problems.append(FieldProblem(name, f"is not an email address: {error}"))
        return value


def _merge_fields(value: str, name: str, problems: list[FieldProblem]) -> None:
    unknown = sorted({m.group(1) for m in MERGE_FIELD.finditer(value)} - set(MERGE_FIELDS))
    if unknown:
        problems.append(FieldProblem(name, f"has merge fields that do not exist: {', '.join(unknown)} "
                                           f"(known: {', '.join(MERGE_FIELDS)})"))


def sanitise(html: str) -> str:
    """The content with scripts, event handlers and other active parts taken out (nh3); pictures stay."""
    return nh3.clean(html, url_schemes={"http", "https", "mailto", "cid"})


def new_message(*, landlord_id: str, user_id: str, now: dt.datetime, today: dt.date, channel: str,
                description: str = "", sender_name: str = "", sender_email: str = "", reply_to: str = "",
                subject: str = "", html: str = "", greeting: str = "", landlord_contact: str = "",
                notes: str = "") -> Message:
    """A draft message, checked, or InvalidInput naming every bad field."""
    problems: list[FieldProblem] = []
    channel = (channel or "").strip().lower()
    if channel not in CHANNELS:
        problems.append(FieldProblem("channel", "must be one of " + ", ".join(CHANNELS)))
    about = _text(description, "description", TEXT_MAX, problems)
    sender = _text(sender_name, "sender_name", NAME_MAX, problems, required=True)
    sender_address = _address(sender_email, "sender_email", problems, required=True)
    reply = _address(reply_to, "reply_to", problems, required=False) or sender_address
    subject = _text(subject, "subject", SUBJECT_MAX, problems, required=True)
    content = (html or "").strip()
    if not content:
        problems.append(FieldProblem("html", "is required"))
    elif len(content) > HTML_MAX:
        problems.append(FieldProblem("html", f"must be at most {HTML_MAX:,} characters"))
    _merge_fields(subject, "subject", problems)
    _merge_fields(content, "html", problems)
    greeting = (greeting or GREETINGS[0]).strip()
    if greeting not in GREETINGS:
        problems.append(FieldProblem("greeting", "must be one of " + ", ".join(GREETINGS)))
    contact = _text(landlord_contact, "landlord_contact", TEXT_MAX, problems)
    noted = _text(notes, "notes", NOTES_MAX, problems)
    collect(problems)
    reference = f"{CHANNELS[channel]} {sender} {today:%d/%m/%Y}" + (f" {about}" if about else "")
    return Message(new_id(), landlord_id, channel, reference, about, sender, sender_address, reply, subject,
                   sanitise(content), greeting, contact, noted, DRAFT, now, user_id)


def route(person: Addressee) -> Recipient:
    """Who gets the email for this person and at which address (their alternative contact where they have
    one: "<contact> on behalf of <person>"), or why nobody does."""
    base = Recipient(person.person_id, person.name, INCLUDED, title=person.title, first_name=person.first_name,
                     surname=person.surname, personal_ref=person.personal_ref)
    if person.status != "current":
        return replace(base, state=EXCLUDED, reason="archived")
    if person.opted_out:
        return replace(base, state=EXCLUDED, reason="opted_out")
    if person.contact_name or person.contact_email:
        address = email_address(person.contact_email) if person.contact_email else None
        if address is None:
            return replace(base, state=EXCLUDED, reason="contact_no_email")
        return replace(base, to_address=address, contact_name=person.contact_name or address)
    address = email_address(person.email) if person.email else None
    if address is None:
        return replace(base, state=EXCLUDED, reason="no_email")
    return replace(base, to_address=address)


def greeting_line(message: Message, recipient: Recipient) -> str:
    """ "Dear Mr Adams" or "Dear Alan" (an alternative contact by their name); never a dangling "Dear J":
    a bare initial falls back to title and surname, then to "Dear resident"."""
    if recipient.contact_name:
        return f"Dear {recipient.contact_name}"
    first = recipient.first_name if len(recipient.first_name.strip(". ")) > 1 else ""
    formal = f"{recipient.title} {recipient.surname}" if recipient.title and recipient.surname else ""
    chosen = (formal or first) if message.greeting == "title_surname" else (first or formal)
    return f"Dear {chosen}" if chosen else "Dear resident"


def render(message: Message, recipient: Recipient) -> tuple[str, str]:
    """(subject, html) as this recipient gets them: merge fields filled (HTML-escaped in the content)."""
    values = {"greeting": greeting_line(message, recipient), "title": recipient.title,
              "first_name": recipient.first_name, "surname": recipient.surname,
              "full_name": recipient.name, "personal_ref": recipient.personal_ref}

    def fill(text: str, escape) -> str:
        return MERGE_FIELD.sub(lambda m: escape(values.get(m.group(1), "")), text)

    return fill(message.subject, lambda v: v), fill(message.html, _escape)


def _escape(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def only_in_draft(message: Message) -> Message:
    if message.status != DRAFT:
        raise InUse.field("message_id", f"the message is {message.status}: its list can no longer change")
    return message
