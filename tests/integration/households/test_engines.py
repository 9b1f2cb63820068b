"""Households on both storage engines (SQLite embedded, PostgreSQL with row-level security):
people events placed through the consumer, search with custom criteria, profile updates, rebuild."""
from __future__ import annotations

import uuid

import pytest

from services.common import context
from services.common.bus.inprocess import InProcessBus
from services.common.errors import NotFound
from services.households import bootstrap, service
from services.households.clients.profiles import ProfilesSetup
from services.households.rebuild import rebuild
from tests.conftest import MODES, settings_for
from tests.service.households.conftest import FakeSetup, deliver, person


@pytest.fixture(scope="module", params=MODES)
def households(request, tmp_path_factory):
    bus = InProcessBus(None)
    svc = bootstrap.build(settings_for(request.param, tmp_path_factory.mktemp("households")), bus=bus)
    svc.runtime.migrate()
    svc.setup = ProfilesSetup(FakeSetup(), keep_seconds=0)
    yield svc
    bus.close()
    svc.runtime.database.dispose()


def test_households_on_the_engine(households):
    landlord, other = str(uuid.uuid4()), str(uuid.uuid4())
    a, b, c = (str(uuid.uuid4()) for _ in range(3))
    with context.bound(context.CallContext(landlord_id=landlord)):
        deliver(households, landlord, person(a, line_1="Flat 2, 10 High St", postcode="LS1 4AP", born="2016-01-01",
                                             tenancy="Sheltered"),
                person(b, line_1="flat 2 10 high st.", postcode="ls14ap"), created=True)
        deliver(households, other, person(c, line_1="Flat 2, 10 High St", postcode="LS1 4AP"), created=True)
        with households.runtime.uow(landlord) as uow:
            home = service.person_household(uow, households.setup, person_id=a)
        assert home.occupant_count == 2
        with households.runtime.uow(landlord) as uow:
            service.update_profiles(uow, households.setup, household_id=home.household_id,
                                    property_profile={"heating": "Gas", "floor": 1},
                                    household_profile={"moved_in": "2020-02-02", "pets": True, "needs": ["Ramp"],
                                                       "notes": "Ring twice"})
        criteria = {"text": "high 2", "postcode": "LS1", "occupants": {"min": 2}, "occupied": True, "child_under": 18,
                    "tenancy_type": ["sheltered"], "custom": {"heating": ["Gas"], "floor": {"min": 1, "max": 1},
                                                               "moved_in": {"min": "2020-01-01"}, "pets": True,
                                                               "needs": ["Ramp"], "notes": "ring"}}
        with households.runtime.uow(landlord) as uow:
            total, found = service.search(uow, households.setup, criteria_given=criteria)
        assert total == 1 and found[0].household_id == home.household_id
        deliver(households, landlord, person(a, line_1="Flat 3, 10 High St", postcode="LS1 4AP", status="archived"))
        with households.runtime.uow(landlord) as uow:
            last = service.person_household(uow, households.setup, person_id=a)
        assert last.household_id == home.household_id and [o.resident.person_id for o in last.occupants] == [b]
        counts = rebuild(households.runtime.uow, landlord, batch_size=1)
        assert counts.residents == 2 and counts.moved == 0
    with context.bound(context.CallContext(landlord_id=other)):
        with households.runtime.uow(other) as uow:
            with pytest.raises(NotFound):
                service.household(uow, households.setup, household_id=home.household_id)
            assert service.search(uow, households.setup, criteria_given={})[0] == 1
