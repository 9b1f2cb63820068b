"""What households and groups tell profiles, kept and searched on real engines too
(PostgreSQL behind row-level security, Elasticsearch): a person who moves is found
in the new household only; groups and participation criteria; another landlord
sees none of it. The scenarios in detail: tests/service/profiles/test_facts_consumers.py."""
from __future__ import annotations

import uuid

from services.profiles import search, service
from services.profiles.search import indexing
from tests.integration.profiles import test_indexing
from tests.service.profiles.test_facts_consumers import A1, G1, Sender, groups, household

profiles = test_indexing.profiles  # the profiles service in each mode: embedded, real engines


def found(profiles, landlord: str, criteria: dict) -> set[str]:
    profiles.index.refresh(search.INDEX)
    with profiles.runtime.uow(landlord) as uow:
        scan = service.resolve_people(uow, profiles.index, criteria=criteria)
    return {i for chunk in scan.chunks for i in chunk}


def test_households_and_groups_facts_on_each_engine(profiles):
    landlord, other = str(uuid.uuid4()), str(uuid.uuid4())
    with profiles.runtime.uow(landlord) as uow:
        ann, ben, cal = (service.add_person(uow, raw={"personal_ref": f"F{i}", "first_name": "Fa", "surname": "Ct"},
                                            user_id="U1")[0].person_id for i in range(3))
    with profiles.runtime.uow(landlord) as uow:
        indexing.index_people(uow, profiles.index, person_ids=[ann, ben, cal])
        uow.commit()
    send = Sender(profiles, landlord)
    send.households(household("h1", 1, ann, ben), household("h2", 1, cal))
    send.households(household("h2", 2, cal, ben))
    send.households(household("h1", 2, ann), household("h1", 1, ann, ben))
    send.groups(groups(ann, 1, admin=[G1], participations=[(A1, "2025-02-01")]), groups(cal, 1, activities=[A1]))
    assert found(profiles, landlord, {"household_id": ["h2"]}) == {ben, cal}
    assert found(profiles, landlord, {"household": {"occupants": {"max": 1}}}) == {ann}
    assert found(profiles, landlord, {"not_admin_group": [G1], "activity": [A1]}) == {cal}
    assert found(profiles, landlord, {"participated": {"activity": [A1], "since": "2025-02-01"}}) == {ann}
    assert found(profiles, other, {"household_id": ["h1", "h2"]}) == set()
    Sender(profiles, other).groups(groups(ann, 9))  # another landlord's event names the same person id
    assert found(profiles, landlord, {"admin_group": [G1]}) == {ann}
