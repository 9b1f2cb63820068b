"""Activities (panels, events, projects: each one's activity group is the people linked to it) and
participation records, with no I/O. Every landlord has one Unspecified activity that holds its admin
groups and takes no people itself."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from services.common.errors import InvalidInput
from services.common.ids import new_id

from ..domain import NAME_MAX, TEXT_MAX, UNSPECIFIED, iso_date, text, unspecified_activity_id

TYPE_MAX = 100
ROLE_MAX = 200


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


# -- participation records for many people at once ----------------------------------------------------------------

MAX_PEOPLE = 10_000  # people one request records at most
RECORDED, ALREADY_RECORDED, NOT_FOUND, ARCHIVED = "recorded", "already_recorded", "not_found", "archived"


@dataclass(frozen=True)
class Outcome:
    """What recording one person's participation came to; the participation id of the record made, or of
    the one already there."""
    person_id: str
    outcome: str
    participation_id: str = ""


def outcomes(person_ids: list[str], status: dict[str, str], already: dict[str, str],
             made: dict[str, str]) -> list[Outcome]:
    """Each person's outcome, in the order given: unknown to profiles, archived, recorded before on the date
    (`already`: person id -> record id) or recorded now (`made`)."""
    found = []
    for person_id in person_ids:
        if person_id not in status:
            found.append(Outcome(person_id, NOT_FOUND))
        elif status[person_id] != "current":
            found.append(Outcome(person_id, ARCHIVED))
        elif person_id in already:
            found.append(Outcome(person_id, ALREADY_RECORDED, already[person_id]))
        else:
            found.append(Outcome(person_id, RECORDED, made[person_id]))
    return found
