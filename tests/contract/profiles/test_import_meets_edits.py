"""An officer's edit made while an import batch works on the same person, on SQLite and PostgreSQL: the edit
waits for the batch and lands on top of it, never written over by what the batch read before it."""
from __future__ import annotations

import threading
import uuid

from services.common.uow import UnitOfWork
from services.profiles import events, importing, service, tables
from services.profiles.store import PersonRepository

DATABASE_OF = "profiles"  # the `database` fixture (conftest.py): SQLite and PostgreSQL
EMAIL = "ann.lee@example.org"


def _uow(database, landlord_id: str) -> UnitOfWork:
    return UnitOfWork(database, tables.outbox, events.outgoing, landlord_id=landlord_id)


def _upsert(database, landlord_id: str, surname: str) -> list[dict]:
    with _uow(database, landlord_id) as uow:
        return importing.upsert_people(uow, records=[{"personal_ref": "R1", "first_name": "Ann", "surname": surname}],
                                       user_id="U1")


def test_an_edit_during_an_import_batch_is_not_written_over(database, monkeypatch):
    landlord_id = str(uuid.uuid4())
    [created] = _upsert(database, landlord_id, "Lee")
    person_id = created["person_id"]
    edited = threading.Event()

    def edit() -> None:
        with _uow(database, landlord_id) as uow:
            service.change_person(uow, person_id=person_id, raw={"email": EMAIL}, user_id="U2")
        edited.set()

    officer = threading.Thread(target=edit)
    save_many = PersonRepository.save_many

    def save_after_an_edit(repository, changed):  # the batch has read the person; an officer edits them now
        officer.start()
        edited.wait(1.0)  # a lock held by the batch keeps the edit waiting until the batch commits
        save_many(repository, changed)

    monkeypatch.setattr(PersonRepository, "save_many", save_after_an_edit)
    [updated] = _upsert(database, landlord_id, "Lee-Rerun")
    officer.join(30)
    assert updated["outcome"] == "updated" and edited.is_set()
    with _uow(database, landlord_id) as uow:
        person = PersonRepository(uow.session, landlord_id).get(person_id)
    assert (person.values["surname"], person.values["email"]) == ("Lee-Rerun", EMAIL)
    assert person.version == 3  # created, the batch's change, the edit
