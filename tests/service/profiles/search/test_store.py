"""Every change to a person, or to what households and groups say about them, counts their
search document's version up in the same transaction; a change rolled back does not."""
from __future__ import annotations

from services.profiles import importing, service
from services.profiles.facts import service as facts_service
from services.profiles.facts.domain import GroupFacts, HouseholdFacts
from services.profiles.search.store import SearchVersions


def _version(profiles, landlord: str, person_id: str) -> int:
    with profiles.runtime.uow(landlord) as uow:
        return SearchVersions(uow.session, landlord).of([person_id])[person_id]


def test_every_change_counts_the_version_up(profiles, landlord):
    record = {"personal_ref": "V1", "first_name": "Ver", "surname": "Sion"}
    with profiles.runtime.uow(landlord) as uow:
        person_id = importing.upsert_people(uow, records=[record], user_id="U1")[0]["person_id"]
    seen = [_version(profiles, landlord, person_id)]
    with profiles.runtime.uow(landlord) as uow:
        service.change_person(uow, person_id=person_id, raw={"phone": "01234 567890"}, user_id="U1")
    seen.append(_version(profiles, landlord, person_id))
    with profiles.runtime.uow(landlord) as uow:
        importing.upsert_people(uow, records=[{**record, "surname": "Changed"}], user_id="U1")
    seen.append(_version(profiles, landlord, person_id))
    with profiles.runtime.uow(landlord) as uow:
        importing.archive_imported(uow, personal_refs=["V1"], user_id="U1")
    seen.append(_version(profiles, landlord, person_id))
    with profiles.runtime.uow(landlord) as uow:
        facts_service.record_households(uow, profiles.index, households=[HouseholdFacts("h1", 1, (person_id,), 1)])
        uow.commit()
    seen.append(_version(profiles, landlord, person_id))
    with profiles.runtime.uow(landlord) as uow:
        facts_service.record_groups(uow, profiles.index, groups=[GroupFacts(person_id, 1, ("g1",), (), ())])
        uow.commit()
    seen.append(_version(profiles, landlord, person_id))
    with profiles.runtime.uow(landlord) as uow:  # rolled back
        facts_service.record_groups(uow, profiles.index, groups=[GroupFacts(person_id, 2, ("g2",), (), ())])
    seen.append(_version(profiles, landlord, person_id))
    assert seen == [1, 2, 3, 4, 5, 6, 6]


def test_raising_above_what_the_index_holds_never_lowers_a_version(profiles, landlord):
    with profiles.runtime.uow(landlord) as uow:
        ids = [service.add_person(uow, raw={"personal_ref": f"V{i}", "first_name": "Ver", "surname": "Sion"},
                                  user_id="U1")[0].person_id for i in range(2)]
    with profiles.runtime.uow(landlord) as uow:
        SearchVersions(uow.session, landlord).count_up([ids[1]] * 3)  # once per person
        uow.commit()
    with profiles.runtime.uow(landlord) as uow:
        SearchVersions(uow.session, landlord).raise_above({ids[0]: 7, ids[1]: 1})
        uow.commit()
    assert [_version(profiles, landlord, i) for i in ids] == [8, 3]
