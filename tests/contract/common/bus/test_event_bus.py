"""Contract of the event bus port, run against every adapter.

The Kafka case needs a broker (TRACKER_KAFKA_BOOTSTRAP, default 127.0.0.1:9092)
and fails, never skips, when it is not running.
"""
from __future__ import annotations

import os
import socket
import threading
import uuid
from collections import defaultdict

import pytest

from services.common.bus import EventBus, Message, RetryLater, dlq_topic
from services.common.bus.port import HANDLER_ATTEMPTS

IDLE_TIMEOUT_S = 30.0



class BusFactory:
    """Makes buses of one kind (several over the same storage) and unique names."""

    def __init__(self, kind: str, tmp_path) -> None:
        self.kind = kind
        self._db_path = str(tmp_path / "bus.sqlite3")
        self._bootstrap = os.environ.get("TRACKER_KAFKA_BOOTSTRAP", "127.0.0.1:9092")
        self._buses: list[EventBus] = []

    def check_engine(self) -> None:
        if self.kind != "kafka":
            return
        host, _, port = self._bootstrap.rpartition(":")
        try:
            socket.create_connection((host, int(port)), timeout=3).close()
            return
        except OSError as exc:
            reason = str(exc)
        pytest.fail(
            f"Kafka is not running at {self._bootstrap} ({reason}); "
            "start it (deploy/local/infra.sh up) or set TRACKER_KAFKA_BOOTSTRAP",
            pytrace=False,
        )

    def new_bus(self) -> EventBus:
        self.check_engine()  # in the test body, so a missing engine FAILS the test
        if self.kind == "inprocess":
            from services.common.bus.inprocess import InProcessBus

            bus: EventBus = InProcessBus(self._db_path)
        else:
            from services.common.bus.kafka import KafkaBus

            bus = KafkaBus(self._bootstrap, client_id=f"contract-{uuid.uuid4().hex[:8]}")
        self._buses.append(bus)
        return bus

    @staticmethod
    def topic() -> str:
        return f"test.{uuid.uuid4().hex[:8]}.v1"

    @staticmethod
    def group(name: str = "g") -> str:
        return f"test-{name}-{uuid.uuid4().hex[:8]}"

    def close_all(self) -> None:
        for bus in reversed(self._buses):
            bus.close()


@pytest.fixture(params=["inprocess", pytest.param("kafka", marks=pytest.mark.engines)])
def buses(request, tmp_path):
    factory = BusFactory(request.param, tmp_path)
    yield factory
    factory.close_all()


class Collector:
    """A thread-safe handler that records every message it is given."""

    def __init__(self) -> None:
        self.messages: list[Message] = []
        self._lock = threading.Lock()

    def __call__(self, message: Message) -> None:
        with self._lock:
            self.messages.append(message)

    def values(self) -> list[bytes]:
        with self._lock:
            return [m.value for m in self.messages]

    def by_key(self) -> dict[str, list[bytes]]:
        grouped: dict[str, list[bytes]] = defaultdict(list)
        with self._lock:
            for m in self.messages:
                grouped[m.key].append(m.value)
        return dict(grouped)


def msg(topic: str, key: str, value: str, headers: dict[str, str] | None = None) -> Message:
    return Message(topic=topic, key=key, value=value.encode(), headers=headers or {})


def consume(bus: EventBus, topic: str, group: str, handler=None) -> Collector:
    """Subscribe, wait until everything published so far is handled, then stop."""
    collector = handler or Collector()
    subscription = bus.subscribe(topics=[topic], group=group, handler=collector)
    assert subscription.wait_idle(IDLE_TIMEOUT_S), f"{group} did not catch up on {topic}"
    subscription.stop()
    return collector


def test_publish_then_subscribe_delivers_everything_in_order_per_key(buses):
    bus, topic = buses.new_bus(), buses.topic()
    bus.ensure_topics([topic])
    keys = [f"landlord-1:entity-{i}" for i in range(4)]
    sent = [msg(topic, keys[i % 4], f"{keys[i % 4]}#{i:03d}") for i in range(40)]
    bus.publish(sent)

    got = consume(bus, topic, buses.group())

    assert sorted(got.values()) == sorted(m.value for m in sent)
    for key, values in got.by_key().items():
        assert values == [m.value for m in sent if m.key == key], f"order broken for {key}"
    assert all(m.topic == topic for m in got.messages)


def test_every_group_gets_every_message(buses):
    bus, topic = buses.new_bus(), buses.topic()
    bus.ensure_topics([topic])
    sent = [msg(topic, f"l:{i % 3}", f"v{i}") for i in range(12)]
    bus.publish(sent)

    first, second = Collector(), Collector()
    sub_a = bus.subscribe(topics=[topic], group=buses.group("a"), handler=first)
    sub_b = bus.subscribe(topics=[topic], group=buses.group("b"), handler=second)
    assert sub_a.wait_idle(IDLE_TIMEOUT_S) and sub_b.wait_idle(IDLE_TIMEOUT_S)

    expected = sorted(m.value for m in sent)
    assert sorted(first.values()) == expected
    assert sorted(second.values()) == expected


