"""The repository contract, run against SQLite (embedded) and PostgreSQL (as the
services' role, behind row-level security)."""
from __future__ import annotations

import datetime as dt
import uuid

import pytest

from services.common.db import Database
from services.common.errors import AlreadyExists
from services.profiles.domain import Person
from services.profiles.setup.domain import Catalogue, CustomField, Option
from services.profiles.history import HistoryRepository
from services.profiles.store import PersonRepository

DATABASE_OF = "profiles"  # the `database` fixture (conftest.py): SQLite and PostgreSQL
NOW = dt.datetime(2026, 11, 23, 10, 0, tzinfo=dt.timezone.utc)
CUSTOM = {d.key: d for d in (
    CustomField("11111111-1111-4111-8111-111111111111", "pets", "Pets", "number", 1),
    CustomField("22222222-2222-4222-8222-222222222222", "broadband", "Broadband", "yes_no", 2),
    CustomField("33333333-3333-4333-8333-333333333333", "moved_in", "Moved in", "date", 3),
    CustomField("44444444-4444-4444-8444-444444444444", "hobbies", "Hobbies", "multi_choice", 4),
    CustomField("55555555-5555-4555-8555-555555555555", "notes", "Notes", "text", 5),
)}
CATALOGUE = Catalogue(options={
    "gender": [Option("g-f", "gender", "Female", 1), Option("g-m", "gender", "Male", 2)],
    "interests": [Option("i-1", "interests", "Digital inclusion", 1), Option("i-2", "interests", "Money advice", 2)],
    "custom.hobbies": [Option("h-1", "custom.hobbies", "Gardening", 1), Option("h-2", "custom.hobbies", "DIY", 2)],
}, custom_fields=CUSTOM)


def person(landlord_id: str, ref: str, surname: str = "Example", **fields) -> Person:
    p = Person.add(landlord_id=landlord_id, raw={"personal_ref": ref, "first_name": "Jo", "surname": surname, **fields},
                   catalogue=CATALOGUE, created_by="U1", now=NOW)
    p.events.clear()
    return p


def repository(session, landlord_id: str) -> PersonRepository:
    return PersonRepository(session, landlord_id, CUSTOM.values())


def save(db: Database, *people: Person) -> None:
    session = db.open(landlord_id=people[0].landlord_id)
    for p in people:
        repository(session, p.landlord_id).add(p)
    session.commit()
    session.close()


def test_every_kind_of_value_reads_back_the_same_and_changes_are_saved(database):
    landlord = str(uuid.uuid4())
    p = person(landlord, "FULL", gender="Female", date_of_birth="1950-02-28", postcode="NF1 2AB",
               interests=["Money advice", "Digital inclusion"],
               custom={"pets": 2.5, "broadband": False, "moved_in": "2001-09-30", "hobbies": ["DIY", "Gardening"],
                       "notes": "Prefers mornings"})
    save(database, p)
    session = database.open(landlord_id=landlord)
    repo = repository(session, landlord)
    loaded = repo.get(p.person_id)
    assert loaded == p
    assert loaded.shown(CATALOGUE)["custom"] == {"pets": 2.5, "broadband": False, "moved_in": "2001-09-30",
                                                 "hobbies": ["Gardening", "DIY"], "notes": "Prefers mornings"}
    changes = loaded.change({"interests": ["Money advice"], "gender": None, "custom": {"hobbies": None, "pets": 3}},
                            CATALOGUE, by="U2", now=NOW)
    repo.save(loaded)
    HistoryRepository(session, landlord).record(p.person_id, changes, by="U2", at=NOW, source="user")
    session.commit()
    again = repository(session, landlord).get(p.person_id)
    assert again == loaded and again.values["gender"] is None and again.values["interests"] == ("i-2",)
    assert "hobbies" not in again.shown(CATALOGUE)["custom"] and again.updated_by == "U2"
    total, entries = HistoryRepository(session, landlord).of(p.person_id, limit=10, offset=0)
    assert total == len(changes) == 4
    assert {e["field"]: (e["old_value"], e["new_value"]) for e in entries}["custom.hobbies"] == ("Gardening, DIY", None)
    session.close()


def test_people_come_back_in_batches(database):
    landlord = str(uuid.uuid4())
    save(database, *(person(landlord, f"B{i:03d}") for i in range(7)))
    session = database.open(landlord_id=landlord)
    batches = list(repository(session, landlord).batches(size=3))
    assert [len(b) for b in batches] == [3, 3, 1]
    assert len({p.person_id for b in batches for p in b}) == 7
    session.close()


def test_a_saved_person_reads_back_the_same(database):
    landlord = str(uuid.uuid4())
    p = person(landlord, "R1")
    save(database, p)
    session = database.open(landlord_id=landlord)
    repo = repository(session, landlord)
    assert repo.get(p.person_id) == p
    assert repo.get_by_ref("R1") == p
    assert repo.all() == [p]
    session.close()


def test_references_are_unique_within_a_landlord_only(database):
    a, b = str(uuid.uuid4()), str(uuid.uuid4())
    save(database, person(a, "SAME"))
    save(database, person(b, "SAME"))
    session = database.open(landlord_id=a)
    with pytest.raises(AlreadyExists):
        repository(session, a).add(person(a, "SAME", "Other"))
    session.close()


def test_a_landlord_never_reads_another_landlords_people(database):
    a, b = str(uuid.uuid4()), str(uuid.uuid4())
    theirs = person(b, "THEIRS")
    save(database, theirs)
    session = database.open(landlord_id=a)
    repo = repository(session, a)
    assert repo.get(theirs.person_id) is None and repo.get_by_ref("THEIRS") is None and repo.all() == []
    session.close()
