"""Idempotent event consumers: each event is handled once per consumer, in the
same transaction that records it as processed."""
from __future__ import annotations

import datetime as dt
import logging
from typing import Callable

from sqlalchemy import Table, insert, select
from sqlalchemy.exc import OperationalError

from . import context
from .bus import Message, RetryLater
from .envelope import unwrap
from .metrics import EVENTS_CONSUMED
from .search import SearchUnavailable
from .uow import UnitOfWork

# An engine that is away is not a poison message: the bus offers the event again later.
TRANSIENT = (OperationalError, SearchUnavailable)

log = logging.getLogger(__name__)

EventHandler = Callable[[UnitOfWork, object], None]  # (uow, envelope) -> None; must not commit


def idempotent(consumer: str, processed: Table, make_uow: Callable[[str], UnitOfWork],
               handler: EventHandler) -> Callable[[Message], None]:
    """Wrap `handler` so a redelivered event (same event_id) changes nothing."""

    def handle(message: Message) -> None:
        try:
            _handle(message)
        except TRANSIENT as error:
            EVENTS_CONSUMED.labels(consumer, "retry_later").inc()
            raise RetryLater(f"{type(error).__name__}: an engine is away") from error

    def _handle(message: Message) -> None:
        env = unwrap(message.value)
        with context.bound(context.CallContext(landlord_id=env.landlord_id, request_id=env.request_id)):
            with make_uow(env.landlord_id) as uow:
                seen = uow.session.execute(
                    select(processed.c.event_id).where(processed.c.consumer == consumer, processed.c.event_id == env.event_id)
                ).first()
                if seen:
                    EVENTS_CONSUMED.labels(consumer, "duplicate").inc()
                    return
                handler(uow, env)
                uow.session.execute(insert(processed).values(
                    consumer=consumer, event_id=env.event_id, landlord_id=env.landlord_id,
                    processed_at=dt.datetime.now(dt.timezone.utc)))
                uow.commit()
        EVENTS_CONSUMED.labels(consumer, "handled").inc()

    return handle
