"""GetPeopleHouseholds: the households many people live in now, at once (a postal mailing to households). Each
person known, current and in a household maps to it; each household comes once with its current occupants, no
former occupants and no profiles (profiles is never asked); unknown, archived and unplaced people are left out;
more than 5,000 ids is INVALID_ARGUMENT naming person_ids; another landlord's people are never seen. Embedded
storage; synthetic people only."""
from __future__ import annotations

import json
import uuid

import grpc
import pytest

from services.common import context
from services.common.errors import InvalidInput
from services.gen.tracker.households.v1 import households_service_pb2 as pb
from services.households import service
from services.households.clients.profiles import ProfilesSetup

from .conftest import FakeSetup, deliver, person
from .test_server import running, struct  # noqa: F401  (the servicer on loopback)


def pid():
    return str(uuid.uuid4())


def people_households(svc, landlord_id, person_ids, setup=None):
    with svc.runtime.uow(landlord_id) as uow:
        return service.people_households(uow, setup or svc.setup, person_ids=person_ids)


def test_two_people_of_one_household_give_it_once_with_both_occupants(households, landlord):
    a, b, c = pid(), pid(), pid()
    deliver(households, landlord, person(a, line_1="1 Rowan Walk", postcode="DH1 1AA", born="1970-02-02"),
            person(b, line_1="1 ROWAN WALK.", postcode="dh11aa", born="2012-08-08"),
            person(c, line_1="2 Rowan Walk", postcode="DH1 1AA"), created=True)
    deliver(households, landlord, person(pid(), line_1="2 Rowan Walk", postcode="DH1 1AA", status="archived"))
    fake = FakeSetup()
    people, found = people_households(households, landlord, [b, a, c, a], setup=ProfilesSetup(fake, keep_seconds=0))
    assert [p for p, _ in people] == [b, a, c], "each person once, in the order asked"
    assert people[0][1] == people[1][1] != people[2][1]
    assert [h.household_id for h in found] == [people[0][1], people[2][1]], "each household once"
    rowan = found[0]
    assert [o.resident.person_id for o in rowan.occupants] == [a, b] and rowan.occupant_count == 2
    assert rowan.occupants[1].age is not None and rowan.address == "1 Rowan Walk, DH1 1AA"
    assert [o.resident.person_id for o in found[1].occupants] == [c] and found[1].former_occupants == []
    assert fake.catalogue_calls == 0


def test_archived_unknown_and_unplaced_people_are_left_out(households, landlord):
    a, b, unplaced, unknown = pid(), pid(), pid(), pid()
    deliver(households, landlord, person(a, line_1="3 Sorrel Street", postcode="SR1 1AA"),
            person(b, line_1="3 Sorrel Street", postcode="SR1 1AA"), person(unplaced), created=True)
    deliver(households, landlord, person(b, line_1="3 Sorrel Street", postcode="SR1 1AA", status="archived"))
    people, found = people_households(households, landlord, [unknown, b, unplaced, a])
    assert [p for p, _ in people] == [a]
    assert len(found) == 1 and [o.resident.person_id for o in found[0].occupants] == [a]
    assert found[0].former_occupants == [], "the archived one is not shown as a former occupant either"
    assert people_households(households, landlord, [b, unknown]) == ([], [])
    assert people_households(households, landlord, []) == ([], [])


def test_households_come_without_profiles_and_profiles_is_not_asked(households, landlord):
    a = pid()
    deliver(households, landlord, person(a, line_1="4 Teasel Row", postcode="TS1 1AA"))
    with households.runtime.uow(landlord) as uow:
        home = service.person_household(uow, households.setup, person_id=a).household_id
        service.update_profiles(uow, households.setup, household_id=home, property_profile={"heating": "Gas"},
                                household_profile={"pets": True})
    fake = FakeSetup()
    _, found = people_households(households, landlord, [a], setup=ProfilesSetup(fake, keep_seconds=0))
    assert found[0].property_profile == {} and found[0].household_profile == {}
    assert fake.catalogue_calls == 0


def test_more_than_5000_ids_is_refused_naming_person_ids(households, landlord):
    assert people_households(households, landlord, [pid() for _ in range(5_000)]) == ([], [])
    with pytest.raises(InvalidInput) as refused:
        people_households(households, landlord, [pid() for _ in range(5_001)])
    assert [p.field for p in refused.value.fields] == ["person_ids"]


def test_another_landlords_people_are_not_seen(households, landlord):
    a, theirs = pid(), pid()
    other = str(uuid.uuid4())
    deliver(households, landlord, person(a, line_1="5 Umber Close", postcode="U1 1AA"))
    deliver(households, other, person(theirs, line_1="5 Umber Close", postcode="U1 1AA"))
    people, found = people_households(households, landlord, [a, theirs])
    assert [p for p, _ in people] == [a]
    assert len(found) == 1 and [o.resident.person_id for o in found[0].occupants] == [a]
    assert people_households(households, other, [a]) == ([], [])


def test_over_grpc_people_map_to_households_and_too_many_is_invalid_argument(running):  # noqa: F811
    svc, stub = running
    landlord, other = str(uuid.uuid4()), str(uuid.uuid4())
    a, b, archived, theirs = pid(), pid(), pid(), pid()
    deliver(svc, landlord, person(a, line_1="6 Vetch Lane", postcode="V1 1AA", born="1980-01-01"),
            person(b, line_1="6 Vetch Lane", postcode="V1 1AA"),
            person(archived, line_1="6 Vetch Lane", postcode="V1 1AA", status="archived"), created=True)
    deliver(svc, other, person(theirs, line_1="6 Vetch Lane", postcode="V1 1AA"), created=True)
    with context.bound(context.CallContext(landlord_id=landlord, user_id="u1")):
        home = stub.GetPersonHousehold(pb.GetPersonHouseholdRequest(person_id=a))
        stub.UpdateHouseholdProfiles(pb.UpdateHouseholdProfilesRequest(
            household_id=home.household_id, property_profile=struct({"heating": "Gas"})))
        answer = stub.GetPeopleHouseholds(pb.GetPeopleHouseholdsRequest(person_ids=[a, archived, pid(), theirs, b]),
                                          timeout=10)
        with pytest.raises(grpc.RpcError) as refused:
            stub.GetPeopleHouseholds(pb.GetPeopleHouseholdsRequest(person_ids=[pid() for _ in range(5_001)]))
    assert [(p.person_id, p.household_id) for p in answer.people] == [(a, home.household_id), (b, home.household_id)]
    [household] = answer.households
    assert household.household_id == home.household_id and household.occupied and household.occupant_count == 2
    assert [o.person_id for o in household.occupants] == [a, b] and household.occupants[0].HasField("age")
    assert list(household.former_occupants) == [] and dict(household.property_profile) == {}
    assert dict(household.household_profile) == {}
    assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert json.loads(refused.value.details())["fields"][0]["field"] == "person_ids"
    with pytest.raises(grpc.RpcError) as refused:
        stub.GetPeopleHouseholds(pb.GetPeopleHouseholdsRequest(person_ids=[a]))
    assert refused.value.code() == grpc.StatusCode.UNAUTHENTICATED
