"""The Profiles servicer maps proto -> use case -> proto and nothing else: a search answers typed rows
and the facet counts the use case formatted, sorted as asked, in a read-only unit of work that writes
nothing and never commits (also for a landlord whose default option lists are not written yet).
Embedded storage (SQLite, embedded index) in tmp_path."""
from __future__ import annotations

import datetime as dt
import uuid

import pytest
from google.protobuf import struct_pb2
from sqlalchemy import event

from services.common import context
from services.common.errors import InvalidInput
from services.common.search import SortKey
from services.common.uow import UnitOfWork
from services.gen.tracker.profiles.v1 import profiles_service_pb2 as pb
from services.profiles import search, service
from services.profiles.domain import Person
from services.profiles.server import ProfilesServicer, fill_column
from services.profiles.setup import service as setup_service
from services.profiles.setup.domain import age_on
from services.profiles.setup.store import read_catalogue
from tests.unit.profiles.search.criteria_support import CREATED

WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


@pytest.fixture
def servicer(profiles):
    return ProfilesServicer(profiles.runtime, profiles.index)


@pytest.fixture
def database_use(profiles, monkeypatch):
    """What the unit of work and the profiles database are asked to do while a test runs: write statements
    and commits."""
    seen = {"writes": [], "commits": 0}

    def statement(_conn, _cursor, sql, *_):
        if sql.split(None, 1)[0].upper() in WRITES:
            seen["writes"].append(sql.split(None, 1)[0].upper())

    real_commit = UnitOfWork.commit

    def commit(self):
        seen["commits"] += 1
        return real_commit(self)

    monkeypatch.setattr(UnitOfWork, "commit", commit)
    engine = profiles.runtime.database.engine
    event.listen(engine, "before_cursor_execute", statement)
    yield seen
    event.remove(engine, "before_cursor_execute", statement)


def index_people(profiles, landlord: str, *raws: dict) -> list[str]:
    """Search documents of these people, read with the landlord's catalogue as a search reads it (the database
    is not needed to search)."""
    with profiles.runtime.uow(landlord, read_only=True) as uow:
        catalogue = read_catalogue(uow.session, landlord)
    people = [Person.add(landlord_id=landlord, raw={"first_name": "Jo", **raw}, catalogue=catalogue,
                         created_by="U1", now=CREATED) for raw in raws]
    profiles.index.index_many(search.INDEX, landlord, {p.person_id: search.document(p, catalogue) for p in people})
    return [p.person_id for p in people]


def searched(servicer, landlord: str, criteria: dict | None = None, **page) -> pb.SearchPeopleResponse:
    request = pb.SearchPeopleRequest(**page)
    if criteria is not None:
        request.criteria.update(criteria)
    with context.bound(context.CallContext(landlord_id=landlord, user_id="U1")):
        return servicer.SearchPeople(request, None)


def cells(row: pb.PersonRow) -> dict:
    return {c.column: (c.WhichOneof("value"), getattr(c, c.WhichOneof("value")) if c.WhichOneof("value") else None)
            for c in row.columns}


def test_a_search_answers_typed_rows_and_formatted_facets_writing_nothing(profiles, landlord, servicer,
                                                                          database_use):
    ids = index_people(profiles, landlord,
                       {"personal_ref": "P1", "surname": "Adams", "date_of_birth": "1950-05-05", "title": "Dr",
                        "tenancy_type": "Sheltered", "interests": ["Money advice"], "address_line_1": "1 Acacia Avenue",
                        "postcode": "NF1 2AB", "mobile": "07700 900123"},
                       {"personal_ref": "P2", "surname": "Brown"})
    answer = searched(servicer, landlord, {"status": ["current"]}, columns=["age", "age_band", "title", "interests", "benefits",
                                                                  "has_mobile", "surname"],
                      facets=["tenancy_type", "has_mobile"])
    assert answer.total == 2 and not answer.items_json and not answer.items, "rows travel typed only"
    adams, brown = answer.rows
    assert (adams.id, adams.status, adams.personal_ref, adams.first_name, adams.surname, adams.address) == (
        ids[0], "current", "P1", "Jo", "Adams", "1 Acacia Avenue, NF1 2AB")
    assert [c.column for c in adams.columns] == ["age", "age_band", "title", "interests", "benefits", "has_mobile"]
    age = age_on(dt.date(1950, 5, 5), profiles.runtime.clock.today())
    assert cells(adams)["age"] == ("whole_number", age)
    assert cells(adams)["age_band"] == ("text", "65+")
    assert cells(adams)["title"] == ("text", "Dr")
    assert cells(adams)["has_mobile"] == ("yes_no", True)
    assert list(adams.columns[3].labels.labels) == ["Money advice"]
    assert cells(brown)["age"] == cells(brown)["title"] == (None, None), "no value: no field set"
    assert adams.columns[4].WhichOneof("value") == "labels" and not adams.columns[4].labels.labels, "an empty list"
    tenancy = [(v.label, v.count, v.value.WhichOneof("kind")) for v in answer.facet_values["tenancy_type"].values]
    assert tenancy == [("General needs", 0, "string_value"), ("Sheltered", 1, "string_value"),
                       ("Leasehold", 0, "string_value"), ("Co-resident", 0, "string_value"),
                       ("Non-resident", 0, "string_value"), ("Not known", 1, "null_value")]
    assert [(v.value.string_value, v.label, v.count) for v in answer.facet_values["has_mobile"].values][:2] == [
        ("true", "Yes", 1), ("false", "No", 1)]
    assert database_use == {"writes": [], "commits": 0}, "a search neither writes nor commits"


