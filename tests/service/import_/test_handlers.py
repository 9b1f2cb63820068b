"""The housing-system feed on the bus: each message staged under its run, the run queued once it holds its
start, its end and every record; redeliveries change nothing; a message that cannot be kept is refused."""
import importlib
import uuid

import pytest

from services.common import topics
from services.common.bus import Message
from services.common.person_fields import LONGEST_TEXT
from services.gen.tracker.imports.v1 import feed_pb2

feed = importlib.import_module("services.import.feed")
handlers = importlib.import_module("services.import.handlers")
store = importlib.import_module("services.import.store")


def _message(landlord: str, **part) -> Message:
    record = feed_pb2.FeedMessage(landlord_id=landlord, run_id="F1", **part)
    return Message(topics.HOUSING_FEED, f"{landlord}:F1", record.SerializeToString())


def _run(runtime, landlord: str):
    with runtime.uow(landlord) as uow:
        repo = store.RunRepository(uow.session, landlord)
        run = repo.by_feed_run("F1")
        return run, repo.staged(run.run_id)


def test_a_run_is_queued_once_its_start_end_and_records_are_in_whatever_their_order(runtime):
    landlord, queued = str(uuid.uuid4()), []
    handle = handlers.feed_records(runtime.uow, lambda: queued.append(True))
    too_long = "A" * (LONGEST_TEXT + 1)
    person = _message(landlord, person=feed_pb2.FeedPerson(sequence=1, personal_ref="R1", first_name=too_long))
    handle(_message(landlord, run_ended=feed_pb2.RunEnded(record_count=2)))
    handle(person)
    handle(person)  # a redelivery
    assert _run(runtime, landlord)[0].staged_records == 1 and not queued
    handle(_message(landlord, person=feed_pb2.FeedPerson(sequence=2, personal_ref="R2")))
    handle(_message(landlord, run_started=feed_pb2.RunStarted(mode=feed_pb2.DELTA)))
    run, staged = _run(runtime, landlord)
    assert (run.status, run.mode, run.source, run.expected_records, run.staged_records) == (
        "queued", "delta", "feed", 2, 2)
    assert queued == [True]
    assert [s for s, _ in staged] == [1, 2] and staged[1][1]["personal_ref"] == "R2"
    assert staged[0][1]["first_name"] == feed.cut(too_long)  # kept cut, for the run to reject the row
    handle(_message(landlord, run_ended=feed_pb2.RunEnded(record_count=5)))  # the run is queued: nothing changes
    assert _run(runtime, landlord)[0].expected_records == 2 and queued == [True]


@pytest.mark.parametrize("part, reason", [
    ({"run_started": feed_pb2.RunStarted()}, "run_started.mode must be FULL_SNAPSHOT or DELTA"),
    ({"person": feed_pb2.FeedPerson(sequence=0, personal_ref="R1")}, "person.sequence must be 1 or more")])
def test_a_message_that_cannot_be_kept_is_refused_and_keeps_nothing(runtime, part, reason):
    landlord = str(uuid.uuid4())
    handle = handlers.feed_records(runtime.uow, lambda: None)
    with pytest.raises(ValueError, match=reason):
        handle(_message(landlord, **part))
    with runtime.uow(landlord) as uow:
        assert store.RunRepository(uow.session, landlord).by_feed_run("F1") is None


def test_what_is_no_feed_message_is_refused(runtime):
    handle = handlers.feed_records(runtime.uow, lambda: None)
    with pytest.raises(ValueError, match="not a feed v1 message"):
        handle(Message(topics.HOUSING_FEED, "x:y", b"\xff\xff"))
    with pytest.raises(ValueError, match="needs landlord_id, run_id"):
        handle(Message(topics.HOUSING_FEED, "x:y", feed_pb2.FeedMessage(run_id="F1").SerializeToString()))
