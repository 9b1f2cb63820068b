"""Upserting people for the import, on embedded storage: each record stands alone, and a reference taken
meanwhile (by another transaction) rejects only the person who wanted it."""
from __future__ import annotations

from services.profiles import importing
from services.profiles.history import HistoryRepository
from services.profiles.store import PersonRepository


def _upsert(profiles, landlord, records, **options):
    with profiles.runtime.uow(landlord) as uow:
        return importing.upsert_people(uow, records=records, user_id="U1", **options)


def _people(profiles, landlord) -> dict[str, str]:
    with profiles.runtime.uow(landlord) as uow:
        return {p.personal_ref: p.status for p in PersonRepository(uow.session, landlord).all()}


def _reasons(result) -> list[tuple[str, str]]:
    return [(p.field, p.reason) for p in result["problems"]]


def test_created_updated_unchanged_and_rejected_each_stand_alone(profiles, landlord):
    _upsert(profiles, landlord, [{"personal_ref": "R1", "first_name": "Ann", "surname": "Lee"}])
    results = _upsert(profiles, landlord, [
        {"personal_ref": "R1", "first_name": "Ann", "surname": "Lee"},
        {"personal_ref": "R2", "first_name": "Bob", "surname": "Ray"},
        {"personal_ref": "R2", "first_name": "Bob", "surname": "Again"},
        {"personal_ref": "R3", "first_name": "Cy"},
        {"personal_ref": "R1", "first_name": "Ann", "surname": "Changed"}])
    assert [r["outcome"] for r in results] == ["unchanged", "created", "rejected", "rejected", "updated"]
    assert _reasons(results[2]) == [("personal_ref", "appears more than once in this batch")]
    assert [f for f, _ in _reasons(results[3])] == ["surname"]
    assert results[4]["changed_fields"] == ["surname"]
    assert _people(profiles, landlord) == {"R1": "current", "R2": "current"}


def test_a_dry_run_answers_the_same_and_changes_nothing(profiles, landlord):
    results = _upsert(profiles, landlord, [{"personal_ref": "R1", "first_name": "Ann", "surname": "Lee"}],
                      dry_run=True)
    assert [r["outcome"] for r in results] == ["created"]
    assert _people(profiles, landlord) == {}


def test_a_reference_taken_meanwhile_rejects_that_person_and_the_others_still_land(profiles, landlord, monkeypatch):
    [first] = _upsert(profiles, landlord, [{"personal_ref": "R1", "first_name": "Ann", "surname": "Lee"}])
    # R1 not there when the batch looked
    monkeypatch.setattr(PersonRepository, "get_by_refs", lambda self, refs, **_: {})
    results = _upsert(profiles, landlord, [{"personal_ref": "R1", "first_name": "Other", "surname": "Lee"},
                                           {"personal_ref": "R2", "first_name": "Bob", "surname": "Ray"}])
    assert [r["outcome"] for r in results] == ["rejected", "created"]
    assert _reasons(results[0]) == [("personal_ref", "is already used by another person of this landlord")]
    monkeypatch.undo()
    assert _people(profiles, landlord) == {"R1": "current", "R2": "current"}
    with profiles.runtime.uow(landlord) as uow:
        history = HistoryRepository(uow.session, landlord)
        assert history.of(first["person_id"], limit=10, offset=0)[0] == 1  # only its own creation
        assert history.of(results[1]["person_id"], limit=10, offset=0)[0] == 1


def test_a_full_snapshot_archives_imported_people_it_no_longer_lists_and_a_later_one_brings_them_back(
        profiles, landlord):
    _upsert(profiles, landlord, [{"personal_ref": r, "first_name": "A", "surname": "B"} for r in ("R1", "R2")])
    with profiles.runtime.uow(landlord) as uow:
        assert [refs for refs in importing.imported_refs(uow, chunk=1)] == [["R1"], ["R2"]]
    with profiles.runtime.uow(landlord) as uow:
        assert importing.archive_imported(uow, personal_refs=["R2", "R9"], user_id="U1") == 1
    assert _people(profiles, landlord) == {"R1": "current", "R2": "archived"}
    [again] = _upsert(profiles, landlord, [{"personal_ref": "R2", "first_name": "A", "surname": "B"}])
    assert again["outcome"] == "updated" and "status" in again["changed_fields"]
    assert _people(profiles, landlord) == {"R1": "current", "R2": "current"}
