"""Appointments in users' words, with no I/O: a slot (a UK local date and time that the UK clock shows, not
in the past; its length, place and adviser) and an appointment booked in it, with its status and its links
when rescheduled."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from services.common.dates import LANDLORD_ZONE
from services.common.errors import FieldProblem, collect

TEXT_MAX, NOTES_MAX, MINUTES_MAX = 200, 4000, 8 * 60


def text(value: str | None, name: str, most: int, problems: list[FieldProblem]) -> str:
    written = (value or "").strip()
    if len(written) > most:
        problems.append(FieldProblem(name, f"must be at most {most:,} characters"))
    return written


@dataclass(frozen=True)
class Slot:
    starts_at: dt.datetime  # UK local time, naive
    minutes: int
    place: str
    adviser: str


def _exists(local: dt.datetime) -> bool:
    """Whether the UK clock shows this time (not in the hour skipped when summer time starts)."""
    there_and_back = local.replace(tzinfo=LANDLORD_ZONE).astimezone(dt.timezone.utc).astimezone(LANDLORD_ZONE)
    return there_and_back.replace(tzinfo=None) == local


def slot(*, starts_at: str, minutes: int, place: str, adviser: str, now: dt.datetime, prefix: str = "slot.") -> Slot:
    """A slot checked: a UK local date and time (YYYY-MM-DDTHH:MM) not in the past, 1 to 480 minutes (0: 60), a
    place; InvalidInput naming each bad field."""
    problems: list[FieldProblem] = []
    when = None
    try:
        when = dt.datetime.strptime((starts_at or "").strip(), "%Y-%m-%dT%H:%M")
    except ValueError:
        problems.append(FieldProblem(prefix + "starts_at", "must be a UK local date and time as YYYY-MM-DDTHH:MM"))
    if when is not None and not _exists(when):
        problems.append(FieldProblem(prefix + "starts_at", "is not a time in the UK: the clocks go forward then"))
    elif when is not None and when.replace(tzinfo=LANDLORD_ZONE) < now:
        problems.append(FieldProblem(prefix + "starts_at", "must not be in the past"))
    length = minutes or 60
    if not 1 <= length <= MINUTES_MAX:
        problems.append(FieldProblem(prefix + "minutes", f"must be between 1 and {MINUTES_MAX}"))
    where = text(place, prefix + "place", TEXT_MAX, problems)
    if not where:
        problems.append(FieldProblem(prefix + "place", "is required"))
    who = text(adviser, prefix + "adviser", TEXT_MAX, problems)
    collect(problems)
    return Slot(when, length, where, who)


@dataclass
class Appointment:
    appointment_id: str
    slot: Slot
    status: str
    booked_by: str
    booked_at: dt.datetime
    rescheduled_from: str = ""
    rescheduled_to: str = ""
    changed_by: str = ""
    reason: str = ""
