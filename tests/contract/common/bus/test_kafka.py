"""Kafka only: platforms sharing one broker through TRACKER_KAFKA_NAMESPACE never read each other's
events; each consumer group's lag is reported to Prometheus (tracker_consumer_lag_events)."""
from __future__ import annotations

import os
import time
import uuid

import pytest
from prometheus_client import REGISTRY

from services.common.bus import kafka_consumer

from tests.contract.common.bus.test_event_bus import BusFactory, consume, msg

pytestmark = pytest.mark.engines


def _bus(namespace: str):
    from services.common.bus.kafka import KafkaBus
    return KafkaBus(os.environ.get("TRACKER_KAFKA_BOOTSTRAP", "127.0.0.1:9092"),
                    client_id=f"contract-{uuid.uuid4().hex[:8]}", namespace=namespace)


def test_the_same_topic_and_group_in_two_namespaces_are_apart(tmp_path):
    BusFactory("kafka", tmp_path).check_engine()
    run = uuid.uuid4().hex[:8]
    ours, theirs = _bus(f"ours-{run}."), _bus(f"theirs-{run}.")
    topic, group = BusFactory.topic(), BusFactory.group()
    try:
        for bus in (ours, theirs):
            bus.ensure_topics([topic])
        ours.publish([msg(topic, "l:1", "for us")])
        theirs.publish([msg(topic, "l:1", "for them")])

        got = consume(ours, topic, group)
        seen_by_them = consume(theirs, topic, group)

        assert got.values() == [b"for us"] and seen_by_them.values() == [b"for them"]
        assert [m.topic for m in got.messages] == [topic]  # handlers see the plain topic name
    finally:
        ours.close()
        theirs.close()


def _lag(group: str, topic: str) -> float | None:
    return REGISTRY.get_sample_value("tracker_consumer_lag_events", {"group": group, "topic": topic})


def test_a_groups_lag_is_reported_while_it_works_through_a_backlog_and_is_0_once_caught_up(tmp_path, monkeypatch):
    BusFactory("kafka", tmp_path).check_engine()
    monkeypatch.setattr(kafka_consumer, "STATISTICS_MS", 100)
    namespace = f"lag-{uuid.uuid4().hex[:8]}."
    bus = _bus(namespace)
    topic, group = BusFactory.topic(), BusFactory.group()
    try:
        bus.ensure_topics([topic])
        bus.publish([msg(topic, "l:1", "first")])
        consume(bus, topic, group)  # the group has a committed position: its lag is known from now on
        bus.publish([msg(topic, f"l:{n}", f"event {n}") for n in range(30)])
        seen: list[float] = []

        def slowly(message) -> None:
            time.sleep(0.05)
            value = _lag(group, topic)
            if value is not None:
                seen.append(value)

        subscription = bus.subscribe(topics=[topic], group=group, handler=slowly, max_batch=1)
        assert subscription.wait_idle(60)
        deadline = time.monotonic() + 10
        while _lag(group, topic) != 0 and time.monotonic() < deadline:
            time.sleep(0.1)
        subscription.stop()
        assert max(seen) > 0  # a backlog was reported while it was worked through, by plain group and topic
        assert _lag(group, topic) == 0
    finally:
        bus.close()
