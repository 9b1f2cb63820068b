"""The consumer side of the Kafka bus: one subscription, its own KafkaConsumer on its
own thread. A KafkaConsumer is not thread-safe, so only that thread touches it;
wait_idle() asks the thread to compare its committed positions with the
partitions' end offsets. With a batch handler, the records of one poll (across
partitions) form one batch and every partition is committed past them together.
"""
from __future__ import annotations

import logging
import threading
import time
from typing import TYPE_CHECKING

from kafka import KafkaConsumer, OffsetAndMetadata, TopicPartition
from kafka.consumer.subscription_state import ConsumerRebalanceListener

from ..logs import error_reason
from .handling import RETRY_LATER_PAUSE_S, dead_letter_headers, run_batch_handler, run_handler
from .port import HANDLER_ATTEMPTS, BatchHandler, BusError, Handler, Message, RetryLater, Subscription, dlq_topic

if TYPE_CHECKING:
    from .kafka import KafkaBus

log = logging.getLogger(__name__)

POLL_TIMEOUT_MS = 200
REQUEST_TIMEOUT_MS = 10_000
ERROR_BACKOFF_S = 1.0
JOIN_STALL_S = 3.0
# How long a rebalance waits for every member to join again (kafka-python uses max.poll.interval.ms):
# the default 5 minutes let one lost member hold a whole group still for 5 minutes when several
# groups joined a fresh broker together. A batch takes seconds, well inside this.
REBALANCE_TIMEOUT_MS = 30_000
METADATA_MAX_AGE_MS = 10_000  # partitions added to a subscribed topic are seen within this (default 5 minutes)


def open_consumer(bootstrap_servers: str, client_id: str, group: str) -> KafkaConsumer:
    return KafkaConsumer(
        bootstrap_servers=bootstrap_servers,
        client_id=f"{client_id}-{group}",
        group_id=group,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        request_timeout_ms=REQUEST_TIMEOUT_MS + 5_000,
        max_poll_interval_ms=REBALANCE_TIMEOUT_MS,
        metadata_max_age_ms=METADATA_MAX_AGE_MS,
    )


def _message(record, namespace: str) -> Message:
    return Message(
        topic=record.topic.removeprefix(namespace),
        key=record.key.decode("utf-8") if record.key is not None else "",
        value=record.value if record.value is not None else b"",
        headers={k: (v or b"").decode("utf-8", "replace") for k, v in record.headers or []},
    )


