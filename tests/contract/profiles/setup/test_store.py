"""The profile set-up store, against SQLite (embedded) and PostgreSQL (as the
services' role, behind row-level security): defaults seeded once even when
transactions race, usage counts that stop deletion, and generated personal
references with no duplicates and no gaps under concurrent adds."""
from __future__ import annotations

import datetime as dt
import threading
import uuid

import pytest
from sqlalchemy import insert

from services.common.db import Database
from services.common.errors import InUse, InvalidInput, NotFound
from services.common.uow import UnitOfWork
from services.profiles.setup import service as setup
from services.profiles.setup.defaults import DEFAULT_OPTIONS
from services.profiles.setup.store import load_catalogue, next_personal_ref
from services.profiles.tables import people, person_custom_values, person_options

NOW = dt.datetime(2026, 11, 23, 10, 0, tzinfo=dt.timezone.utc)
DATABASE_OF = "profiles"  # the `database` fixture (conftest.py): SQLite and PostgreSQL


@pytest.fixture
def landlord() -> str:
    return str(uuid.uuid4())


def catalogue(db: Database, landlord_id: str):
    session = db.open(landlord_id=landlord_id)
    try:
        found = load_catalogue(session, landlord_id)
        session.commit()
        return found
    finally:
        session.close()


def add_person(session, landlord_id: str, ref: str, **options) -> str:
    person_id = str(uuid.uuid4())
    session.execute(insert(people).values(
        person_id=person_id, landlord_id=landlord_id, personal_ref=ref, first_name="Jo", surname="Example",
        status="current", created_at=NOW, updated_at=NOW, created_by="U1", **options))
    return person_id


def uow(db: Database, landlord_id: str) -> UnitOfWork:
    return UnitOfWork(db, landlord_id=landlord_id)


def test_defaults_are_there_on_first_read_and_only_once(database, landlord):
    first = catalogue(database, landlord)
    assert [o.label for o in first.options["title"]] == ["Mr", "Mrs", "Miss", "Ms", "Mx", "Dr"]
    assert {name: len(opts) for name, opts in first.options.items()} == {
        name: len(d) for name, d in DEFAULT_OPTIONS.items()}
    non_resident = first.by_label("tenancy_type", "non-resident")
    assert dict(non_resident.attributes) == {"fed_by_import": False, "ref_prefix": "NR", "ref_digits": 6, "next_number": 1}
    assert first.by_label("tenancy_type", "General needs").attributes["fed_by_import"] is True
    assert first.by_code("preferences", "no_email").label == "No email"
    assert first.by_label("ethnicity", "White: Irish").group == "BME"
    assert first.settings.personal_ref_mode == "typed" and first.settings.age_bands[-1].label == "65+"
    again = catalogue(database, landlord)
    assert again.options == first.options


def test_racing_first_reads_seed_one_set_of_defaults(database, landlord):
    barrier, errors = threading.Barrier(4), []

    def read():
        try:
            barrier.wait()
            catalogue(database, landlord)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=read) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(catalogue(database, landlord).options["interests"]) == len(DEFAULT_OPTIONS["interests"])


def test_an_option_in_use_cannot_be_deleted_and_says_by_how_many(database, landlord):
    cat = catalogue(database, landlord)
    sheltered, digital = cat.by_label("tenancy_type", "Sheltered"), cat.by_label("interests", "Digital inclusion")
    session = database.open(landlord_id=landlord)
    for i in range(3):
        person_id = add_person(session, landlord, f"U{i}", tenancy_type=sheltered.option_id)
        session.execute(insert(person_options).values(landlord_id=landlord, person_id=person_id, field="interests",
                                                      option_id=digital.option_id))
    session.commit()
    session.close()
    for list_name, option in (("tenancy_type", sheltered), ("interests", digital)):
        with uow(database, landlord) as work, pytest.raises(InUse) as refused:
            setup.delete_option(work, list_name=list_name, option_id=option.option_id)
        assert "used by 3 people; archive it instead" in refused.value.message
        with uow(database, landlord) as work:
            assert {u.item.option_id: u.in_use for u in setup.option_list(work, list_name=list_name).items
                    }[option.option_id] == 3
    with uow(database, landlord) as work:
        setup.update_option(work, list_name="interests", option_id=digital.option_id, archived=True)
    assert catalogue(database, landlord).option(digital.option_id).archived
    unused = cat.by_label("interests", "Money advice")
    with uow(database, landlord) as work:
        setup.delete_option(work, list_name="interests", option_id=unused.option_id)
    assert catalogue(database, landlord).option(unused.option_id) is None


