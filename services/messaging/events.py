"""Domain events of the messaging service -> protobuf events on tracker.messaging.v1."""
from __future__ import annotations

from typing import Iterable

from services.common import topics
from services.common.envelope import OutgoingEvent, wrap
from services.gen.tracker.messaging.v1 import events_pb2

from .domain import CommunicationRecorded


def communication_recorded(event: CommunicationRecorded) -> events_pb2.CommunicationRecorded:
    return events_pb2.CommunicationRecorded(
        communication_id=event.communication_id, version=event.version, person_id=event.person_id,
        communication_code=event.communication_code, outcome_code=event.outcome_code, date=event.date.isoformat(),
        message_id=event.message_id, deleted=event.deleted, communication_label=event.communication_label,
        outcome_label=event.outcome_label, satisfaction=event.satisfaction)


def to_outgoing(event: object) -> Iterable[OutgoingEvent]:
    if not isinstance(event, CommunicationRecorded):
        raise TypeError(f"no event mapping for {type(event).__name__}")
    yield wrap(topics.MESSAGING, event.landlord_id, event.communication_id, communication_recorded(event),
               event.occurred_at)
