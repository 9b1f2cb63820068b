"""Messages sent through the platform, in users' words, with no I/O: what an email or a text says (checked;
an email's HTML sanitised), who on the list gets it and through which address or number (or why not), and
each recipient's state as the send job takes it from included to sent. Times come from the use case."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from services.common.errors import FieldProblem, InUse, collect
from services.common.ids import new_id

from . import needs, post, variants
from .checks import address_field, merge_fields, phone_field, sanitise, text_field

EMAIL, TEXT, POST, SURVEY = "email", "text", "post", "survey"
CHANNELS = {EMAIL: "Email", TEXT: "Text", POST: "Post", SURVEY: "Survey"}
RECORD_CODES = {EMAIL: "emailed", TEXT: "texted", POST: "mailed", SURVEY: "questionnaire"}
SURVEY_METHODS = {"phone": "Phone", "postal": "Postal", "face_to_face": "Face to face"}  # the communication code each channel's records carry
DRAFT, SENDING, SENT = "draft", "sending", "sent"
GREETINGS = ("title_surname", "first_name")
SUBJECT_MAX, NAME_MAX, NOTES_MAX, TEXT_MAX = 200, 200, 4000, 200
HTML_MAX = 200_000  # characters of an email's content
TEXT_CONTENT_MAX = 1_600  # characters of a text's content (what text providers take in one message)

# A recipient's states: included (to be sent), excluded (with the reason), then what sending made of them
# (a text handed to the provider is sent, then delivered or failed as its delivery report says).
INCLUDED, EXCLUDED, CLAIMED, SENT_TO = "included", "excluded", "sending", "sent"
DELIVERED, BOUNCED, FAILED = "delivered", "bounced", "failed"
DONE = (SENT_TO, DELIVERED, BOUNCED, FAILED)
REASONS = {
    EMAIL: {"archived": "Archived", "opted_out": "Opted out of email", "no_email": "No email address",
            "contact_no_email": "The alternative contact has no email address"},
    TEXT: {"archived": "Archived", "opted_out": "Opted out of texts", "no_mobile": "No valid UK mobile number",
           "contact_no_mobile": "The alternative contact has no valid UK mobile number"},
    POST: {"archived": "Archived", "opted_out": "Opted out of post", "no_address": "No postal address",
           "contact_no_address": "The alternative contact has no postal address"},
    SURVEY: {"archived": "Archived", "opted_out": "Opted out of surveys of this kind", "no_phone": "No phone number",
             "no_address": "No postal address"},
}
# The outcome each state gives the recipient's communication record, when the delivery names none.
OUTCOMES = {SENT_TO: "sent", DELIVERED: "delivered", BOUNCED: "delivered_wrong_address", FAILED: "failed"}


@dataclass(frozen=True)
class Delivery:
    """What handing one message over made of it: sent (to the SMTP server or text provider), bounced or
    failed; the provider's own id for it (a text's, which its delivery reports name); what went wrong; and
    the outcome for the communication record ("" for the state's own)."""
    state: str
    error: str = ""
    provider_ref: str = ""
    outcome: str = ""

    @property
    def outcome_code(self) -> str:
        return self.outcome or OUTCOMES[self.state]


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
    text: str = ""  # a text message's content
    reply_to_number: str = ""  # a text's sender number (E.164), where replies come back
    mailing: str = ""  # post: a letter per person, or per household
    household_rules: post.HouseholdRules = post.HouseholdRules()  # post per household: who its letter names
    open_tracking: bool = False  # an email with a picture that records the recipient opening it
    variants: tuple[variants.Variant, ...] = ()  # the content in other first languages
    survey_method: str = ""  # a survey's: phone, postal or face_to_face

    @property
    def audience(self) -> str:
        """Who a list is built for: the channel, or a survey's "survey:<method>" (its opt-out and route)."""
        return f"{SURVEY}:{self.survey_method}" if self.channel == SURVEY else self.channel


# Addressee and Recipient are made 100,000 at a time as a list is built, so they are not frozen (a frozen
# dataclass's __init__ takes seven times as long); neither is ever changed in place: `replace` copies.
@dataclass(slots=True)
class Addressee:
    """What messaging needs of a person to address them (profiles' words: labels, text)."""
    person_id: str
    status: str
    title: str
    first_name: str
    surname: str
    personal_ref: str
    email: str
    opted_out: bool  # of the message's channel
    contact_name: str
    contact_email: str
    mobile: str = ""
    contact_phone: str = ""
    address: str = ""  # as post.postal keeps it ("" if nothing can be posted to it)
    contact_address: str = ""  # the alternative contact's, as written
    large_print: bool = False
    needs: tuple[str, ...] = ()  # communication needs (labels)
    first_language: str = ""  # label
    phone: str = ""  # a landline, for phone surveys

    @property
    def name(self) -> str:
        first, surname = self.first_name, self.surname
        return f"{first} {surname}" if first and surname else first or surname


@dataclass(slots=True)
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
    segments: int = 0  # a text's parts, as this recipient gets it: the credits it costs
    provider_ref: str = ""
    large_print: bool = False  # a letter in large print
    household_id: str = ""  # post per household: the household the letter goes to
    mailing_name: str = ""  # post: the name on the letter ("Mr A Lambert and Master G Lambert")
    copy: bytes = b""  # once sent: what they were sent, as rendering.copy keeps it
    language: str = ""  # the language variant they get ("": the message as written)

    @property
    def to_name(self) -> str:
        if self.mailing_name:
            return self.mailing_name
        return f"{self.contact_name} on behalf of {self.name}" if self.contact_name else self.name


def _not_for(channel: str, given: Mapping[str, str], names: tuple[str, ...], problems: list[FieldProblem]) -> None:
    for name in names:
        if (given.get(name) or "").strip():
            problems.append(FieldProblem(name, f"is not part of a {CHANNELS[channel].lower()} message"))


EMAIL_ONLY = ("sender_email", "reply_to", "subject", "html")
TEXT_ONLY = ("text", "reply_to_number")
POST_ONLY = ("mailing",)
SURVEY_ONLY = ("survey_method",)


def new_message(*, landlord_id: str, user_id: str, now: dt.datetime, today: dt.date, channel: str,
                description: str = "", sender_name: str = "", sender_email: str = "", reply_to: str = "",
                subject: str = "", html: str = "", greeting: str = "", landlord_contact: str = "",
                notes: str = "", text: str = "", reply_to_number: str = "", mailing: str = "",
                household_rules: Mapping | None = None, open_tracking: bool = False,
                variants_given: Sequence[Mapping[str, str]] = (), languages: Iterable[str] = (),
                survey_method: str = "") -> Message:
    """A draft message, checked, or InvalidInput naming every bad field: an email has a sender address,
    a subject and HTML content; a text has plain content and the number it comes from; post goes a letter
    per person or per household (whose letter names the occupants its rules include)."""
    problems: list[FieldProblem] = []
    channel = (channel or "").strip().lower()
    if channel not in CHANNELS:
        problems.append(FieldProblem("channel", "must be one of " + ", ".join(CHANNELS)))
    about = text_field(description, "description", TEXT_MAX, problems)
    sender = text_field(sender_name, "sender_name", NAME_MAX, problems, required=True)
    given = {"sender_email": sender_email, "reply_to": reply_to, "subject": subject, "html": html, "text": text,
             "reply_to_number": reply_to_number, "mailing": mailing, "survey_method": survey_method}
    sender_address = reply = subject = content = words = number = ""
    if channel == EMAIL:
        _not_for(EMAIL, given, TEXT_ONLY + POST_ONLY + SURVEY_ONLY, problems)
        sender_address = address_field(sender_email, "sender_email", problems, required=True)
        reply = address_field(reply_to, "reply_to", problems, required=False) or sender_address
        subject = text_field(given["subject"], "subject", SUBJECT_MAX, problems, required=True)
        content = (html or "").strip()
        if not content:
            problems.append(FieldProblem("html", "is required"))
        elif len(content) > HTML_MAX:
            problems.append(FieldProblem("html", f"must be at most {HTML_MAX:,} characters"))
        merge_fields(subject, "subject", problems)
        merge_fields(content, "html", problems)
        content = sanitise(content) if content else ""
    elif channel == TEXT:
        _not_for(TEXT, given, EMAIL_ONLY + POST_ONLY + SURVEY_ONLY, problems)
        words = text_field(text, "text", TEXT_CONTENT_MAX, problems, required=True)
        merge_fields(words, "text", problems)
        number = phone_field(reply_to_number, "reply_to_number", problems)
    elif channel == POST:
        _not_for(POST, given, EMAIL_ONLY + TEXT_ONLY + SURVEY_ONLY, problems)
        mailing = (mailing or post.PERSON_MAILING).strip().lower()
        if mailing not in post.MAILINGS:
            problems.append(FieldProblem("mailing", "must be one of " + ", ".join(post.MAILINGS)))
    elif channel == SURVEY:
        _not_for(SURVEY, given, EMAIL_ONLY + TEXT_ONLY + POST_ONLY, problems)
        survey_method = (survey_method or "").strip().lower()
        if survey_method not in SURVEY_METHODS:
            problems.append(FieldProblem("survey_method", "must be one of " + ", ".join(SURVEY_METHODS)))
    translated = variants.checked(variants_given, channel=channel, languages=languages, problems=problems)
    rules = post.HouseholdRules.given(household_rules, ruled := [])
    problems += [FieldProblem(field, reason) for field, reason in ruled]
    if rules and mailing != post.HOUSEHOLD_MAILING:
        problems.append(FieldProblem("household_rules", "only a post message sent per household has them"))
    greeting = (greeting or GREETINGS[0]).strip()
    if greeting not in GREETINGS:
        problems.append(FieldProblem("greeting", "must be one of " + ", ".join(GREETINGS)))
    contact = text_field(landlord_contact, "landlord_contact", TEXT_MAX, problems)
    noted = text_field(notes, "notes", NOTES_MAX, problems)
    collect(problems)
    kind = f"{SURVEY_METHODS[survey_method]} survey" if channel == SURVEY else CHANNELS[channel]
    reference = f"{kind} {sender} {today:%d/%m/%Y}" + (f" {about}" if about else "")
    return Message(new_id(), landlord_id, channel, reference, about, sender, sender_address, reply, subject,
                   content, greeting, contact, noted, DRAFT, now, user_id, text=words, reply_to_number=number,
                   mailing=mailing if channel == POST else "", household_rules=rules,
                   open_tracking=open_tracking and channel == EMAIL, variants=translated,
                   survey_method=survey_method if channel == SURVEY else "")


def reason_label(channel: str, reason: str) -> str:
    """What a reason for leaving someone off says: "No email address", "Held for a call: Braille cannot be
    met by email"..."""
    return REASONS[channel].get(reason) or needs.held_label(reason, channel) or reason


def only_in_draft(message: Message) -> Message:
    if message.status != DRAFT:
        raise InUse.field("message_id", f"the message is {message.status}: its list can no longer change")
    return message
