"""Domain events of the groups service -> protobuf events on tracker.groups.v1."""
from __future__ import annotations

from typing import Iterable

from services.common import topics
from services.common.envelope import OutgoingEvent, wrap
from services.gen.tracker.groups.v1 import events_pb2

from .domain import PersonGroupsChanged


def person_groups_changed(event: PersonGroupsChanged) -> events_pb2.PersonGroupsChanged:
    return events_pb2.PersonGroupsChanged(
        person_id=event.person_id, version=event.version, admin_group_ids=list(event.admin_group_ids),
        activity_ids=list(event.activity_ids),
        participations=[events_pb2.Participation(activity_id=a, date=d) for a, d in event.participations])


def to_outgoing(event: object) -> Iterable[OutgoingEvent]:
    if not isinstance(event, PersonGroupsChanged):
        raise TypeError(f"no event mapping for {type(event).__name__}")
    yield wrap(topics.GROUPS, event.landlord_id, event.person_id, person_groups_changed(event), event.occurred_at)
