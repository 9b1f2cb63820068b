"""People events (tracker.people.v1): an archived person leaves every admin group; activity groups
of current people only are resolved, so the archived are remembered (and forgotten if restored).
Each event carries the whole person: the last one of a batch says their status."""
from __future__ import annotations

from typing import Iterable

from services.common.envelope import payload_as
from services.gen.tracker.profiles.v1 import events_pb2

from .members import service as members

CREATED = events_pb2.PersonCreated.DESCRIPTOR.full_name
CHANGED = events_pb2.PersonChanged.DESCRIPTOR.full_name


def _status(envelope) -> tuple[str, str] | None:
    """(person id, status) when the event may change whether the person is archived."""
    if envelope.type == CREATED:
        person = payload_as(envelope, events_pb2.PersonCreated).person
        return (person.person_id, person.status) if person.status == "archived" else None
    if envelope.type == CHANGED:
        changed = payload_as(envelope, events_pb2.PersonChanged)
        if "status" in changed.changed_fields or changed.person.status == "archived":
            return changed.person.person_id, changed.person.status
    return None


def people_event_batch(uow, envelopes: Iterable) -> None:
    latest: dict[str, str] = {}
    for envelope in envelopes:
        found = _status(envelope)
        if found:
            latest[found[0]] = found[1]
    if latest:
        members.people_status_changed(uow, archived=[p for p, s in latest.items() if s == "archived"],
                                      current=[p for p, s in latest.items() if s != "archived"])


def people_events(uow, envelope) -> None:
    people_event_batch(uow, [envelope])
