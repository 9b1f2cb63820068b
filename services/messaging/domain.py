"""Communication records in users' words, with no I/O: the codes a record can carry (each communication
code with the outcome codes valid for it: the product's, which every landlord starts with, and a
landlord's own list, its catalogue), a record's details and their checks against the landlord's catalogue,
and the event telling others a record was made, changed or deleted. Times (`now`, `today`) come from the
use case."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from functools import cached_property

from services.common.dates import iso_date
from services.common.errors import FieldProblem, InvalidInput, collect
from services.common.ids import new_id

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
    colour: str  # as an interaction type, with white text on it


def _code(code: str, label: str, colour: str, *outcomes: str) -> Code:
    return Code(code, label, tuple((o.lower().replace(" ", "_"), o) for o in outcomes), colour)


# The product's communication codes, which are also the product's interaction types: the first three are what
# messages sent through the platform record; every code may also be recorded by hand (a message sent from an
# officer's own mailbox, a phone call, a complaint...). Each colour has white text on it readable (codes/colours.py).
CODES = (
    _code("emailed", "Emailed", "#1F5FA8", "Sent", "Delivered", "Opened", "Delivered wrong address", "Failed",
          "Replied"),
    _code("texted", "Texted", "#6A3D9A", "Sent", "Delivered", "Failed", "Illegal number", "Network error",
          "Blocked by user", "Replied"),
    _code("mailed", "Mailed", "#8C5A1E", "Sent", "Returned to sender", "Replied"),
    _code("phoned", "Phoned", "#1E7A46", "Spoke to person", "Left a message", "No answer", "Wrong number"),
    _code("visited", "Visited", "#A23B12", "Met in person", "Not at home", "Card left"),
    _code("met", "Face to face", "#0F6E75", "Met in person", "Did not attend"),
    _code("questionnaire", "Questionnaire", "#5B4B8A", "Sent", "Completed", "Declined"),
    _code("other", "Other", "#4D5A66", "Done"),
    _code("meeting", "Meeting", "#2F4F8F", "Attended", "Did not attend"),
    _code("complaint", "Complaint", "#B0162B", "Received", "Resolved"),
    _code("compliment", "Compliment", "#3B6E1F", "Received"),
    _code("safeguarding_concern", "Safeguarding concern", "#7A1F5C", "Raised", "Referred on"),
)
DEFAULT_COLOUR, WHITE = "#4D5A66", "#FFFFFF"  # a type made without a colour: slate, with white text
BY_CODE = {c.code: c for c in CODES}


@dataclass(frozen=True)
class Outcome:
    """An outcome code of a landlord's communication code; an archived one is offered for no new record."""
    code: str
    label: str
    archived: bool = False


@dataclass(frozen=True)
class CommunicationCode:
    """A communication code of a landlord's list, with its outcome codes in the order shown."""
    code: str
    label: str
    outcomes: tuple[Outcome, ...]
    archived: bool = False
    colour: str = DEFAULT_COLOUR  # as an interaction type
    text_colour: str = WHITE

    def outcome(self, code: str) -> Outcome | None:
        return next((o for o in self.outcomes if o.code == code), None)

    @property
    def current_outcomes(self) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if not o.archived)


@dataclass(frozen=True)
class Catalogue:
    """A landlord's communication codes (archived ones too) in the order shown: what its records may carry,
    and the labels they show. A code it does not have (a deleted record's) shows the product's label, else
    the code itself."""
    codes: tuple[CommunicationCode, ...]

    @cached_property
    def _by_code(self) -> dict[str, CommunicationCode]:
        return {c.code: c for c in self.codes}

    def code(self, code: str) -> CommunicationCode | None:
        return self._by_code.get(code)

    def communication_label(self, code: str) -> str:
        found = self.code(code) or BY_CODE.get(code)
        return found.label if found else code

    def outcome_label(self, code: str, outcome: str) -> str:
        found = self.code(code)
        listed = found.outcome(outcome) if found else None
        if listed is not None:
            return listed.label
        return dict(BY_CODE[code].outcomes).get(outcome, outcome) if code in BY_CODE else outcome


# The product's list: every landlord's until the landlord changes its own.
PRODUCT = Catalogue(tuple(CommunicationCode(c.code, c.label, tuple(Outcome(o, label) for o, label in c.outcomes),
                                            colour=c.colour) for c in CODES))


@dataclass(frozen=True)
class Details:
    communication_code: str
    outcome_code: str
    date: dt.date
    landlord_contact: str
    description: str
    notes: str
    satisfaction: int | None = None  # a survey's satisfaction score, 0-10, where one was given
    catalogue: Catalogue | None = field(default=None, compare=False, repr=False)  # labels from; None: PRODUCT

    @property
    def communication_label(self) -> str:
        return (self.catalogue or PRODUCT).communication_label(self.communication_code)

    @property
    def outcome_label(self) -> str:
        return (self.catalogue or PRODUCT).outcome_label(self.communication_code, self.outcome_code)


def _text(value: str | None, name: str, limit: int, problems: list[FieldProblem]) -> str:
    value = (value or "").strip()
    if len(value) > limit:
        problems.append(FieldProblem(name, f"must be at most {limit} characters"))
    return value


