"""The in-process event bus: a durable log in one SQLite file, for one process.

Used when every service runs in one process. Messages are appended to a table
with a global, ever-growing offset; each consumer group keeps its committed
position per topic in a second table, so a new InProcessBus over the same file
resumes every group where it stopped. `path=None` keeps the log in memory.
"""
from __future__ import annotations

import json
import sqlite3
import threading
from typing import Mapping, Sequence

from .handling import check_max_batch, dead_letter_headers
from .inprocess_consumer import InProcessSubscription
from .port import MAX_BATCH, BatchHandler, BusError, EventBus, Handler, Message, Subscription, dlq_topic

_SCHEMA = """
CREATE TABLE IF NOT EXISTS bus_messages (
    "offset" INTEGER PRIMARY KEY AUTOINCREMENT,
    topic TEXT NOT NULL,
    key TEXT NOT NULL,
    value BLOB NOT NULL,
    headers TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS bus_messages_topic_offset ON bus_messages (topic, "offset");
CREATE TABLE IF NOT EXISTS bus_commits (
    group_name TEXT NOT NULL,
    topic TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (group_name, topic)
);
"""


class InProcessBus(EventBus):
    def __init__(self, path: str | None = None) -> None:
        self._path = path or ":memory:"
        self._conn: sqlite3.Connection | None = None
        self._cond = threading.Condition(threading.Lock())
        self._subscriptions: list[InProcessSubscription] = []
        self._claimed: set[tuple[str, str]] = set()  # (group, topic) with a live consumer
        self._closed = False

    # -- storage (call with self._cond held) ------------------------------------
    def _db(self) -> sqlite3.Connection:
        if self._closed:
            raise BusError("the bus is closed")
        if self._conn is None:
            conn = sqlite3.connect(self._path, check_same_thread=False, isolation_level=None)
            if self._path != ":memory:":
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=FULL")
            conn.executescript(_SCHEMA)
            self._conn = conn
        return self._conn

    def _insert(self, conn: sqlite3.Connection, message: Message) -> None:
        conn.execute(
            "INSERT INTO bus_messages (topic, key, value, headers) VALUES (?, ?, ?, ?)",
            (message.topic, message.key, bytes(message.value), json.dumps(dict(message.headers))),
        )

    def _commit_position(self, conn: sqlite3.Connection, group: str, topic: str, offset: int) -> None:
        conn.execute(
            "INSERT INTO bus_commits (group_name, topic, position) VALUES (?, ?, ?) "
            "ON CONFLICT (group_name, topic) DO UPDATE SET position = excluded.position",
            (group, topic, offset),
        )

    # -- EventBus ---------------------------------------------------------------
    def ensure_topics(self, topics: Sequence[str]) -> None:
        """Topics are implicit in the log; nothing to create."""

    def publish(self, messages: Sequence[Message]) -> None:
        if not messages:
            return
        with self._cond:
            try:
                conn = self._db()
                conn.execute("BEGIN IMMEDIATE")
                try:
                    for message in messages:
                        self._insert(conn, message)
                    conn.execute("COMMIT")
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
            except sqlite3.Error as exc:
                raise BusError(f"could not store messages: {type(exc).__name__}: {exc}") from exc
            self._cond.notify_all()

    def subscribe(
        self,
        *,
        topics: Sequence[str],
        group: str,
        handler: Handler,
        batch_handler: BatchHandler | None = None,
        max_batch: int = MAX_BATCH,
    ) -> Subscription:
        topics = list(dict.fromkeys(topics))
        if not topics:
            raise ValueError("subscribe needs at least one topic")
        check_max_batch(max_batch)
        with self._cond:
            self._db()
            taken = [t for t in topics if (group, t) in self._claimed]
            if taken:
                raise ValueError(f"group {group!r} already consumes {taken} in this process")
            self._claimed.update((group, t) for t in topics)
            subscription = InProcessSubscription(self, topics, group, handler, batch_handler, max_batch)
            self._subscriptions.append(subscription)
        subscription.start()
        return subscription

    def close(self) -> None:
        for subscription in list(self._subscriptions):
            subscription.stop()
        with self._cond:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
            self._closed = True
            self._cond.notify_all()

    # -- used by subscriptions (with self._cond held) ----------------------------
    def _positions(self, group: str, topics: Sequence[str]) -> dict[str, int]:
        conn = self._db()
        positions = {topic: 0 for topic in topics}
        marks = ",".join("?" for _ in topics)
        rows = conn.execute(
            f"SELECT topic, position FROM bus_commits WHERE group_name = ? AND topic IN ({marks})",
            (group, *topics),
        )
        positions.update(dict(rows.fetchall()))
        return positions

    def _fetch(self, positions: dict[str, int], limit: int) -> list[tuple[int, Message]]:
        where = " OR ".join('(topic = ? AND "offset" > ?)' for _ in positions)
        params = [p for item in positions.items() for p in item]
        rows = self._db().execute(
            f'SELECT "offset", topic, key, value, headers FROM bus_messages WHERE {where} '
            f'ORDER BY "offset" LIMIT ?',
            [*params, limit],
        )
        return [
            (offset, Message(topic=topic, key=key, value=bytes(value), headers=json.loads(headers)))
            for offset, topic, key, value, headers in rows.fetchall()
        ]

    def _latest(self, topics: Sequence[str]) -> dict[str, int]:
        marks = ",".join("?" for _ in topics)
        rows = self._db().execute(
            f'SELECT topic, MAX("offset") FROM bus_messages WHERE topic IN ({marks}) GROUP BY topic',
            list(topics),
        )
        return dict(rows.fetchall())

    def _acknowledge(self, group: str, last: Mapping[str, int],
                     dead: tuple[Message, BaseException] | None = None) -> None:
        """Commit the group's positions ({topic: last offset handled there}), in one
        transaction with the dead letter of a message whose handler failed, if any."""
        conn = self._db()
        conn.execute("BEGIN IMMEDIATE")
        try:
            if dead is not None:
                message, error = dead
                self._insert(conn, Message(topic=dlq_topic(message.topic), key=message.key, value=message.value,
                                           headers=dead_letter_headers(message, error)))
            for topic, offset in last.items():
                self._commit_position(conn, group, topic, offset)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        self._cond.notify_all()

    def _release(self, subscription: InProcessSubscription) -> None:
        with self._cond:
            self._claimed.difference_update((subscription.group, t) for t in subscription.topics)
            if subscription in self._subscriptions:
                self._subscriptions.remove(subscription)
