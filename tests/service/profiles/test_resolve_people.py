"""Resolving criteria to every matching person (no 10,000 page limit), people's
status from the database, and the custom fields of properties and households
(catalogue, checking values) — as use cases and over gRPC, embedded storage."""
from __future__ import annotations

import json
import uuid

import grpc
import pytest
from google.protobuf import struct_pb2

from services.common.errors import AlreadyExists, InvalidInput
from services.gen.tracker.profiles.v1 import profiles_service_pb2 as pb, profiles_service_pb2_grpc as pb_grpc
from services.gen.tracker.profiles.v1 import setup_service_pb2 as setup_pb, setup_service_pb2_grpc as setup_grpc
from services.profiles import search, service
from services.profiles.setup import custom_values as setup_custom_values, service as setup_service
from services.profiles.domain import Person
from services.profiles.setup.store import load_catalogue
from tests.unit.profiles.search.criteria_support import CREATED


def index_many(profiles, landlord: str, n: int, status: str = "current", surname: str = "Example") -> list[str]:
    """n search documents made from one person (the database is not needed to resolve)."""
    with profiles.runtime.uow(landlord) as uow:
        catalogue = load_catalogue(uow.session, landlord)
        uow.commit()
    person = Person.add(landlord_id=landlord, raw={"personal_ref": "P1", "first_name": "Jo", "surname": surname},
                        catalogue=catalogue, created_by="U1", now=CREATED)
    if status != "current":
        person.change({"status": status}, catalogue, by="U1", now=CREATED)
    doc = search.document(person, catalogue)
    ids = [str(uuid.uuid4()) for _ in range(n)]
    profiles.index.index_many(search.INDEX, landlord, {i: {**doc, "id": i} for i in ids})
    return ids


def resolve(profiles, landlord, criteria, chunk_size=0):
    with profiles.runtime.uow(landlord) as uow:
        scan = service.resolve_people(uow, profiles.index, criteria=criteria, chunk_size=chunk_size)
    return scan.total, list(scan.chunks)


def test_every_match_comes_in_chunks_beyond_ten_thousand(profiles, landlord):
    current = index_many(profiles, landlord, 10_600)
    index_many(profiles, landlord, 50, status="archived")
    total, chunks = resolve(profiles, landlord, {})
    assert (total, [len(c) for c in chunks]) == (10_600, [5_000, 5_000, 600])
    assert [i for c in chunks for i in c] == sorted(current)
    total, chunks = resolve(profiles, landlord, {"status": ["archived"]}, chunk_size=20)
    assert (total, [len(c) for c in chunks]) == (50, [20, 20, 10])


def test_resolving_checks_criteria_and_chunk_size(profiles, landlord):
    with pytest.raises(InvalidInput) as bad:
        resolve(profiles, landlord, {"search_template": ["t1"], "tenancy_type": ["Castle"]})
    assert {p.field for p in bad.value.fields} == {"criteria.search_template", "criteria.tenancy_type"}
    with pytest.raises(InvalidInput) as bad:
        resolve(profiles, landlord, {}, chunk_size=10_001)
    assert bad.value.fields[0].field == "chunk_size"
    assert resolve(profiles, landlord, {"person_id": ["nobody"]}) == (0, [])


# -- over gRPC ---------------------------------------------------------------------------------------------------------

def _struct(value: dict) -> struct_pb2.Struct:
    message = struct_pb2.Struct()
    message.update(value)
    return message


def test_resolve_people_streams_chunks_the_first_with_the_total(profiles, landlord, channel):
    meta = [("x-landlord-id", landlord), ("x-user-id", "U1")]
    stub = pb_grpc.ProfilesStub(channel)
    smiths = index_many(profiles, landlord, 7, surname="Smith")
    index_many(profiles, landlord, 3, surname="Jones")
    chunks = list(stub.ResolvePeople(pb.ResolvePeopleRequest(criteria=_struct({"surname": "smi"}), chunk_size=3),
                                     metadata=meta))
    assert [(len(c.person_ids), c.total) for c in chunks] == [(3, 7), (3, 0), (1, 0)]
    assert [i for c in chunks for i in c.person_ids] == sorted(smiths)
    nobody = list(stub.ResolvePeople(pb.ResolvePeopleRequest(criteria=_struct({"surname": "zz"})), metadata=meta))
    assert [(list(c.person_ids), c.total) for c in nobody] == [([], 0)]
    with pytest.raises(grpc.RpcError) as error:
        list(stub.ResolvePeople(pb.ResolvePeopleRequest(criteria=_struct({"search_template": ["t1"]})), metadata=meta))
    assert error.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert json.loads(error.value.details())["fields"] == [
        {"field": "criteria.search_template", "reason": "must be expanded by the groups service"}]


