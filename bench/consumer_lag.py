"""Kafka consumer lag of the bench platform, read from the broker as an operator would: for each consumer
group with members (the platform's running consumers; groups left behind by earlier runs are empty and are
not counted), the events between its committed position and each partition's end. An import is settled when
every running group's lag is 0: households, groups, reporting and the search indexer have caught up."""
from __future__ import annotations

import time

from confluent_kafka import Consumer, ConsumerGroupState, ConsumerGroupTopicPartitions, TopicPartition
from confluent_kafka.admin import AdminClient

from services.common import local_cluster

TIMEOUT_S = 10.0


def _admin() -> AdminClient:
    return AdminClient({"bootstrap.servers": local_cluster.ENV["TRACKER_KAFKA_BOOTSTRAP"]})


def lag_by_group(admin: AdminClient | None = None) -> dict[str, int]:
    """{group: events not yet committed} for every group with members."""
    admin = admin or _admin()
    listed = admin.list_consumer_groups(states={ConsumerGroupState.STABLE, ConsumerGroupState.PREPARING_REBALANCING,
                                                ConsumerGroupState.COMPLETING_REBALANCING}).result(TIMEOUT_S)
    groups = [g.group_id for g in listed.valid]
    if not groups:
        return {}
    committed: dict[str, list[TopicPartition]] = {}
    for group in groups:
        future = admin.list_consumer_group_offsets([ConsumerGroupTopicPartitions(group)])[group]
        committed[group] = future.result(TIMEOUT_S).topic_partitions or []
    ends: dict[tuple[str, int], int] = {}
    reader = Consumer({"bootstrap.servers": local_cluster.ENV["TRACKER_KAFKA_BOOTSTRAP"], "group.id": "bench.consumer-lag"})
    try:
        for tp in {(tp.topic, tp.partition) for tps in committed.values() for tp in tps}:
            ends[tp] = reader.get_watermark_offsets(TopicPartition(*tp), timeout=TIMEOUT_S, cached=False)[1]
    finally:
        reader.close()
    return {group: sum(max(0, ends[(tp.topic, tp.partition)] - max(tp.offset, 0)) for tp in tps)
            for group, tps in committed.items()}


def wait_settled(deadline: float, poll_s: float = 0.5) -> dict[str, int]:
    """Waits until no running group has lag (or `deadline`, a perf_counter time); the lag last seen."""
    admin = _admin()
    while True:
        lag = {group: n for group, n in lag_by_group(admin).items() if n}
        if not lag or time.perf_counter() >= deadline:
            return lag
        time.sleep(poll_s)
