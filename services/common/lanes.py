"""Two lanes for one kind of event: a topic for one record's change at a time (an officer's edit) and a bulk
topic for many records' changes in each event (an import's batch, a big group's members). Each lane is read
by a consumer group of its own, so an officer's change is handled at once however many batches bulk work has
queued. A record's events may then arrive out of order across the lanes: every consumer keeps the state of
the highest version it has seen."""
from __future__ import annotations

from . import topics
from .consumers import BatchEventHandler, EventHandler

BULK_AT_ONCE = 4  # bulk events (up to 500 records each) a bulk-lane consumer takes in one transaction
BULK_LANES = {topics.PEOPLE: topics.PEOPLE_BULK, topics.GROUPS: topics.GROUPS_BULK}


def consume_lanes(runtime, topic: str, consumer: str, handler: EventHandler, batch_handler: BatchEventHandler) -> None:
    """Consume both lanes of `topic` with the same handlers: `topic` as consumer group `consumer`, its bulk
    lane as `<consumer>.bulk`, a few bulk events at a time."""
    runtime.consume([topic], consumer, handler, batch_handler)
    runtime.consume([BULK_LANES[topic]], f"{consumer}.bulk", handler, batch_handler, max_batch=BULK_AT_ONCE)
