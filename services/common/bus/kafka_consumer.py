"""The consumer side of the Kafka bus: one subscription, its own librdkafka Consumer on
its own thread. librdkafka keeps the group membership (heartbeats, rejoining after a
rebalance or an eviction) on its own native threads, so a busy Python process never
starves it; only this subscription's thread calls the Consumer. wait_idle() asks the
thread to compare its committed positions with the partitions' end offsets. With a
batch handler, the records of one consume (across partitions) form one batch and
every partition is committed past them together.
"""
from __future__ import annotations

import json
import logging
import threading
import time
from collections import defaultdict
from typing import TYPE_CHECKING

from confluent_kafka import OFFSET_INVALID, Consumer, KafkaError, KafkaException, TopicPartition

from ..logs import error_reason
from ..metrics import CONSUMER_LAG
from .handling import RETRY_LATER_PAUSE_S, dead_letter_headers, run_batch_handler, run_handler
from .port import HANDLER_ATTEMPTS, BatchHandler, BusError, Handler, Message, RetryLater, Subscription, dlq_topic

if TYPE_CHECKING:
    from .kafka import KafkaBus

log = logging.getLogger(__name__)

POLL_TIMEOUT_S = 0.2
REQUEST_TIMEOUT_S = 10.0
ERROR_BACKOFF_S = 1.0
# A member that does not consume again within this leaves the group (librdkafka rejoins it
# at its next consume), and a rebalance waits this long for every member: a batch takes seconds.
MAX_POLL_INTERVAL_MS = 60_000
METADATA_REFRESH_MS = 10_000  # partitions added to a subscribed topic are seen within this (default 5 minutes)
STATISTICS_MS = 10_000  # how often librdkafka reports the consumer's lag (tracker_consumer_lag_events)


def consumer_lag(statistics: str) -> dict[str, int]:
    """{topic: events not yet committed} over the partitions this consumer holds, from librdkafka's
    statistics (a JSON document; a partition's consumer_lag is -1 while unknown or not held)."""
    lag: dict[str, int] = {}
    for topic, detail in json.loads(statistics).get("topics", {}).items():
        held = [p.get("consumer_lag", -1) for key, p in detail.get("partitions", {}).items() if key != "-1"]
        lag[topic] = sum(n for n in held if n >= 0)
    return lag


def _lag_reporter(group: str, namespace: str):
    def report(statistics: str) -> None:
        try:
            for topic, events in consumer_lag(statistics).items():
                CONSUMER_LAG.labels(group.removeprefix(namespace), topic.removeprefix(namespace)).set(events)
        except (ValueError, AttributeError, TypeError):
            log.warning("group %s: librdkafka statistics not understood", group)
    return report


def consumer_config(bootstrap_servers: str, client_id: str, group: str, namespace: str = "") -> dict:
    return {
        "bootstrap.servers": bootstrap_servers,
        "client.id": f"{client_id}-{group}",
        "group.id": group,
        "enable.auto.commit": False,
        "auto.offset.reset": "earliest",
        "max.poll.interval.ms": MAX_POLL_INTERVAL_MS,
        "topic.metadata.refresh.interval.ms": METADATA_REFRESH_MS,
        "error_cb": lambda error: log.warning("group %s: %s", group, error),
        "statistics.interval.ms": STATISTICS_MS,
        "stats_cb": _lag_reporter(group, namespace),
        "logger": logging.getLogger("librdkafka"),
    }


def _message(record, namespace: str) -> Message:
    key = record.key()
    return Message(
        topic=record.topic().removeprefix(namespace),
        key=key.decode("utf-8") if key is not None else "",
        value=record.value() or b"",
        headers={k: (v or b"").decode("utf-8", "replace") for k, v in record.headers() or []},
    )


def _where(record) -> str:
    return f"{record.topic()}[{record.partition()}]@{record.offset()}"


def _by_partition(records: list) -> dict[tuple[str, int], list]:
    """One consume's records by partition, each partition's in offset order."""
    batches: dict[tuple[str, int], list] = defaultdict(list)
    for record in records:
        batches[(record.topic(), record.partition())].append(record)
    return batches


