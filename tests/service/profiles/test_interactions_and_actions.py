"""What messaging says of interactions and follow-up actions (tracker.messaging.v1), through profiles' messaging
consumer and the idempotent wrapper the runtime uses: the changes a user made by hand on an interaction go into the
person's history once (with the facts, in one unit of work); each person's newest open actions are kept (older
versions ignored) and people search finds people by open and overdue actions, overdue by the date in the UK.
Embedded storage (SQLite, embedded index), on a clock that stands still until a test moves it."""
from __future__ import annotations

import datetime as dt

import pytest

from services.common import topics
from services.common.bus import Message
from services.common.clock import FixedClock
from services.common.consumers import idempotent
from services.common.envelope import wrap
from services.gen.tracker.messaging.v1 import events_pb2 as messaging_events
from services.profiles import handlers, search, service, tables
from services.profiles.facts import service as facts_service
from services.profiles.facts.store import FactsRepository
from services.profiles.search import indexing

# 23:30 on 30 June in London (summer time): the UTC date and the UK date are both 30 June
JUNE_30_LATE = dt.datetime(2026, 6, 30, 22, 30, tzinfo=dt.timezone.utc)
CHANGED_AT = dt.datetime(2026, 6, 29, 9, 15, tzinfo=dt.timezone.utc)


@pytest.fixture
def clock() -> FixedClock:
    """The service's clock (conftest's `profiles` is built with it)."""
    return FixedClock(JUNE_30_LATE)


class Messaging:
    """Events of tracker.messaging.v1 to profiles' messaging consumer (a batch, or one at a time)."""

    def __init__(self, profiles, landlord: str):
        self.landlord = landlord
        consumer = handlers.messaging_consumer(profiles.index)
        self.consumer = idempotent("profiles.messaging", tables.processed_events, profiles.runtime.uow,
                                   consumer.event, consumer.batch)

    def messages(self, *events, at: dt.datetime = CHANGED_AT) -> list[Message]:
        out = []
        for event in events:
            entity = getattr(event, "communication_id", "") or event.person_id
            sent = wrap(topics.MESSAGING, self.landlord, entity, event, at)
            out.append(Message(topic=topics.MESSAGING, key=sent.key, value=sent.envelope))
        return out

    def send(self, *events, at: dt.datetime = CHANGED_AT) -> list[Message]:
        messages = self.messages(*events, at=at)
        self.consumer.batch(messages)
        return messages


@pytest.fixture
def messaging(profiles, landlord) -> Messaging:
    return Messaging(profiles, landlord)


def recorded(record_id: str, version: int, person_id: str, *changes: tuple[str, str, str], by="U7",
             code="phoned") -> messaging_events.CommunicationRecorded:
    return messaging_events.CommunicationRecorded(
        communication_id=record_id, version=version, person_id=person_id, communication_code=code,
        outcome_code="spoke_to_person", date="2026-06-29", changed_by=by,
        changes=[messaging_events.InteractionChange(field=f, old_value=old, new_value=new) for f, old, new in changes])


def actions(person_id: str, version: int, *due: str) -> messaging_events.PersonActionsChanged:
    return messaging_events.PersonActionsChanged(person_id=person_id, version=version, open_due_dates=due)


def interaction_history(profiles, landlord: str, person_id: str) -> list[tuple]:
    with profiles.runtime.uow(landlord, read_only=True) as uow:
        _total, rows = service.person_history(uow, person_id=person_id, page=1, page_size=100)
    return sorted((r["field"], r["old_value"], r["new_value"], r["changed_by"], r["changed_at"])
                  for r in rows if r["source"] == "interactions")


def found(profiles, landlord: str, criteria: dict) -> set[str]:
    with profiles.runtime.uow(landlord, read_only=True) as uow:
        answer = service.search_people(uow, profiles.index, criteria=criteria, page=search.Page(size=100))
    return {row.id for row in answer.rows}


# -- interactions into the history -------------------------------------------------------------------------------------

ADDED = ("interaction", "", "Phoned: Called about rent")


def test_what_a_user_changed_on_an_interaction_goes_into_the_history_once(profiles, landlord, people, messaging):
    ann = people["Ann"]
    first = messaging.send(recorded("c1", 1, ann, ADDED))
    messaging.send(recorded("c1", 2, ann, ("title", "Rent", "Rent arrears"), ("outcome", "No answer", "Spoke")),
                   at=CHANGED_AT + dt.timedelta(hours=1))
    messaging.consumer.batch(first)  # redelivered: the same event id
    messaging.consumer(first[0])  # and again, one at a time
    later = CHANGED_AT + dt.timedelta(hours=1)
    assert interaction_history(profiles, landlord, ann) == [
        ("interaction", None, "Phoned: Called about rent", "U7", CHANGED_AT),
        ("outcome", "No answer", "Spoke", "U7", later), ("title", "Rent", "Rent arrears", "U7", later)]
    assert found(profiles, landlord, {"contacted": {"code": ["phoned"]}}) == {ann}, "the record is kept as well"


