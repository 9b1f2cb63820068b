"""Communication records in users' words, with no I/O: the codes a record can carry (each communication
code with the outcome codes valid for it), a record's details and their checks, and the event telling
others a record was made, changed or deleted. Times (`now`, `today`) come from the use case."""
from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from services.common.errors import FieldProblem, InvalidInput, collect

TEXT_MAX = 200
NOTES_MAX = 4000
DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 500
MAX_PEOPLE = 10_000  # people one recorded contact may name


@dataclass(frozen=True)
class Code:
    code: str
    label: str
    outcomes: tuple[tuple[str, str], ...]  # (code, label), in the order shown


def _code(code: str, label: str, *outcomes: str) -> Code:
    return Code(code, label, tuple((o.lower().replace(" ", "_"), o) for o in outcomes))


# The product's communication codes: the first three are what messages sent through the platform record;
# every code may also be recorded by hand (a message sent from an officer's own mailbox, a phone call...).
CODES = (
    _code("emailed", "Emailed", "Sent", "Delivered", "Opened", "Delivered wrong address", "Failed", "Replied"),
    _code("texted", "Texted", "Sent", "Delivered", "Failed", "Illegal number", "Network error", "Blocked by user",
          "Replied"),
    _code("mailed", "Mailed", "Sent", "Returned to sender", "Replied"),
    _code("phoned", "Phoned", "Spoke to person", "Left a message", "No answer", "Wrong number"),
    _code("visited", "Visited", "Met in person", "Not at home", "Card left"),
    _code("met", "Face to face", "Met in person", "Did not attend"),
    _code("questionnaire", "Questionnaire", "Sent", "Completed", "Declined"),
    _code("other", "Other", "Done"),
)
BY_CODE = {c.code: c for c in CODES}


def new_id() -> str:
    return str(uuid.uuid4())


@dataclass(frozen=True)
class Details:
    communication_code: str
    outcome_code: str
    date: dt.date
    landlord_contact: str
    description: str
    notes: str
    satisfaction: int | None = None  # a survey's satisfaction score, 0-10, where one was given

    @property
    def communication_label(self) -> str:
        return BY_CODE[self.communication_code].label

    @property
    def outcome_label(self) -> str:
        return dict(BY_CODE[self.communication_code].outcomes)[self.outcome_code]


def _text(value: str | None, name: str, limit: int, problems: list[FieldProblem]) -> str:
    value = (value or "").strip()
    if len(value) > limit:
        problems.append(FieldProblem(name, f"must be at most {limit} characters"))
    return value


def details(*, communication_code: str, outcome_code: str, date: str, landlord_contact: str = "",
            description: str = "", notes: str = "", today: dt.date, prefix: str = "") -> Details:
    """Checked details of a record, or InvalidInput naming every bad field (`prefix` + field)."""
    problems: list[FieldProblem] = []
    code = BY_CODE.get((communication_code or "").strip().lower())
    if code is None:
        problems.append(FieldProblem(prefix + "communication_code",
                                     "is required" if not communication_code else
                                     "must be one of " + ", ".join(c.code for c in CODES)))
    outcome = (outcome_code or "").strip().lower()
    if code is not None and outcome not in dict(code.outcomes):
        problems.append(FieldProblem(prefix + "outcome_code",
                                     "is required" if not outcome else
                                     f"must be one of {', '.join(o for o, _ in code.outcomes)} for {code.code}"))
    when = _date(date, prefix + "date", today, problems)
    contact = _text(landlord_contact, prefix + "landlord_contact", TEXT_MAX, problems)
    about = _text(description, prefix + "description", TEXT_MAX, problems)
    noted = _text(notes, prefix + "notes", NOTES_MAX, problems)
    collect(problems)
    return Details(code.code, outcome, when, contact, about, noted)


def _date(value: str | None, name: str, today: dt.date, problems: list[FieldProblem]) -> dt.date | None:
    value = (value or "").strip()
    if not value:
        problems.append(FieldProblem(name, "is required"))
        return None
    try:
        parsed = dt.date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        parsed = None
    if parsed is None:
        problems.append(FieldProblem(name, "must be a date as YYYY-MM-DD"))
    elif parsed > today:
        problems.append(FieldProblem(name, "must not be in the future"))
    return parsed


@dataclass(frozen=True)
class CommunicationRecorded:
    """A record's whole current state (or its deletion), for consumers that keep the newest version."""
    landlord_id: str
    communication_id: str
    version: int
    person_id: str
    communication_code: str
    outcome_code: str
    date: dt.date
    message_id: str
    deleted: bool
    occurred_at: dt.datetime
    communication_label: str
    outcome_label: str
    satisfaction: int | None = None


@dataclass
class Communication:
    communication_id: str
    landlord_id: str
    person_id: str
    details: Details
    message_id: str
    version: int
    created_at: dt.datetime
    created_by: str
    updated_at: dt.datetime
    deleted: bool = False  # kept as a tombstone: its version, person, code, outcome and date; its words cleared
    events: list = field(default_factory=list)

    @classmethod
    def new(cls, *, landlord_id: str, person_id: str, details: Details, user_id: str, now: dt.datetime,
            message_id: str = "") -> "Communication":
        record = cls(new_id(), landlord_id, person_id, details, message_id, 1, now, user_id, now)
        record.events.append(record.state(now))
        return record

    def change(self, details: Details, now: dt.datetime) -> None:
        self.details, self.version, self.updated_at = details, self.version + 1, now
        self.events.append(self.state(now))

    def delete(self, now: dt.datetime) -> None:
        d = self.details
        self.details = Details(d.communication_code, d.outcome_code, d.date, "", "", "")
        self.version, self.updated_at, self.deleted = self.version + 1, now, True
        self.events.append(self.state(now))

    def state(self, now: dt.datetime) -> CommunicationRecorded:
        """The record as an event shows it (its deletion, once deleted)."""
        d = self.details
        return CommunicationRecorded(
            self.landlord_id, self.communication_id, self.version, self.person_id, d.communication_code,
            d.outcome_code, d.date, self.message_id, self.deleted, now, d.communication_label, d.outcome_label,
            None if self.deleted else d.satisfaction)


def paging(page: int, page_size: int) -> tuple[int, int]:
    """(page, page size) with the defaults; InvalidInput for a page size over the maximum."""
    size = page_size or DEFAULT_PAGE_SIZE
    if size < 0 or size > MAX_PAGE_SIZE:
        raise InvalidInput.field("page_size", f"must be between 1 and {MAX_PAGE_SIZE}")
    if page < 0:
        raise InvalidInput.field("page", "must be 1 or more")
    return max(page, 1), size
