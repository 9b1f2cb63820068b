"""Groups in users' words, with no I/O: activities (and their activity groups), participation
records, admin groups, search templates, and the event telling others a person's groups changed.
Times (`now`) come from the use case, which reads the service's clock."""
from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from services.common.errors import InvalidInput

NAME_MAX = 200
TYPE_MAX = 100
ROLE_MAX = 200
TEXT_MAX = 4000
UNSPECIFIED = "Unspecified"  # the activity admin groups belong to, and the type of an activity given none
MANUAL, PARTICIPATION = "manual", "participation"
ADMIN, ACTIVITY = "admin", "activity"
_UNSPECIFIED_NAMESPACE = uuid.UUID("5b0f3a4e-7c1d-4d8e-9a51-2f6c0b7e9d13")


def new_id() -> str:
    return str(uuid.uuid4())


def unspecified_activity_id(landlord_id: str) -> str:
    """One Unspecified activity per landlord, with an id everyone derives alike (no race creates two)."""
    return str(uuid.uuid5(_UNSPECIFIED_NAMESPACE, landlord_id))


# -- values --------------------------------------------------------------------------------------------------------

def text(value: str | None, name: str, *, limit: int, required: bool = False) -> str:
    """Trimmed text; InvalidInput on `name` when required and blank or longer than `limit`."""
    value = (value or "").strip()
    if required and not value:
        raise InvalidInput.field(name, "is required")
    if len(value) > limit:
        raise InvalidInput.field(name, f"must be at most {limit} characters")
    return value


def iso_date(value: str | None, name: str, *, required: bool = False) -> str:
    """An ISO date (YYYY-MM-DD) or "" when blank and not required."""
    value = (value or "").strip()
    if not value:
        if required:
            raise InvalidInput.field(name, "is required")
        return ""
    try:
        parsed = dt.date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        parsed = None
    if parsed is None:
        raise InvalidInput.field(name, "must be a date as YYYY-MM-DD")
    return parsed.isoformat()


def key(value: str) -> str:
    """What two references or names must not share (any case, spaces squeezed)."""
    return " ".join(value.split()).casefold()


# -- activities ----------------------------------------------------------------------------------------------------

@dataclass
class Activity:
    activity_id: str
    landlord_id: str
    name: str
    type: str
    start_date: str
    end_date: str
    description: str
    unspecified: bool
    created_at: dt.datetime
    created_by: str
    updated_at: dt.datetime
    member_count: int = 0

    @classmethod
    def new(cls, *, landlord_id: str, user_id: str, now: dt.datetime, name: str, type: str, start_date: str,
            end_date: str, description: str) -> "Activity":
        activity = cls(new_id(), landlord_id, "", "", "", "", "", False, now, user_id, now)
        activity.change(now=now, name=name, type=type, start_date=start_date, end_date=end_date,
                        description=description)
        return activity

    @classmethod
    def unspecified_for(cls, landlord_id: str, now: dt.datetime) -> "Activity":
        return cls(unspecified_activity_id(landlord_id), landlord_id, UNSPECIFIED, UNSPECIFIED, "", "",
                   "Admin groups: lists of people not linked to an activity", True, now, "", now)

    def change(self, *, now: dt.datetime, name: str | None = None, type: str | None = None,
               start_date: str | None = None, end_date: str | None = None, description: str | None = None) -> None:
        """Given values replace the current ones (None leaves one as it is)."""
        if self.unspecified:
            raise InvalidInput.field("activity_id", "is the Unspecified activity of admin groups: it cannot be changed")
        if name is not None:
            self.name = text(name, "name", limit=NAME_MAX, required=True)
        if type is not None:
            self.type = text(type, "type", limit=TYPE_MAX) or UNSPECIFIED
        if start_date is not None:
            self.start_date = iso_date(start_date, "start_date")
        if end_date is not None:
            self.end_date = iso_date(end_date, "end_date")
        if description is not None:
            self.description = text(description, "description", limit=TEXT_MAX)
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise InvalidInput.field("end_date", "must be on or after the start date")
        self.updated_at = now


