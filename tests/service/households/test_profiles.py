"""UpdateHouseholdProfiles: values checked by profiles (a fake Setup stub here), bad ones named
`property_profile.<key>` / `household_profile.<key>` with nothing half-saved; stored by field id,
shown by key with labels, announced in HouseholdChanged."""
from __future__ import annotations

import json
import uuid

import pytest
from google.protobuf import json_format
from sqlalchemy import select

from services.common.envelope import payload_as, unwrap
from services.common.errors import InvalidInput, NotFound
from services.gen.tracker.households.v1 import events_pb2
from services.households import service
from services.households.clients.profiles import ProfilesSetup
from services.households.tables import households as households_table, outbox, profile_values

from .conftest import FakeSetup, deliver, person


@pytest.fixture
def home(households, landlord):
    a = str(uuid.uuid4())
    deliver(households, landlord, person(a, line_1="3 Rowan Walk", postcode="DN1 1AA", born="1999-09-09"))
    with households.runtime.uow(landlord) as uow:
        return service.person_household(uow, households.setup, person_id=a).household_id, a


def update(households, landlord, household_id, **given):
    with households.runtime.uow(landlord) as uow:
        return service.update_profiles(uow, households.setup, household_id=household_id,
                                       property_profile=given.get("property_profile"),
                                       household_profile=given.get("household_profile"))


def events(households, landlord):
    with households.runtime.uow(landlord) as uow:
        rows = uow.session.execute(select(outbox.c.envelope).where(outbox.c.landlord_id == landlord)
                                   .order_by(outbox.c.id)).scalars().all()
    return [payload_as(unwrap(r), events_pb2.HouseholdChanged) for r in rows]


def stored(households, landlord, household_id):
    with households.runtime.uow(landlord) as uow:
        row = uow.session.execute(select(households_table).where(households_table.c.household_id == household_id)
                                  ).mappings().one()
        values = uow.session.execute(select(profile_values.c.field_id, profile_values.c.text_value).where(
            profile_values.c.household_id == household_id).order_by(profile_values.c.value_id)).all()
    return json.loads(row["property_profile"]), json.loads(row["household_profile"]), values


def test_values_are_stored_by_id_shown_by_key_and_announced(households, landlord, home):
    household_id, occupant = home
    shown = update(households, landlord, household_id, property_profile={"heating": "Gas"},
                   household_profile={"needs": ["Ramp"], "pets": True})
    assert shown.property_profile == {"heating": "Gas"}
    assert shown.household_profile == {"needs": ["Ramp"], "pets": True}
    property_profile, household_profile, values = stored(households, landlord, household_id)
    assert property_profile == {"f-heating": "o-gas"} and household_profile == {"f-needs": ["o-ramp"], "f-pets": True}
    assert ("f-heating", "o-gas") in values and ("f-needs", "o-ramp") in values
    last = events(households, landlord)[-1]
    assert last.version == 2 and list(last.occupant_ids) == [occupant]
    assert json_format.MessageToDict(last.property_profile) == {"f-heating": "o-gas"}
    assert json_format.MessageToDict(last.household_profile) == {"f-needs": ["o-ramp"], "f-pets": True}


def test_only_the_keys_given_change_and_null_clears(households, landlord, home):
    household_id, _ = home
    update(households, landlord, household_id, property_profile={"heating": "Gas", "floor": 3})
    shown = update(households, landlord, household_id, property_profile={"heating": None})
    assert shown.property_profile == {"floor": 3}


def test_bad_values_are_named_and_nothing_is_saved(households, landlord, home):
    household_id, _ = home
    update(households, landlord, household_id, property_profile={"heating": "Gas"})
    before = (stored(households, landlord, household_id), len(events(households, landlord)))
    with pytest.raises(InvalidInput) as refused:
        update(households, landlord, household_id, property_profile={"heating": "Coal", "floor": 1},
               household_profile={"colour": "red", "pets": True})
    assert {p.field for p in refused.value.fields} == {"property_profile.heating", "household_profile.colour"}
    assert (stored(households, landlord, household_id), len(events(households, landlord))) == before


def test_an_unchanged_profile_announces_nothing(households, landlord, home):
    household_id, _ = home
    update(households, landlord, household_id, household_profile={"notes": "Gate code with office"})
    count = len(events(households, landlord))
    update(households, landlord, household_id, household_profile={"notes": "Gate code with office"})
    assert len(events(households, landlord)) == count


def test_an_unknown_household_is_not_found(households, landlord):
    with pytest.raises(NotFound):
        update(households, landlord, str(uuid.uuid4()), property_profile={"heating": "Gas"})


def test_the_catalogue_is_kept_a_few_seconds_per_landlord(landlord):
    from services.common import context
    fake, now = FakeSetup(), [0.0]
    setup = ProfilesSetup(fake, keep_seconds=5, clock=lambda: now[0])
    assert setup.catalogue().by_key("heating").options == {"o-gas": "Gas", "o-electric": "Electric", "o-none": "None"}
    setup.catalogue()
    assert fake.catalogue_calls == 2, "one call for property fields, one for household fields"
    with context.bound(context.CallContext(landlord_id="another")):
        setup.catalogue()
    assert fake.catalogue_calls == 4, "each landlord has its own"
    now[0] = 6.0
    setup.catalogue()
    assert fake.catalogue_calls == 6, "fetched again after a few seconds"


def test_a_household_without_profiles_does_not_ask_profiles(households, landlord, home):
    household_id, _ = home
    fake = FakeSetup()
    with households.runtime.uow(landlord) as uow:
        service.household(uow, ProfilesSetup(fake), household_id=household_id)
    assert fake.catalogue_calls == 0
