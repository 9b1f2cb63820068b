"""SearchHouseholds: text, prefixes, occupants, occupied, child_under, tenancy type, custom fields
(in SQL), sorting and paging; bad criteria name the criterion."""
from __future__ import annotations

import datetime as dt
import uuid

import pytest

from services.common.clock import FixedClock
from services.common.errors import InvalidInput
from services.households import service

from .conftest import deliver, person

ON_TODAY = FixedClock(dt.datetime(2025, 6, 1, 12, tzinfo=dt.timezone.utc))  # the clock ages are worked out on


def pid():
    return str(uuid.uuid4())


@pytest.fixture(scope="module")
def estate(households):
    """Four households of one landlord (one empty), with profiles on two."""
    landlord = str(uuid.uuid4())
    from services.common import context
    with context.bound(context.CallContext(landlord_id=landlord)):
        people = {
            "flat2": [person(pid(), line_1="Flat 2, 10 High St", line_2="Leeds", postcode="LS1 4AP", born="1970-01-01",
                             tenancy="General needs"),
                      person(pid(), line_1="Flat 2, 10 High St", line_2="Leeds", postcode="LS1 4AP", born="2018-02-01",
                             tenancy="General needs")],
            "flat3": [person(pid(), line_1="Flat 3, 10 High St", line_2="Leeds", postcode="LS1 4AP", born="1950-01-01",
                             tenancy="Sheltered")],
            "ref": [person(pid(), ref="PR-0042", line_1="42 Acacia Avenue", line_2="York", postcode="YO1 7HH",
                           born="2012-09-01", tenancy="Shared ownership") for _ in range(3)],
            "gone": [person(pid(), line_1="1 Old Road", postcode="HU1 2AB")],
        }
        deliver(households, landlord, *[p for group in people.values() for p in group], created=True)
        gone = people["gone"][0]
        deliver(households, landlord, person(gone.person_id, line_1="Flat 3, 10 High St", line_2="Leeds", postcode="LS1 4AP",
                                             born="1985-01-01", tenancy="General needs"))
        ids = {}
        with households.runtime.uow(landlord) as uow:
            for name, group in people.items():
                if name != "gone":
                    ids[name] = service.person_household(uow, households.setup, person_id=group[0].person_id).household_id
        with households.runtime.uow(landlord) as uow:
            total, found = service.search(uow, households.setup, criteria_given={"occupied": False})
            ids["gone"] = found[0].household_id
        with households.runtime.uow(landlord) as uow:
            service.update_profiles(uow, households.setup, household_id=ids["flat2"],
                                    property_profile={"heating": "Gas", "floor": 2},
                                    household_profile={"pets": True, "notes": "Keys with neighbour", "moved_in": "2019-04-01",
                                                       "needs": ["Ramp", "Hand rail"]})
        with households.runtime.uow(landlord) as uow:
            service.update_profiles(uow, households.setup, household_id=ids["ref"],
                                    property_profile={"heating": "Electric", "floor": 0}, household_profile={"pets": False})
    return households, landlord, ids


def find(estate, criteria=None, **kw):
    households, landlord, ids = estate
    names = {v: k for k, v in ids.items()}
    from services.common import context
    with context.bound(context.CallContext(landlord_id=landlord)):
        with households.runtime.uow(landlord) as uow:
            uow.clock = ON_TODAY
            total, found = service.search(uow, households.setup, criteria_given=criteria, **kw)
    return total, [names[h.household_id] for h in found]


@pytest.mark.parametrize("criteria, expected", [
    ({}, {"flat2", "flat3", "ref", "gone"}),
    ({"text": "high"}, {"flat2", "flat3"}),
    ({"text": "flat 2 high"}, {"flat2"}),
    ({"text": "FLAT 3, HIGH ST."}, {"flat3"}),
    ({"text": "igh"}, set()),  # words start with what is typed
    ({"text": "ls1 4ap"}, {"flat2", "flat3"}),
    ({"text": "ls14"}, {"flat2", "flat3"}),
    ({"text": "pr-0042"}, {"ref"}),
    ({"text": "0042"}, {"ref"}),
    ({"property_ref": "pr-00"}, {"ref"}),
    ({"postcode": "ls1 4"}, {"flat2", "flat3"}),
    ({"postcode": "yo17hh"}, {"ref"}),
    ({"address_line_1": "flat"}, {"flat2", "flat3"}),
    ({"address_line_2": "YORK"}, {"ref"}),
    ({"address_line_1": "100%"}, set()),  # wildcards are plain characters
    ({"occupants": {"min": 2}}, {"flat2", "flat3", "ref"}),
    ({"occupants": {"min": 3, "max": 3}}, {"ref"}),
    ({"occupants": {"max": 0}}, {"gone"}),
    ({"occupied": True}, {"flat2", "flat3", "ref"}),
    ({"occupied": False}, {"gone"}),
    ({"child_under": 8}, {"flat2"}),  # 7 years old
    ({"child_under": 7}, set()),
    ({"child_under": 13}, {"flat2", "ref"}),  # 12 years old
    ({"tenancy_type": ["sheltered"]}, {"flat3"}),
    ({"tenancy_type": ["Sheltered", "Shared ownership"]}, {"flat3", "ref"}),
    ({"custom": {"heating": ["Gas"]}}, {"flat2"}),
    ({"custom": {"heating": ["gas", "Electric"]}}, {"flat2", "ref"}),
    ({"custom": {"heating": ["Not known"]}}, {"flat3", "gone"}),
    ({"custom": {"needs": ["Hand rail"]}}, {"flat2"}),
    ({"custom": {"pets": False}}, {"ref"}),
    ({"custom": {"pets": True}}, {"flat2"}),
    ({"custom": {"notes": "keys"}}, {"flat2"}),
    ({"custom": {"notes": "neighbour"}}, set()),
    ({"custom": {"floor": {"min": 1}}}, {"flat2"}),
    ({"custom": {"floor": {"max": 0}}}, {"ref"}),
    ({"custom": {"moved_in": {"min": "2019-01-01", "max": "2019-12-31"}}}, {"flat2"}),
    ({"text": "high", "occupants": {"min": 2}, "custom": {"pets": True}}, {"flat2"}),
])
def test_criteria(estate, criteria, expected):
    total, names = find(estate, criteria)
    assert set(names) == expected and total == len(expected)