def test_people_status_comes_from_the_database_for_this_landlord_only(profiles, landlord, channel):
    with profiles.runtime.uow(landlord) as uow:
        ids = [service.add_person(uow, raw={"personal_ref": f"S{i}", "first_name": "Jo", "surname": "Example"},
                                  user_id="U1")[0].person_id for i in range(3)]
    with profiles.runtime.uow(landlord) as uow:
        service.change_person(uow, person_id=ids[1], raw={"status": "archived"}, user_id="U1")
    other = str(uuid.uuid4())
    stub = pb_grpc.ProfilesStub(channel)
    many = [*ids, "unknown", *(str(uuid.uuid4()) for _ in range(2_500))]  # more than one query's worth
    answer = stub.GetPeopleStatus(pb.GetPeopleStatusRequest(person_ids=many), metadata=[("x-landlord-id", landlord)])
    assert dict(answer.status) == {ids[0]: "current", ids[1]: "archived", ids[2]: "current"}
    assert dict(stub.GetPeopleStatus(pb.GetPeopleStatusRequest(person_ids=ids),
                                     metadata=[("x-landlord-id", other)]).status) == {}


# -- custom fields of properties and households --------------------------------------------------------------------

@pytest.fixture
def fields(profiles, landlord):
    """Bedrooms (property, number), Heating (property, choice), Garden (household, multi-choice), Pets (person)."""
    made = {}
    for label, kind, applies_to, options in (("Bedrooms", "number", "property", ()),
                                             ("Heating", "choice", "property", ("Gas", "Electric", "Oil")),
                                             ("Garden", "multi_choice", "household", ("Front", "Back")),
                                             ("Pets", "number", "person", ())):
        with profiles.runtime.uow(landlord) as uow:
            made[label] = setup_service.add_custom_field(uow, label=label, type=kind, applies_to=applies_to,
                                                         options=list(options))
    with profiles.runtime.uow(landlord) as uow:
        oil = next(u.item for u in setup_service.option_list(uow, list_name="custom.heating").items
                   if u.item.label == "Oil")
    with profiles.runtime.uow(landlord) as uow:
        setup_service.update_option(uow, list_name="custom.heating", option_id=oil.option_id, archived=True)
    return made


def options(profiles, landlord, list_name: str) -> dict[str, str]:
    with profiles.runtime.uow(landlord) as uow:
        return {u.item.label: u.item.option_id for u in setup_service.option_list(uow, list_name=list_name).items}


def check(profiles, landlord, given: dict, current: dict | None = None, applies_to: str = "property") -> dict:
    with profiles.runtime.uow(landlord) as uow:
        return setup_custom_values.check_custom_values(uow, applies_to=applies_to, given=given, current=current or {})


def test_labels_are_unique_within_what_a_field_applies_to(profiles, landlord, fields):
    with profiles.runtime.uow(landlord) as uow:
        same_label = setup_service.add_custom_field(uow, label="bedrooms", type="number", applies_to="household")
    assert (same_label.applies_to, same_label.key) == ("household", "bedrooms_2")
    with profiles.runtime.uow(landlord) as uow, pytest.raises(AlreadyExists):
        setup_service.add_custom_field(uow, label="BEDROOMS", type="text", applies_to="property")
    with profiles.runtime.uow(landlord) as uow, pytest.raises(InvalidInput) as bad:
        setup_service.add_custom_field(uow, label="Tenure", type="text", applies_to="estate")
    assert bad.value.fields[0].field == "applies_to"
    with profiles.runtime.uow(landlord) as uow:
        assert setup_service.add_custom_field(uow, label="Hobby", type="text", applies_to="").applies_to == "person"


def test_the_catalogue_lists_the_fields_of_properties_or_households_with_options(profiles, landlord, fields):
    with profiles.runtime.uow(landlord) as uow:
        catalogue = setup_custom_values.custom_field_catalogue(uow, applies_to="property")
    assert [(f.field.key, [o.label for o in f.options]) for f in catalogue] == [
        ("bedrooms", []), ("heating", ["Gas", "Electric", "Oil"])]
    assert [o.archived for o in catalogue[1].options] == [False, False, True]
    with profiles.runtime.uow(landlord) as uow:
        assert [f.field.key for f in setup_custom_values.custom_field_catalogue(uow, applies_to="household")] == [
            "garden"]
    with profiles.runtime.uow(landlord) as uow, pytest.raises(InvalidInput):
        setup_custom_values.custom_field_catalogue(uow, applies_to="person")


