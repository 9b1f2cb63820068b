"""Indexing after set-up changes: a custom field's type may change while nobody has a value,
after the index has mapped the field with its old type. Embedded storage (SQLite, embedded
index); tests/integration/profiles/test_indexing.py runs the same scenario on the real engines."""
from __future__ import annotations

from services.profiles import handlers, search, service
from services.profiles.search import indexing
from services.profiles.setup import service as setup_service
from tests.service.profiles import people_events


def _found(profiles, landlord: str, criteria: dict) -> list[str]:
    profiles.index.refresh(search.INDEX)  # Elasticsearch shows writes once refreshed
    with profiles.runtime.uow(landlord, read_only=True) as uow:
        found = service.search_people(uow, profiles.index, criteria=criteria, page=search.Page())
    return [row.personal_ref for row in found.rows]


def test_a_custom_field_whose_type_changed_while_unused_is_indexed_and_found_by_its_new_type(profiles, landlord):
    type_changes_while_unused(profiles, landlord)


def type_changes_while_unused(profiles, landlord: str) -> None:
    """A person indexed (so the field is mapped as a number), the field made text, the person given a
    value, indexed and found; then back to a number. Both index adapters refuse to change a mapped
    field's type, so the field must move to another index field each time."""
    indexer = handlers.search_indexer(profiles.index)  # long-lived, as the runtime keeps it

    def indexed(person_id: str) -> None:
        with profiles.runtime.uow(landlord) as uow:
            indexer.batch(uow, [people_events.changed(landlord, person_id)])

    with profiles.runtime.uow(landlord) as uow:
        bedrooms = setup_service.add_custom_field(uow, label="Bedrooms", type="number")
    with profiles.runtime.uow(landlord) as uow:
        person = service.add_person(uow, raw={"personal_ref": "T1", "first_name": "Ann", "surname": "Example"},
                                    user_id="U1")[0]
    indexed(person.person_id)  # the index now maps the field as a number
    with profiles.runtime.uow(landlord) as uow:
        setup_service.update_custom_field(uow, key=bedrooms.key, type="text")  # allowed: nobody has a value
    with profiles.runtime.uow(landlord) as uow:
        service.change_person(uow, person_id=person.person_id, raw={"custom": {"bedrooms": "three, one en suite"}},
                              user_id="U1")
    indexed(person.person_id)
    assert _found(profiles, landlord, {"custom": {"bedrooms": "three"}}) == ["T1"]
    with profiles.runtime.uow(landlord) as uow:  # and back to a number, once unused again
        service.change_person(uow, person_id=person.person_id, raw={"custom": {"bedrooms": None}}, user_id="U1")
        setup_service.update_custom_field(uow, key=bedrooms.key, type="number")
    with profiles.runtime.uow(landlord) as uow:
        service.change_person(uow, person_id=person.person_id, raw={"custom": {"bedrooms": 3}}, user_id="U1")
    indexed(person.person_id)
    assert _found(profiles, landlord, {"custom": {"bedrooms": {"min": 2, "max": 4}}}) == ["T1"]
    with profiles.runtime.uow(landlord) as uow:  # maps the landlord's fields afresh, as reindex and reconcile do
        assert indexing.reindex_landlord(uow, profiles.index) == 1
    assert _found(profiles, landlord, {"custom": {"bedrooms": {"min": 3}}}) == ["T1"]
