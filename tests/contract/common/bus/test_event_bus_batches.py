"""Contract of the event bus port with a batch handler, run against every adapter
(in-process and Kafka, as in test_event_bus)."""
from __future__ import annotations

import threading
from collections import defaultdict

import pytest

from services.common.bus import EventBus, Message, RetryLater, dlq_topic
from services.common.bus.port import HANDLER_ATTEMPTS
from tests.contract.common.bus.test_event_bus import IDLE_TIMEOUT_S, BusFactory, consume, msg

pytestmark = pytest.mark.filterwarnings("ignore:(read_text|open_text) is deprecated:DeprecationWarning")


@pytest.fixture(params=["inprocess", pytest.param("kafka", marks=pytest.mark.engines)])
def buses(request, tmp_path):
    factory = BusFactory(request.param, tmp_path)
    yield factory
    factory.close_all()


class Batches:
    """A batch handler that records each batch, and a per-message handler that records
    what it is given; `on_batch(batch)` and `on_single(message)` may raise to play a
    failing consumer."""

    def __init__(self, on_batch=None, on_single=None) -> None:
        self.batches: list[list[Message]] = []
        self.singles: list[Message] = []
        self._on_batch, self._on_single = on_batch, on_single
        self._lock = threading.Lock()

    def batch(self, messages) -> None:
        with self._lock:
            self.batches.append(list(messages))
        if self._on_batch:
            self._on_batch(list(messages))

    def single(self, message: Message) -> None:
        with self._lock:
            self.singles.append(message)
        if self._on_single:
            self._on_single(message)

    def subscribe(self, bus: EventBus, topic: str, group: str, max_batch: int = 500):
        return bus.subscribe(topics=[topic], group=group, handler=self.single, batch_handler=self.batch,
                             max_batch=max_batch)

    def offered(self) -> list[bytes]:
        with self._lock:
            return [m.value for b in self.batches for m in b]


def _consume_batches(bus: EventBus, topic: str, group: str, batches: Batches, max_batch: int = 500) -> Batches:
    subscription = batches.subscribe(bus, topic, group, max_batch)
    assert subscription.wait_idle(IDLE_TIMEOUT_S), f"{group} did not catch up on {topic}"
    subscription.stop()
    return batches


def _in_key_order(values: list[bytes], sent: list[Message]) -> None:
    by_key: dict[str, list[bytes]] = defaultdict(list)
    key_of = {m.value: m.key for m in sent}
    for value in values:
        by_key[key_of[value]].append(value)
    for key, got in by_key.items():
        assert got == [m.value for m in sent if m.key == key and m.value in got], f"order broken for {key}"


def test_batches_arrive_complete_in_order_per_key_and_no_larger_than_asked(buses):
    bus, topic = buses.new_bus(), buses.topic()
    bus.ensure_topics([topic])
    keys = [f"landlord-1:entity-{i}" for i in range(4)]
    sent = [msg(topic, keys[i % 4], f"{keys[i % 4]}#{i:03d}") for i in range(60)]
    bus.publish(sent)

    got = _consume_batches(bus, topic, buses.group(), Batches(), max_batch=7)

    assert sorted(got.offered()) == sorted(m.value for m in sent), "each message once, none lost"
    _in_key_order(got.offered(), sent)
    assert all(1 <= len(b) <= 7 for b in got.batches)
    assert got.singles == [], "with a batch handler, the handler is only the fallback"


def test_a_lone_message_is_a_batch_of_one_and_wait_idle_waits_for_batches(buses):
    bus, topic, group = buses.new_bus(), buses.topic(), buses.group()
    bus.ensure_topics([topic])
    got = Batches()
    subscription = got.subscribe(bus, topic, group)
    try:
        assert subscription.wait_idle(IDLE_TIMEOUT_S)
        bus.publish([msg(topic, "l:1", "alone")])
        assert subscription.wait_idle(IDLE_TIMEOUT_S)
        assert [[m.value for m in b] for b in got.batches] == [[b"alone"]], "the bus never waits to fill a batch"

        bus.publish([msg(topic, f"l:{i % 3}", f"more{i}") for i in range(25)])
        assert subscription.wait_idle(IDLE_TIMEOUT_S)
        assert sorted(got.offered()) == sorted([b"alone"] + [f"more{i}".encode() for i in range(25)])
    finally:
        subscription.stop()
    bus.publish([msg(topic, "l:1", "after")])  # a new subscription of the group starts past what was committed
    again = _consume_batches(bus, topic, group, Batches())
    assert again.offered() == [b"after"]


def test_a_poison_message_in_a_batch_goes_alone_to_the_dlq_and_the_others_are_handled(buses):
    bus, topic = buses.new_bus(), buses.topic()
    bus.ensure_topics([topic])
    key = "landlord-1:person-7"
    values = ["a", "b", "poison", "c", "d"]
    bus.publish([msg(topic, key, v, {"event_type": "t"}) for v in values] + [msg(topic, "l:2", "other")])
    attempts: dict[bytes, int] = defaultdict(int)
    handled: list[bytes] = []

    def fail(batch: list[Message]) -> None:
        if any(m.value == b"poison" for m in batch):
            raise ValueError("cannot parse event")
        handled.extend(m.value for m in batch)

    def single(message: Message) -> None:
        attempts[message.value] += 1
        if message.value == b"poison":
            raise ValueError("cannot parse event")
        handled.append(message.value)

    _consume_batches(bus, topic, buses.group(), Batches(fail, single))

    assert sorted(handled) == sorted([b"a", b"b", b"c", b"d", b"other"]), "the others are each handled once"
    assert [v for v in handled if v != b"other"] == [b"a", b"b", b"c", b"d"], "in order per key"
    assert attempts[b"poison"] == HANDLER_ATTEMPTS
    dead = consume(bus, dlq_topic(topic), buses.group("dlq"))
    assert [m.value for m in dead.messages] == [b"poison"]
    [letter] = dead.messages
    assert letter.key == key and letter.headers["original_topic"] == topic
    assert letter.headers["error"].startswith("ValueError") and letter.headers["event_type"] == "t"


def test_retry_later_offers_the_same_batch_again_and_never_dead_letters(buses):
    bus, topic = buses.new_bus(), buses.topic()
    bus.ensure_topics([topic])
    sent = [msg(topic, "l:1", f"v{i}") for i in range(10)]
    bus.publish(sent)
    outage_left = [2]
    handled: list[bytes] = []

    def fail(batch: list[Message]) -> None:
        if outage_left[0] > 0:
            outage_left[0] -= 1
            raise RetryLater("search engine away")
        handled.extend(m.value for m in batch)

    got = _consume_batches(bus, topic, buses.group(), Batches(fail))

    assert outage_left == [0]
    first, second = ([m.value for m in b] for b in got.batches[:2])
    assert second[0] == first[0], "offered again from the same position"
    assert set(first) <= {m.value for b in got.batches[1:] for m in b}, "every message of the batch offered again"
    assert handled == [m.value for m in sent], "each handled once, in order"
    assert got.singles == [], "RetryLater is not a failure: no fallback to one at a time"
    assert consume(bus, dlq_topic(topic), buses.group("dlq")).messages == []


def test_max_batch_must_be_positive(buses):
    bus, topic = buses.new_bus(), buses.topic()
    with pytest.raises(ValueError):
        bus.subscribe(topics=[topic], group=buses.group(), handler=lambda m: None,
                      batch_handler=lambda ms: None, max_batch=0)
