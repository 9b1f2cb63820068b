"""What the referrals service says of referrals (tracker.referrals.v1), through profiles' referrals consumer and the
idempotent wrapper the runtime uses: each referral's newest version is kept (older versions and redeliveries change
nothing), a deleted one is forgotten and stays so, a self-referral matched to a profile later counts for that
person, events of other kinds are ignored; people search finds people by their referrals, after a reindex and a
reconcile too. Embedded storage (SQLite, embedded index)."""
from __future__ import annotations

import datetime as dt

import pytest

from services.common import topics
from services.common.bus import Message
from services.common.consumers import idempotent
from services.common.envelope import wrap
from services.gen.tracker.messaging.v1 import events_pb2 as messaging_events
from services.gen.tracker.referrals.v1 import events_pb2 as referrals_events
from services.profiles import handlers, search, service, tables
from services.profiles.facts.store import FactsRepository
from services.profiles.search import indexing

AT = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone.utc)
WORKS, TRAINS = "3f1c2a8e-0000-4000-8000-0000000000a1", "3f1c2a8e-0000-4000-8000-0000000000b2"


class Referrals:
    """Events of tracker.referrals.v1 to profiles' referrals consumer (a batch, or one at a time)."""

    def __init__(self, profiles, landlord: str):
        self.landlord = landlord
        consumer = handlers.referrals_consumer(profiles.index)
        self.consumer = idempotent("profiles.referrals", tables.processed_events, profiles.runtime.uow,
                                   consumer.event, consumer.batch)

    def messages(self, *events) -> list[Message]:
        out = []
        for event in events:
            sent = wrap(topics.REFERRALS, self.landlord, getattr(event, "referral_id", "x"), event, AT)
            out.append(Message(topic=topics.REFERRALS, key=sent.key, value=sent.envelope))
        return out

    def send(self, *events) -> list[Message]:
        messages = self.messages(*events)
        self.consumer.batch(messages)
        return messages


@pytest.fixture
def referrals(profiles, landlord) -> Referrals:
    return Referrals(profiles, landlord)


def referral(referral_id: str, version: int, person_id: str, provider_id: str = WORKS, *, on: str = "2026-02-01",
             job: str = "", deleted: bool = False) -> referrals_events.ReferralChanged:
    steps = [referrals_events.JourneyStep(step="first_appointment", date=on)]
    if job:
        steps.append(referrals_events.JourneyStep(step="job_started", date=job))
    return referrals_events.ReferralChanged(
        referral_id=referral_id, version=version, person_id=person_id, provider_id=provider_id,
        wants_support=bool(provider_id), no_reason="" if provider_id else "caring",
        status="in_work" if job else "referred" if provider_id else "declined", referred_on=on, steps=steps,
        referred_by="U1", deleted=deleted)


def found(profiles, landlord: str, criteria: dict) -> set[str]:
    with profiles.runtime.uow(landlord, read_only=True) as uow:
        answer = service.search_people(uow, profiles.index, criteria=criteria, page=search.Page(size=100))
    return {row.id for row in answer.rows}


def kept(profiles, landlord: str, person_ids) -> dict[str, tuple]:
    with profiles.runtime.uow(landlord, read_only=True) as uow:
        facts = FactsRepository(uow.session, landlord).get_many(person_ids)
    return {p: f.referrals for p, f in facts.items() if f.referrals}


def test_referrals_make_people_findable_by_provider_answer_date_and_work(profiles, landlord, people, referrals):
    ann, ben, cal = people["Ann"], people["Ben"], people["Cal"]
    referrals.send(referral("r1", 1, ann), referral("r2", 1, ben, "", on="2026-02-10"),
                   referral("r3", 1, ben, TRAINS, on="2025-12-01"))
    assert found(profiles, landlord, {"referred": {"provider": [WORKS]}}) == {ann}
    assert found(profiles, landlord, {"referred": {"wants_support": False}}) == {ben}
    assert found(profiles, landlord, {"referred": {"provider": [WORKS, TRAINS], "since": "2026-01-01"}}) == {ann}
    assert found(profiles, landlord, {"not_referred": {}}) == {cal}
    assert found(profiles, landlord, {"referred": {"in_work": True}}) == set()
    referrals.send(referral("r1", 2, ann, job="2026-02-25"))
    assert found(profiles, landlord, {"referred": {"in_work": True}}) == {ann}
    assert found(profiles, landlord, {"referred": {"wants_support": True, "in_work": False}}) == {ben}


