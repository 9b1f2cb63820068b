"""Where a change of a person places them (pure rules)."""
import datetime as dt
from dataclasses import replace

from services.households.domain import Resident, age, older, place, youngest

HOME = Resident("p1", address_line_1="1 Oak Lane", postcode="YO1 1AA")
KEY = HOME.match.key
LIVING = replace(HOME, household_id="h1", household_key=KEY)


def test_first_seen_with_an_address_joins():
    p = place(None, HOME)
    assert p.leave is None and p.join.key == KEY and p.resident.household_id is None


def test_first_seen_without_an_address_or_archived_joins_nothing():
    assert not place(None, Resident("p1")).moves
    assert not place(None, replace(HOME, status="archived")).moves


def test_same_address_however_typed_stays():
    p = place(LIVING, replace(HOME, address_line_1="1 OAK LANE.", first_name="Jo"))
    assert not p.moves and p.resident.household_id == "h1" and p.resident.first_name == "Jo"


def test_a_new_address_leaves_and_joins():
    p = place(LIVING, replace(HOME, address_line_1="2 Oak Lane"))
    assert p.leave == "h1" and p.join.key != KEY


def test_archiving_leaves_but_keeps_the_last_household():
    p = place(LIVING, replace(HOME, status="archived"))
    assert p.leave == "h1" and p.join is None and p.resident.household_id == "h1"


def test_made_current_again_rejoins():
    archived = replace(LIVING, status="archived")
    p = place(archived, HOME)
    assert p.leave is None and p.join.key == KEY


def test_losing_the_address_leaves_and_points_nowhere():
    p = place(LIVING, Resident("p1"))
    assert p.leave == "h1" and p.join is None and p.resident.household_id is None


def test_only_an_older_version_than_the_one_kept_is_left_out():
    kept = replace(LIVING, version=3)
    assert older(kept, replace(HOME, version=2))
    assert not older(kept, replace(HOME, version=3)), "redelivered, or the same commit: taken in"
    assert not older(kept, replace(HOME, version=4)) and not older(None, replace(HOME, version=1))


def test_a_placed_resident_keeps_the_version_it_is_of():
    moved = place(replace(LIVING, version=1), replace(HOME, address_line_1="9 Elm Road", version=2))
    assert moved.moves and moved.resident.version == 2


def test_ages_and_the_youngest():
    assert age(dt.date(2000, 6, 15), dt.date(2025, 6, 14)) == 24
    assert age(dt.date(2000, 6, 15), dt.date(2025, 6, 15)) == 25
    assert age(None, dt.date(2025, 1, 1)) is None
    assert youngest([None, dt.date(1990, 1, 1), dt.date(2010, 1, 1)]) == dt.date(2010, 1, 1)
    assert youngest([None]) is None


def test_tenancy_types_as_search_reads_them():
    from services.households.domain import tenancy_types
    assert tenancy_types(["Sheltered", "general needs", "", "General Needs"]) == "|general needs|sheltered|"
    assert tenancy_types(["", "  "]) == ""
