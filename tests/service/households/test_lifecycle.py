"""Households derived from people events: joining, moving, archiving, coming back, empty
households kept, property refs winning over address spellings, and HouseholdChanged each time."""
from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from services.common.clock import FixedClock
from services.common.envelope import payload_as, unwrap
from services.common.errors import NotFound
from services.gen.tracker.households.v1 import events_pb2
from services.households import service
from services.households.tables import outbox

from .conftest import deliver, person


def pid():
    return str(uuid.uuid4())


def published(svc, landlord_id) -> list[events_pb2.HouseholdChanged]:
    with svc.runtime.uow(landlord_id) as uow:
        rows = uow.session.execute(select(outbox.c.envelope).where(outbox.c.landlord_id == landlord_id)
                                   .order_by(outbox.c.id)).scalars().all()
    return [payload_as(unwrap(row), events_pb2.HouseholdChanged) for row in rows]


def household_of(svc, person_id):
    with svc.runtime.uow(svc._landlord) as uow:
        return service.person_household(uow, svc.setup, person_id=person_id)


def get(svc, household_id):
    with svc.runtime.uow(svc._landlord) as uow:
        return service.household(uow, svc.setup, household_id=household_id)


@pytest.fixture
def svc(households, landlord):
    households._landlord = landlord
    return households


def test_people_at_one_address_spelled_differently_share_a_household(svc, landlord):
    a, b = pid(), pid()
    deliver(svc, landlord, person(a, line_1="Flat 2, 10 High St", line_2="Leeds", postcode="LS1 4AP", born="1980-03-01"),
            person(b, line_1="flat 2", line_2="10 high st.", line_3="LEEDS", postcode="ls14ap", born="2015-06-30"),
            created=True)
    home = household_of(svc, a)
    assert household_of(svc, b).household_id == home.household_id
    assert [o.resident.person_id for o in home.occupants] == [a, b], "oldest joined first"
    assert home.matched_by == "address" and home.address == "Flat 2, 10 High St, Leeds, LS1 4AP", "as first given"
    events = published(svc, landlord)
    assert len(events) == 1, "one batch: one announcement of the household"
    assert events[0].household_id == home.household_id and events[0].version == 1
    assert sorted(events[0].occupant_ids) == sorted([a, b]) and events[0].occupant_count == 2
    assert events[0].youngest_date_of_birth == "2015-06-30"


def test_same_property_ref_is_one_household_whatever_the_address(svc, landlord):
    a, b, c = pid(), pid(), pid()
    deliver(svc, landlord, person(a, ref="PR-77", line_1="Flat 2, 10 High St", postcode="LS1 4AP"))
    deliver(svc, landlord, person(b, ref=" pr-77", line_1="2/10 High Street", postcode="LS1"))
    deliver(svc, landlord, person(c, line_1="Flat 2, 10 High St", postcode="LS1 4AP"))
    home = household_of(svc, a)
    assert household_of(svc, b).household_id == home.household_id
    assert home.matched_by == "property_ref" and home.property_ref == "PR-77"
    assert household_of(svc, c).household_id != home.household_id, "no ref: matched by address, elsewhere"
    assert [e.version for e in published(svc, landlord) if e.household_id == home.household_id] == [1, 2]


def test_moving_leaves_the_old_household_and_joins_the_new(svc, landlord):
    a, b = pid(), pid()
    deliver(svc, landlord, person(a, line_1="1 Oak Lane", postcode="YO1 1AA"),
            person(b, line_1="1 Oak Lane", postcode="YO1 1AA"))
    old = household_of(svc, a)
    deliver(svc, landlord, person(a, line_1="9 Elm Road", postcode="YO1 2BB"))
    new = household_of(svc, a)
    assert new.household_id != old.household_id
    assert [o.resident.person_id for o in new.occupants] == [a]
    old = get(svc, old.household_id)
    assert [o.resident.person_id for o in old.occupants] == [b]
    assert [o.resident.person_id for o in old.former_occupants] == [a] and old.former_occupants[0].left_at
    last = {e.household_id: e for e in published(svc, landlord)}
    assert list(last[old.household_id].occupant_ids) == [b] and last[old.household_id].version == 2
    assert list(last[new.household_id].occupant_ids) == [a] and last[new.household_id].version == 1


def test_an_unrelated_change_moves_nobody_and_announces_nothing(svc, landlord):
    a = pid()
    deliver(svc, landlord, person(a, line_1="3 Ash Close", postcode="HU1 1AA", first="Sam"))
    before = len(published(svc, landlord))
    deliver(svc, landlord, person(a, line_1="3 ASH CLOSE.", postcode="hu1 1aa", first="Samantha"))
    assert len(published(svc, landlord)) == before
    home = household_of(svc, a)
    assert home.occupants[0].resident.first_name == "Samantha", "the occupant's details are kept up to date"
    assert home.address == "3 Ash Close, HU1 1AA", "the household keeps the address as first given"


def test_archived_person_leaves_but_still_answers_their_last_household_and_rejoins(svc, landlord):
    a, b = pid(), pid()
    deliver(svc, landlord, person(a, line_1="5 Birch Way", postcode="S1 1AA"), person(b, line_1="5 Birch Way", postcode="S1 1AA"))
    home = household_of(svc, a).household_id
    deliver(svc, landlord, person(a, line_1="5 Birch Way", postcode="S1 1AA", status="archived"))
    last = household_of(svc, a)
    assert last.household_id == home, "an archived person answers the household they last lived in"
    assert [o.resident.person_id for o in last.occupants] == [b]
    assert [o.resident.person_id for o in last.former_occupants] == [a]
    assert last.former_occupants[0].resident.status == "archived"
    deliver(svc, landlord, person(a, line_1="5 Birch Way", postcode="S1 1AA", status="current"))
    back = household_of(svc, a)
    assert back.household_id == home and sorted(o.resident.person_id for o in back.occupants) == sorted([a, b])
    assert back.former_occupants == [], "who lives there now is not shown as former"
    assert [e.occupant_count for e in published(svc, landlord) if e.household_id == home] == [2, 1, 2]