def test_a_custom_field_in_use_keeps_its_type_and_cannot_be_deleted(database, landlord):
    with uow(database, landlord) as work:
        field = setup.add_custom_field(work, label="Preferred contact time", type="choice",
                                       options=["Morning", "Evening"])
    morning = catalogue(database, landlord).by_label(field.list_name, "morning")
    session = database.open(landlord_id=landlord)
    person_id = add_person(session, landlord, "C1")
    session.execute(insert(person_custom_values).values(landlord_id=landlord, person_id=person_id,
                                                        field_id=field.field_id, value=morning.option_id))
    session.commit()
    session.close()
    with uow(database, landlord) as work, pytest.raises(InUse, match="used by 1 person"):
        setup.delete_option(work, list_name=field.list_name, option_id=morning.option_id)
    with uow(database, landlord) as work, pytest.raises(InUse, match="type cannot change"):
        setup.update_custom_field(work, key=field.key, type="text")
    with uow(database, landlord) as work, pytest.raises(InUse, match="used by 1 person"):
        setup.delete_custom_field(work, key=field.key)
    with uow(database, landlord) as work:
        assert setup.update_custom_field(work, key=field.key, archived=True).in_use == 1


def test_another_landlords_set_up_is_not_found(database, landlord):
    other = str(uuid.uuid4())
    option = catalogue(database, landlord).by_label("interests", "Youth activities")
    with uow(database, landlord) as work:
        setup.add_custom_field(work, label="Garden", type="yes_no")
    with uow(database, other) as work, pytest.raises(NotFound):
        setup.update_option(work, list_name="interests", option_id=option.option_id, label="Mine now")
    with uow(database, other) as work, pytest.raises(NotFound):
        setup.delete_custom_field(work, key="garden")
    with uow(database, other) as work, pytest.raises(InvalidInput):
        next_personal_ref(work.session, other, catalogue(database, landlord).by_label("tenancy_type", "Non-resident").option_id)


def test_generated_references_skip_used_ones_and_roll_back_with_a_failed_insert(database, landlord):
    nr = catalogue(database, landlord).by_label("tenancy_type", "Non-resident").option_id
    session = database.open(landlord_id=landlord)
    add_person(session, landlord, "NR000001")
    session.commit()
    assert next_personal_ref(session, landlord, nr) == "NR000002"
    session.rollback()  # the insert failed: the number is not used up
    assert next_personal_ref(session, landlord, nr) == "NR000002"
    session.commit()
    session.close()


@pytest.mark.timeout(120)
def test_concurrent_adds_get_every_reference_once_with_no_gaps(database, landlord):
    nr = catalogue(database, landlord).by_label("tenancy_type", "Non-resident").option_id
    refs, errors, lock = [], [], threading.Lock()
    barrier = threading.Barrier(8)

    def adder(n: int):
        barrier.wait()
        for i in range(6):
            session = database.open(landlord_id=landlord)
            try:
                ref = next_personal_ref(session, landlord, nr)
                add_person(session, landlord, ref)
                if (n + i) % 5 == 0:
                    session.rollback()  # a failed add: its number goes back
                    continue
                session.commit()
                with lock:
                    refs.append(ref)
            except Exception as error:  # noqa: BLE001 - reported below
                errors.append(error)
            finally:
                session.close()

    threads = [threading.Thread(target=adder, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert sorted(refs) == [f"NR{n:06d}" for n in range(1, len(refs) + 1)]
    assert len(refs) == 8 * 6 - sum(1 for n in range(8) for i in range(6) if (n + i) % 5 == 0)
