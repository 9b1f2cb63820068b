"""The Kafka event bus (kafka-python), used when services run as separate processes.

One idempotent producer (acks=all) per bus, created on first publish. Each
subscription owns a KafkaConsumer on its own thread: a KafkaConsumer is not
thread-safe, so only that thread touches it; wait_idle() asks the thread to
compare its committed positions with the partitions' end offsets.
"""
from __future__ import annotations

import logging
import threading
import time
from typing import Callable, Sequence

import kafka.errors as kafka_errors
from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer, OffsetAndMetadata, TopicPartition
from kafka.consumer.subscription_state import ConsumerRebalanceListener

from .handling import RETRY_LATER_PAUSE_S, dead_letter_headers, run_handler
from .port import HANDLER_ATTEMPTS, BusError, EventBus, Message, RetryLater, Subscription, dlq_topic

log = logging.getLogger(__name__)

POLL_TIMEOUT_MS = 200
REQUEST_TIMEOUT_MS = 10_000
PUBLISH_TIMEOUT_S = 30.0
ERROR_BACKOFF_S = 1.0
JOIN_STALL_S = 3.0


class KafkaBus(EventBus):
    def __init__(self, bootstrap_servers: str, *, client_id: str, partitions: int = 3) -> None:
        self._bootstrap_servers = bootstrap_servers
        self._client_id = client_id
        self._partitions = partitions
        self._producer: KafkaProducer | None = None
        self._lock = threading.Lock()
        self._subscriptions: list[_KafkaSubscription] = []

    def _get_producer(self) -> KafkaProducer:
        with self._lock:
            if self._producer is None:
                try:
                    self._producer = KafkaProducer(
                        bootstrap_servers=self._bootstrap_servers,
                        client_id=self._client_id,
                        acks="all",
                        enable_idempotence=True,
                        retries=10,
                        linger_ms=5,
                        request_timeout_ms=REQUEST_TIMEOUT_MS,
                        delivery_timeout_ms=int(PUBLISH_TIMEOUT_S * 1000) - 1000,
                        max_block_ms=REQUEST_TIMEOUT_MS,
                    )
                except Exception as exc:
                    raise BusError(
                        f"cannot connect a producer to Kafka at {self._bootstrap_servers}: {exc}"
                    ) from exc
            return self._producer

    def ensure_topics(self, topics: Sequence[str]) -> None:
        names = list(dict.fromkeys(n for t in topics for n in (t, dlq_topic(t))))
        if not names:
            return
        try:
            admin = KafkaAdminClient(
                bootstrap_servers=self._bootstrap_servers,
                client_id=f"{self._client_id}-admin",
                request_timeout_ms=REQUEST_TIMEOUT_MS,
            )
        except Exception as exc:
            raise BusError(f"cannot reach Kafka at {self._bootstrap_servers}: {exc}") from exc
        try:
            spec = {"num_partitions": self._partitions, "replication_factor": 1}
            result = admin.create_topics({name: dict(spec) for name in names}, raise_errors=False)
            for topic in result.get("topics", []):
                error = kafka_errors.for_code(topic["error_code"])
                if error not in (kafka_errors.NoError, kafka_errors.TopicAlreadyExistsError):
                    raise BusError(f"cannot create topic {topic['name']}: {error.__name__}")
            admin.wait_for_topics(names, timeout_ms=REQUEST_TIMEOUT_MS)
            log.info("topics ready: %s", ", ".join(names))
        except BusError:
            raise
        except Exception as exc:
            raise BusError(f"cannot create topics: {type(exc).__name__}: {exc}") from exc
        finally:
            admin.close()

    def publish(self, messages: Sequence[Message]) -> None:
        if not messages:
            return
        producer = self._get_producer()
        try:
            futures = [
                producer.send(m.topic, value=bytes(m.value), key=m.key.encode("utf-8"),
                              headers=[(k, v.encode("utf-8")) for k, v in m.headers.items()])
                for m in messages
            ]
            producer.flush(timeout=PUBLISH_TIMEOUT_S)
            for future in futures:
                future.get(timeout=PUBLISH_TIMEOUT_S)
        except Exception as exc:
            raise BusError(f"publish failed: {type(exc).__name__}: {exc}") from exc

    def subscribe(
        self, *, topics: Sequence[str], group: str, handler: Callable[[Message], None]
    ) -> Subscription:
        topics = list(dict.fromkeys(topics))
        if not topics:
            raise ValueError("subscribe needs at least one topic")
        subscription = _KafkaSubscription(self, topics, group, handler)
        with self._lock:
            self._subscriptions.append(subscription)
        subscription.start()
        return subscription

    def close(self) -> None:
        with self._lock:
            subscriptions, self._subscriptions = self._subscriptions, []
        for subscription in subscriptions:
            subscription.stop()
        with self._lock:
            producer, self._producer = self._producer, None
        if producer is not None:
            try:
                producer.flush(timeout=PUBLISH_TIMEOUT_S)
            finally:
                producer.close(timeout=PUBLISH_TIMEOUT_S)

    def _forget(self, subscription: _KafkaSubscription) -> None:
        with self._lock:
            if subscription in self._subscriptions:
                self._subscriptions.remove(subscription)

    def _consumer(self, group: str) -> KafkaConsumer:
        return KafkaConsumer(
            bootstrap_servers=self._bootstrap_servers,
            client_id=f"{self._client_id}-{group}",
            group_id=group,
            enable_auto_commit=False,
            auto_offset_reset="earliest",
            request_timeout_ms=REQUEST_TIMEOUT_MS + 5_000,
        )


