"""The housing-system feed on Kafka (`housing.feed.v1`, records as in protos/tracker/imports/v1/feed.proto):
each message staged under its run; a run is queued for the worker once it holds its start, its end
and every record the end announced. Redelivered messages change nothing."""
from __future__ import annotations

import logging
from typing import Callable

from google.protobuf.message import DecodeError

from services.common import context
from services.common.bus import Message
from services.gen.tracker.imports.v1 import feed_pb2

from . import feed, service
from .domain import DELTA, FULL

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
                queued = service.stage_feed_message(unit, feed_run_id=record.run_id, **_part(record))
            if queued:
                on_queued()
    return handle


def _part(record: feed_pb2.FeedMessage) -> dict:
    """The one part of its run a feed message carries, as `service.stage_feed_message` takes it."""
    kind = record.WhichOneof("kind")
    if kind == "run_started":
        return {"mode": MODE.get(record.run_started.mode, "")}
    if kind == "run_ended":
        return {"record_count": record.run_ended.record_count}
    person = record.person
    return {"sequence": person.sequence, "values": {column: getattr(person, column) for column in feed.FEED_COLUMNS}}
