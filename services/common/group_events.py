"""Reading groups events the one way every consumer does: one person's groups state on its own
(PersonGroupsChanged, on tracker.groups.v1) and the states a batch holds (PeopleGroupsChanged, what bulk
changes publish on tracker.groups.bulk.v1) as one sequence of states, in order. Other kinds of event are
passed over. The two topics are two lanes (lanes.py), both read by `consume_groups`."""
from __future__ import annotations

from typing import Iterable, Iterator

from services.gen.tracker.groups.v1 import events_pb2

from . import topics
from .consumers import BatchEventHandler, EventHandler
from .envelope import payload_as
from .lanes import consume_lanes

ONE = events_pb2.PersonGroupsChanged.DESCRIPTOR.full_name
BATCH = events_pb2.PeopleGroupsChanged.DESCRIPTOR.full_name


def person_groups(envelopes: Iterable) -> Iterator[events_pb2.PersonGroupsChanged]:
    """Every person's groups state in these envelopes, in order (a batch's in its order)."""
    for envelope in envelopes:
        if envelope.type == ONE:
            yield payload_as(envelope, events_pb2.PersonGroupsChanged)
        elif envelope.type == BATCH:
            yield from payload_as(envelope, events_pb2.PeopleGroupsChanged).people


def consume_groups(runtime, consumer: str, handler: EventHandler, batch_handler: BatchEventHandler) -> None:
    """Consume both lanes of groups events with the same handlers (lanes.py)."""
    consume_lanes(runtime, topics.GROUPS, consumer, handler, batch_handler)
