"""The search indexer takes events in batches: one database read and one bulk index
call per landlord per batch, and the index ends up exactly as the database is,
whatever the batch holds (repeated events, people deleted since). Embedded
(SQLite + embedded index) and real engines (PostgreSQL + Elasticsearch)."""
from __future__ import annotations

import threading
import time
import uuid
from dataclasses import replace

import pytest
from sqlalchemy import delete, select

from services.common import topics
from services.common.bus import Message, RetryLater
from services.common.consumers import idempotent
from services.common.search import SearchRequest, SortKey
from services.common.search.port import indexable
from services.profiles import bootstrap, handlers, maintenance, search, service, tables
from services.profiles.facts.domain import NO_FACTS
from services.profiles.facts.store import FactsRepository
from services.profiles.search import indexing
from services.profiles.setup.store import load_catalogue
from services.profiles.store import PersonRepository
from tests.conftest import MODES, settings_for
from tests.service.profiles.search.test_indexing import type_changes_while_unused
from tests.service.profiles.test_facts_consumers import Sender, groups, household


class CountingIndex:
    """The real index, counting the calls the indexer makes."""

    def __init__(self, index) -> None:
        self._index = index
        self.calls: dict[str, int] = {}

    def __getattr__(self, name):
        attribute = getattr(self._index, name)
        if name in ("index", "index_many", "delete"):
            def counted(*args, **kwargs):
                self.calls[name] = self.calls.get(name, 0) + 1
                return attribute(*args, **kwargs)
            return counted
        return attribute


@pytest.fixture(params=MODES)
def profiles(request, tmp_path):
    settings = replace(settings_for(request.param, tmp_path), search_index_prefix=f"batch-{uuid.uuid4().hex[:8]}-")
    svc = bootstrap.build(settings)
    svc.runtime.migrate()
    svc.index.ensure_index(search.INDEX, search.index_fields())
    yield svc
    svc.index.drop(search.INDEX)
    svc.runtime.bus.close()
    svc.index.close()
    svc.runtime.database.dispose()


def _outbox_messages(profiles, landlords: list[str]) -> list[Message]:
    """The events these landlords' changes put in the outbox (the relay is not running)."""
    t = tables.outbox
    with profiles.runtime.uow(platform=True) as uow:
        rows = uow.session.execute(select(t).where(t.c.landlord_id.in_(landlords)).order_by(t.c.id)).mappings().all()
    return [Message(topic=r["topic"], key=r["key"], value=r["envelope"]) for r in rows]


def _indexed(index, landlord: str) -> dict[str, dict]:
    index.refresh(search.INDEX)
    result = index.search(search.INDEX, landlord, SearchRequest(limit=100, sort=[SortKey("id")]))
    return {item["id"]: item for item in result.items}


def _in_database(profiles, landlord: str) -> dict[str, dict]:
    """Each person's search document as the index would hold it, made from the database now."""
    with profiles.runtime.uow(landlord) as uow:
        catalogue = load_catalogue(uow.session, landlord)
        people = PersonRepository(uow.session, landlord, catalogue.custom_fields.values()).all()
        return {p.person_id: indexable(search.document(p, catalogue)) for p in people}


def test_a_batch_of_events_leaves_the_index_exactly_as_the_database(profiles):
    landlords = [str(uuid.uuid4()), str(uuid.uuid4())]
    ids: dict[str, list[str]] = {}
    for n, landlord in enumerate(landlords):
        with profiles.runtime.uow(landlord) as uow:
            ids[landlord] = [service.add_person(uow, raw={"personal_ref": f"B{n}-{i}", "first_name": "Bat",
                                                          "surname": f"Ch{i}"}, user_id="U1")[0].person_id
                             for i in range(4)]
    gone = ids[landlords[0]][1]
    with profiles.runtime.uow(landlords[0]) as uow:
        service.change_person(uow, person_id=ids[landlords[0]][0], raw={"surname": "Changed"}, user_id="U1")
        indexing.index_now(uow, profiles.index, person_ids=[gone])  # indexed earlier ...
    with profiles.runtime.uow(landlords[0]) as uow:  # ... then deleted before its events are handled
        uow.session.execute(delete(tables.people).where(tables.people.c.person_id == gone))
        uow.commit()
    messages = _outbox_messages(profiles, landlords)
    assert len(messages) == 9  # 8 created, 1 changed
    messages.insert(3, messages[0])  # the same event delivered twice in one batch
    index = CountingIndex(profiles.index)
    indexer = handlers.search_indexer(index)
    consumer = idempotent(f"test-indexer-{uuid.uuid4().hex[:8]}", tables.processed_events,
                          lambda landlord_id: profiles.runtime.uow(landlord_id), indexer.event, indexer.batch)

    consumer.batch(messages)

    assert index.calls == {"index_many": 2, "delete": 1}, "one bulk call per landlord; a delete for the one gone"
    for landlord in landlords:
        assert _indexed(profiles.index, landlord) == _in_database(profiles, landlord)
    assert gone not in _indexed(profiles.index, landlords[0])
    assert _indexed(profiles.index, landlords[0])[ids[landlords[0]][0]]["surname"] == "Changed"

    index.calls.clear()
    consumer.batch(messages)  # redelivered: every event already processed
    assert index.calls == {}