def test_group_resumes_from_its_committed_position_on_a_new_bus(buses):
    bus, topic, group = buses.new_bus(), buses.topic(), buses.group()
    bus.ensure_topics([topic])
    bus.publish([msg(topic, f"l:{i % 2}", f"old{i}") for i in range(6)])
    before = consume(bus, topic, group)
    assert sorted(before.values()) == sorted(f"old{i}".encode() for i in range(6))
    bus.close()

    restarted = buses.new_bus()  # same storage, fresh process state
    restarted.publish([msg(topic, f"l:{i % 2}", f"new{i}") for i in range(4)])
    after = consume(restarted, topic, group)

    assert sorted(after.values()) == sorted(f"new{i}".encode() for i in range(4))


def test_poison_message_goes_to_the_dlq_and_the_rest_is_delivered(buses):
    bus, topic = buses.new_bus(), buses.topic()
    bus.ensure_topics([topic])
    key = "landlord-1:person-7"
    bus.publish([msg(topic, key, v, {"event_type": "t"}) for v in ["a", "b", "poison", "c", "d"]])

    attempts: dict[bytes, int] = defaultdict(int)
    delivered = Collector()

    def handler(message: Message) -> None:
        attempts[message.value] += 1
        if message.value == b"poison":
            raise ValueError("cannot parse event")
        delivered(message)

    consume(bus, topic, buses.group(), handler)

    assert delivered.values() == [b"a", b"b", b"c", b"d"]
    assert attempts[b"poison"] == HANDLER_ATTEMPTS
    dead = consume(bus, dlq_topic(topic), buses.group("dlq"))
    assert [m.value for m in dead.messages] == [b"poison"]
    [letter] = dead.messages
    assert letter.key == key
    assert letter.headers["original_topic"] == topic
    assert letter.headers["error"].startswith("ValueError")
    assert "cannot parse event" in letter.headers["error"]
    assert letter.headers["event_type"] == "t"


def test_handler_that_fails_once_still_gets_the_message(buses):
    bus, topic = buses.new_bus(), buses.topic()
    bus.ensure_topics([topic])
    bus.publish([msg(topic, "l:1", v) for v in ["x", "flaky", "y"]])

    failed: set[bytes] = set()
    delivered = Collector()

    def handler(message: Message) -> None:
        if message.value == b"flaky" and message.value not in failed:
            failed.add(message.value)
            raise ConnectionError("database briefly away")
        delivered(message)

    consume(bus, topic, buses.group(), handler)

    assert delivered.values() == [b"x", b"flaky", b"y"]
    assert consume(bus, dlq_topic(topic), buses.group("dlq")).messages == []


def test_retry_later_waits_out_an_outage_and_never_dead_letters(buses):
    bus, topic = buses.new_bus(), buses.topic()
    bus.ensure_topics([topic])
    bus.publish([msg(topic, "l:1", v) for v in ["x", "needs-engine", "y"]])
    outage_left = [HANDLER_ATTEMPTS + 2]  # longer than the ordinary retries
    delivered = Collector()

    def handler(message: Message) -> None:
        if message.value == b"needs-engine" and outage_left[0] > 0:
            outage_left[0] -= 1
            raise RetryLater("search engine away")
        delivered(message)

    consume(bus, topic, buses.group(), handler)

    assert outage_left == [0]
    assert delivered.values() == [b"x", b"needs-engine", b"y"]
    assert consume(bus, dlq_topic(topic), buses.group("dlq")).messages == []


def test_headers_round_trip(buses):
    bus, topic = buses.new_bus(), buses.topic()
    bus.ensure_topics([topic])
    headers = {"event_type": "tracker.person.v1.PersonMoved", "trace_id": "abc-123", "note": "ünï"}
    bus.publish([msg(topic, "l:1", "with", headers), msg(topic, "l:1", "without")])

    got = consume(bus, topic, buses.group())

    assert [(m.value, dict(m.headers)) for m in got.messages] == [(b"with", headers), (b"without", {})]


def test_concurrent_publishers_lose_nothing(buses):
    bus, topic = buses.new_bus(), buses.topic()
    bus.ensure_topics([topic])
    threads_n, per_thread = 6, 25
    errors: list[BaseException] = []

    def publisher(n: int) -> None:
        try:
            for i in range(per_thread):
                bus.publish([msg(topic, f"l:thread-{n}", f"{n}:{i:03d}")])
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=publisher, args=(n,)) for n in range(threads_n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors

    got = consume(bus, topic, buses.group())

    for n in range(threads_n):
        assert got.by_key()[f"l:thread-{n}"] == [f"{n}:{i:03d}".encode() for i in range(per_thread)]
    assert len(got.messages) == threads_n * per_thread
