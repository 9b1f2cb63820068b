"""People events (tracker.people.v1), on their own or in batches (PeopleChanged): an archived person leaves
every admin group; activity groups of current people only are resolved, so the archived are remembered (and
forgotten if restored). Each event carries the whole person at a version: of the events that may change whether
they are archived, the highest version says their status, and one older than the status taken before is
ignored, so events that come twice, late or out of order change nothing."""
from __future__ import annotations

from typing import Iterable

from services.common.people_events import PersonEvent, latest, person_events

from .members import service as members

ARCHIVED = "archived"


def _may_change_status(event: PersonEvent) -> bool:
    """Created archived, or changed in status (or changed while archived)."""
    if event.created:
        return event.person.status == ARCHIVED
    return "status" in event.changed_fields or event.person.status == ARCHIVED


def people_event_batch(uow, envelopes: Iterable) -> None:
    found = latest(event for event in person_events(envelopes) if _may_change_status(event))
    if found:
        members.people_status_changed(
            uow, archived={p: e.version for p, e in found.items() if e.person.status == ARCHIVED},
            current={p: e.version for p, e in found.items() if e.person.status != ARCHIVED})


def people_events(uow, envelope) -> None:
    people_event_batch(uow, [envelope])
