"""StreamPeopleStates: every person of the landlord (current and archived) for the reporting service's
recount, in person id order, in pages each read in its own short read-only unit of work, every Person with
its labels, version and options as events carry them; a bad page size is INVALID_ARGUMENT naming it.
Embedded storage in tmp_path; synthetic people only."""
from __future__ import annotations

import json
import uuid

import grpc
import pytest

from services.common import context
from services.common.errors import InvalidInput
from services.gen.tracker.profiles.v1 import profiles_service_pb2 as pb, profiles_service_pb2_grpc as pb_grpc
from services.profiles import importing
from services.profiles.server import ProfilesServicer
from services.profiles.setup import service as setup_service
from services.profiles.setup.store import read_catalogue
from services.profiles.store import PersonRepository

PEOPLE = 2_500
ARCHIVED = {f"R{i:05d}" for i in range(0, PEOPLE, 250)}  # 10 people


def _record(i: int) -> dict:
    record = {"personal_ref": f"R{i:05d}", "first_name": f"Person{i}", "surname": "Example",
              "tenancy_type": "General needs", "gender": "Female" if i % 2 else "Male"}
    if i % 3 == 0:
        record["interests"] = ["Money advice", "Community safety"]
    if i % 5 == 0:
        record["custom"] = {"visits": "Weekly"}
    return record


@pytest.fixture
def people(profiles, landlord) -> dict[str, dict]:
    """2,500 people added in one upsert (every 3rd with interests, every 5th with a custom choice), 10 of them
    archived since; by person id, as the database holds them (reference, status, version, options)."""
    with profiles.runtime.uow(landlord) as uow:
        setup_service.add_custom_field(uow, label="Visits", type="choice", options=["Weekly", "Monthly"])
    with profiles.runtime.uow(landlord) as uow:
        results = importing.upsert_people(uow, records=[_record(i) for i in range(PEOPLE)], user_id="U1")
    assert {r["outcome"] for r in results} == {"created"}
    with profiles.runtime.uow(landlord) as uow:
        assert importing.archive_imported(uow, personal_refs=ARCHIVED, user_id="U1") == len(ARCHIVED)
    with profiles.runtime.uow(landlord, read_only=True) as uow:
        catalogue = read_catalogue(uow.session, landlord)
        stored = PersonRepository(uow.session, landlord, catalogue.custom_fields.values()).all()
    ids = {(name, o.label): o.option_id for name, opts in catalogue.options.items() for o in opts}
    expected = {}
    for p in stored:
        record = _record(int(p.personal_ref[1:]))
        options = {"tenancy_type": [ids["tenancy_type", "General needs"]], "gender": [ids["gender", record["gender"]]]}
        if "interests" in record:
            options["interests"] = sorted(ids["interests", label] for label in record["interests"])
        if "custom" in record:
            options["custom.visits"] = [ids["custom.visits", "Weekly"]]
        expected[p.person_id] = {"ref": p.personal_ref, "status": p.status, "version": p.version, "options": options,
                                 "gender": record["gender"]}
    return expected


def stream(profiles, landlord, **request) -> list[pb.PeopleStates]:
    servicer = ProfilesServicer(profiles.runtime, profiles.index)
    with context.bound(context.CallContext(landlord_id=landlord, user_id="U1")):
        return list(servicer.StreamPeopleStates(pb.StreamPeopleStatesRequest(**request), None))


def test_every_person_comes_once_in_id_order_with_version_and_options(profiles, landlord, people, monkeypatch):
    opened = []
    real_uow = profiles.runtime.uow

    def uow(*args, **kwargs):
        opened.append(kwargs.get("read_only", False))
        return real_uow(*args, **kwargs)

    monkeypatch.setattr(profiles.runtime, "uow", uow)
    pages = stream(profiles, landlord, page_size=1000)
    assert [len(p.people) for p in pages] == [1000, 1000, 500]
    assert opened == [True, True, True], "each page in its own read-only unit of work"
    streamed = [person for page in pages for person in page.people]
    assert [p.person_id for p in streamed] == sorted(people), "every person once, in id order"
    assert {p.person_id: p.status for p in streamed} == {i: e["status"] for i, e in people.items()}
    assert {p.personal_ref for p in streamed if p.status == "archived"} == ARCHIVED
    assert {p.person_id: p.version for p in streamed} == {i: e["version"] for i, e in people.items()}
    assert {p.version for p in streamed if p.status == "archived"} == {2} and {p.version for p in streamed} == {1, 2}
    assert {p.person_id: {name: sorted(o.ids) for name, o in p.options.items()} for p in streamed} == {
        i: e["options"] for i, e in people.items()}
    assert {p.person_id: p.fields["gender"] for p in streamed} == {i: e["gender"] for i, e in people.items()}
    assert all(p.landlord_id == landlord and p.fields["tenancy_type"] == "General needs" for p in streamed)


def test_the_default_page_starting_after_an_id_and_other_landlords(profiles, landlord, people):
    assert [len(p.people) for p in stream(profiles, landlord)] == [1000, 1000, 500]
    ids = sorted(people)
    later = stream(profiles, landlord, page_size=2000, after_person_id=ids[999])
    assert [[q.person_id for q in p.people] for p in later] == [ids[1000:]]
    assert stream(profiles, landlord, page_size=500, after_person_id=ids[-1]) == []
    assert stream(profiles, str(uuid.uuid4())) == []


def test_a_page_size_beyond_the_limit_is_refused_before_any_page(profiles, landlord):
    for size in (5001, 6000, -1):
        with pytest.raises(InvalidInput) as bad:
            stream(profiles, landlord, page_size=size)
        assert [p.field for p in bad.value.fields] == ["page_size"]


def test_over_grpc_a_bad_size_is_invalid_argument_naming_page_size(profiles, landlord, channel):
    meta = [("x-landlord-id", landlord), ("x-user-id", "U1")]
    stub = pb_grpc.ProfilesStub(channel)
    with profiles.runtime.uow(landlord) as uow:
        importing.upsert_people(uow, records=[_record(i) for i in range(1, 4)], user_id="U1")
    pages = list(stub.StreamPeopleStates(pb.StreamPeopleStatesRequest(page_size=2), metadata=meta))
    assert [len(p.people) for p in pages] == [2, 1]
    assert all(p.version == 1 and p.options["tenancy_type"].ids for page in pages for p in page.people)
    with pytest.raises(grpc.RpcError) as error:
        list(stub.StreamPeopleStates(pb.StreamPeopleStatesRequest(page_size=6000), metadata=meta))
    assert error.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert [f["field"] for f in json.loads(error.value.details())["fields"]] == ["page_size"]
