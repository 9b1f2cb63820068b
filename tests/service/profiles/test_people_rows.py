"""Everyone criteria pick as search rows in one pass (StreamPeopleRows: what a message's list is built
from), over gRPC, embedded storage: chunks with the total first, the columns asked for as labels, criteria
and columns checked."""
from __future__ import annotations

import json

import grpc
import pytest

from services.gen.tracker.profiles.v1 import profiles_service_pb2 as pb, profiles_service_pb2_grpc as pb_grpc
from services.profiles import handlers, service
from tests.service.profiles import people_events
from tests.service.profiles.test_resolve_people import _struct, index_many


def rows(stub, landlord: str, criteria: dict, columns=(), chunk_size: int = 0) -> list[pb.PeopleRows]:
    request = pb.StreamPeopleRowsRequest(criteria=_struct(criteria), columns=list(columns), chunk_size=chunk_size)
    return list(stub.StreamPeopleRows(request, metadata=[("x-landlord-id", landlord), ("x-user-id", "U1")]))


def test_rows_come_in_chunks_the_first_with_the_total_each_with_its_columns(profiles, landlord, channel):
    stub = pb_grpc.ProfilesStub(channel)
    smiths = index_many(profiles, landlord, 7, surname="Smith")
    index_many(profiles, landlord, 3, surname="Jones")
    chunks = rows(stub, landlord, {"surname": "smi"}, ["email", "preferences"], chunk_size=3)
    assert [(len(json.loads(c.rows_json)), c.total) for c in chunks] == [(3, 7), (3, 0), (1, 0)]
    found = [row for c in chunks for row in json.loads(c.rows_json)]
    assert sorted(row[0] for row in found) == sorted(smiths)
    assert found[0] == [found[0][0], "current", "P1", "Jo", "Smith", [None, []]]  # email, preferences
    assert [(json.loads(c.rows_json), c.total) for c in rows(stub, landlord, {"surname": "zz"})] == [([], 0)]


def test_a_person_is_read_with_labels_as_users_see_them(profiles, landlord, channel):
    with profiles.runtime.uow(landlord) as uow:
        person = service.add_person(uow, raw={"personal_ref": "L1", "first_name": "Ada", "surname": "Lambert",
                                              "email": "ada.lambert@example.org", "preferences": ["No post"],
                                              "address_line_1": "1 Example Street", "postcode": "ZZ99 1AA"},
                                    user_id="U1")[0]
    with profiles.runtime.uow(landlord) as uow:  # indexed now (the service's own indexer may not have run yet)
        handlers.search_indexer(profiles.index).batch(uow, [people_events.changed(uow.landlord_id, person.person_id)])
    found = json.loads(rows(pb_grpc.ProfilesStub(channel), landlord, {"surname": "Lambert"},
                            ["email", "preferences", "postcode", "address"])[0].rows_json)
    assert found == [[person.person_id, "current", "L1", "Ada", "Lambert",
                      ["ada.lambert@example.org", ["No post"], "ZZ99 1AA", "1 Example Street, ZZ99 1AA"]]]


def test_bad_criteria_columns_and_chunk_sizes_are_refused_naming_each(profiles, landlord, channel):
    stub = pb_grpc.ProfilesStub(channel)
    with pytest.raises(grpc.RpcError) as error:
        rows(stub, landlord, {"tenancy_type": ["Castle"]}, ["shoe_size"])
    assert error.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert {f["field"] for f in json.loads(error.value.details())["fields"]} == {"criteria.tenancy_type",
                                                                                 "columns[0]"}
    with pytest.raises(grpc.RpcError) as error:
        rows(stub, landlord, {}, chunk_size=10_001)
    assert json.loads(error.value.details())["fields"][0]["field"] == "chunk_size"