class KafkaSubscription(Subscription):
    def __init__(
        self, bus: KafkaBus, topics: list[str], group: str, handler: Handler,
        batch_handler: BatchHandler | None, max_batch: int,
    ) -> None:
        self._bus = bus
        self.topics = topics
        self.group = group
        self._handler = handler
        self._batch_handler = batch_handler
        self._max_batch = max_batch
        self._stopping = threading.Event()
        self._assigned = False  # set by the rebalance callbacks, on this thread
        # wait_idle(): while _idle_waiters > 0 the consumer thread sets _idle_seen_at
        # to the start time of each check that finds nothing left to handle.
        self._idle = threading.Condition()
        self._idle_waiters = 0
        self._idle_seen_at = 0.0
        self._thread = threading.Thread(target=self._run, name=f"bus-kafka-{group}", daemon=True)

    def start(self) -> None:
        self._thread.start()

    # -- consumer thread ----------------------------------------------------------
    def _run(self) -> None:
        try:
            while not self._stopping.is_set():
                consumer = self._open_consumer()
                if consumer is None:
                    return
                try:
                    while not self._stopping.is_set():
                        try:
                            self._poll_once(consumer)
                        except KafkaException as exc:
                            if exc.args and exc.args[0].fatal():
                                raise
                            log.warning("group %s: %s; retrying", self.group, exc)
                            self._stopping.wait(ERROR_BACKOFF_S)
                        except Exception:
                            log.exception("group %s consumer error; retrying", self.group)
                            self._stopping.wait(ERROR_BACKOFF_S)
                except Exception:  # the thread must outlive any one consumer: open a new one
                    log.exception("group %s: consumer lost; opening a new one", self.group)
                    self._stopping.wait(ERROR_BACKOFF_S)
                finally:
                    self._assigned = False
                    try:
                        consumer.close()  # leaves the group at once, so no rebalance waits for this member
                    except Exception:
                        log.exception("group %s: error closing consumer", self.group)
        finally:
            self._bus._forget(self)
            with self._idle:
                self._idle.notify_all()

    def _open_consumer(self) -> Consumer | None:
        while not self._stopping.is_set():
            try:
                consumer = self._bus._consumer(self.group)
                consumer.subscribe(self.topics, on_assign=self._on_assign, on_revoke=self._on_revoke,
                                   on_lost=self._on_revoke)
                return consumer
            except Exception as exc:
                log.error("group %s cannot open a Kafka consumer (%s); retrying", self.group, exc)
                self._stopping.wait(ERROR_BACKOFF_S)
        return None

    def _on_assign(self, consumer: Consumer, partitions: list[TopicPartition]) -> None:
        log.info("group %s assigned %d partitions", self.group, len(partitions))
        self._assigned = True

    def _on_revoke(self, consumer: Consumer, partitions: list[TopicPartition]) -> None:
        self._assigned = False

    def _poll_once(self, consumer: Consumer) -> None:
        check_started = time.monotonic()
        polled = consumer.consume(self._max_batch, POLL_TIMEOUT_S)
        records = []
        for record in polled:
            if record.error() is None:
                records.append(record)
            elif record.error().code() != KafkaError._PARTITION_EOF:
                log.warning("group %s: %s", self.group, record.error())
        if not records:
            if self._idle_waiters and self._caught_up(consumer):
                with self._idle:
                    self._idle_seen_at = check_started
                    self._idle.notify_all()
            return
        batches = _by_partition(records)
        if self._batch_handler is not None and self._offer_batch(consumer, batches):
            return
        for partition_records in batches.values():
            for record in partition_records:
                if self._stopping.is_set() or not self._handle(consumer, record):
                    # Not committed: fetch this record again on the next consume.
                    self._rewind(consumer, [record])
                    break

    def _offer_batch(self, consumer: Consumer, batches: dict) -> bool:
        """Hand one consume's records to the batch handler and commit every partition past
        them. True once they are dealt with (handled, or rewound to be offered again
        after RetryLater or a failed commit); False if they must go one at a time."""
        firsts = [records[0] for records in batches.values()]
        if self._stopping.is_set():
            self._rewind(consumer, firsts)
            return True
        messages = [_message(record, self._bus.namespace) for records in batches.values() for record in records]
        where = ", ".join(f"{t}[{p}]@{rs[0].offset()}..{rs[-1].offset()}" for (t, p), rs in batches.items())
        error = run_batch_handler(self._batch_handler, messages, where, log)
        if error is None:
            try:
                consumer.commit(offsets=[TopicPartition(t, p, rs[-1].offset() + 1) for (t, p), rs in batches.items()],
                                asynchronous=False)
                return True
            except KafkaException:
                # At-least-once: the batch was handled but may be delivered again.
                log.exception("group %s: commit failed after a batch at %s", self.group, where)
        elif isinstance(error, RetryLater):
            self._stopping.wait(RETRY_LATER_PAUSE_S)
        else:
            return False
        self._rewind(consumer, firsts)
        return True

    def _rewind(self, consumer: Consumer, firsts: list) -> None:
        """Not committed: the next consume fetches these records (each its partition's first
        not handled) again, from partitions still ours; a partition reassigned meanwhile
        starts again from the group's committed position anyway."""
        assigned = {(tp.topic, tp.partition) for tp in consumer.assignment()}
        for record in firsts:
            if (record.topic(), record.partition()) in assigned:
                consumer.seek(TopicPartition(record.topic(), record.partition(), record.offset()))

    def _handle(self, consumer: Consumer, record) -> bool:
        """Handle one record and commit past it; False if it could not be finished."""
        message = _message(record, self._bus.namespace)
        where = _where(record)
        error = run_handler(self._handler, message, where, log)
        if isinstance(error, RetryLater):
            self._stopping.wait(RETRY_LATER_PAUSE_S)
            return False  # not committed: offered again after the pause
        if error is not None:
            log.error("dead-lettering %s key=%s after %d attempts (%s)", where, message.key, HANDLER_ATTEMPTS,
                      error_reason(error))
            try:
                self._bus.publish([Message(dlq_topic(message.topic), message.key, message.value,
                                           dead_letter_headers(message, error))])
            except BusError:
                log.exception("cannot dead-letter %s; will retry it", where)
                self._stopping.wait(ERROR_BACKOFF_S)
                return False
        try:
            consumer.commit(offsets=[TopicPartition(record.topic(), record.partition(), record.offset() + 1)],
                            asynchronous=False)
        except KafkaException:
            # At-least-once: the record was handled but may be delivered again.
            log.exception("group %s: commit failed at %s", self.group, where)
            return False
        return True

    def _caught_up(self, consumer: Consumer) -> bool:
        """Assigned, and every assigned partition's committed position is at its end offset."""
        assignment = consumer.assignment()
        if not self._assigned or not assignment:
            return False
        committed = consumer.committed(assignment, timeout=REQUEST_TIMEOUT_S)
        for tp in committed:
            _, end = consumer.get_watermark_offsets(tp, timeout=REQUEST_TIMEOUT_S, cached=False)
            position = tp.offset if tp.offset != OFFSET_INVALID else 0
            if position < end:
                return False
        return True

    # -- callers' side ----------------------------------------------------------
    def stop(self, timeout: float = 10.0) -> None:
        self._stopping.set()
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(timeout)

    def wait_idle(self, timeout: float = 10.0) -> bool:
        asked_at = time.monotonic()
        deadline = asked_at + timeout
        with self._idle:
            self._idle_waiters += 1
            try:
                while self._idle_seen_at < asked_at:
                    remaining = deadline - time.monotonic()
                    if remaining <= 0 or not self._thread.is_alive():
                        return False
                    self._idle.wait(min(remaining, 0.5))
                return True
            finally:
                self._idle_waiters -= 1