def test_an_empty_household_is_kept_but_not_occupied(svc, landlord):
    a = pid()
    deliver(svc, landlord, person(a, line_1="7 Cedar Court", postcode="M1 1AA"))
    home = household_of(svc, a).household_id
    deliver(svc, landlord, person(a, line_1="8 Cedar Court", postcode="M1 1AA"))
    empty = get(svc, home)
    assert empty.occupant_count == 0 and empty.occupants == []
    assert [o.resident.person_id for o in empty.former_occupants] == [a]
    last = [e for e in published(svc, landlord) if e.household_id == home][-1]
    assert last.occupant_count == 0 and list(last.occupant_ids) == [] and last.youngest_date_of_birth == ""
    with svc.runtime.uow(landlord) as uow:
        total, found = service.search(uow, svc.setup, criteria_given={"occupied": False})
    assert [h.household_id for h in found] == [home]


def test_losing_the_address_leaves_the_household_and_has_none(svc, landlord):
    a = pid()
    deliver(svc, landlord, person(a, line_1="2 Pine Row", postcode="L1 1AA"))
    home = household_of(svc, a).household_id
    deliver(svc, landlord, person(a))
    with pytest.raises(NotFound) as refused:
        household_of(svc, a)
    assert refused.value.fields[0].field == "person_id" and "no household" in refused.value.fields[0].reason
    assert get(svc, home).occupant_count == 0


def test_unknown_people_and_people_without_an_address_are_not_found(svc, landlord):
    a = pid()
    deliver(svc, landlord, person(a), created=True)
    with pytest.raises(NotFound, match="no household"):
        household_of(svc, a)
    with pytest.raises(NotFound, match="not seen yet"):
        household_of(svc, pid())
    b = pid()
    deliver(svc, landlord, person(b, line_1="1 Never Lived Here", postcode="L1 1AA", status="archived"), created=True)
    with pytest.raises(NotFound, match="archived before"):
        household_of(svc, b)
    assert published(svc, landlord) == []


def test_a_redelivered_batch_changes_nothing(svc, landlord):
    a = pid()
    messages = deliver(svc, landlord, person(a, line_1="4 Yew St", postcode="B1 1AA"))
    svc.runtime._consumers[0][2].batch(messages)
    assert len(published(svc, landlord)) == 1
    assert get(svc, household_of(svc, a).household_id).occupant_count == 1


def test_several_events_of_one_person_in_a_batch_end_where_the_last_puts_them(svc, landlord):
    a = pid()
    deliver(svc, landlord, person(a, line_1="1 First St", postcode="E1 1AA"),
            person(a, line_1="2 Second St", postcode="E1 1AA"))
    assert household_of(svc, a).address == "2 Second St, E1 1AA"


def test_a_changed_birth_date_announces_the_youngest_again(svc, landlord):
    a = pid()
    deliver(svc, landlord, person(a, line_1="6 Lime Rd", postcode="N1 1AA", born="1990-01-01"))
    deliver(svc, landlord, person(a, line_1="6 Lime Rd", postcode="N1 1AA", born="1991-01-01"))
    events = published(svc, landlord)
    assert [(e.version, e.youngest_date_of_birth) for e in events] == [(1, "1990-01-01"), (2, "1991-01-01")]


def test_ages_are_worked_out_today(svc, landlord):
    import datetime as dt
    a = pid()
    deliver(svc, landlord, person(a, line_1="9 Fir St", postcode="W1 1AA", born="2000-06-15"))
    with svc.runtime.uow(landlord) as uow:
        uow.clock = FixedClock(dt.datetime(2025, 6, 14, tzinfo=dt.timezone.utc))
        home = service.person_household(uow, svc.setup, person_id=a)
    assert home.occupants[0].age == 24


def test_landlords_never_see_each_others_households(svc, landlord):
    a = pid()
    deliver(svc, landlord, person(a, line_1="1 Shared St", postcode="G1 1AA"))
    other = str(uuid.uuid4())
    deliver(svc, other, person(pid(), line_1="1 Shared St", postcode="G1 1AA"))
    home = household_of(svc, a)
    assert home.occupant_count == 1
    with svc.runtime.uow(other) as uow:
        with pytest.raises(NotFound):
            service.household(uow, svc.setup, household_id=home.household_id)
        total, _ = service.search(uow, svc.setup, criteria_given={})
    assert total == 1


def test_an_occupants_new_tenancy_type_is_searchable_but_announces_nothing(svc, landlord):
    a = pid()
    deliver(svc, landlord, person(a, line_1="8 Maple Row", postcode="BD1 1AA", tenancy="General needs"))
    deliver(svc, landlord, person(a, line_1="8 Maple Row", postcode="BD1 1AA", tenancy="Sheltered"))
    assert len(published(svc, landlord)) == 1, "HouseholdChanged carries no tenancy types"
    with svc.runtime.uow(landlord) as uow:
        assert service.search(uow, svc.setup, criteria_given={"tenancy_type": ["Sheltered"]})[0] == 1
        assert service.search(uow, svc.setup, criteria_given={"tenancy_type": ["General needs"]})[0] == 0
