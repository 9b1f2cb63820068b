"""The contacts report from messaging's events: each record's newest version wins whatever order the
events come in or how often, a deleted record stays deleted when an older event comes late, and a month
counts only its own records."""
from __future__ import annotations

import datetime as dt
import random

from services.common.envelope import unwrap, wrap
from services.common import topics
from services.gen.tracker.messaging.v1 import events_pb2
from services.reporting import handlers
from services.reporting.contacts import service as contacts

NOW = dt.datetime(2027, 3, 9, 12, tzinfo=dt.timezone.utc)


def _event(landlord, record_id, version, person, code="phoned", date="2027-03-02", deleted=False):
    message = events_pb2.CommunicationRecorded(
        communication_id=record_id, version=version, person_id=person, communication_code=code,
        communication_label=code.title(), outcome_code="sent", date=date, deleted=deleted)
    return wrap(topics.MESSAGING, landlord, record_id, message, NOW).envelope


def _month(reporting, landlord, month=""):
    with reporting.runtime.uow(landlord, read_only=True) as uow:
        found = contacts.report(uow, month=month)
    return (found.records.count, found.people.count,
            {c.value: c.count for c in found.records_by_code.cells})


def test_the_newest_version_wins_in_any_order_and_deletions_stick(reporting, landlord):
    events = [_event(landlord, f"r{i}", 1, f"p{i % 6}") for i in range(12)]          # 12 calls, 6 people
    events += [_event(landlord, "r0", 2, "p0", code="visited"),                       # r0 became a visit
               _event(landlord, "r1", 2, "p1", deleted=True),                         # r1 deleted
               _event(landlord, "r2", 2, "p2", date="2027-02-27")]                   # r2 moved to February
    shuffled = events + events[:5]  # some come twice
    random.Random(7).shuffle(shuffled)
    for start in range(0, len(shuffled), 4):
        with reporting.runtime.uow(landlord) as uow:
            handlers.messaging_event_batch(uow, [unwrap(e) for e in shuffled[start:start + 4]])
            uow.commit()
    assert _month(reporting, landlord, "2027-03") == (10, 6, {"phoned": 9, "visited": 1})
    assert _month(reporting, landlord, "2027-02")[:2] == (1, 1)
    assert _month(reporting, landlord) == _month(reporting, landlord, "2027-03"), "this month by the clock"
    with reporting.runtime.uow(landlord) as uow:
        handlers.messaging_event(uow, unwrap(_event(landlord, "r1", 1, "p1")))  # the creation, late again
        uow.commit()
    assert _month(reporting, landlord, "2027-03")[0] == 10