class _Rebalance(ConsumerRebalanceListener):
    def __init__(self, subscription: _KafkaSubscription) -> None:
        self._subscription = subscription

    def on_partitions_revoked(self, revoked) -> None:
        self._subscription._assigned = False

    def on_partitions_assigned(self, assigned) -> None:
        log.info("group %s assigned %d partitions", self._subscription.group, len(assigned))
        self._subscription._assigned = self._subscription._assigned_seen = True


class _KafkaSubscription(Subscription):
    def __init__(
        self, bus: KafkaBus, topics: list[str], group: str, handler: Callable[[Message], None]
    ) -> None:
        self._bus = bus
        self.topics = topics
        self.group = group
        self._handler = handler
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
                # Know the topics' partitions before joining: a first join without
                # them assigns nothing and forces an immediate second rebalance.
                for topic in self.topics:
                    consumer.partitions_for_topic(topic)
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
        batches = consumer.poll(timeout_ms=POLL_TIMEOUT_MS)
        if not batches:
            if self._idle_waiters and self._caught_up(consumer):
                with self._idle:
                    self._idle_seen_at = check_started
                    self._idle.notify_all()
            return
        for tp, records in batches.items():
            for record in records:
                if self._stopping.is_set() or not self._handle(consumer, tp, record):
                    # Not committed: fetch this record again on the next poll.
                    consumer.seek(tp, record.offset)
                    break

    def _handle(self, consumer: KafkaConsumer, tp: TopicPartition, record) -> bool:
        """Handle one record and commit past it; False if it could not be finished."""
        message = Message(
            topic=record.topic,
            key=record.key.decode("utf-8") if record.key is not None else "",
            value=record.value if record.value is not None else b"",
            headers={k: (v or b"").decode("utf-8", "replace") for k, v in record.headers or []},
        )
        where = f"{record.topic}[{record.partition}]@{record.offset}"
        error = run_handler(self._handler, message, where, log)
        if isinstance(error, RetryLater):
            self._stopping.wait(RETRY_LATER_PAUSE_S)
            return False  # not committed: offered again after the pause
        if error is not None:
            log.error("dead-lettering %s key=%s after %d attempts", where, message.key, HANDLER_ATTEMPTS)
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
