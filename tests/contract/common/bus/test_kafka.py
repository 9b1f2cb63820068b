"""Platforms sharing one Kafka broker through TRACKER_KAFKA_NAMESPACE never read each other's events."""
from __future__ import annotations

import os
import uuid

import pytest

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