def test_household_ids(estate):
    _, _, ids = estate
    assert find(estate, {"household_id": [ids["ref"], ids["gone"]]})[1] == ["gone", "ref"]


@pytest.mark.parametrize("criteria, field", [
    ({"colour": "red"}, "criteria.colour"),
    ({"text": 5}, "criteria.text"),
    ({"postcode": ""}, "criteria.postcode"),
    ({"occupants": 2}, "criteria.occupants"),
    ({"occupants": {"min": -1}}, "criteria.occupants"),
    ({"occupants": {"min": 3, "max": 1}}, "criteria.occupants"),
    ({"occupants": {"least": 1}}, "criteria.occupants"),
    ({"occupied": "yes"}, "criteria.occupied"),
    ({"child_under": 0}, "criteria.child_under"),
    ({"child_under": 26}, "criteria.child_under"),
    ({"child_under": 2.5}, "criteria.child_under"),
    ({"tenancy_type": "Sheltered"}, "criteria.tenancy_type"),
    ({"tenancy_type": []}, "criteria.tenancy_type"),
    ({"custom": {}}, "criteria.custom"),
    ({"custom": {"colour": ["Red"]}}, "criteria.custom.colour"),
    ({"custom": {"heating": ["Coal"]}}, "criteria.custom.heating"),
    ({"custom": {"heating": "Gas"}}, "criteria.custom.heating"),
    ({"custom": {"pets": "yes"}}, "criteria.custom.pets"),
    ({"custom": {"floor": {"min": "two"}}}, "criteria.custom.floor"),
    ({"custom": {"floor": 2}}, "criteria.custom.floor"),
    ({"custom": {"moved_in": {"min": "01/02/2019"}}}, "criteria.custom.moved_in"),
    ({"custom": {"notes": ""}}, "criteria.custom.notes"),
])
def test_bad_criteria_name_the_criterion(estate, criteria, field):
    with pytest.raises(InvalidInput) as refused:
        find(estate, criteria)
    assert [p.field for p in refused.value.fields] == [field]


def test_every_bad_criterion_is_named_at_once(estate):
    with pytest.raises(InvalidInput) as refused:
        find(estate, {"colour": "red", "occupied": 1})
    assert {p.field for p in refused.value.fields} == {"criteria.colour", "criteria.occupied"}


def test_sorting_and_paging(estate):
    assert find(estate, {}, sort="address")[1] == ["gone", "ref", "flat2", "flat3"]  # by the address words
    assert find(estate, {}, sort="-occupants")[1] == ["ref", "flat2", "flat3", "gone"]
    assert find(estate, {}, sort="occupants")[1] == ["gone", "flat2", "flat3", "ref"]
    assert find(estate, {}, page=2, page_size=3) == (4, ["flat3"])
    with pytest.raises(InvalidInput) as refused:
        find(estate, {}, sort="colour")
    assert refused.value.fields[0].field == "sort"
    with pytest.raises(InvalidInput) as refused:
        find(estate, {}, page_size=501)
    assert refused.value.fields[0].field == "page_size"


def test_results_show_occupants_and_profiles_with_labels(estate):
    households, landlord, ids = estate
    from services.common import context
    with context.bound(context.CallContext(landlord_id=landlord)):
        with households.runtime.uow(landlord) as uow:
            uow.clock = ON_TODAY
            _, found = service.search(uow, households.setup, criteria_given={"household_id": [ids["flat2"]]})
    home = found[0]
    assert home.occupant_count == 2 and [o.age for o in home.occupants] == [55, 7]
    assert home.property_profile == {"heating": "Gas", "floor": 2}
    assert home.household_profile == {"pets": True, "notes": "Keys with neighbour", "moved_in": "2019-04-01",
                                      "needs": ["Ramp", "Hand rail"]}
    assert home.former_occupants == [], "search results carry no former occupants"