def test_a_deleted_interaction_is_in_the_history_and_the_platforms_own_writes_are_not(profiles, landlord, people,
                                                                                       messaging):
    ann, ben = people["Ann"], people["Ben"]
    messaging.send(recorded("c1", 1, ann, by=""), recorded("c2", 1, ben, by=""))  # sent, delivered: no changes
    messaging.send(recorded("c1", 2, ann, ("interaction", "Phoned: Called about rent", ""), by="U8"))
    assert interaction_history(profiles, landlord, ben) == []
    assert interaction_history(profiles, landlord, ann) == [
        ("interaction", "Phoned: Called about rent", None, "U8", CHANGED_AT)]


def test_history_and_facts_commit_together_or_not_at_all(profiles, landlord, people, messaging, monkeypatch):
    ann = people["Ann"]
    first = messaging.messages(recorded("c1", 1, ann, ADDED))

    def facts_fail(*args, **kwargs):
        raise RuntimeError("the facts could not be kept")
    with monkeypatch.context() as patched:
        patched.setattr(facts_service, "record_messaging", facts_fail)
        with pytest.raises(RuntimeError):
            messaging.consumer.batch(first)
    assert interaction_history(profiles, landlord, ann) == [], "rolled back with the facts"
    assert found(profiles, landlord, {"contacted": {"code": ["phoned"]}}) == set()
    messaging.consumer.batch(first)  # offered again: written now, once
    messaging.consumer.batch(first)
    assert [row[:3] for row in interaction_history(profiles, landlord, ann)] == [
        ("interaction", None, "Phoned: Called about rent")]
    assert found(profiles, landlord, {"contacted": {"code": ["phoned"]}}) == {ann}


# -- open follow-up actions -------------------------------------------------------------------------------------------

def test_the_newest_open_actions_of_each_person_are_kept_and_older_versions_ignored(profiles, landlord, people,
                                                                                      messaging):
    ann, ben, cal = people["Ann"], people["Ben"], people["Cal"]
    messaging.send(actions(ann, 2, "2026-07-10"), actions(ben, 1, "2026-06-01", "2026-08-01"))
    messaging.send(actions(ann, 1, "2026-01-01"))  # late: old news
    messaging.send(actions(ben, 3), actions(ben, 2, "2026-05-01"))  # one batch: the newest (none open) wins
    with profiles.runtime.uow(landlord, read_only=True) as uow:
        facts = FactsRepository(uow.session, landlord).get_many([ann, ben, cal])
    assert {p: (f.actions.version, f.actions.open_due_dates) for p, f in facts.items()} == {
        ann: (2, ("2026-07-10",)), ben: (3, ())}
    assert found(profiles, landlord, {"action": {"open": True}}) == {ann}
    assert found(profiles, landlord, {"action": {"open": False}}) == {ben, cal}
    assert found(profiles, landlord, {"action": {"overdue": True}}) == set()
    assert found(profiles, landlord, {"action": {"due_until": "2026-07-31"}}) == {ann}


def test_overdue_turns_at_midnight_in_the_uk_not_in_utc(profiles, landlord, people, messaging, clock):
    ann, ben = people["Ann"], people["Ben"]
    messaging.send(actions(ann, 1, "2026-06-30"), actions(ben, 1, "2026-06-29", "2026-09-01"))
    assert found(profiles, landlord, {"action": {"overdue": True}}) == {ben}, "23:30 on 30 June in London"
    clock.move(dt.timedelta(hours=1))  # 23:30 UTC, still 30 June there; 00:30 on 1 July in London
    assert clock.today() == dt.date(2026, 6, 30)
    assert found(profiles, landlord, {"action": {"overdue": True}}) == {ann, ben}
    assert found(profiles, landlord, {"action": {"open": True, "overdue": False}}) == set()


def test_reindex_and_reconcile_keep_the_action_facts(profiles, landlord, people, messaging):
    ann = people["Ann"]
    messaging.send(actions(ann, 1, "2026-06-01"), recorded("c1", 1, ann, ADDED))
    with profiles.runtime.uow(landlord) as uow:
        assert indexing.reindex_landlord(uow, profiles.index) == 3
    assert found(profiles, landlord, {"action": {"overdue": True}, "contacted": {"code": ["phoned"]}}) == {ann}
    profiles.index.delete(search.INDEX, landlord, ann)  # lost from the index
    with profiles.runtime.uow(landlord) as uow:
        assert indexing.reconcile_landlord(uow, profiles.index).missing == 1
    assert found(profiles, landlord, {"action": {"overdue": True}}) == {ann}
