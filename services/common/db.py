"""SQLAlchemy engines and landlord-scoped transactions.

In PostgreSQL, row-level security is a second wall behind the repository filter:
every transaction sets `tracker.landlord_id` (or `tracker.platform` for the few
platform-wide jobs: sign-in, landlord creation, the outbox relay, consumers'
bookkeeping) with set_config(..., true), which lasts only for that transaction.
A query that forgets the landlord returns nothing.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import (Column, DateTime, Engine, Integer, LargeBinary, MetaData, String, Table, create_engine, event,
                        func, select, text)
from sqlalchemy.orm import Session, sessionmaker

LANDLORD_SETTING = "tracker.landlord_id"
READ_ONLY = "tracker_read_only"  # the execution option of read-only sessions
PLATFORM_SETTING = "tracker.platform"


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        return _sqlite_engine(url)
    return create_engine(url, pool_size=10, max_overflow=10, pool_pre_ping=True)


def _sqlite_engine(url: str) -> Engine:
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves, below
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        # Take the write lock first, so concurrent writers queue instead of failing; a read-only
        # transaction takes none (it reads a snapshot, and never waits behind writers).
        conn.exec_driver_sql("BEGIN" if conn.get_execution_options().get(READ_ONLY) else "BEGIN IMMEDIATE")

    return engine



def landlords_in(session: Session, column) -> list[str]:
    """Every value of `column` (a table's landlord_id, the first column of one of its indexes), in order, by
    stepping through the index a landlord at a time (a min() above the last one found). A DISTINCT read
    every row: 2.5 s for reporting's 3.5 million counted people here, against 0.07 s."""
    found = select(func.min(column).label("landlord_id")).cte("landlords_found", recursive=True)
    after = select(func.min(column)).where(column > found.c.landlord_id).scalar_subquery()
    found = found.union_all(select(after).where(found.c.landlord_id.is_not(None)))
    return list(session.execute(select(found.c.landlord_id).where(found.c.landlord_id.is_not(None))).scalars())


def as_utc(value: dt.datetime | None) -> dt.datetime | None:
    """A stored time as UTC: SQLite gives a timezone-aware column's values back naive (PostgreSQL does not)."""
    return value.replace(tzinfo=dt.timezone.utc) if value is not None and value.tzinfo is None else value


@dataclass
class Database:
    """One service's database: its engine and session factory."""
    engine: Engine

    def __post_init__(self) -> None:
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._read_only = self.engine.execution_options(**{READ_ONLY: True})  # the same pool

    @classmethod
    def from_url(cls, url: str) -> "Database":
        return cls(make_engine(url))

    @property
    def is_postgres(self) -> bool:
        return self.engine.dialect.name == "postgresql"

    def open(self, *, landlord_id: str | None = None, platform: bool = False, read_only: bool = False) -> Session:
        """A session inside a transaction scoped to one landlord (or the platform); `read_only`: one the
        engine refuses to write in (PostgreSQL), or that takes no write lock (SQLite)."""
        if not landlord_id and not platform:
            raise ValueError("a transaction needs a landlord, or platform=True")
        session = self.sessions(bind=self._read_only) if read_only else self.sessions()
        if self.is_postgres:
            scope = {"l": LANDLORD_SETTING, "lv": landlord_id or "", "p": PLATFORM_SETTING, "pv": "on" if platform else "off"}

            @event.listens_for(session, "after_begin")
            def _scope(_session, _transaction, connection):
                # Every transaction of this session, including those after a commit, carries the scope.
                if read_only:  # before any query, as PostgreSQL requires
                    connection.execute(text("SET TRANSACTION READ ONLY"))
                connection.execute(text("SELECT set_config(:l, :lv, true), set_config(:p, :pv, true)"), scope)
        session.begin()
        return session

    def dispose(self) -> None:
        self.engine.dispose()


def outbox_table(metadata: MetaData) -> Table:
    return Table(
        "outbox", metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("event_id", String(36), nullable=False, unique=True),
        Column("landlord_id", String(36), nullable=False),
        Column("topic", String(200), nullable=False),
        Column("key", String(200), nullable=False),
        Column("envelope", LargeBinary, nullable=False),
        Column("created_at", DateTime(timezone=True), nullable=False),
        Column("published_at", DateTime(timezone=True), nullable=True, index=True),
    )


def processed_events_table(metadata: MetaData) -> Table:
    return Table(
        "processed_events", metadata,
        Column("consumer", String(100), primary_key=True),
        Column("event_id", String(36), primary_key=True),
        Column("landlord_id", String(36), nullable=False),
        Column("processed_at", DateTime(timezone=True), nullable=False),
    )
