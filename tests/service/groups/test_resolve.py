"""Resolving a selection to people: large admin groups in keyset chunks, activity groups of current
people, and the gRPC API end to end in process (streaming, errors as status codes)."""
from __future__ import annotations

import json
import uuid

import grpc
import pytest

from services.common.errors import NotFound
from services.gen.tracker.groups.v1 import groups_service_pb2 as pb, groups_service_pb2_grpc as pb_grpc
from services.groups import service
from services.groups.activities import service as activities
from services.groups.members import service as members
from services.groups.clients.profiles import struct
from tests.service.groups.conftest import outbox_events


def test_a_large_group_comes_in_chunks_the_first_with_the_total(uow, people):
    ids = people.add(12_000)
    with uow() as unit:
        group = service.create_admin_group(unit, people, user_id="u1", reference="Everyone", description="",
                                           person_ids=ids)
    chunks = list(service.resolve_people(uow, people, admin_group_id=group.group_id))
    assert [len(c) for c, _ in chunks] == [5000, 5000, 2000]
    assert [t for _, t in chunks] == [12_000, 0, 0]
    streamed = [p for c, _ in chunks for p in c]
    assert sorted(streamed) == sorted(ids) and len(set(streamed)) == 12_000


def test_an_empty_group_is_one_empty_chunk_and_an_unknown_one_is_not_found(uow, people):
    with uow() as unit:
        group = service.create_admin_group(unit, people, user_id="u1", reference="Empty", description="")
    assert list(service.resolve_people(uow, people, admin_group_id=group.group_id, chunk_size=10)) == [([], 0)]
    with pytest.raises(NotFound):
        service.resolve_people(uow, people, admin_group_id="nope")


def test_an_activity_group_resolves_to_its_current_people(uow, people):
    a, b, c = people.add(3)
    with uow() as unit:
        panel = activities.create_activity(unit, user_id="u1", name="Panel", type="", start_date="", end_date="",
                                           description="")
    for person in (a, b, c):
        with uow() as unit:
            activities.record_participation(unit, people, user_id="u1", person_id=person,
                                            activity_id=panel.activity_id, date="2024-01-01", role="", notes="")
    with uow() as unit:
        members.people_status_changed(unit, archived={b: 2}, current={})
        unit.commit()
    assert list(service.resolve_people(uow, people, activity_id=panel.activity_id, chunk_size=1)) == [
        ([min(a, c)], 2), ([max(a, c)], 0)]
    with uow() as unit:
        members.people_status_changed(unit, archived={}, current={b: 3})  # restored
        unit.commit()
    assert list(service.resolve_people(uow, people, activity_id=panel.activity_id))[0][1] == 3


def test_criteria_are_expanded_then_resolved_by_profiles(uow, people):
    ids = people.add(2)
    people.matches = lambda criteria: ids
    chunks = list(service.resolve_people(uow, people, criteria={"text": "x"}, chunk_size=1))
    assert chunks == [([ids[0]], 2), ([ids[1]], 0)]


# -- over gRPC ---------------------------------------------------------------------------------------------------

@pytest.fixture
def stub(groups):
    groups.start("127.0.0.1:0")
    channel = grpc.insecure_channel(groups.runtime.grpc.address)
    yield pb_grpc.GroupsStub(channel)
    channel.close()
    groups.stop()


def _details(error: grpc.RpcError) -> dict:
    return json.loads(error.details())


