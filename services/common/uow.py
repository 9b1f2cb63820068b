"""The unit of work: one transaction, and the events it causes, committed together.

Use cases take a unit of work first and are the only code that commits.
Entities record the events they cause; `track(entity)` makes the unit of work
collect them into the outbox in the same transaction as the change. A read-only
unit of work (searches, reads) never commits: its transaction is rolled back at
the end, and the engine refuses writes in it where it can.
"""
from __future__ import annotations

from typing import Callable, Iterable, Protocol

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

from .clock import SYSTEM, Clock
from .db import Database
from .envelope import OutgoingEvent


class RecordsEvents(Protocol):
    events: list


# The domain events of one commit, in order -> the outgoing events that carry them.
EventMapper = Callable[[list], Iterable[OutgoingEvent]]


def each(map_one: Callable[[object], Iterable[OutgoingEvent]]) -> EventMapper:
    """An EventMapper that maps each domain event on its own (`map_one(event)`), for a service whose events
    never travel together."""
    def map_all(events: list) -> Iterable[OutgoingEvent]:
        for event in events:
            yield from map_one(event)
    return map_all


class UnitOfWork:
    def __init__(self, database: Database, outbox: Table | None = None, event_mapper: EventMapper | None = None, *,
                 landlord_id: str | None = None, platform: bool = False,
                 on_commit: Callable[[], None] | None = None, clock: Clock = SYSTEM, read_only: bool = False):
        self.database = database
        self.read_only = read_only
        self.clock = clock  # where use cases read now and today
        self.landlord_id = landlord_id
        self._outbox = outbox
        self._event_mapper = event_mapper
        self._platform = platform
        self._on_commit = on_commit
        self._tracked: list[RecordsEvents] = []
        self._after_commit: list[Callable[[], None]] = []
        self.session: Session | None = None

    def __enter__(self) -> "UnitOfWork":
        self.session = self.database.open(landlord_id=self.landlord_id, platform=self._platform,
                                          read_only=self.read_only)
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            if self.session.in_transaction():
                self.session.rollback()
        finally:
            self.session.close()

    def track(self, entity: RecordsEvents) -> None:
        self._refuse_if_read_only("tracks no changes")
        self._tracked.append(entity)

    def _refuse_if_read_only(self, what: str) -> None:
        if self.read_only:
            raise RuntimeError(f"a read-only unit of work {what}: use a unit of work that may write")

    def after_commit(self, callback: Callable[[], None]) -> None:
        """Call `callback()` once this transaction has committed (never if it rolls back): for work
        that must see the committed state, such as writing search documents. The session is open
        again for it (a new transaction)."""
        self._after_commit.append(callback)

    def commit(self) -> None:
        self._refuse_if_read_only("never commits")
        now = self.clock.now()
        happened = []
        for entity in self._tracked:
            happened.extend(entity.events)
            entity.events.clear()
        rows = [{"event_id": out.event_id, "landlord_id": out.landlord_id, "topic": out.topic, "key": out.key,
                 "envelope": out.envelope, "created_at": now}
                for out in (self._event_mapper(happened) if happened else ())]
        if rows:
            if self._outbox is None:
                raise RuntimeError("this unit of work has no outbox to put events in")
            self.session.execute(insert(self._outbox), rows)
        self.session.commit()
        self._tracked.clear()
        if rows and self._on_commit:
            self._on_commit()
        callbacks, self._after_commit = self._after_commit, []
        for callback in callbacks:
            callback()

    def rollback(self) -> None:
        self.session.rollback()
        self._tracked.clear()
        self._after_commit.clear()
