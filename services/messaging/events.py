"""Domain events of the messaging service -> protobuf events on tracker.messaging.v1."""
from __future__ import annotations

from typing import Iterable

from services.common import topics
from services.common.envelope import OutgoingEvent, wrap
from services.gen.tracker.messaging.v1 import events_pb2

from .domain import CommunicationRecorded
from .interactions.domain import PersonActionsChanged


def communication_recorded(event: CommunicationRecorded) -> events_pb2.CommunicationRecorded:
    return events_pb2.CommunicationRecorded(
        communication_id=event.communication_id, version=event.version, person_id=event.person_id,
        communication_code=event.communication_code, outcome_code=event.outcome_code, date=event.date.isoformat(),
        message_id=event.message_id, deleted=event.deleted, communication_label=event.communication_label,
        outcome_label=event.outcome_label, satisfaction=event.satisfaction, changed_by=event.changed_by,
        changes=[events_pb2.InteractionChange(field=f, old_value=old, new_value=new) for f, old, new in event.changes])


def to_outgoing(event: object) -> Iterable[OutgoingEvent]:
    if isinstance(event, CommunicationRecorded):
        yield wrap(topics.MESSAGING, event.landlord_id, event.communication_id, communication_recorded(event),
                   event.occurred_at)
    elif isinstance(event, PersonActionsChanged):
        yield wrap(topics.MESSAGING, event.landlord_id, event.person_id, events_pb2.PersonActionsChanged(
            person_id=event.person_id, version=event.version,
            open_due_dates=[d.isoformat() for d in event.open_due_dates]), event.occurred_at)
    else:
        raise TypeError(f"no event mapping for {type(event).__name__}")