def test_checking_values_gives_what_to_store_by_field_id(profiles, landlord, fields):
    heating = options(profiles, landlord, "custom.heating")
    garden = options(profiles, landlord, "custom.garden")
    bedrooms, heat = fields["Bedrooms"].field_id, fields["Heating"].field_id
    assert check(profiles, landlord, {"bedrooms": 3, "heating": "gas"}) == {bedrooms: 3, heat: heating["Gas"]}
    assert check(profiles, landlord, {"bedrooms": None}, {bedrooms: 3, heat: heating["Gas"]}) == {heat: heating["Gas"]}
    assert check(profiles, landlord, {"garden": ["Back", "Front"]}, applies_to="household") == {
        fields["Garden"].field_id: sorted([garden["Back"], garden["Front"]])}
    # an archived option stays on a property that has it, and is refused for one that has not
    assert check(profiles, landlord, {"bedrooms": 2}, {heat: heating["Oil"]}) == {bedrooms: 2, heat: heating["Oil"]}
    with pytest.raises(InvalidInput) as bad:
        check(profiles, landlord, {"heating": "Oil"})
    assert [p.field for p in bad.value.fields] == ["heating"]
    # stored values of fields that are not (or no longer) property fields are dropped
    assert check(profiles, landlord, {}, {fields["Pets"].field_id: 2, "gone": "x", bedrooms: 4}) == {bedrooms: 4}


def test_bad_values_name_each_key(profiles, landlord, fields):
    with pytest.raises(InvalidInput) as bad:
        check(profiles, landlord, {"bedrooms": "three", "heating": "Solar", "pets": 2, "garden": ["Front"]})
    assert {p.field: p.reason for p in bad.value.fields} == {
        "bedrooms": "must be a number", "heating": "is not an option of the list 'custom.heating'",
        "pets": "is not a custom field of property profiles", "garden": "is not a custom field of property profiles"}
    with pytest.raises(InvalidInput) as bad:
        check(profiles, landlord, {"bedrooms": 1}, applies_to="person")
    assert bad.value.fields[0].field == "applies_to"


def test_person_records_refuse_property_fields(profiles, landlord, fields):
    with profiles.runtime.uow(landlord) as uow, pytest.raises(InvalidInput) as bad:
        service.add_person(uow, raw={"personal_ref": "X1", "first_name": "Jo", "surname": "Example",
                                     "custom": {"bedrooms": 2}}, user_id="U1")
    assert [p.field for p in bad.value.fields] == ["custom.bedrooms"]


def test_setup_over_grpc(profiles, landlord, fields, channel):
    stub = setup_grpc.ProfileSetupStub(channel)
    meta = [("x-landlord-id", landlord)]
    catalogue = stub.GetCustomFieldCatalogue(setup_pb.GetCustomFieldCatalogueRequest(applies_to="property"),
                                             metadata=meta)
    assert [(f.field.key, f.field.applies_to, [o.label for o in f.options]) for f in catalogue.fields] == [
        ("bedrooms", "property", []), ("heating", "property", ["Gas", "Electric", "Oil"])]
    answer = stub.CheckCustomValues(setup_pb.CheckCustomValuesRequest(
        applies_to="property", given=_struct({"bedrooms": 2, "heating": None}),
        current=_struct({fields["Heating"].field_id: options(profiles, landlord, "custom.heating")["Gas"]})),
        metadata=meta)
    assert dict(answer.stored) == {fields["Bedrooms"].field_id: 2.0}
    with pytest.raises(grpc.RpcError) as error:
        stub.CheckCustomValues(setup_pb.CheckCustomValuesRequest(applies_to="property", given=_struct({"bedrooms": "x"})),
                               metadata=meta)
    assert error.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert json.loads(error.value.details())["fields"] == [{"field": "bedrooms", "reason": "must be a number"}]
    added = stub.AddCustomField(setup_pb.AddCustomFieldRequest(label="Tenure", type="text", applies_to="household"),
                                metadata=meta)
    assert (added.key, added.applies_to) == ("tenure", "household")
