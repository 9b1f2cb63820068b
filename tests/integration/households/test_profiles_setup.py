"""Households with the real profiles set-up (embedded): custom fields of properties and households
defined in profiles, values checked by profiles' CheckCustomValues and shown with its catalogue."""
from __future__ import annotations

import json
import uuid

import grpc
import pytest
from google.protobuf import struct_pb2

from services.common import context
from services.common.bus.inprocess import InProcessBus
from services.common.grpc_client import channel
from services.gen.tracker.households.v1 import households_service_pb2 as pb, households_service_pb2_grpc as pb_grpc
from services.gen.tracker.profiles.v1 import setup_service_pb2 as setup_pb, setup_service_pb2_grpc as setup_grpc
from services.households import bootstrap as households_bootstrap
from services.profiles import bootstrap as profiles_bootstrap
from tests.conftest import embedded_settings
from tests.service.households.conftest import deliver, person


@pytest.fixture(scope="module")
def services(tmp_path_factory):
    settings = embedded_settings(tmp_path_factory.mktemp("households-profiles"))
    bus = InProcessBus(None)
    profiles = profiles_bootstrap.build(settings, bus=bus)
    profiles.runtime.migrate()
    profiles.start("127.0.0.1:0")
    households = households_bootstrap.build(settings, bus=bus)
    households.runtime.migrate()
    households.profiles_address = profiles.runtime.grpc.address
    households.start("127.0.0.1:0")
    channels = [channel(profiles.runtime.grpc.address), channel(households.runtime.grpc.address)]
    yield households, setup_grpc.ProfileSetupStub(channels[0]), pb_grpc.HouseholdsStub(channels[1])
    for ch in channels:
        ch.close()
    households.stop()
    profiles.stop()
    bus.close()
    profiles.index.close()


def struct(values):
    s = struct_pb2.Struct()
    s.update(values)
    return s


def test_profile_values_checked_stored_shown_and_searched(services):
    households, setup, stub = services
    landlord, a = str(uuid.uuid4()), str(uuid.uuid4())
    with context.bound(context.CallContext(landlord_id=landlord, user_id="u1")):
        setup.AddCustomField(setup_pb.AddCustomFieldRequest(label="Heating", type="choice", options=["Gas", "Electric"],
                                                            applies_to="property"))
        setup.AddCustomField(setup_pb.AddCustomFieldRequest(label="Floor", type="number", applies_to="property"))
        setup.AddCustomField(setup_pb.AddCustomFieldRequest(label="Pets", type="yes_no", applies_to="household"))
        deliver(households, landlord, person(a, line_1="12 Laurel Way", postcode="SR1 1AA"), created=True)
        home = stub.GetPersonHousehold(pb.GetPersonHouseholdRequest(person_id=a))
        changed = stub.UpdateHouseholdProfiles(pb.UpdateHouseholdProfilesRequest(
            household_id=home.household_id, property_profile=struct({"heating": "Gas", "floor": 2}),
            household_profile=struct({"pets": True})))
        assert dict(changed.property_profile) == {"heating": "Gas", "floor": 2}
        assert dict(changed.household_profile) == {"pets": True}
        with pytest.raises(grpc.RpcError) as refused:
            stub.UpdateHouseholdProfiles(pb.UpdateHouseholdProfilesRequest(
                household_id=home.household_id, property_profile=struct({"heating": "Coal"}),
                household_profile=struct({"colour": "red"})))
        assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
        fields = {f["field"] for f in json.loads(refused.value.details())["fields"]}
        assert fields == {"property_profile.heating", "household_profile.colour"}
        found = stub.SearchHouseholds(pb.SearchHouseholdsRequest(criteria=struct(
            {"custom": {"heating": ["gas"], "floor": {"min": 2}, "pets": True}})))
        assert [h.household_id for h in found.items] == [home.household_id]
        assert stub.SearchHouseholds(pb.SearchHouseholdsRequest(criteria=struct(
            {"custom": {"heating": ["Electric"]}}))).total == 0
