"""Idempotent event consumers: each event is handled once per consumer, in the
same transaction that records it as processed. Events come one at a time or in
batches (the bus's batch handler): a batch is one transaction per landlord."""
from __future__ import annotations

import logging
from typing import Callable, Sequence

from sqlalchemy import Table, insert, select
from sqlalchemy.exc import OperationalError

from . import context
from .bus import Message, RetryLater
from .envelope import unwrap
from .errors import Unavailable
from .metrics import EVENTS_CONSUMED
from .search import SearchUnavailable
from .uow import UnitOfWork

# An engine or another service that is away (not started yet, restarting) is not a poison message: the bus offers
# the event again later. Dead-lettered at once, a household's event was lost to reporting while profiles started.
TRANSIENT = (OperationalError, SearchUnavailable, Unavailable)
SEEN_QUERY_IDS = 500  # event ids per "already processed?" query

log = logging.getLogger(__name__)

EventHandler = Callable[[UnitOfWork, object], None]  # (uow, envelope) -> None; must not commit
# (uow, envelopes of one landlord, in order, none already processed) -> None; must not commit
BatchEventHandler = Callable[[UnitOfWork, list], None]


class IdempotentConsumer:
    """Call it with one message (the bus's handler), or use `batch` (its batch handler).

    For a batch, the events are grouped by landlord; each group is one unit of work:
    one query for the event ids already processed (events repeated within the batch
    count once), then `batch_handler(uow, envelopes)` if given, else `handler(uow,
    envelope)` for each envelope, then one insert of every processed event id, and
    one commit. Groups already committed stay committed if a later one fails: the bus
    then hands the messages over one at a time and those are seen as duplicates."""

    def __init__(self, consumer: str, processed: Table, make_uow: Callable[[str], UnitOfWork],
                 handler: EventHandler, batch_handler: BatchEventHandler | None = None):
        self.consumer = consumer
        self._processed = processed
        self._make_uow = make_uow
        self._handler = handler
        self._batch_handler = batch_handler

    def __call__(self, message: Message) -> None:
        self._handle_group([unwrap(message.value)], batched=False, events=1)

    def batch(self, messages: Sequence[Message]) -> None:
        envelopes = [unwrap(m.value) for m in messages]  # a bad one fails the batch: then one at a time
        by_landlord: dict[str, list] = {}
        for env in envelopes:
            by_landlord.setdefault(env.landlord_id, []).append(env)
        for group in by_landlord.values():
            self._handle_group(group, batched=True, events=len(messages))

    def _handle_group(self, envelopes: list, *, batched: bool, events: int) -> None:
        try:
            self._handle_once(envelopes, batched)
        except TRANSIENT as error:
            EVENTS_CONSUMED.labels(self.consumer, "retry_later").inc(events)
            raise RetryLater(f"{type(error).__name__}: an engine or a service is away") from error

    def _handle_once(self, envelopes: list, batched: bool) -> None:
        """Events of one landlord, in one transaction."""
        landlord_id = envelopes[0].landlord_id
        request_ids = {env.request_id for env in envelopes}
        call = context.CallContext(landlord_id=landlord_id, request_id=request_ids.pop() if len(request_ids) == 1 else "")
        with context.bound(call):
            with self._make_uow(landlord_id) as uow:
                fresh = self._fresh(uow, envelopes)
                if fresh:
                    if batched and self._batch_handler is not None:
                        self._batch_handler(uow, fresh)
                    else:
                        for env in fresh:
                            self._handler(uow, env)
                    now = uow.clock.now()
                    uow.session.execute(insert(self._processed), [
                        {"consumer": self.consumer, "event_id": env.event_id, "landlord_id": env.landlord_id,
                         "processed_at": now} for env in fresh])
                    uow.commit()
        if len(envelopes) > len(fresh):
            EVENTS_CONSUMED.labels(self.consumer, "duplicate").inc(len(envelopes) - len(fresh))
        if fresh:
            EVENTS_CONSUMED.labels(self.consumer, "handled").inc(len(fresh))

    def _fresh(self, uow: UnitOfWork, envelopes: list) -> list:
        """The envelopes not processed yet, each event id once, in order."""
        p = self._processed
        ids = list(dict.fromkeys(env.event_id for env in envelopes))
        seen: set[str] = set()
        for start in range(0, len(ids), SEEN_QUERY_IDS):
            seen.update(uow.session.execute(select(p.c.event_id).where(
                p.c.consumer == self.consumer, p.c.event_id.in_(ids[start:start + SEEN_QUERY_IDS]))).scalars())
        fresh = []
        for env in envelopes:
            if env.event_id not in seen:
                seen.add(env.event_id)
                fresh.append(env)
        return fresh


def idempotent(consumer: str, processed: Table, make_uow: Callable[[str], UnitOfWork],
               handler: EventHandler, batch_handler: BatchEventHandler | None = None) -> IdempotentConsumer:
    """Wrap `handler` (and `batch_handler`) so a redelivered event (same event_id)
    changes nothing. The result is the bus's handler; its `.batch` the batch handler."""
    return IdempotentConsumer(consumer, processed, make_uow, handler, batch_handler)