class _Rebalance(ConsumerRebalanceListener):
    def __init__(self, subscription: KafkaSubscription) -> None:
        self._subscription = subscription

    def on_partitions_revoked(self, revoked) -> None:
        self._subscription._assigned = False

    def on_partitions_assigned(self, assigned) -> None:
        log.info("group %s assigned %d partitions", self._subscription.group, len(assigned))
        self._subscription._assigned = self._subscription._assigned_seen = True


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
        self._assigned = self._assigned_seen = False  # set by _Rebalance
        self._assigned_generation = -1
        self._stalled_since: float | None = None
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
                    while not self._stopping.is_set() and not self._join_stalled(consumer):
                        try:
                            self._poll_once(consumer)
                        except Exception:
                            log.exception("group %s consumer error; retrying", self.group)
                            self._stopping.wait(ERROR_BACKOFF_S)
                except Exception:  # the thread must outlive any one consumer: open a new one
                    log.exception("group %s: consumer lost; opening a new one", self.group)
                    self._stopping.wait(ERROR_BACKOFF_S)
                finally:
                    try:
                        consumer.close(autocommit=False)
                    except Exception:
                        log.exception("group %s: error closing consumer", self.group)
        finally:
            self._bus._forget(self)
            with self._idle:
                self._idle.notify_all()

    def _open_consumer(self) -> KafkaConsumer | None:
        self._assigned, self._assigned_seen, self._assigned_generation = False, False, -1
        self._stalled_since = None
        while not self._stopping.is_set():
            consumer = None
            try:
                consumer = self._bus._consumer(self.group)
                # Know the topics' partitions before joining: a join without them (a topic
                # created a moment ago) is assigned nothing, and kafka-python only notices the
                # partitions at its next metadata refresh, minutes later. So wait for them.
                missing = [topic for topic in self.topics if not consumer.partitions_for_topic(topic)]
                if missing:
                    raise BusError(f"no partitions known yet for {', '.join(missing)}")
                consumer.subscribe(topics=self.topics, listener=_Rebalance(self))
                return consumer
            except Exception as exc:
                log.error("group %s cannot reach Kafka (%s); retrying", self.group, exc)
                if consumer is not None:
                    consumer.close(autocommit=False)
                self._stopping.wait(ERROR_BACKOFF_S)
        return None

    def _join_stalled(self, consumer: KafkaConsumer) -> bool:
        """kafka-python 3.0.12 can lose a join whose poll() timed out mid-rebalance:
        the member moves to a new generation but never gets its assignment and
        never retries. Detect that (no on_partitions_assigned for the current
        generation for JOIN_STALL_S) so the caller reopens the consumer."""
        meta = consumer.group_metadata()
        if self._assigned_seen:
            self._assigned_seen, self._assigned_generation = False, meta.generation_id
        if meta.generation_id == self._assigned_generation:
            self._stalled_since = None
            return False
        now = time.monotonic()
        if self._stalled_since is None:
            self._stalled_since = now
        if now - self._stalled_since < JOIN_STALL_S:
            return False
        log.warning("group %s: generation %d never assigned; rejoining",
                    self.group, meta.generation_id)
        return True

    def _poll_once(self, consumer: KafkaConsumer) -> None:
        check_started = time.monotonic()
        batches = consumer.poll(timeout_ms=POLL_TIMEOUT_MS,
                                max_records=self._max_batch if self._batch_handler is not None else None)
        if not batches:
            if self._idle_waiters and self._caught_up(consumer):
                with self._idle:
                    self._idle_seen_at = check_started
                    self._idle.notify_all()
            return
        if self._batch_handler is not None and self._offer_batch(consumer, batches):
            return
        for tp, records in batches.items():
            for record in records:
                if self._stopping.is_set() or not self._handle(consumer, tp, record):
                    # Not committed: fetch this record again on the next poll.
                    consumer.seek(tp, record.offset)
                    break

    def _offer_batch(self, consumer: KafkaConsumer, batches: dict) -> bool:
        """Hand one poll's records to the batch handler and commit every partition past
        them. True once they are dealt with (handled, or rewound to be offered again
        after RetryLater or a failed commit); False if they must go one at a time."""
        if self._stopping.is_set():
            self._rewind(consumer, batches)
            return True
        messages = [_message(record, self._bus.namespace) for records in batches.values() for record in records]
        where = ", ".join(f"{tp.topic}[{tp.partition}]@{rs[0].offset}..{rs[-1].offset}" for tp, rs in batches.items())
        error = run_batch_handler(self._batch_handler, messages, where, log)
        if error is None:
            try:
                consumer.commit({tp: OffsetAndMetadata(records[-1].offset + 1) for tp, records in batches.items()})
                return True
            except Exception:
                # At-least-once: the batch was handled but may be delivered again.
                log.exception("group %s: commit failed after a batch at %s", self.group, where)
        elif isinstance(error, RetryLater):
            self._stopping.wait(RETRY_LATER_PAUSE_S)
        else:
            return False
        self._rewind(consumer, batches)
        return True

    @staticmethod
    def _rewind(consumer: KafkaConsumer, batches: dict) -> None:
        """Not committed: the next poll fetches these records again (from partitions still ours)."""
        assigned = consumer.assignment()
        for tp, records in batches.items():
            if tp in assigned:
                consumer.seek(tp, records[0].offset)

    def _handle(self, consumer: KafkaConsumer, tp: TopicPartition, record) -> bool:
        """Handle one record and commit past it; False if it could not be finished."""
        message = _message(record, self._bus.namespace)
        where = f"{record.topic}[{record.partition}]@{record.offset}"
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
            consumer.commit({tp: OffsetAndMetadata(record.offset + 1)})
        except Exception:
            # At-least-once: the record was handled but may be delivered again.
            log.exception("group %s: commit failed at %s", self.group, where)
            return False
        return True

    def _caught_up(self, consumer: KafkaConsumer) -> bool:
        """Assigned, and every assigned partition's position is at its end offset."""
        assignment = consumer.assignment()
        if not self._assigned or not assignment:
            return False
        ends = consumer.end_offsets(list(assignment), timeout_ms=REQUEST_TIMEOUT_MS)
        for tp in assignment:
            committed = consumer.committed(tp, timeout_ms=REQUEST_TIMEOUT_MS) or 0
            if committed < ends.get(tp, 0):
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
