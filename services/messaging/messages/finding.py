"""Finding messages, with no I/O: what a user looks for (type, status, words of the reference, notes or
landlord contact, the days written), checked."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from services.common.errors import FieldProblem, collect

from .domain import CHANNELS, DRAFT, SENDING, SENT


@dataclass(frozen=True)
class MessageFilter:
    """Which messages a user looks for: any of these left empty does not narrow the search. Words are found
    anywhere in the reference, notes or landlord contact, in any case; dates are the day the message was
    written, from and before (UTC)."""
    channel: str = ""
    status: str = ""
    reference: str = ""
    notes: str = ""
    landlord_contact: str = ""
    created_from: dt.datetime | None = None
    created_before: dt.datetime | None = None


def message_filter(*, channel: str = "", status: str = "", reference: str = "", notes: str = "",
                   landlord_contact: str = "", created_from: str = "", created_to: str = "") -> MessageFilter:
    """The filter, checked, or InvalidInput naming every bad field."""
    problems: list[FieldProblem] = []
    if channel and channel not in CHANNELS:
        problems.append(FieldProblem("channel", "must be one of " + ", ".join(CHANNELS)))
    if status and status not in (DRAFT, SENDING, SENT):
        problems.append(FieldProblem("status", f"must be one of {DRAFT}, {SENDING}, {SENT}"))
    days = {}
    for name, value in (("created_from", created_from), ("created_to", created_to)):
        try:
            days[name] = dt.date.fromisoformat(value) if value else None
        except ValueError:
            problems.append(FieldProblem(name, "must be a date: YYYY-MM-DD"))
    if days.get("created_from") and days.get("created_to") and days["created_to"] < days["created_from"]:
        problems.append(FieldProblem("created_to", "must not be before created_from"))
    collect(problems)

    def start(day: dt.date | None) -> dt.datetime | None:
        return dt.datetime.combine(day, dt.time(), dt.timezone.utc) if day else None
    after_to = days.get("created_to") and days["created_to"] + dt.timedelta(days=1)
    return MessageFilter(channel, status, reference.strip(), notes.strip(), landlord_contact.strip(),
                         start(days.get("created_from")), start(after_to or None))
