"""What every service process is made of: its database, outbox relay, consumers
and gRPC server, built from settings. Each service's bootstrap.build() composes
one of these; nothing here does I/O until start()."""
from __future__ import annotations

import logging
from typing import Callable, Sequence

from sqlalchemy import Table

from . import migrations
from .bus import EventBus, Subscription
from .bus.port import MAX_BATCH
from .clock import Clock
from .config import Settings
from .consumers import BatchEventHandler, EventHandler, IdempotentConsumer, idempotent
from .db import Database
from .grpc_server import GrpcServer
from .outbox import OutboxRelay
from .search import SearchIndex
from .uow import EventMapper, UnitOfWork

log = logging.getLogger(__name__)


def make_bus(settings: Settings, client_id: str) -> EventBus:
    if settings.bus == "kafka":
        from .bus.kafka import KafkaBus
        return KafkaBus(settings.kafka_bootstrap, client_id=client_id, namespace=settings.kafka_namespace)
    from .bus.inprocess import InProcessBus
    settings.var_dir.mkdir(parents=True, exist_ok=True)
    return InProcessBus(str(settings.var_dir / "events.sqlite"))


def make_search_index(settings: Settings) -> SearchIndex:
    if settings.search == "elasticsearch":
        from .search.elastic import ElasticsearchIndex
        return ElasticsearchIndex(settings.elasticsearch_url, index_prefix=settings.search_index_prefix,
                                  shards=settings.search_shards, replicas=settings.search_replicas,
                                  routing_partition=settings.search_routing_partition,
                                  bulk_bytes=settings.search_bulk_bytes, bulk_in_flight=settings.search_bulk_in_flight)
    from .search.embedded import EmbeddedSearchIndex
    settings.var_dir.mkdir(parents=True, exist_ok=True)
    return EmbeddedSearchIndex(str(settings.var_dir / "search.sqlite"))


class ServiceRuntime:
    def __init__(self, name: str, settings: Settings, *, outbox: Table, processed: Table,
                 bus: EventBus, event_mapper: EventMapper | None = None, publishes: Sequence[str] = (),
                 clock: Clock | None = None):
        self.name = name
        self.settings = settings
        self.clock = clock or settings.clock()
        self.bus = bus
        self.publishes = tuple(publishes)
        if settings.database_url(name).startswith("sqlite"):
            settings.var_dir.mkdir(parents=True, exist_ok=True)
        self.database = Database.from_url(settings.database_url(name))
        self._outbox = outbox
        self._processed = processed
        self._event_mapper = event_mapper
        self.relay = OutboxRelay(name, self.database, outbox, bus, clock=self.clock)
        self._consumers: list[tuple[Sequence[str], str, IdempotentConsumer, int]] = []
        self._subscriptions: list[Subscription] = []
        self.grpc: GrpcServer | None = None

    def uow(self, landlord_id: str | None = None, *, platform: bool = False, read_only: bool = False) -> UnitOfWork:
        return UnitOfWork(self.database, self._outbox, self._event_mapper, landlord_id=landlord_id,
                          platform=platform, on_commit=self.relay.nudge, clock=self.clock, read_only=read_only)

    def consume(self, topics: Sequence[str], consumer: str, handler: EventHandler,
                batch_handler: BatchEventHandler | None = None, *, max_batch: int = MAX_BATCH) -> None:
        """Handle events of `topics` once each, as consumer group `consumer`, in batches of
        what the bus has ready (at most `max_batch` events): one transaction per landlord per batch, in which
        `batch_handler(uow, envelopes)` (or else `handler(uow, envelope)` for each) runs.
        `handler` alone is used when a batch fails and the bus goes one event at a time."""
        wrapped = idempotent(consumer, self._processed, lambda landlord_id: self.uow(landlord_id), handler,
                             batch_handler)
        self._consumers.append((tuple(topics), consumer, wrapped, max_batch))

    def migrate(self) -> None:
        migrations.upgrade(self.name, self.settings.migration_database_url(self.name))

    def start(self, registrations: Sequence[tuple[Callable, object, str]], address: str) -> None:
        topics = set(self.publishes)
        for consumed, *_ in self._consumers:
            topics.update(consumed)
        if topics:
            self.bus.ensure_topics(sorted(topics))
        self.relay.start()
        for consumed, consumer, handler, max_batch in self._consumers:
            self._subscriptions.append(self.bus.subscribe(topics=consumed, group=consumer, handler=handler,
                                                          batch_handler=handler.batch, max_batch=max_batch))
        self.grpc = GrpcServer(self.name, address, registrations).start()

    def stop(self) -> None:
        if self.grpc:
            self.grpc.stop()
        for subscription in self._subscriptions:
            subscription.stop()
        self.relay.stop()
        self.database.dispose()
