"""A landlord's communication codes on embedded storage: the product's list until the landlord changes it, then
its own, made once (a product code it deleted does not come back); records are checked against it and show
its labels as they are, while each event carries the labels of its time; a code is deleted only while no
record carries it, and a record keeps an archived code through a change."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from services.common.envelope import payload_as, unwrap
from services.common.errors import InUse, InvalidInput
from services.gen.tracker.messaging.v1 import events_pb2
from services.messaging import domain, service, tables
from services.messaging.codes import service as codes
from services.messaging.codes.store import CodeLists

VISIT = {"communication_code": "home_visit", "outcome_code": "let_in", "date": "2026-06-01"}


def _labels(messaging, landlord) -> list[tuple[str, str]]:
    with messaging.runtime.uow(landlord, read_only=True) as uow:
        rows = uow.session.execute(select(tables.outbox.c.envelope).where(tables.outbox.c.landlord_id == landlord)
                                   .order_by(tables.outbox.c.id)).scalars().all()
    events = [payload_as(unwrap(r), events_pb2.CommunicationRecorded) for r in rows]
    return [(e.communication_label, e.outcome_label) for e in events]


def _rows(messaging, landlord) -> int:
    with messaging.runtime.uow(landlord, read_only=True) as uow:
        return uow.session.execute(select(func.count()).select_from(tables.communication_codes)
                                   .where(tables.communication_codes.c.landlord_id == landlord)).scalar_one()


def test_the_landlords_list_is_the_products_until_changed_then_made_once(messaging, landlord):
    with messaging.runtime.uow(landlord, read_only=True) as uow:
        assert codes.catalogue(uow) is domain.PRODUCT
    assert _rows(messaging, landlord) == 0
    with messaging.runtime.uow(landlord) as uow:
        codes.remove_code(uow, code="met")
    assert _rows(messaging, landlord) == len(domain.CODES) - 1
    for _ in range(2):  # opened again (a change, a record being written): never made again
        with messaging.runtime.uow(landlord) as uow:
            CodeLists(uow.session, uow.landlord_id).opened(now=uow.clock.now(), for_change=False)
            uow.commit()
    with messaging.runtime.uow(landlord, read_only=True) as uow:
        found = codes.catalogue(uow)
    assert [c.code for c in found.codes] == [c.code for c in domain.CODES if c.code != "met"]
    assert found.code("phoned") == domain.PRODUCT.code("phoned")


def test_records_show_the_labels_as_they_are_and_events_those_of_their_time(messaging, people, landlord):
    ada = people.add("Ada", "Visited")
    with messaging.runtime.uow(landlord) as uow:
        codes.add_code(uow, code="", label="Home visit", outcomes=[("", "Let in"), ("", "No access")])
    with messaging.runtime.uow(landlord) as uow:
        made, = service.record(uow, people, user_id="U1", person_ids=[ada], details=VISIT)
    with messaging.runtime.uow(landlord) as uow:
        codes.change_code(uow, code="home_visit", label="Surveyor's visit", archived=True)
    with messaging.runtime.uow(landlord) as uow:
        changed = service.change(uow, communication_id=made.communication_id, changes={"notes": "Boiler"})
    assert (changed.details.communication_code, changed.details.communication_label) == ("home_visit",
                                                                                        "Surveyor's visit")
    assert _labels(messaging, landlord) == [("Home visit", "Let in"), ("Surveyor's visit", "Let in")]
    with messaging.runtime.uow(landlord, read_only=True) as uow:
        _, (shown,) = service.person_records(uow, person_id=ada, page=1, page_size=10)
    assert (shown.details.communication_label, shown.details.outcome_label) == ("Surveyor's visit", "Let in")
    states = [s for page in service.record_states(lambda: messaging.runtime.uow(landlord, read_only=True))
              for s in page]
    assert [(s.communication_label, s.outcome_label) for s in states] == [("Surveyor's visit", "Let in")]

    with messaging.runtime.uow(landlord) as uow, pytest.raises(InvalidInput) as refused:
        service.record(uow, people, user_id="U1", person_ids=[ada], details=VISIT)
    assert refused.value.fields[0].field == "communication_code"
    with messaging.runtime.uow(landlord) as uow, pytest.raises(InUse) as in_use:
        codes.remove_code(uow, code="home_visit")
    assert "1 communication records carry Surveyor's visit" in in_use.value.fields[0].reason
    with messaging.runtime.uow(landlord) as uow:
        codes.remove_outcome(uow, communication_code="home_visit", code="no_access")
    with messaging.runtime.uow(landlord) as uow:
        service.delete(uow, communication_id=made.communication_id)
    assert _labels(messaging, landlord)[-1] == ("Surveyor's visit", "Let in")
    with messaging.runtime.uow(landlord) as uow:
        codes.remove_code(uow, code="home_visit")  # only a deleted record carried it
    with messaging.runtime.uow(landlord, read_only=True) as uow:
        assert codes.catalogue(uow).code("home_visit") is None
