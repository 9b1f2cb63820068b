"""Event handlers: each event moves the aggregates once (the consumer is idempotent)."""
from __future__ import annotations

from services.common.envelope import payload_as
from services.gen.tracker.profiles.v1 import events_pb2

from . import service


def people_events(uow, envelope) -> None:
    if envelope.type == events_pb2.PersonCreated.DESCRIPTOR.full_name:
        created = payload_as(envelope, events_pb2.PersonCreated)
        service.record_person_created(uow, status=created.person.status)
    elif envelope.type == events_pb2.PersonChanged.DESCRIPTOR.full_name:
        changed = payload_as(envelope, events_pb2.PersonChanged)
        if "status" in changed.changed_fields:
            service.record_status_changed(uow, status=changed.person.status)