def test_older_versions_and_redeliveries_change_nothing(profiles, landlord, people, referrals):
    ann = people["Ann"]
    first = referrals.send(referral("r1", 2, ann, job="2026-02-25"))
    referrals.send(referral("r1", 1, ann, TRAINS))  # late: old news
    referrals.consumer.batch(first)  # redelivered: the same event id
    referrals.consumer(first[0])  # and again, one at a time
    referrals.send(referral("r2", 3, ann, TRAINS), referral("r2", 1, ann, on="2026-01-01"))  # one batch: newest wins
    assert kept(profiles, landlord, [ann]) == {ann: (  # by provider: WORKS, then TRAINS
        (WORKS, True, "2026-02-01", "2026-02-25"), (TRAINS, True, "2026-02-01", None))}
    assert found(profiles, landlord, {"referred": {"provider": [TRAINS], "in_work": True}}) == set()
    assert found(profiles, landlord, {"referred": {"provider": [WORKS], "in_work": True}}) == {ann}


def test_a_deleted_referral_is_forgotten_and_stays_so(profiles, landlord, people, referrals):
    ann, ben = people["Ann"], people["Ben"]
    referrals.send(referral("r1", 1, ann), referral("r2", 1, ben))
    referrals.send(referral("r1", 2, ann, deleted=True))
    assert found(profiles, landlord, {"referred": {}}) == {ben}
    referrals.send(referral("r1", 1, ann))  # the first version offered late
    assert found(profiles, landlord, {"referred": {}}) == {ben}
    assert kept(profiles, landlord, [ann, ben]) == {ben: ((WORKS, True, "2026-02-01", None),)}


def test_a_self_referral_counts_once_matched_and_for_whoever_it_is_matched_to(profiles, landlord, people,
                                                                                referrals):
    ann, ben = people["Ann"], people["Ben"]
    referrals.send(referral("r1", 1, ""))  # nobody's yet
    assert found(profiles, landlord, {"referred": {}}) == set()
    referrals.send(referral("r1", 2, ann))
    assert found(profiles, landlord, {"referred": {}}) == {ann}
    referrals.send(referral("r1", 3, ben))  # matched again, to another profile: Ann is reindexed too
    assert found(profiles, landlord, {"referred": {}}) == {ben}


def test_events_of_other_kinds_and_bad_dates_are_ignored(profiles, landlord, people, referrals):
    ann = people["Ann"]
    other = messaging_events.PersonActionsChanged(person_id=ann, version=1, open_due_dates=["2026-01-01"])
    undated = referral("r2", 1, ann)
    undated.referred_on = "01/02/2026"
    referrals.send(other, undated, referral("r3", 1, ann, job="not a date"))
    assert kept(profiles, landlord, [ann]) == {ann: ((WORKS, True, "2026-02-01", None),)}
    assert found(profiles, landlord, {"action": {"open": True}}) == set()


def test_reindex_and_reconcile_keep_the_referral_facts(profiles, landlord, people, referrals):
    ann = people["Ann"]
    referrals.send(referral("r1", 1, ann, job="2026-02-20"))
    with profiles.runtime.uow(landlord) as uow:
        assert indexing.reindex_landlord(uow, profiles.index) == 3
    assert found(profiles, landlord, {"referred": {"in_work": True}}) == {ann}
    profiles.index.delete(search.INDEX, landlord, ann)  # lost from the index
    with profiles.runtime.uow(landlord) as uow:
        assert indexing.reconcile_landlord(uow, profiles.index).missing == 1
    assert found(profiles, landlord, {"referred": {"in_work": True}}) == {ann}
