"""The messaging service's communication records on embedded storage (SQLite, in-process bus) with a fake
profiles: one record per person, all or none; a person's records newest first; every change puts the
record's whole state in the outbox with a growing version, and a deletion says so."""
from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from services.common.envelope import payload_as, unwrap
from services.common.errors import InvalidInput, NotFound
from services.gen.tracker.messaging.v1 import events_pb2
from services.messaging import service, tables

CALL = {"communication_code": "phoned", "outcome_code": "spoke_to_person", "date": "2026-06-01",
        "landlord_contact": "Sam Officer", "description": "Rent call", "notes": ""}


class FakePeople:
    def __init__(self):
        self.people: dict[str, str] = {}

    def add(self, status: str = "current") -> str:
        person_id = str(uuid.uuid4())
        self.people[person_id] = status
        return person_id

    def status(self, person_ids):
        return {p: self.people[p] for p in person_ids if p in self.people}


@pytest.fixture
def people():
    return FakePeople()




def _events(messaging, landlord) -> list[events_pb2.CommunicationRecorded]:
    with messaging.runtime.uow(landlord) as unit:
        rows = unit.session.execute(select(tables.outbox.c.envelope).where(tables.outbox.c.landlord_id == landlord)
                                    .order_by(tables.outbox.c.id)).scalars().all()
    return [payload_as(unwrap(r), events_pb2.CommunicationRecorded) for r in rows]


def test_records_are_all_or_none_and_each_publishes_its_state(messaging, people, landlord):
    ada, bea, gone = people.add(), people.add(), people.add("archived")
    with messaging.runtime.uow(landlord) as uow:
        with pytest.raises(InvalidInput) as refused:
            service.record(uow, people, user_id="U1", person_ids=[ada, gone, "nobody"], details=CALL)
    assert {(p.field, p.reason) for p in refused.value.fields} == {("person_ids[1]", "is archived"),
                                                                   ("person_ids[2]", "no such person")}
    assert _events(messaging, landlord) == []

    with messaging.runtime.uow(landlord) as uow:
        made = service.record(uow, people, user_id="U1", person_ids=[ada, bea, ada], details=CALL)
    assert [m.person_id for m in made] == [ada, bea]
    with messaging.runtime.uow(landlord) as uow:
        changed = service.change(uow, communication_id=made[0].communication_id,
                                 changes={"outcome_code": "no_answer"})
        service.delete(uow, communication_id=made[1].communication_id)
    assert changed.details.outcome_label == "No answer" and changed.details.landlord_contact == "Sam Officer"
    published = [(e.person_id, e.version, e.outcome_code, e.date, e.deleted) for e in _events(messaging, landlord)]
    assert published == [(ada, 1, "spoke_to_person", "2026-06-01", False), (bea, 1, "spoke_to_person", "2026-06-01", False),
                         (ada, 2, "no_answer", "2026-06-01", False), (bea, 2, "spoke_to_person", "2026-06-01", True)]
    with messaging.runtime.uow(landlord, read_only=True) as uow:
        with pytest.raises(NotFound):
            service.get(uow, communication_id=made[1].communication_id)
        assert service.person_records(uow, person_id=bea, page=1, page_size=0) == (0, [])
    pages = list(service.record_states(lambda: messaging.runtime.uow(landlord, read_only=True), page_size=1))
    states = {s.communication_id: s for page in pages for s in page}
    assert [len(page) for page in pages] == [1, 1]
    assert (states[made[0].communication_id].version, states[made[0].communication_id].deleted) == (2, False)
    assert (states[made[1].communication_id].version, states[made[1].communication_id].deleted) == (2, True)
    records = tables.communication_records
    with messaging.runtime.uow(landlord) as uow:
        tombstone = uow.session.execute(select(records.c.landlord_contact, records.c.description).where(
            records.c.communication_id == made[1].communication_id)).one()
    assert tuple(tombstone) == ("", ""), "a deleted record keeps no words"


def test_a_persons_records_come_newest_first_and_stay_with_their_landlord(messaging, people, landlord):
    ada = people.add()
    for day, code, outcome in (("2026-05-01", "mailed", "sent"), ("2026-06-10", "visited", "card_left"),
                               ("2026-05-20", "questionnaire", "completed")):
        with messaging.runtime.uow(landlord) as uow:
            service.record(uow, people, user_id="U1", person_ids=[ada],
                           details={**CALL, "communication_code": code, "outcome_code": outcome, "date": day})
    with messaging.runtime.uow(landlord, read_only=True) as uow:
        total, page = service.person_records(uow, person_id=ada, page=1, page_size=2)
    assert total == 3 and [r.details.date.isoformat() for r in page] == ["2026-06-10", "2026-05-20"]
    with messaging.runtime.uow(str(uuid.uuid4()), read_only=True) as uow:
        assert service.person_records(uow, person_id=ada, page=1, page_size=0) == (0, [])
        with pytest.raises(NotFound):
            service.get(uow, communication_id=page[0].communication_id)