# -- three writers of the same documents at once ---------------------------------------------------------------------

PEOPLE, ROUNDS, HOMES = 40, 12, 4


def _deliver(consumer, messages: list[Message]) -> None:
    """As the bus does: a batch that meets an engine away (or a deadlock) is offered again."""
    for _ in range(200):
        try:
            return consumer.batch(messages)
        except RetryLater:
            time.sleep(0.05)
    raise AssertionError("a batch was refused 200 times")


def _differing(profiles, landlord: str) -> set[str]:
    """The people whose document differs from what the database holds now (or is missing, or extra)."""
    with profiles.runtime.uow(landlord) as uow:
        catalogue = load_catalogue(uow.session, landlord)
        repository = PersonRepository(uow.session, landlord, catalogue.custom_fields.values())
        people = {p.person_id: p for p in repository.all()}
        facts = FactsRepository(uow.session, landlord).get_many(people)
    wanted = {i: indexable(search.document(p, catalogue, facts.get(i, NO_FACTS))) for i, p in people.items()}
    profiles.index.refresh(search.INDEX)
    held = {item["id"]: item for item in profiles.index.search(search.INDEX, landlord, SearchRequest(limit=1000)).items}
    return {i for i in wanted.keys() | held.keys() if {**wanted.get(i, {}), "id": i} != held.get(i)}


def test_the_three_indexers_at_once_leave_no_drift(profiles):
    """The people indexer, the households consumer and the groups consumer rewrite the same
    people's documents from three threads at once; at the end every document is the database's
    and reconcile finds nothing to repair (before versioned writes after commit, a writer that
    read before another's commit overwrote the newer document, and the loss stayed)."""
    landlord = str(uuid.uuid4())
    with profiles.runtime.uow(landlord) as uow:
        ids = [service.add_person(uow, raw={"personal_ref": f"C{i:03}", "first_name": "Con", "surname": "Current"},
                                  user_id="U1")[0].person_id for i in range(PEOPLE)]
    consumers = {name: idempotent(f"test-{name}-{uuid.uuid4().hex[:8]}", tables.processed_events, profiles.runtime.uow,
                                  handler.event, handler.batch)
                 for name, handler in (("people", handlers.search_indexer(profiles.index)),
                                       ("households", handlers.households_consumer(profiles.index)),
                                       ("groups", handlers.groups_consumer(profiles.index)))}
    send = Sender(profiles, landlord)
    _deliver(consumers["people"], _outbox_messages(profiles, [landlord]))
    seen = {m.value for m in _outbox_messages(profiles, [landlord])}

    rounds = threading.Barrier(3, timeout=120)  # each round's three writes of the same people overlap

    def people_changes() -> None:
        for r in range(ROUNDS):
            rounds.wait()
            for person_id in ids[r % 3::3]:
                with profiles.runtime.uow(landlord) as uow:
                    service.change_person(uow, person_id=person_id, raw={"surname": f"Round{r}"}, user_id="U1")
            fresh = [m for m in _outbox_messages(profiles, [landlord]) if m.value not in seen]
            seen.update(m.value for m in fresh)
            _deliver(consumers["people"], fresh)

    def household_moves() -> None:
        for r in range(ROUNDS):  # everybody moves every round
            rounds.wait()
            _deliver(consumers["households"], send.messages(topics.HOUSEHOLDS, [
                household(f"h{k}", r + 1, *(p for i, p in enumerate(ids) if (i + r) % HOMES == k))
                for k in range(HOMES)]))

    def group_changes() -> None:
        for r in range(ROUNDS):
            rounds.wait()
            _deliver(consumers["groups"], send.messages(topics.GROUPS, [
                groups(p, r + 1, admin=[f"g{r}"]) for p in ids]))

    errors: list[BaseException] = []

    def run(work) -> None:
        try:
            work()
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)
            rounds.abort()
    threads = [threading.Thread(target=run, args=(work,)) for work in (people_changes, household_moves, group_changes)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []

    assert _differing(profiles, landlord) == set()
    drift = maintenance.reconcile(profiles, landlord)[landlord]
    assert drift.counts() == {"missing": 0, "stale": 0, "ahead": 0, "extra": 0, "refused": 0}


def test_a_custom_field_whose_type_changed_while_unused_is_indexed_and_found_by_its_new_type(profiles):
    type_changes_while_unused(profiles, str(uuid.uuid4()))
