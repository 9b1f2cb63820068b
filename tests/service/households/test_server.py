"""The Households gRPC servicer end to end on loopback: people events in through the bus, answers
as the contract says, domain errors as status codes with the field named."""
from __future__ import annotations

import json
import threading
import time
import uuid

import grpc
import pytest
from google.protobuf import struct_pb2

from services.common import context, topics
from services.common.envelope import payload_as, unwrap
from services.common.grpc_client import channel
from services.gen.tracker.households.v1 import events_pb2, households_service_pb2 as pb, households_service_pb2_grpc as pb_grpc
from services.households import bootstrap
from tests.conftest import embedded_settings

from .conftest import FakeSetup, message, person


@pytest.fixture(scope="module")
def running(tmp_path_factory):
    svc = bootstrap.build(embedded_settings(tmp_path_factory.mktemp("households-grpc")), setup_stub=FakeSetup())
    svc.runtime.migrate()
    svc.start("127.0.0.1:0")
    ch = channel(svc.runtime.grpc.address)
    yield svc, pb_grpc.HouseholdsStub(ch)
    ch.close()
    svc.stop()
    svc.runtime.bus.close()


def struct(values):
    s = struct_pb2.Struct()
    s.update(values)
    return s


def wait_for(check, ready=lambda answer: True, timeout=10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            answer = check()
            if ready(answer):
                return answer
        except grpc.RpcError:
            pass
        time.sleep(0.05)
    return check()


def test_people_events_on_the_bus_become_households_answered_over_grpc(running):
    svc, stub = running
    landlord, a, b = str(uuid.uuid4()), str(uuid.uuid4()), str(uuid.uuid4())
    svc.runtime.bus.ensure_topics([topics.PEOPLE])
    svc.runtime.bus.publish([message(landlord, p, created=True) for p in (
        person(a, line_1="Flat 1, 2 Holly St", postcode="NE1 1AA", born="1960-05-05"),
        person(b, line_1="flat 1 2 holly st.", postcode="ne11aa", born="2020-01-01"))])
    with context.bound(context.CallContext(landlord_id=landlord, user_id="u1")):
        home = wait_for(lambda: stub.GetPersonHousehold(pb.GetPersonHouseholdRequest(person_id=b), timeout=5),
                        lambda answer: answer.occupant_count == 2)
        assert home.occupant_count == 2
        found = stub.SearchHouseholds(pb.SearchHouseholdsRequest(criteria=struct({"text": "holly", "child_under": 10})))
        assert found.total == 1 and found.items[0].household_id == home.household_id
        assert found.items[0].occupied and [o.person_id for o in found.items[0].occupants] == [a, b]
        assert found.items[0].occupants[0].HasField("age") and found.items[0].address == "Flat 1, 2 Holly St, NE1 1AA"
        changed = stub.UpdateHouseholdProfiles(pb.UpdateHouseholdProfilesRequest(
            household_id=home.household_id, property_profile=struct({"heating": "Gas"})))
        assert dict(changed.property_profile) == {"heating": "Gas"}


def test_errors_come_back_as_status_codes_naming_the_field(running):
    _, stub = running
    with context.bound(context.CallContext(landlord_id=str(uuid.uuid4()))):
        with pytest.raises(grpc.RpcError) as refused:
            stub.GetPersonHousehold(pb.GetPersonHouseholdRequest(person_id=str(uuid.uuid4())))
        assert refused.value.code() == grpc.StatusCode.NOT_FOUND
        with pytest.raises(grpc.RpcError) as refused:
            stub.SearchHouseholds(pb.SearchHouseholdsRequest(criteria=struct({"occupants": {"min": "two"}})))
        assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
        assert json.loads(refused.value.details())["fields"][0]["field"] == "criteria.occupants"
    with pytest.raises(grpc.RpcError) as refused:
        stub.SearchHouseholds(pb.SearchHouseholdsRequest())
    assert refused.value.code() == grpc.StatusCode.UNAUTHENTICATED


def test_household_changed_reaches_the_bus_keyed_by_household(running):
    svc, _ = running
    landlord, a = str(uuid.uuid4()), str(uuid.uuid4())
    got, done = [], threading.Event()

    def handler(m):
        env = unwrap(m.value)
        if env.landlord_id == landlord:
            got.append((m.key, payload_as(env, events_pb2.HouseholdChanged)))
            done.set()

    subscription = svc.runtime.bus.subscribe(topics=[topics.HOUSEHOLDS], group=f"test-{uuid.uuid4().hex[:8]}", handler=handler)
    svc.runtime.bus.publish([message(landlord, person(a, line_1="4 Hazel Row", postcode="NE2 2AA"), created=True)])
    done.wait(10)
    subscription.stop()
    key, changed = got[0]
    assert key == f"{landlord}:{changed.household_id}" and list(changed.occupant_ids) == [a] and changed.version == 1
