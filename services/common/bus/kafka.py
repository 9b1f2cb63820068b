"""The Kafka event bus (kafka-python), used when services run as separate processes.

One idempotent producer (acks=all) per bus, created on first publish. Each
subscription owns a KafkaConsumer on its own thread (kafka_consumer.py).
"""
from __future__ import annotations

import logging
import threading
from typing import Sequence

import kafka.errors as kafka_errors
from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer

from .handling import check_max_batch
from .kafka_consumer import REQUEST_TIMEOUT_MS, KafkaSubscription, open_consumer
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
        self._producer: KafkaProducer | None = None
        self._lock = threading.Lock()
        self._subscriptions: list[KafkaSubscription] = []

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
        names = list(dict.fromkeys(self.namespace + n for t in topics for n in (t, dlq_topic(t))))
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
                producer.send(self.namespace + m.topic, value=bytes(m.value), key=m.key.encode("utf-8"),
                              headers=[(k, v.encode("utf-8")) for k, v in m.headers.items()])
                for m in messages
            ]
            producer.flush(timeout=PUBLISH_TIMEOUT_S)
            for future in futures:
                future.get(timeout=PUBLISH_TIMEOUT_S)
        except Exception as exc:
            raise BusError(f"publish failed: {type(exc).__name__}: {exc}") from exc

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
            try:
                producer.flush(timeout=PUBLISH_TIMEOUT_S)
            finally:
                producer.close(timeout=PUBLISH_TIMEOUT_S)

    def _forget(self, subscription: KafkaSubscription) -> None:
        with self._lock:
            if subscription in self._subscriptions:
                self._subscriptions.remove(subscription)

    def _consumer(self, group: str) -> KafkaConsumer:
        return open_consumer(self._bootstrap_servers, self._client_id, group)
