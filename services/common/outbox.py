"""The outbox relay: publishes committed events in commit order, then marks them.

Nothing is published that did not commit, and nothing committed is lost: a row
is marked published only after the bus has durably taken it, so a crash between
the two publishes it again (consumers are idempotent by event id).
"""
from __future__ import annotations

import datetime as dt
import logging
import time

from sqlalchemy import Table, delete, func, select, update

from .bus import EventBus, Message
from .clock import Clock
from .db import Database
from .metrics import OUTBOX_BACKLOG, OUTBOX_PUBLISHED
from .worker import BackgroundWorker

log = logging.getLogger(__name__)
BATCH = 500
KEEP_PUBLISHED = dt.timedelta(hours=1)
BACKLOG_EVERY_S = 5.0  # counting the backlog reads every unpublished row: not on every batch of a big burst


class OutboxRelay(BackgroundWorker):
    def __init__(self, service: str, database: Database, outbox: Table, bus: EventBus, *, clock: Clock,
                 poll_seconds: float = 1.0):
        super().__init__(f"outbox-relay-{service}")
        self.service = service
        self._clock = clock  # the service's: when rows are marked published, and how long they are kept
        self._db = database
        self._outbox = outbox
        self._bus = bus
        self.idle_seconds = poll_seconds
        self._backlog_counted = 0.0

    def work_once(self) -> bool:
        """Publish a batch; True when it was a full one (more may be waiting). nudge() after a commit that
        wrote events publishes them now rather than at the next poll."""
        return self.publish_pending() == BATCH

    def publish_pending(self) -> int:
        """Publish one batch of unpublished events; returns how many."""
        t = self._outbox
        session = self._db.open(platform=True)
        try:
            query = select(t.c.id, t.c.topic, t.c.key, t.c.envelope).where(t.c.published_at.is_(None)).order_by(t.c.id).limit(BATCH)
            if self._db.is_postgres:
                query = query.with_for_update(skip_locked=True)
            rows = session.execute(query).all()
            if rows:
                self._bus.publish([Message(topic=r.topic, key=r.key, value=r.envelope) for r in rows])
                now = self._clock.now()
                session.execute(update(t).where(t.c.id.in_([r.id for r in rows])).values(published_at=now))
                session.execute(delete(t).where(t.c.published_at < now - KEEP_PUBLISHED))
            backlog = None
            if len(rows) < BATCH or time.monotonic() - self._backlog_counted >= BACKLOG_EVERY_S:
                backlog = session.execute(select(func.count()).select_from(t).where(t.c.published_at.is_(None))
                                          ).scalar_one()
                self._backlog_counted = time.monotonic()
            session.commit()
        finally:
            session.close()
        OUTBOX_PUBLISHED.labels(self.service).inc(len(rows))
        if backlog is not None:
            OUTBOX_BACKLOG.labels(self.service).set(backlog)
        return len(rows)
