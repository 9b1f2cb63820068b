"""Event handlers: each event moves the aggregates once (the consumer is idempotent). A batch of
events moves each count once by their sum (a million-person import is a few statements)."""
from __future__ import annotations

from typing import Iterable, Iterator

from services.common.envelope import payload_as
from services.gen.tracker.profiles.v1 import events_pb2

from . import domain, service


def _changes(envelope) -> Iterator[domain.CountChange]:
    if envelope.type == events_pb2.PersonCreated.DESCRIPTOR.full_name:
        yield from domain.person_created(payload_as(envelope, events_pb2.PersonCreated).person.status)
    elif envelope.type == events_pb2.PersonChanged.DESCRIPTOR.full_name:
        changed = payload_as(envelope, events_pb2.PersonChanged)
        if "status" in changed.changed_fields:
            yield from domain.status_changed(changed.person.status)


def people_events(uow, envelope) -> None:
    service.record_changes(uow, changes=list(_changes(envelope)))


def people_event_batch(uow, envelopes: Iterable) -> None:
    service.record_changes(uow, changes=domain.summed(c for e in envelopes for c in _changes(e)))