def test_the_grpc_api_maps_errors_and_streams_people(stub, people, landlord):
    meta = [("x-landlord-id", landlord), ("x-user-id", "u1")]
    ids = people.add(7)
    group = stub.CreateAdminGroup(pb.CreateAdminGroupRequest(reference="Panel", person_ids=ids), metadata=meta)
    assert group.member_count == 7 and group.activity_id
    with pytest.raises(grpc.RpcError) as error:
        stub.CreateAdminGroup(pb.CreateAdminGroupRequest(reference="PANEL"), metadata=meta)
    assert error.value.code() == grpc.StatusCode.ALREADY_EXISTS
    assert _details(error.value)["fields"] == [{"field": "reference", "reason": "is already the reference of an admin group"}]

    chunks = list(stub.ResolvePeople(pb.ResolvePeopleRequest(admin_group_id=group.group_id, chunk_size=3), metadata=meta))
    assert [len(c.person_ids) for c in chunks] == [3, 3, 1] and chunks[0].total == 7

    with pytest.raises(grpc.RpcError) as error:
        list(stub.ResolvePeople(pb.ResolvePeopleRequest(admin_group_id="nope"), metadata=meta))
    assert error.value.code() == grpc.StatusCode.NOT_FOUND

    with pytest.raises(grpc.RpcError) as error:
        stub.ExpandCriteria(pb.ExpandCriteriaRequest(criteria=struct({"activity": ["nope"]})), metadata=meta)
    assert error.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert _details(error.value)["fields"][0]["field"] == "criteria.activity"

    expanded = stub.ExpandCriteria(pb.ExpandCriteriaRequest(criteria=struct({"admin_group": [group.group_id],
                                                                             "age": {"min": 65}})), metadata=meta)
    assert dict(expanded.criteria)["age"]["min"] == 65

    template = stub.CreateSearchTemplate(pb.CreateSearchTemplateRequest(name="Older", criteria=struct({"age": {"min": 65}})),
                                         metadata=meta)
    assert dict(template.criteria)["age"]["min"] == 65
    updated = stub.UpdateSearchTemplate(pb.UpdateSearchTemplateRequest(search_template_id=template.search_template_id,
                                                                       description="Residents aged 65 and over"),
                                        metadata=meta)
    assert dict(updated.criteria)["age"]["min"] == 65 and updated.description.startswith("Residents")

    person_groups = stub.ListPersonGroups(pb.ListPersonGroupsRequest(person_id=ids[0]), metadata=meta)
    assert [(g.kind, g.name) for g in person_groups.items] == [("admin", "Panel")]
    activities_list = stub.ListActivities(pb.ListRequest(), metadata=meta)
    assert [(a.name, a.unspecified) for a in activities_list.items] == [("Unspecified", True)]


def test_person_groups_states_are_each_persons_newest_event_in_id_order_and_pages(stub, people, groups, landlord):
    meta = [("x-landlord-id", landlord), ("x-user-id", "u1")]
    ids = people.add(5)
    first = stub.CreateAdminGroup(pb.CreateAdminGroupRequest(reference="Panel", person_ids=ids), metadata=meta)
    stub.CreateAdminGroup(pb.CreateAdminGroupRequest(reference="Walkers", person_ids=ids[:2]), metadata=meta)
    stub.RemoveGroupMembers(pb.ChangeMembersRequest(group_id=first.group_id, person_ids=[ids[0]]), metadata=meta)
    newest = {}
    for event in outbox_events(groups, landlord):  # oldest first: the last of each person is their newest
        newest[event.person_id] = event
    pages = [list(p.people) for p in stub.StreamPersonGroupsStates(pb.StreamPersonGroupsStatesRequest(page_size=2),
                                                                   metadata=meta)]
    assert [len(p) for p in pages] == [2, 2, 1]
    states = [person for page in pages for person in page]
    assert [s.person_id for s in states] == sorted(ids)
    assert {s.person_id: s for s in states} == newest  # versions, groups and activities alike
    assert newest[ids[0]].version == 3 and first.group_id not in newest[ids[0]].admin_group_ids
    other = [("x-landlord-id", str(uuid.uuid4())), ("x-user-id", "u1")]
    assert list(stub.StreamPersonGroupsStates(pb.StreamPersonGroupsStatesRequest(), metadata=other)) == []
    with pytest.raises(grpc.RpcError) as error:
        list(stub.StreamPersonGroupsStates(pb.StreamPersonGroupsStatesRequest(page_size=5001), metadata=meta))
    assert error.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert _details(error.value)["fields"][0]["field"] == "page_size"