def takes_people(activity: Activity) -> None:
    """People join activity groups of real activities only (the Unspecified one holds admin groups)."""
    if activity.unspecified:
        raise InvalidInput.field("activity_id", "is the Unspecified activity: add the person to an admin group instead")


@dataclass
class ParticipationRecord:
    participation_id: str
    landlord_id: str
    person_id: str
    activity_id: str
    date: str
    role: str
    notes: str
    created_at: dt.datetime
    created_by: str
    updated_at: dt.datetime
    activity_name: str = ""

    @classmethod
    def new(cls, *, landlord_id: str, user_id: str, now: dt.datetime, person_id: str, activity_id: str, date: str,
            role: str, notes: str) -> "ParticipationRecord":
        record = cls(new_id(), landlord_id, person_id, activity_id, "", "", "", now, user_id, now)
        record.change(now=now, date=date, role=role, notes=notes)
        return record

    def change(self, *, now: dt.datetime, date: str | None = None, role: str | None = None,
               notes: str | None = None) -> None:
        if date is not None:
            self.date = iso_date(date, "date", required=True)
        if role is not None:
            self.role = text(role, "role", limit=ROLE_MAX)
        if notes is not None:
            self.notes = text(notes, "notes", limit=TEXT_MAX)
        self.updated_at = now


# -- admin groups and templates ------------------------------------------------------------------------------------

@dataclass
class AdminGroup:
    group_id: str
    landlord_id: str
    reference: str
    description: str
    activity_id: str
    member_count: int
    created_at: dt.datetime
    created_by: str
    updated_at: dt.datetime

    @classmethod
    def new(cls, *, landlord_id: str, user_id: str, now: dt.datetime, reference: str,
            description: str) -> "AdminGroup":
        group = cls(new_id(), landlord_id, "", "", unspecified_activity_id(landlord_id), 0, now, user_id, now)
        group.change(now=now, reference=reference, description=description)
        return group

    def change(self, *, now: dt.datetime, reference: str | None = None, description: str | None = None) -> None:
        if reference is not None:
            self.reference = text(reference, "reference", limit=NAME_MAX, required=True)
        if description is not None:
            self.description = text(description, "description", limit=TEXT_MAX)
        self.updated_at = now


@dataclass
class SearchTemplate:
    search_template_id: str
    landlord_id: str
    name: str
    description: str
    criteria: dict
    created_at: dt.datetime
    created_by: str
    updated_at: dt.datetime

    @classmethod
    def new(cls, *, landlord_id: str, user_id: str, now: dt.datetime, name: str, description: str,
            criteria: dict) -> "SearchTemplate":
        template = cls(new_id(), landlord_id, "", "", {}, now, user_id, now)
        template.change(now=now, name=name, description=description, criteria=criteria)
        return template

    def change(self, *, now: dt.datetime, name: str | None = None, description: str | None = None,
               criteria: dict | None = None) -> None:
        if name is not None:
            self.name = text(name, "name", limit=NAME_MAX, required=True)
        if description is not None:
            self.description = text(description, "description", limit=TEXT_MAX)
        if criteria is not None:
            if not isinstance(criteria, dict):
                raise InvalidInput.field("criteria", "must be an object")
            self.criteria = criteria
        self.updated_at = now


@dataclass(frozen=True)
class GroupMember:
    person_id: str
    added_at: dt.datetime
    added_by: str


@dataclass(frozen=True)
class PersonGroup:
    """One line of a person's groups tab."""
    group_id: str
    kind: str  # admin | activity
    name: str
    description: str
    activity_id: str
    activity_name: str
    linked_at: dt.datetime
    how: str  # manual | participation


# -- events --------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PersonGroupsChanged:
    """A person's groups and participation as they are now: the newest version wins."""
    landlord_id: str
    person_id: str
    version: int
    admin_group_ids: tuple[str, ...]
    activity_ids: tuple[str, ...]
    participations: tuple[tuple[str, str], ...]  # (activity id, ISO date)
    occurred_at: dt.datetime


@dataclass
class Changes:
    """What a unit of work tracks to put PersonGroupsChanged events in the outbox."""
    events: list = field(default_factory=list)
