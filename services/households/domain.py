"""Households rules with no I/O: what households knows of a person, where a change of a person
places them, and the event a changed household announces."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any, Mapping

from .matching import Match, household_key

CURRENT, ARCHIVED = "current", "archived"
ADDRESS_FIELDS = ("address_line_1", "address_line_2", "address_line_3", "address_line_4", "postcode")


def iso_date(value: Any) -> dt.date | None:
    """An ISO date from an event or a row; None when blank or not a date."""
    if isinstance(value, dt.date):
        return value
    if not value or not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


@dataclass(frozen=True)
class Resident:
    """A person as households keeps them: the basic profiling shown for occupants, and the
    details that place them (property reference, address). `household_id` is the household they
    live in (current) or last lived in (archived), `household_key` that household's key; None when
    nothing places them. `version` is the person's version (profiles) these details are of; 0: not known."""
    person_id: str
    personal_ref: str = ""
    first_name: str = ""
    surname: str = ""
    status: str = CURRENT
    date_of_birth: dt.date | None = None
    tenancy_type: str = ""
    property_ref: str = ""
    address_line_1: str = ""
    address_line_2: str = ""
    address_line_3: str = ""
    address_line_4: str = ""
    postcode: str = ""
    household_id: str | None = None
    household_key: str | None = None
    version: int = 0

    @classmethod
    def from_person(cls, person_id: str, *, personal_ref: str, first_name: str, surname: str, status: str,
                    fields: Mapping[str, Any], version: int = 0) -> "Resident":
        """From a people event's person (`fields` are its labels by field name, `version` its version)."""
        return cls(person_id=person_id, version=version, personal_ref=_text(personal_ref), first_name=_text(first_name),
                   surname=_text(surname), status=ARCHIVED if status == ARCHIVED else CURRENT,
                   date_of_birth=iso_date(fields.get("date_of_birth")), tenancy_type=_text(fields.get("tenancy_type")),
                   property_ref=_text(fields.get("property_ref")),
                   **{name: _text(fields.get(name)) for name in ADDRESS_FIELDS})

    @property
    def lines(self) -> tuple[str, str, str, str]:
        return self.address_line_1, self.address_line_2, self.address_line_3, self.address_line_4

    @property
    def match(self) -> Match | None:
        return household_key(self.property_ref, self.lines, self.postcode)

    @property
    def is_current(self) -> bool:
        return self.status == CURRENT

    def age(self, today: dt.date) -> int | None:
        return age(self.date_of_birth, today)


def age(born: dt.date | None, today: dt.date) -> int | None:
    if born is None:
        return None
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


@dataclass(frozen=True)
class Placement:
    """Where a change of a person leaves them: the household whose occupancy ends (`leave`), the
    household (by key) they join, and the resident as it is to be kept (household_id is filled in
    once the joined household is known)."""
    resident: Resident
    leave: str | None = None
    join: Match | None = None

    @property
    def moves(self) -> bool:
        return self.leave is not None or self.join is not None


def older(before: Resident | None, after: Resident) -> bool:
    """Whether `after` (a person as an event gives them) is of an older version of the person than `before` as
    kept: then what is kept is newer and the event is left out. An equal version is a redelivered event, or
    another of the same commit: harmless to take in."""
    return before is not None and after.version < before.version


def place(before: Resident | None, after: Resident) -> Placement:
    """`before` as kept (None: not seen yet), `after` as the person is now. A current person
    belongs to the household of their key; an archived one to none (but keeps pointing at the
    household they last lived in)."""
    lives_in = before.household_id if before is not None and before.is_current else None
    kept = replace(after, household_id=before.household_id if before is not None else None,
                   household_key=before.household_key if before is not None else None)
    match = after.match if after.is_current else None
    if lives_in is not None and match is not None and match.key == before.household_key:
        return Placement(kept)  # stays
    if match is None:
        if after.is_current:  # nothing places them any more
            kept = replace(kept, household_id=None, household_key=None)
        return Placement(kept, leave=lives_in)
    return Placement(kept, leave=lives_in, join=match)


def youngest(births: list[dt.date | None]) -> dt.date | None:
    known = [b for b in births if b is not None]
    return max(known) if known else None


def tenancy_types(labels: list[str]) -> str:
    """The tenancy types of a household's current occupants as search reads them: "|a|b|" (lower
    case, each once, sorted); "" when none."""
    found = sorted({label.strip().casefold() for label in labels if label and label.strip()})
    return "|" + "|".join(found) + "|" if found else ""


@dataclass(frozen=True)
class HouseholdChanged:
    """A household's whole state after a change of its occupants or profiles."""
    landlord_id: str
    household_id: str
    version: int
    occupant_ids: tuple[str, ...]
    youngest_date_of_birth: dt.date | None
    property_profile: Mapping[str, Any]
    household_profile: Mapping[str, Any]
    property_ref: str
    occurred_at: dt.datetime


@dataclass
class Announcements:
    """Events a use case causes; the unit of work puts them in the outbox on commit."""
    events: list = field(default_factory=list)
