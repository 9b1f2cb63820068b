"""A re-run of the import, on SQLite and PostgreSQL: a record applied before and unchanged since is answered
"unchanged" without the person being read again, and everything that changed since on our side (an officer's
archive or edit, the landlord's set-up) has the record read and applied again, as the first time."""
from __future__ import annotations

import uuid

from services.common.uow import UnitOfWork
from services.profiles import events, importing, service, tables
from services.profiles.setup import service as setup
from services.profiles.store import PersonRepository

DATABASE_OF = "profiles"  # the `database` fixture (conftest.py): SQLite and PostgreSQL
RECORD = {"personal_ref": "R1", "first_name": "Ann", "surname": "Lee", "gender": "Female"}


def _uow(database, landlord_id: str) -> UnitOfWork:
    return UnitOfWork(database, tables.outbox, events.outgoing, landlord_id=landlord_id)


def _upsert(database, landlord_id: str, *records: dict) -> list[dict]:
    with _uow(database, landlord_id) as uow:
        return importing.upsert_people(uow, records=list(records), user_id="U1")


def _person(database, landlord_id: str, person_id: str):
    with _uow(database, landlord_id) as uow:
        return PersonRepository(uow.session, landlord_id).get(person_id)


def test_an_unchanged_record_is_answered_without_reading_the_person(database, monkeypatch):
    landlord_id = str(uuid.uuid4())
    [created] = _upsert(database, landlord_id, RECORD)
    get_by_refs = PersonRepository.get_by_refs

    def not_read(repository, refs, **options):
        assert not set(refs), f"read again: {sorted(refs)}"
        return get_by_refs(repository, refs, **options)

    monkeypatch.setattr(PersonRepository, "get_by_refs", not_read)
    assert _upsert(database, landlord_id, RECORD) == [
        {"outcome": "unchanged", "person_id": created["person_id"], "problems": [], "changed_fields": []}]
    monkeypatch.undo()
    [updated] = _upsert(database, landlord_id, {**RECORD, "surname": "Lee-Moved"})
    assert (updated["outcome"], updated["changed_fields"]) == ("updated", ["surname"])


def test_a_person_an_officer_archived_since_is_made_current_again(database):
    landlord_id = str(uuid.uuid4())
    [created] = _upsert(database, landlord_id, RECORD)
    with _uow(database, landlord_id) as uow:
        service.change_person(uow, person_id=created["person_id"], raw={"status": "archived"}, user_id="U2")
    [again] = _upsert(database, landlord_id, RECORD)
    assert (again["outcome"], again["changed_fields"]) == ("updated", ["status"])
    assert _person(database, landlord_id, created["person_id"]).status == "current"


def test_after_an_officers_edit_the_record_is_read_once_then_skipped_again(database, monkeypatch):
    landlord_id = str(uuid.uuid4())
    [created] = _upsert(database, landlord_id, RECORD)
    with _uow(database, landlord_id) as uow:  # a field the feed does not send
        service.change_person(uow, person_id=created["person_id"], raw={"email": "ann.lee@example.org"}, user_id="U2")
    reads = []
    get_by_refs = PersonRepository.get_by_refs
    monkeypatch.setattr(PersonRepository, "get_by_refs",
                        lambda repository, refs, **o: reads.append(set(refs)) or get_by_refs(repository, refs, **o))
    assert [r["outcome"] for r in _upsert(database, landlord_id, RECORD)] == ["unchanged"]
    assert [r["outcome"] for r in _upsert(database, landlord_id, RECORD)] == ["unchanged"]
    assert reads == [{"R1"}]  # the first re-run read the person and noted the record; the second read nobody
    assert _person(database, landlord_id, created["person_id"]).values["email"] == "ann.lee@example.org"


def test_a_set_up_change_has_the_record_read_again(database):
    landlord_id = str(uuid.uuid4())
    _upsert(database, landlord_id, RECORD)
    with _uow(database, landlord_id) as uow:
        female = next(u.item for u in setup.option_list(uow, list_name="gender").items if u.item.label == "Female")
        setup.update_option(uow, list_name="gender", option_id=female.option_id, label="Woman")
    [again] = _upsert(database, landlord_id, RECORD)
    assert again["outcome"] == "rejected" and [p.field for p in again["problems"]] == ["gender"]
