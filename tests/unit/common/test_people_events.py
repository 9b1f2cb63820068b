"""People events read alike whether one person's or a batch (PeopleChanged), each person's newest kept, and the
two lanes consumed apart: an officer's edit is handled while the bulk lane is busy."""
from __future__ import annotations

import datetime as dt
import threading

from services.common import lanes, people_events, topics
from services.common.bus import Message
from services.common.bus.inprocess import InProcessBus
from services.common.envelope import unwrap, wrap
from services.gen.tracker.households.v1 import events_pb2 as households_pb2
from services.gen.tracker.profiles.v1 import events_pb2, person_pb2

AT = dt.datetime(2026, 12, 7, tzinfo=dt.timezone.utc)


def _person(person_id: str, version: int, status: str = "current") -> person_pb2.Person:
    return person_pb2.Person(person_id=person_id, landlord_id="L1", version=version, status=status)


def _envelope(message, topic=topics.PEOPLE):
    return unwrap(wrap(topic, "L1", "p", message, AT).envelope)


def _batch(*events: events_pb2.PersonEvent):
    return _envelope(events_pb2.PeopleChanged(events=list(events)), topics.PEOPLE_BULK)


def test_single_events_and_a_batchs_events_come_out_as_one_sequence_in_order():
    read = list(people_events.person_events([
        _envelope(events_pb2.PersonCreated(person=_person("a", 1), source="user")),
        _batch(events_pb2.PersonEvent(created=events_pb2.PersonCreated(person=_person("b", 1), source="import")),
               events_pb2.PersonEvent(changed=events_pb2.PersonChanged(person=_person("b", 2, "archived"),
                                                                       changed_fields=["status"], source="import"))),
        _envelope(households_pb2.HouseholdChanged(household_id="h1")),  # not a people event: passed over
        _envelope(events_pb2.PersonChanged(person=_person("a", 2), changed_fields=["surname"], source="user")),
    ]))
    assert [(e.person_id, e.version, e.created, e.changed_fields, e.source) for e in read] == [
        ("a", 1, True, (), "user"), ("b", 1, True, (), "import"), ("b", 2, False, ("status",), "import"),
        ("a", 2, False, ("surname",), "user")]


def test_latest_keeps_each_persons_highest_version_and_the_later_of_equal_ones():
    def event(person_id, version, status="current"):
        return people_events.PersonEvent(_person(person_id, version, status), False, (), "user")

    kept = people_events.latest([event("a", 3), event("a", 2), event("b", 1), event("b", 1, "archived")])
    assert {p: (e.version, e.person.status) for p, e in kept.items()} == {"a": (3, "current"), "b": (1, "archived")}


class _Runtime:
    """What consume_people needs of a service runtime: subscriptions straight on a bus (no database)."""

    def __init__(self, bus: InProcessBus):
        self.bus, self.registered, self.subscriptions = bus, [], []

    def consume(self, consumed, consumer, handler, batch_handler, *, max_batch=500):
        self.registered.append((tuple(consumed), consumer, max_batch))
        self.bus.ensure_topics(consumed)
        self.subscriptions.append(self.bus.subscribe(topics=consumed, group=consumer, handler=handler,
                                                     batch_handler=batch_handler, max_batch=max_batch))


def test_an_officers_edit_is_handled_while_the_bulk_lane_is_still_busy():
    bus = InProcessBus(None)
    runtime = _Runtime(bus)
    bulk_busy, release, edited = threading.Event(), threading.Event(), threading.Event()

    def handle(messages):
        for message in messages:
            if unwrap(message.value).type == people_events.BATCH:
                bulk_busy.set()
                release.wait(10)  # an import's batch taking its time
            else:
                edited.set()

    people_events.consume_people(runtime, "test.people", lambda m: handle([m]), handle)
    try:
        assert runtime.registered == [((topics.PEOPLE,), "test.people", 500),
                                      ((topics.PEOPLE_BULK,), "test.people.bulk", lanes.BULK_AT_ONCE)]
        batch = events_pb2.PeopleChanged(events=[events_pb2.PersonEvent(
            created=events_pb2.PersonCreated(person=_person(f"p{n}", 1))) for n in range(3)])
        bus.publish([Message(topics.PEOPLE_BULK, f"L1:b{n}", wrap(topics.PEOPLE_BULK, "L1", "b", batch, AT).envelope)
                     for n in range(3)])
        assert bulk_busy.wait(10)
        edit = events_pb2.PersonChanged(person=_person("e1", 2), changed_fields=["surname"])
        bus.publish([Message(topics.PEOPLE, "L1:e1", wrap(topics.PEOPLE, "L1", "e1", edit, AT).envelope)])
        assert edited.wait(10)  # the bulk lane's handler is still holding its first batch
        assert not release.is_set()
    finally:
        release.set()
        for subscription in runtime.subscriptions:
            subscription.stop()
        bus.close()
