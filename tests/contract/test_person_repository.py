"""The repository contract, run against SQLite (embedded) and PostgreSQL (as the
services' role, behind row-level security)."""
from __future__ import annotations

import datetime as dt
import uuid

import pytest

from services.common import migrations
from services.common.db import Database
from services.common.errors import AlreadyExists
from services.common.local_cluster import ENV
from services.profiles.domain import Person
from services.profiles.store import PersonRepository
from tests.conftest import engines

NOW = dt.datetime(2026, 11, 23, 10, 0, tzinfo=dt.timezone.utc)


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.engines)])
def database(request, tmp_path_factory):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('repo')}/profiles.sqlite"
        migrations.upgrade("profiles", url)
    else:
        engines()
        migrations.upgrade("profiles", ENV["TRACKER_MIGRATION_DATABASE_URL_TEMPLATE"].format(service="profiles"))
        url = ENV["TRACKER_DATABASE_URL_TEMPLATE"].format(service="profiles")
    db = Database.from_url(url)
    yield db
    db.dispose()


def person(landlord_id: str, ref: str, surname: str = "Example") -> Person:
    p = Person.add(landlord_id=landlord_id, personal_ref=ref, first_name="Jo", surname=surname, created_by="U1", now=NOW)
    p.events.clear()
    return p


def save(db: Database, *people: Person) -> None:
    session = db.open(landlord_id=people[0].landlord_id)
    for p in people:
        PersonRepository(session, p.landlord_id).add(p)
    session.commit()
    session.close()


def test_a_saved_person_reads_back_the_same(database):
    landlord = str(uuid.uuid4())
    p = person(landlord, "R1")
    save(database, p)
    session = database.open(landlord_id=landlord)
    repo = PersonRepository(session, landlord)
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
        PersonRepository(session, a).add(person(a, "SAME", "Other"))
    session.close()


def test_a_landlord_never_reads_another_landlords_people(database):
    a, b = str(uuid.uuid4()), str(uuid.uuid4())
    theirs = person(b, "THEIRS")
    save(database, theirs)
    session = database.open(landlord_id=a)
    repo = PersonRepository(session, a)
    assert repo.get(theirs.person_id) is None and repo.get_by_ref("THEIRS") is None and repo.all() == []
    session.close()
