"""The Kafka event bus (confluent-kafka, on librdkafka), used when services run as separate processes.

One idempotent producer (acks=all) per bus, created on first publish. Each
subscription owns a Consumer on its own thread (kafka_consumer.py).
"""
from __future__ import annotations

import logging
import threading
import time
from typing import Sequence

from confluent_kafka import Consumer, KafkaError, KafkaException, Producer
from confluent_kafka.admin import AdminClient, NewTopic

from .handling import check_max_batch
from .kafka_consumer import REQUEST_TIMEOUT_S, KafkaSubscription, consumer_config
from .port import MAX_BATCH, BatchHandler, BusError, EventBus, Handler, Message, Subscription, dlq_topic

log = logging.getLogger(__name__)

PUBLISH_TIMEOUT_S = 30.0


class KafkaBus(EventBus):
    def __init__(self, bootstrap_servers: str, *, client_id: str, partitions: int = 3, namespace: str = "") -> None:
        """`namespace` goes before every topic and consumer group name on the broker, so platforms
        sharing one Kafka (test runs, benches) never read each other's events; handlers see plain names."""
        self._bootstrap_servers = bootstrap_servers
        self.namespace = namespace
        self._client_id = client_id
        self._partitions = partitions
        self._producer: Producer | None = None
        self._lock = threading.Lock()
        self._subscriptions: list[KafkaSubscription] = []

    def _get_producer(self) -> Producer:
        with self._lock:
            if self._producer is None:
                try:
                    self._producer = Producer({
                        "bootstrap.servers": self._bootstrap_servers,
                        "client.id": self._client_id,
                        "acks": "all",
                        "enable.idempotence": True,
                        "linger.ms": 5,
                        "request.timeout.ms": int(REQUEST_TIMEOUT_S * 1000),
                        "delivery.timeout.ms": int(PUBLISH_TIMEOUT_S * 1000) - 1000,
                        "error_cb": lambda error: log.warning("producer: %s", error),
                        "logger": logging.getLogger("librdkafka"),
                    })
                except KafkaException as exc:
                    raise BusError(
                        f"cannot make a producer for Kafka at {self._bootstrap_servers}: {exc}"
                    ) from exc
            return self._producer

    def ensure_topics(self, topics: Sequence[str]) -> None:
        names = list(dict.fromkeys(self.namespace + n for t in topics for n in (t, dlq_topic(t))))
        if not names:
            return
        admin = AdminClient({"bootstrap.servers": self._bootstrap_servers, "client.id": f"{self._client_id}-admin",
                             "logger": logging.getLogger("librdkafka")})
        try:
            futures = admin.create_topics(
                [NewTopic(name, num_partitions=self._partitions, replication_factor=1) for name in names],
                request_timeout=REQUEST_TIMEOUT_S)
            for name, future in futures.items():
                try:
                    future.result(timeout=REQUEST_TIMEOUT_S + 5)
                except KafkaException as exc:
                    if exc.args[0].code() != KafkaError.TOPIC_ALREADY_EXISTS:
                        raise BusError(f"cannot create topic {name}: {exc.args[0].str()}") from exc
            self._wait_for_leaders(admin, names)
            log.info("topics ready: %s", ", ".join(names))
        except BusError:
            raise
        except Exception as exc:
            raise BusError(f"cannot create topics at {self._bootstrap_servers}: {type(exc).__name__}: {exc}") from exc

    @staticmethod
    def _wait_for_leaders(admin: AdminClient, names: list[str]) -> None:
        """Until every topic has all its partitions led by a broker (a topic created a moment ago may not yet)."""
        deadline = time.monotonic() + REQUEST_TIMEOUT_S
        while True:
            topics = admin.list_topics(timeout=REQUEST_TIMEOUT_S).topics
            waiting = [name for name in names if name not in topics or topics[name].error is not None
                       or not topics[name].partitions
                       or any(p.leader < 0 for p in topics[name].partitions.values())]
            if not waiting:
                return
            if time.monotonic() > deadline:
                raise BusError(f"topics without a leader after {REQUEST_TIMEOUT_S:.0f} s: {', '.join(waiting)}")
            time.sleep(0.1)

    def publish(self, messages: Sequence[Message]) -> None:
        if not messages:
            return
        producer = self._get_producer()
        failures: list[str] = []

        def delivered(error, _record) -> None:
            if error is not None:
                failures.append(error.str())

        try:
            for m in messages:
                self._produce(producer, m, delivered)
            left = producer.flush(PUBLISH_TIMEOUT_S)
        except (KafkaException, BufferError) as exc:
            raise BusError(f"publish failed: {type(exc).__name__}: {exc}") from exc
        if left:
            raise BusError(f"publish failed: {left} messages not delivered within {PUBLISH_TIMEOUT_S:.0f} s")
        if failures:
            raise BusError(f"publish failed: {failures[0]}")

    def _produce(self, producer: Producer, m: Message, delivered) -> None:
        kwargs = dict(value=bytes(m.value), key=m.key.encode("utf-8"),
                      headers=[(k, v.encode("utf-8")) for k, v in m.headers.items()], on_delivery=delivered)
        try:
            producer.produce(self.namespace + m.topic, **kwargs)
        except BufferError:  # the local queue is full: let it drain, then once more
            producer.poll(1.0)
            producer.produce(self.namespace + m.topic, **kwargs)

    def subscribe(
        self, *, topics: Sequence[str], group: str, handler: Handler,
        batch_handler: BatchHandler | None = None, max_batch: int = MAX_BATCH,
    ) -> Subscription:
        topics = list(dict.fromkeys(topics))
        if not topics:
            raise ValueError("subscribe needs at least one topic")
        subscription = KafkaSubscription(self, [self.namespace + t for t in topics], self.namespace + group, handler, batch_handler, check_max_batch(max_batch))
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
            producer.flush(PUBLISH_TIMEOUT_S)

    def _forget(self, subscription: KafkaSubscription) -> None:
        with self._lock:
            if subscription in self._subscriptions:
                self._subscriptions.remove(subscription)

    def _consumer(self, group: str) -> Consumer:
        return Consumer(consumer_config(self._bootstrap_servers, self._client_id, group, self.namespace))
