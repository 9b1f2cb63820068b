"""The event bus port: what every service needs from a log of events.

Delivery is at-least-once and in order per key. Handlers must be idempotent
(services.common.consumers dedupes by event id). A message whose handler keeps
failing goes to the topic's dead-letter topic (`<topic>.dlq`) with its error, and
consumption moves on: a poison message never blocks its partition.

A subscriber may also take messages in batches (`batch_handler`): one call for
up to `max_batch` messages that are already there, committed together, so a
consumer can do one transaction and one engine call for many events.
"""
from __future__ import annotations

import abc
from dataclasses import dataclass, field
from typing import Callable, Mapping, Sequence

HANDLER_ATTEMPTS = 3
MAX_BATCH = 500


class BusError(RuntimeError):
    """The bus could not take or deliver a message (engine down, timeout)."""


class RetryLater(Exception):
    """Raised by a handler that could not run because something it needs is away
    (a database or search engine outage). The message is not poison: the bus waits
    and delivers the same message again, for as long as it takes, and never
    dead-letters it."""


@dataclass(frozen=True)
class Message:
    topic: str
    key: str  # "landlord_id:entity_id": one entity's events stay in order
    value: bytes  # a serialized tracker.common.v1.EventEnvelope
    headers: Mapping[str, str] = field(default_factory=dict)


def dlq_topic(topic: str) -> str:
    return f"{topic}.dlq"


Handler = Callable[[Message], None]
BatchHandler = Callable[[Sequence[Message]], None]


class Subscription(abc.ABC):
    @abc.abstractmethod
    def stop(self, timeout: float = 10.0) -> None:
        """Stop consuming; returns once the consumer thread has finished."""

    @abc.abstractmethod
    def wait_idle(self, timeout: float = 10.0) -> bool:
        """True once every message published so far has been handled (tests, tools)."""


class EventBus(abc.ABC):
    @abc.abstractmethod
    def ensure_topics(self, topics: Sequence[str]) -> None:
        """Create the topics (and their `.dlq` topics) if they do not exist."""

    @abc.abstractmethod
    def publish(self, messages: Sequence[Message]) -> None:
        """Return only once every message is durably stored; raise BusError otherwise."""

    @abc.abstractmethod
    def subscribe(
        self,
        *,
        topics: Sequence[str],
        group: str,
        handler: Handler,
        batch_handler: BatchHandler | None = None,
        max_batch: int = MAX_BATCH,
    ) -> Subscription:
        """Deliver each message of `topics` to `handler`, once per consumer group,
        starting from the group's committed position (the beginning for a new group).
        A message is committed after its handler returns. A handler that raises is
        retried HANDLER_ATTEMPTS times, then the message is published to
        dlq_topic(topic) with headers `error` and `original_topic`, and committed;
        one that raises RetryLater gets the same message again after a pause.

        With a `batch_handler`, messages go to it instead, as lists of 1 to
        `max_batch` messages that were already available (the bus never waits to
        fill a batch: a lone message is a batch of one), each list in order per key
        (a batch may mix topics, keys and, in Kafka, partitions). The positions of
        every message of the batch are committed once it returns.
        - It raises RetryLater: nothing is committed; after the same pause the same
          messages are offered again as a batch (Kafka re-reads them from the same
          positions, so the batch may then also hold messages that arrived since).
        - It raises anything else: the bus falls back to delivering that batch's
          messages one at a time to `handler`, with the rules above (attempts,
          RetryLater, dead letter), so a poison message goes to the dead-letter
          topic alone and the others are handled. The batch handler itself is not
          retried, and `handler` may be given messages the batch handler had
          already handled before it raised (consumers are idempotent by event id)."""

    @abc.abstractmethod
    def close(self) -> None:
        """Stop every subscription and release connections."""
