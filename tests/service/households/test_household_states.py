"""StreamHouseholdStates over gRPC: every household of the caller's landlord, occupied or not, as its newest
HouseholdChanged event shows it (version, occupants, profiles), in household id order a page at a time, for
the reporting service's recount; another landlord's households never; a bad page size is INVALID_ARGUMENT
naming it. Embedded storage; synthetic people only."""
from __future__ import annotations

import json
import uuid

import grpc
import pytest
from google.protobuf import json_format

from services.common import context
from services.gen.tracker.households.v1 import households_service_pb2 as pb

from .conftest import deliver, person
from .test_server import running  # noqa: F401  (the servicer on loopback)

STREETS = ["1 Alder Way", "2 Birch Close", "3 Cedar Court", "4 Damson Lane", "5 Elm Grove"]


def _states(stub, **request) -> list[list]:
    return [list(page.households) for page in stub.StreamHouseholdStates(pb.StreamHouseholdStatesRequest(**request),
                                                                         timeout=10)]


def test_every_household_as_its_newest_event_shows_it_in_id_order_and_pages(running):  # noqa: F811
    svc, stub = running
    landlord, other = str(uuid.uuid4()), str(uuid.uuid4())
    people = {street: [str(uuid.uuid4()), str(uuid.uuid4())] for street in STREETS}
    deliver(svc, landlord, *[person(p, line_1=street, postcode="ZZ1 1AA") for street, pair in people.items()
                             for p in pair], created=True)
    deliver(svc, other, person(str(uuid.uuid4()), line_1="9 Other Road", postcode="ZZ9 9ZZ"), created=True)
    leaving = people["5 Elm Grove"]  # both move out: the household stays, unoccupied, one version on
    deliver(svc, landlord, *[person(p, line_1="6 Fir Street", postcode="ZZ1 1AA") for p in leaving])
    with context.bound(context.CallContext(landlord_id=landlord)):
        home = stub.SearchHouseholds(pb.SearchHouseholdsRequest(page_size=50))
        stub.UpdateHouseholdProfiles(pb.UpdateHouseholdProfilesRequest(
            household_id=next(h.household_id for h in home.items if h.address.startswith("1 Alder")),
            property_profile=json_format.ParseDict({"heating": "Gas"}, pb.UpdateHouseholdProfilesRequest().property_profile)))
        pages = _states(stub, page_size=2)
        whole = _states(stub)
    states = [h for page in pages for h in page]
    assert [len(page) for page in pages] == [2, 2, 2]  # six households: five streets and the one they moved to
    assert [h.household_id for h in states] == sorted(h.household_id for h in states)
    assert [h for page in whole for h in page] == states
    views = {h.household_id: h for h in home.items}
    assert set(views) == {h.household_id for h in states}  # the unoccupied one too, and none of the other landlord
    for state in states:
        assert sorted(state.occupant_ids) == sorted(o.person_id for o in views[state.household_id].occupants
                                                    if not o.left_at)
        assert state.occupant_count == len(state.occupant_ids)
    alder = next(s for s in states if s.household_id == next(h.household_id for h in home.items
                                                                if h.address.startswith("1 Alder")))
    assert dict(alder.property_profile) == {"f-heating": "o-gas"} and alder.version == 2  # stored ids, as events
    elm = next(s for s in states if s.household_id == next(h.household_id for h in home.items
                                                              if h.address.startswith("5 Elm")))
    assert list(elm.occupant_ids) == [] and elm.occupant_count == 0 and elm.version == 2


def test_a_bad_page_size_is_invalid_argument_naming_it_and_a_call_needs_a_landlord(running):  # noqa: F811
    _, stub = running
    with context.bound(context.CallContext(landlord_id=str(uuid.uuid4()))):
        with pytest.raises(grpc.RpcError) as refused:
            _states(stub, page_size=5001)
    assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert json.loads(refused.value.details())["fields"][0]["field"] == "page_size"
    with pytest.raises(grpc.RpcError) as refused:
        _states(stub)
    assert refused.value.code() == grpc.StatusCode.UNAUTHENTICATED
