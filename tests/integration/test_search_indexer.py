"""The search indexer takes events in batches: one database read and one bulk index
call per landlord per batch, and the index ends up exactly as the database is,
whatever the batch holds (repeated events, people deleted since). Embedded
(SQLite + embedded index) and real engines (PostgreSQL + Elasticsearch)."""
from __future__ import annotations

import uuid
from dataclasses import replace

import pytest
from sqlalchemy import delete, select

from services.common.bus import Message
from services.common.consumers import idempotent
from services.common.search import SearchRequest
from services.common.search.port import indexable
from services.profiles import bootstrap, handlers, search, service, store
from services.profiles.setup_store import load_catalogue
from services.profiles.store import PersonRepository
from tests.conftest import MODES, settings_for


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
    t = store.outbox
    with profiles.runtime.uow(platform=True) as uow:
        rows = uow.session.execute(select(t).where(t.c.landlord_id.in_(landlords)).order_by(t.c.id)).mappings().all()
    return [Message(topic=r["topic"], key=r["key"], value=r["envelope"]) for r in rows]


def _indexed(index, landlord: str) -> dict[str, dict]:
    index.refresh(search.INDEX)
    result = index.search(search.INDEX, landlord, SearchRequest(limit=100, sort=[("id", "asc")]))
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
        service.index_person(uow, profiles.index, person_id=gone)  # indexed earlier ...
    with profiles.runtime.uow(landlords[0]) as uow:  # ... then deleted before its events are handled
        uow.session.execute(delete(store.people).where(store.people.c.person_id == gone))
        uow.commit()
    messages = _outbox_messages(profiles, landlords)
    assert len(messages) == 9  # 8 created, 1 changed
    messages.insert(3, messages[0])  # the same event delivered twice in one batch
    index = CountingIndex(profiles.index)
    indexer = handlers.search_indexer(index)
    consumer = idempotent(f"test-indexer-{uuid.uuid4().hex[:8]}", store.processed_events,
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
