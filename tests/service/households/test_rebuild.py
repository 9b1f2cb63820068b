"""Rebuilding households from the stored residents, in batches: nothing moves when nothing changed;
households whose key changed with the rules keep their identity; people whose household is not
the one their details give move there; changed households are announced."""
from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select, update

from services.households import service
from services.households.rebuild import rebuild
from services.households.tables import households as households_table, outbox, residents

from .conftest import deliver, person


def pid():
    return str(uuid.uuid4())


def outbox_count(svc, landlord):
    with svc.runtime.uow(landlord) as uow:
        return len(uow.session.execute(select(outbox.c.id).where(outbox.c.landlord_id == landlord)).all())


def home(svc, landlord, person_id):
    with svc.runtime.uow(landlord) as uow:
        return service.person_household(uow, svc.setup, person_id=person_id)


def sql(svc, landlord, statement):
    with svc.runtime.uow(landlord) as uow:
        uow.session.execute(statement)
        uow.commit()


@pytest.fixture
def street(households, landlord):
    people = [person(pid(), line_1=f"{n // 2} Willow St", postcode="CB1 1AA") for n in range(2, 12)]
    people.append(person(pid(), line_1="1 Willow St", postcode="CB1 1AA"))
    deliver(households, landlord, *people, created=True)
    deliver(households, landlord, person(people[-1].person_id, line_1="1 Willow St", postcode="CB1 1AA", status="archived"))
    return [p.person_id for p in people]


def test_nothing_changed_nothing_moves(households, landlord, street):
    before = outbox_count(households, landlord)
    counts = rebuild(households.runtime.uow, landlord, batch_size=3)
    assert counts.residents == 11 and counts.batches == 4
    assert (counts.moved, counts.rekeyed, counts.created, counts.announced) == (0, 0, 0, 0)
    assert outbox_count(households, landlord) == before


def test_a_household_keyed_by_old_rules_keeps_its_identity(households, landlord, street):
    first = home(households, landlord, street[0]).household_id
    h, r = households_table, residents
    old_key = "address:1 WILLOW ST, CB1 1AA"
    sql(households, landlord, update(h).where(h.c.household_id == first).values(match_key=old_key))
    sql(households, landlord, update(r).where(r.c.household_id == first).values(household_key=old_key))
    counts = rebuild(households.runtime.uow, landlord, batch_size=4)
    assert counts.rekeyed == 1 and counts.moved == 0
    assert home(households, landlord, street[0]).household_id == first


def test_households_split_by_old_rules_are_brought_together(households, landlord, street):
    first = home(households, landlord, street[0]).household_id
    h, r = households_table, residents
    # Old rules gave "1, Willow St." its own household; under the rules now it is "1 Willow St".
    split = str(uuid.uuid4())
    with households.runtime.uow(landlord) as uow:
        row = dict(uow.session.execute(select(h).where(h.c.household_id == first)).mappings().one())
        uow.session.execute(h.insert().values({**row, "household_id": split, "match_key": "old:1, willow st."}))
        uow.session.execute(update(r).where(r.c.person_id == street[1]).values(household_id=split,
                                                                                household_key="old:1, willow st."))
        uow.commit()
    before = outbox_count(households, landlord)
    counts = rebuild(households.runtime.uow, landlord, batch_size=2)
    assert counts.rekeyed == 0, "the key is taken: its people move instead"
    assert counts.moved == 1 and counts.announced == 2
    assert home(households, landlord, street[1]).household_id == first
    assert outbox_count(households, landlord) == before + 2


def test_a_resident_whose_details_changed_moves_to_a_new_household(households, landlord, street):
    old = home(households, landlord, street[0]).household_id
    r = residents
    sql(households, landlord, update(r).where(r.c.person_id == street[0]).values(address_line_1="99 Willow St"))
    counts = rebuild(households.runtime.uow, landlord, batch_size=5)
    assert (counts.moved, counts.created, counts.announced) == (1, 1, 2)
    moved = home(households, landlord, street[0])
    assert moved.household_id != old and moved.address == "99 Willow St, CB1 1AA"
    assert [o.resident.person_id for o in moved.occupants] == [street[0]]


def test_a_moved_resident_keeps_the_version_of_the_person_it_is_of(households, landlord, street):
    r = residents
    deliver(households, landlord, person(street[0], line_1="1 Willow St", postcode="CB1 1AA", version=6))
    sql(households, landlord, update(r).where(r.c.person_id == street[0]).values(address_line_1="98 Willow St"))
    assert rebuild(households.runtime.uow, landlord).moved == 1
    with households.runtime.uow(landlord) as uow:
        assert uow.session.execute(select(r.c.person_version).where(r.c.person_id == street[0])).scalar() == 6


def test_archived_residents_stay_with_their_last_household(households, landlord, street):
    last = home(households, landlord, street[-1])
    r = residents
    sql(households, landlord, update(r).where(r.c.person_id == street[-1]).values(address_line_1="5 Elsewhere"))
    assert rebuild(households.runtime.uow, landlord).moved == 0
    assert home(households, landlord, street[-1]).household_id == last.household_id


def test_other_landlords_are_untouched(households, landlord, street):
    other = str(uuid.uuid4())
    counts = rebuild(households.runtime.uow, other, batch_size=10)
    assert counts.residents == 0 and counts.batches == 0


def test_the_operator_command_rebuilds_every_landlord(households, landlord, street):
    from services.households import maintenance
    r = residents
    sql(households, landlord, update(r).where(r.c.person_id == street[0]).values(address_line_1="77 Willow St"))
    maintenance.rebuild_all(households)
    assert home(households, landlord, street[0]).address == "77 Willow St, CB1 1AA"