def test_the_defaults_a_search_shows_are_those_the_landlord_gets_once_they_are_written(profiles, landlord, servicer):
    index_people(profiles, landlord, {"personal_ref": "P1", "surname": "Adams", "gender": "Female"})
    before = searched(servicer, landlord, facets=["gender"]).facet_values["gender"]
    with profiles.runtime.uow(landlord) as uow:
        setup_service.set_up_landlord(uow)
    after = searched(servicer, landlord, facets=["gender"]).facet_values["gender"]
    assert before == after and [v.count for v in after.values] == [1, 0, 0, 0, 0]


def test_sort_arrives_typed_and_sorts_by_what_the_field_means(profiles, landlord, servicer):
    index_people(profiles, landlord, {"personal_ref": "P1", "surname": "Young", "date_of_birth": "2001-01-01"},
                 {"personal_ref": "P2", "surname": "Old", "date_of_birth": "1941-01-01"},
                 {"personal_ref": "P3", "surname": "Middle", "date_of_birth": "1971-01-01"})
    oldest_first = searched(servicer, landlord, sort=[pb.SortField(field="age", descending=True)])
    assert [r.personal_ref for r in oldest_first.rows] == ["P2", "P3", "P1"]
    by_surname = searched(servicer, landlord, sort=[pb.SortField(field="surname")])
    assert [r.surname for r in by_surname.rows] == ["Middle", "Old", "Young"]


def test_reads_use_a_unit_of_work_that_cannot_commit(profiles, landlord, servicer, database_use):
    with profiles.runtime.uow(landlord) as uow:
        person, _ = service.add_person(uow, raw={"personal_ref": "P1", "first_name": "Jo", "surname": "Adams"},
                                       user_id="U1")
    assert database_use["commits"] == 1 and "INSERT" in database_use["writes"], "the counters see a change"
    database_use.update(writes=[], commits=0)
    with context.bound(context.CallContext(landlord_id=landlord, user_id="U1")):
        found = servicer.GetPerson(pb.GetPersonRequest(person_id=person.person_id), None)
        history = servicer.GetPersonHistory(pb.GetPersonHistoryRequest(person_id=person.person_id), None)
        chunks = list(servicer.ResolvePeople(pb.ResolvePeopleRequest(criteria=struct_pb2.Struct()), None))
    assert (found.personal_ref, history.total, chunks[0].total) == ("P1", 1, 0)
    assert database_use == {"writes": [], "commits": 0}
    with profiles.runtime.uow(landlord, read_only=True) as uow, pytest.raises(RuntimeError):
        uow.commit()


def test_many_people_are_read_at_once_from_the_database_unknown_ones_left_out(profiles, landlord, servicer):
    with profiles.runtime.uow(landlord) as uow:
        ada, _ = service.add_person(uow, raw={"personal_ref": "P1", "first_name": "Ada", "surname": "Adams",
                                              "mobile": "07700 900123"}, user_id="U1")
    with profiles.runtime.uow(landlord) as uow:
        bea, _ = service.add_person(uow, raw={"personal_ref": "P2", "first_name": "Bea", "surname": "Brown"},
                                    user_id="U1")
    with context.bound(context.CallContext(landlord_id=landlord, user_id="U1")):
        found = servicer.GetPeople(pb.GetPeopleRequest(person_ids=[ada.person_id, "nobody", bea.person_id]), None)
        with pytest.raises(InvalidInput):
            servicer.GetPeople(pb.GetPeopleRequest(person_ids=[f"p{n}" for n in range(1001)]), None)
    with context.bound(context.CallContext(landlord_id=str(uuid.uuid4()), user_id="U1")):
        other = servicer.GetPeople(pb.GetPeopleRequest(person_ids=[ada.person_id]), None)
    assert sorted(p.personal_ref for p in found.people) == ["P1", "P2"]
    assert {p.personal_ref: p.fields["mobile"] for p in found.people} == {"P1": "07700 900123", "P2": None}
    assert list(other.people) == [], "another landlord's people are not there"


@pytest.mark.parametrize("value, field, shown", [
    (None, None, None), (True, "yes_no", True), (False, "yes_no", False), (65, "whole_number", 65),
    (2.5, "number", 2.5), (3.0, "number", 3.0), ("65+", "text", "65+"), ("", "text", ""),
])
def test_each_kind_of_value_has_its_own_field(value, field, shown):
    message = pb.ColumnValue(column="c")
    fill_column(message, value)
    assert message.WhichOneof("value") == field
    assert (getattr(message, field) if field else None) == shown


def test_a_value_of_no_known_kind_is_refused():
    with pytest.raises(TypeError):
        fill_column(pb.ColumnValue(column="c"), {"a": 1})


def test_the_use_case_takes_the_sort_in_its_one_form():
    assert search.Page(sort=[SortKey("age", True)]).sort == [SortKey("age", descending=True)]
