"""`python -m services.profiles reindex` rebuilds the people index from the database."""
from __future__ import annotations

import uuid
from dataclasses import replace

import pytest

from services.common.search import SearchRequest
from services.profiles import bootstrap, maintenance, search, service
from services.profiles.setup_store import load_catalogue
from tests.conftest import MODES, settings_for


@pytest.mark.parametrize("mode", MODES)
def test_reindex_rebuilds_the_index_from_the_database(mode, tmp_path):
    settings = replace(settings_for(mode, tmp_path), search_index_prefix=f"reindex-{uuid.uuid4().hex[:8]}-")
    profiles = bootstrap.build(settings)
    profiles.runtime.migrate()
    index = profiles.index
    try:
        landlords = [str(uuid.uuid4()), str(uuid.uuid4())]
        for n, landlord in enumerate(landlords, start=1):
            with profiles.runtime.uow(landlord) as uow:
                for i in range(n * 3):
                    service.add_person(uow, raw={"personal_ref": f"RX{i}", "first_name": "Re", "surname": f"Index{i}"},
                                       user_id="U1")
        index.drop(search.INDEX)  # the index is lost; the database is the source of truth

        maintenance.reindex(profiles)

        totals = [index.search(search.INDEX, landlord, SearchRequest(count_only=True)).total for landlord in landlords]
        assert totals == [3, 6]
        with profiles.runtime.uow(landlords[0]) as uow:
            catalogue = load_catalogue(uow.session, landlords[0])
        page = index.search(search.INDEX, landlords[0], search.build_request({"text": "index1"}, search.Page(), catalogue))
        assert [item["personal_ref"] for item in page.items] == ["RX1"]
    finally:
        index.drop(search.INDEX)
        profiles.runtime.bus.close()
        index.close()
        profiles.runtime.database.dispose()
