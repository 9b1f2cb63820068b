"""Domain events of the groups service -> protobuf events: one person's groups state on tracker.groups.v1,
many people's in one PeopleGroupsChanged on the bulk lane, tracker.groups.bulk.v1 (lanes.py)."""
from __future__ import annotations

from typing import Iterable, Iterator

from services.common import topics
from services.common.bulk import chunks
from services.common.envelope import OutgoingEvent, wrap
from services.gen.tracker.groups.v1 import events_pb2

from .domain import PersonGroupsChanged

PACK_PEOPLE = 500  # people's states in one PeopleGroupsChanged at most (ids only: far below the broker's 1 MB)


def person_groups_changed(event: PersonGroupsChanged) -> events_pb2.PersonGroupsChanged:
    return events_pb2.PersonGroupsChanged(
        person_id=event.person_id, version=event.version, admin_group_ids=list(event.admin_group_ids),
        activity_ids=list(event.activity_ids),
        participations=[events_pb2.Participation(activity_id=a, date=d) for a, d in event.participations])


def _checked(event: object) -> PersonGroupsChanged:
    if not isinstance(event, PersonGroupsChanged):
        raise TypeError(f"no event mapping for {type(event).__name__}")
    return event


def to_outgoing(event: object) -> Iterable[OutgoingEvent]:
    event = _checked(event)
    yield wrap(topics.GROUPS, event.landlord_id, event.person_id, person_groups_changed(event), event.occurred_at)


def outgoing(events: list) -> Iterator[OutgoingEvent]:
    """One commit's events: a person's alone when the commit changed one person's groups; when it changed more,
    PeopleGroupsChanged batches of at most PACK_PEOPLE states on the bulk lane, in the order they were taken."""
    states = [_checked(event) for event in events]
    if len({s.person_id for s in states}) <= 1:
        for state in states:
            yield from to_outgoing(state)
        return
    for part in chunks(states, PACK_PEOPLE):
        batch = events_pb2.PeopleGroupsChanged(people=[person_groups_changed(s) for s in part])
        yield wrap(topics.GROUPS_BULK, part[0].landlord_id, part[0].person_id, batch,
                   max(s.occurred_at for s in part))
