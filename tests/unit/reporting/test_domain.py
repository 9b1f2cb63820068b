"""What a person and a household count towards, how a newer state moves the counts, and ages on any day."""
import datetime as dt

from services.reporting import domain
from services.reporting.domain import KNOWN, HouseholdState, PersonState

TODAY = dt.date(2027, 3, 10)


def person(version=1, status="current", born=None, **chosen) -> PersonState:
    return PersonState("P1", version, status, born, {k: tuple(v) for k, v in chosen.items()})


def test_a_current_person_counts_towards_each_option_their_age_and_what_is_known():
    facts = domain.person_facts(person(born=dt.date(1980, 3, 11), gender=["F"], communication_needs=["BR", "ER"]),
                                TODAY)
    assert facts == {("status", "current"), ("gender", "F"), ("gender", KNOWN), ("communication_needs", "BR"),
                     ("communication_needs", "ER"), ("communication_needs", KNOWN), ("age", "46"), ("age", KNOWN)}


def test_an_archived_person_counts_only_towards_their_status_and_an_unknown_state_towards_nothing():
    assert domain.person_facts(person(status="archived", gender=["F"]), TODAY) == {("status", "archived")}
    assert domain.person_facts(None, TODAY) == frozenset()


def test_a_birth_date_after_today_gives_no_age():
    assert ("age", KNOWN) not in domain.person_facts(person(born=dt.date(2027, 3, 11)), TODAY)


def test_moves_count_facts_gained_up_and_lost_down_and_leave_the_rest():
    old = {("status", "current"), ("gender", "F"), ("gender", KNOWN)}
    new = {("status", "current"), ("gender", "M"), ("gender", KNOWN)}
    assert domain.moves(old, new) == {("gender", "M"): 1, ("gender", "F"): -1}
    assert domain.moves(old, old) == {}


def test_the_newest_state_wins_whatever_order_states_come_in():
    states = [person(3, gender=["C"]), person(1, gender=["A"]), person(2, gender=["B"])]
    assert domain.newest(states)["P1"].chosen == {"gender": ("C",)}
    assert domain.newest(reversed(states))["P1"].chosen == {"gender": ("C",)}
    assert domain.newer(None, 1) and domain.newer(2, 2) and not domain.newer(3, 2)


def test_an_occupied_household_counts_one_property_and_its_choices_once_per_occupant():
    assert domain.household_facts(HouseholdState("H1", 1, 1)) == {("properties", "occupied"): 1}
    estate = HouseholdState("H1", 1, 3, {"cf.estate": ("E1",), "cf.features": ("lift", "ramp"), "cf.none": ()})
    assert domain.household_facts(estate) == {
        ("properties", "occupied"): 1, ("cf.estate", "E1"): 3, ("cf.estate", KNOWN): 3,
        ("cf.features", "lift"): 3, ("cf.features", "ramp"): 3, ("cf.features", KNOWN): 3}
    assert domain.household_facts(HouseholdState("H1", 2, 0, {"cf.estate": ("E1",)})) == {}


def test_a_household_moving_estate_and_losing_an_occupant_moves_the_counts_by_their_weights():
    before = domain.household_facts(HouseholdState("H1", 1, 3, {"cf.estate": ("E1",)}))
    after = domain.household_facts(HouseholdState("H1", 2, 2, {"cf.estate": ("E2",)}))
    assert domain.moves(before, after) == {("cf.estate", "E1"): -3, ("cf.estate", "E2"): 2, ("cf.estate", KNOWN): -1}
    assert domain.moves({}, before) == before


def test_ages_and_the_next_day_they_change_including_29_february():
    assert domain.age_on(dt.date(1980, 3, 10), TODAY) == 47 and domain.age_on(dt.date(1980, 3, 11), TODAY) == 46
    assert domain.next_birthday(dt.date(1980, 3, 11), TODAY) == dt.date(2027, 3, 11)
    assert domain.next_birthday(dt.date(1980, 3, 10), TODAY) == dt.date(2028, 3, 10)
    leap = dt.date(2000, 2, 29)
    assert domain.next_birthday(leap, dt.date(2027, 2, 27)) == dt.date(2027, 3, 1)
    assert domain.age_on(leap, dt.date(2027, 2, 28)) == 26 and domain.age_on(leap, dt.date(2027, 3, 1)) == 27
    assert domain.next_birthday(leap, dt.date(2027, 3, 1)) == dt.date(2028, 2, 29)
