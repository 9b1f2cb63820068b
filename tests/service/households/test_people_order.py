"""People events in batches (PeopleChanged, what bulk work publishes), out of order and delivered again:
every person a batch holds is placed; an event of an older version than the person kept is left out; a
batch delivered again, or offered again after a consumer stopped halfway, ends as handling it once."""
from __future__ import annotations

import uuid
from dataclasses import replace

import pytest
from sqlalchemy import select

from services.households import service
from services.households.store import HouseholdStore, resident_of
from services.households.tables import households as households_table, occupancies, outbox, residents

from .conftest import batch_message, message, offer, person


def pid():
    return str(uuid.uuid4())


def address(svc, landlord, person_id) -> str:
    with svc.runtime.uow(landlord) as uow:
        return service.person_household(uow, svc.setup, person_id=person_id).address


def kept(svc, landlord, person_id):
    with svc.runtime.uow(landlord) as uow:
        return HouseholdStore(uow.session, landlord).resident(person_id)


def announced(svc, landlord) -> int:
    with svc.runtime.uow(landlord) as uow:
        return len(uow.session.execute(select(outbox.c.id).where(outbox.c.landlord_id == landlord)).all())


def state(svc, landlord):
    """What households keeps of the landlord's people, household ids (new each time) left out: each
    person as kept with their household's key; each household's key with its current occupants."""
    h, r, o = households_table, residents, occupancies
    with svc.runtime.uow(landlord) as uow:
        people = {row["person_id"]: replace(resident_of(row), household_id=None) for row in uow.session.execute(
            select(r).where(r.c.landlord_id == landlord)).mappings()}
        keys = dict(uow.session.execute(select(h.c.household_id, h.c.match_key)
                                        .where(h.c.landlord_id == landlord)).all())
        living = {key: [] for key in keys.values()}
        for household_id, person_id in uow.session.execute(select(o.c.household_id, o.c.person_id).where(
                o.c.landlord_id == landlord, o.c.left_at.is_(None))).all():
            living[keys[household_id]].append(person_id)
    return people, {key: sorted(ids) for key, ids in living.items()}


@pytest.fixture
def svc(households, landlord):
    return households


def test_a_batch_places_every_person_it_holds(svc, landlord):
    a, b, c = pid(), pid(), pid()
    offer(svc, batch_message(landlord, person(a, line_1="1 Oak Lane", postcode="YO1 1AA", version=1),
                             person(b, line_1="1 Oak Lane", postcode="YO1 1AA", version=1),
                             person(c, ref="PR-9", line_1="3 Ash Grove", version=4), created=True))
    assert address(svc, landlord, a) == address(svc, landlord, b) == "1 Oak Lane, YO1 1AA"
    assert address(svc, landlord, c) == "3 Ash Grove"
    assert (kept(svc, landlord, a).version, kept(svc, landlord, c).version) == (1, 4)
    assert announced(svc, landlord) == 2, "one announcement per household"


def test_a_persons_events_of_one_commit_in_a_batch_leave_them_as_the_last_does(svc, landlord):
    a = pid()
    offer(svc, batch_message(landlord, person(a, line_1="1 Oak Lane", postcode="YO1 1AA", version=3),
                             person(a, line_1="9 Elm Road", postcode="YO1 2BB", version=3)))
    assert address(svc, landlord, a) == "9 Elm Road, YO1 2BB"
    assert announced(svc, landlord) == 1, "only the household they end in"


def test_an_older_event_arriving_after_a_newer_one_is_left_out(svc, landlord):
    a, b = pid(), pid()
    offer(svc, message(landlord, person(a, line_1="9 Elm Road", postcode="YO1 2BB", version=2)))
    before = announced(svc, landlord)
    offer(svc, batch_message(landlord, person(a, line_1="1 Oak Lane", postcode="YO1 1AA", version=1),
                             person(b, line_1="3 Ash Grove", postcode="YO1 3CC", version=1)))
    assert address(svc, landlord, a) == "9 Elm Road, YO1 2BB" and kept(svc, landlord, a).version == 2
    assert address(svc, landlord, b) == "3 Ash Grove, YO1 3CC", "the rest of the batch is taken in"
    assert announced(svc, landlord) == before + 1, "only b's household: nobody moved to or from Oak Lane"


def test_the_newer_event_wins_within_one_delivery_whatever_the_order(svc, landlord):
    a = pid()
    offer(svc, message(landlord, person(a, line_1="9 Elm Road", postcode="YO1 2BB", version=2)),
          batch_message(landlord, person(a, line_1="1 Oak Lane", postcode="YO1 1AA", version=1), created=True))
    assert address(svc, landlord, a) == "9 Elm Road, YO1 2BB" and kept(svc, landlord, a).version == 2


def test_a_batch_delivered_again_changes_nothing(svc, landlord):
    people = [pid() for _ in range(4)]

    def batch():
        return batch_message(landlord, *(person(p, line_1=f"{n % 2} Birch Way", postcode="LS2 2BB", version=1)
                                         for n, p in enumerate(people)), created=True)
    first = batch()
    offer(svc, first)
    before, count = state(svc, landlord), announced(svc, landlord)
    offer(svc, first)  # the same event again
    offer(svc, batch())  # the same commit's events under a new event id
    assert state(svc, landlord) == before and announced(svc, landlord) == count


def _kept_before(landlord, people):
    """People households already keeps (v1) before the delivery under test."""
    return batch_message(landlord, *(person(p, line_1=f"{n % 3} Birch Way", postcode="LS2 2BB", version=1)
                                     for n, p in enumerate(people)), created=True)


def _delivery(landlord, people, new):
    """One delivery of the bus: bulk commits as batches (new people; a move of two; an archive) and an edit."""
    a, b, c, *_ = people
    return [batch_message(landlord, *(person(p, ref=f"PR-{n % 2}", version=1) for n, p in enumerate(new)),
                          created=True),
            batch_message(landlord, person(a, line_1="2 Birch Way", postcode="LS2 2BB", version=2),
                          person(b, ref="PR-1", version=2)),
            message(landlord, person(a, line_1="5 Cedar Close", postcode="LS3 3CC", version=3)),
            batch_message(landlord, person(c, line_1="2 Birch Way", postcode="LS2 2BB", status="archived", version=2),
                          person(new[0], ref="PR-0", version=2, first="Alex"))]


@pytest.fixture
def twins(households):
    """Two landlords keeping the same people (v1), and people new to both."""
    people, new = [pid() for _ in range(4)], [pid() for _ in range(4)]
    landlords = str(uuid.uuid4()), str(uuid.uuid4())
    for landlord in landlords:
        offer(households, _kept_before(landlord, people))
    return landlords, people, new


def test_a_consumer_stopped_mid_batch_ends_as_if_it_had_handled_it_once(households, twins):
    (once, stopped), people, new = twins
    offer(households, *_delivery(once, people, new))
    delivery = _delivery(stopped, people, new)
    offer(households, *delivery[:2])  # the first half handled and committed, then the consumer stopped
    offer(households, *delivery)  # the whole batch offered again
    assert state(households, stopped) == state(households, once)


def test_half_a_batchs_events_taken_in_then_the_whole_batch_ends_as_once(households, twins):
    """The events themselves again (new event ids): their versions, not their event ids, keep it exact."""
    (once, stopped), people, new = twins
    offer(households, *_delivery(once, people, new))
    whole = _delivery(stopped, people, new)
    offer(households, _delivery(stopped, people, new[:2])[0], whole[2])  # half of the first batch; a's newer edit
    offer(households, *whole)
    assert state(households, stopped) == state(households, once)