def details(*, communication_code: str, outcome_code: str, date: str, landlord_contact: str = "",
            description: str = "", notes: str = "", today: dt.date, prefix: str = "",
            catalogue: Catalogue = PRODUCT, kept: tuple[str, str] = ("", "")) -> Details:
    """Checked details of a record, or InvalidInput naming every bad field (`prefix` + field). The codes must
    be current ones of the landlord's `catalogue`, but for `kept`: the (code, outcome) a record being changed
    has, which it keeps though archived."""
    problems: list[FieldProblem] = []
    given = (communication_code or "").strip().lower()
    code = _communication_code(given, catalogue, kept[0], prefix + "communication_code", problems)
    outcome = (outcome_code or "").strip().lower()
    if code is not None:
        found = code.outcome(outcome)
        if not outcome:
            problems.append(FieldProblem(prefix + "outcome_code", "is required"))
        elif found is None or (found.archived and (code.code, outcome) != kept):
            problems.append(FieldProblem(prefix + "outcome_code",
                                         _refusal(found, code.current_outcomes, f" for {code.code}")))
    when = _date(date, prefix + "date", today, problems)
    contact = _text(landlord_contact, prefix + "landlord_contact", TEXT_MAX, problems)
    about = _text(description, prefix + "description", TEXT_MAX, problems)
    noted = _text(notes, prefix + "notes", NOTES_MAX, problems)
    collect(problems)
    return Details(code.code, outcome, when, contact, about, noted, catalogue=catalogue)


def _communication_code(given: str, catalogue: Catalogue, kept: str, name: str,
                        problems: list[FieldProblem]) -> CommunicationCode | None:
    """The landlord's code `given`, if a record may carry it (a current one, or the one it keeps)."""
    found = catalogue.code(given)
    if found is not None and (not found.archived or given == kept):
        return found
    problems.append(FieldProblem(name, "is required" if not given else
                                 _refusal(found, tuple(c for c in catalogue.codes if not c.archived))))
    return None


def _refusal(found: Outcome | CommunicationCode | None, current: tuple, where: str = "") -> str:
    """Why a code is not taken: it is archived (`found`) or unknown; the current ones are named."""
    codes = ", ".join(c.code for c in current)
    if not codes:
        return f"there are no current ones{where}: add one first"
    return f"{'is archived: choose' if found is not None else 'must be'} one of {codes}{where}"


def _date(value: str | None, name: str, today: dt.date, problems: list[FieldProblem]) -> dt.date | None:
    try:
        parsed = iso_date(value, name)
    except InvalidInput as refused:
        problems += refused.fields
        return None
    if parsed > today:
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
    changed_by: str = ""  # the user whose change this is; "" for the platform's own
    changes: tuple[tuple[str, str, str], ...] = ()  # (field, old, new) as the person's history shows the change


CHANGE_MAX = 500  # what the person's history shows of a long description


def _as_interaction(d: Details | None) -> dict[str, str]:
    """An interaction's fields as the person's history names and shows them."""
    if d is None:
        return {}
    return {"interaction type": d.communication_label, "title": d.description,
            "description": d.notes[:CHANGE_MAX], "date": d.date.isoformat(), "outcome": d.outcome_label}


def interaction_changes(old: Details | None, new: Details | None) -> tuple[tuple[str, str, str], ...]:
    """What the person's history says of an interaction added (old None), changed, or deleted (new None)."""
    if old is None or new is None:
        shown = new or old
        summary = (f"{shown.communication_label}: {shown.description}" if shown.description
                   else shown.communication_label)
        return (("interaction", "", summary) if old is None else ("interaction", summary, ""),)
    before, after = _as_interaction(old), _as_interaction(new)
    return tuple((name, before[name], after[name]) for name in before if before[name] != after[name])


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
            message_id: str = "", by_hand: bool = False) -> "Communication":
        """A record; one made `by_hand` by the user is an interaction added, in the person's history."""
        record = cls(new_id(), landlord_id, person_id, details, message_id, 1, now, user_id, now)
        by = user_id if by_hand else ""
        record.events.append(record.state(now, by, interaction_changes(None, details) if by else ()))
        return record

    def change(self, details: Details, now: dt.datetime, by: str = "") -> None:
        """Changed; by a user (`by`): each field changed goes into the person's history."""
        was, self.details, self.version, self.updated_at = self.details, details, self.version + 1, now
        self.events.append(self.state(now, by, interaction_changes(was, details) if by else ()))

    def delete(self, now: dt.datetime, by: str = "") -> None:
        was = self.details
        self.details = replace(self.details, landlord_contact="", description="", notes="", satisfaction=None)
        self.version, self.updated_at, self.deleted = self.version + 1, now, True
        self.events.append(self.state(now, by, interaction_changes(was, None) if by else ()))

    def state(self, now: dt.datetime, by: str = "", changes: tuple = ()) -> CommunicationRecorded:
        """The record as an event shows it (its deletion, once deleted)."""
        d = self.details
        return CommunicationRecorded(
            self.landlord_id, self.communication_id, self.version, self.person_id, d.communication_code,
            d.outcome_code, d.date, self.message_id, self.deleted, now, d.communication_label, d.outcome_label,
            None if self.deleted else d.satisfaction, by, changes if by else ())


def paging(page: int, page_size: int) -> tuple[int, int]:
    """(page, page size) with the defaults; InvalidInput for a page size over the maximum."""
    size = page_size or DEFAULT_PAGE_SIZE
    if size < 0 or size > MAX_PAGE_SIZE:
        raise InvalidInput.field("page_size", f"must be between 1 and {MAX_PAGE_SIZE}")
    if page < 0:
        raise InvalidInput.field("page", "must be 1 or more")
    return max(page, 1), size
