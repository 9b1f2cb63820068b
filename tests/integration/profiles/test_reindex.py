"""`python -m services.profiles reindex` rebuilds the people index from the database,
with what households and groups told profiles about people."""
from __future__ import annotations

import uuid
from dataclasses import replace

import pytest

from services.common.search import SearchRequest
from services.profiles import bootstrap, maintenance, search, service
from services.profiles.facts import service as facts_service
from services.profiles.facts.domain import GroupFacts, HouseholdFacts
from services.profiles.setup.store import load_catalogue
from tests.conftest import MODES, settings_for


@pytest.mark.parametrize("mode", MODES)
def test_reindex_rebuilds_the_index_from_the_database(mode, tmp_path):
    settings = replace(settings_for(mode, tmp_path), search_index_prefix=f"reindex-{uuid.uuid4().hex[:8]}-")
    profiles = bootstrap.build(settings)
    profiles.runtime.migrate()
    index = profiles.index
    try:
        landlords = [str(uuid.uuid4()), str(uuid.uuid4())]
        ids = {}
        for n, landlord in enumerate(landlords, start=1):
            with profiles.runtime.uow(landlord) as uow:
                ids[landlord] = [service.add_person(uow, raw={"personal_ref": f"RX{i}", "first_name": "Re",
                                                              "surname": f"Index{i}"}, user_id="U1")[0].person_id
                                 for i in range(n * 3)]
        first = ids[landlords[0]]
        with profiles.runtime.uow(landlords[0]) as uow:  # what households and groups said
            facts_service.record_households(uow, index, households=[HouseholdFacts("h1", 1, tuple(first[:2]), 2)])
            facts_service.record_groups(uow, index, groups=[GroupFacts(first[2], 1, ("g1",), ("a1",),
                                                                       (("a1", "2025-05-01"),))])
            uow.commit()
        index.drop(search.INDEX)  # the index is lost; the database is the source of truth

        maintenance.reindex(profiles)

        totals = [index.search(search.INDEX, landlord, SearchRequest(count_only=True)).total for landlord in landlords]
        assert totals == [3, 6]
        with profiles.runtime.uow(landlords[0]) as uow:
            catalogue = load_catalogue(uow.session, landlords[0])
        today = profiles.runtime.clock.today()
        page = index.search(search.INDEX, landlords[0], search.build_request({"text": "index1"}, search.Page(), catalogue,
                                                                             today))
        assert [item["personal_ref"] for item in page.items] == ["RX1"]

        def found(criteria):
            request = search.build_request(criteria, search.Page(), catalogue, today)
            return {item["id"] for item in index.search(search.INDEX, landlords[0], request).items}
        assert found({"household": {"occupants": {"min": 2}}}) == set(first[:2])
        assert found({"admin_group": ["g1"], "participated": {"activity": ["a1"], "since": "2025-01-01"}}) == {first[2]}
        assert found({"not_activity": ["a1"]}) == set(first[:2])
    finally:
        index.drop(search.INDEX)
        profiles.runtime.bus.close()
        index.close()
        profiles.runtime.database.dispose()
