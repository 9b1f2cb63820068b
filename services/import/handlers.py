"""The housing-system feed on Kafka (`housing.feed.v1`, records as in protos/tracker/imports/v1/feed.proto):
each message staged under its run; a run is queued for the worker once it holds its start, its end
and every record the end announced. Redelivered messages change nothing."""
from __future__ import annotations

import datetime as dt
import logging
from typing import Callable

from google.protobuf.message import DecodeError

from services.common import context
from services.common.bus import Message
from services.gen.tracker.imports.v1 import feed_pb2

from . import feed
from .domain import DELTA, FEED, FULL, QUEUED, WAITING, ImportRun
from .store import RunRepository

log = logging.getLogger(__name__)
MODE = {feed_pb2.FULL_SNAPSHOT: FULL, feed_pb2.DELTA: DELTA}


def feed_records(uow: Callable, on_queued: Callable[[], None]) -> Callable[[Message], None]:
    """The bus handler for feed messages; `uow(landlord_id)` opens a unit of work of the import service."""

    def handle(message: Message) -> None:
        record = feed_pb2.FeedMessage()
        try:
            record.ParseFromString(message.value)
        except DecodeError:
            raise ValueError("not a feed v1 message (tracker.imports.v1.FeedMessage)") from None
        if not record.landlord_id or not record.run_id or not record.WhichOneof("kind"):
            raise ValueError("a feed message needs landlord_id, run_id and one of run_started, person, run_ended")
        with context.bound(context.CallContext(landlord_id=record.landlord_id, request_id=context.new_request_id())):
            with uow(record.landlord_id) as unit:
                queued = stage(RunRepository(unit.session, record.landlord_id), record, now=unit.clock.now())
                unit.commit()
            if queued:
                on_queued()
    return handle


def stage(repo: RunRepository, record: feed_pb2.FeedMessage, *, now: dt.datetime) -> bool:
    """Keep one feed message (a run it starts is created at `now`); True when it completed its run (now queued)."""
    run = repo.by_feed_run(record.run_id, for_update=True)
    if run is None:
        run = ImportRun.new(landlord_id=repo.landlord_id, source=FEED, mode="", now=now, feed_run_id=record.run_id,
                            status=WAITING)
        repo.add(run)
    if run.status != WAITING:
        return False  # already queued or done: a redelivery
    kind = record.WhichOneof("kind")
    if kind == "run_started":
        mode = MODE.get(record.run_started.mode)
        if mode is None:
            raise ValueError("run_started.mode must be FULL_SNAPSHOT or DELTA")
        run.mode = mode
    elif kind == "run_ended":
        run.expected_records = record.run_ended.record_count
    else:
        person = record.person
        if person.sequence < 1:
            raise ValueError("person.sequence must be 1 or more")
        values = {column: feed.cut(getattr(person, column)) for column in feed.FEED_COLUMNS}  # too long: rejected
        if repo.stage(run.run_id, person.sequence, values):
            run.staged_records += 1
    queued = run.feed_complete
    if queued:
        run.status = QUEUED
    repo.save(run)
    return queued
