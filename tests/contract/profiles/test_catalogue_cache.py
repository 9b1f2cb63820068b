"""The catalogue cache against a real (SQLite) profiles database: reused briefly,
reloaded when the set-up version moves, dropped at once by a local change."""
import uuid

import pytest

from services.profiles import catalogue_cache
from services.profiles.catalogue_cache import CatalogueCache
from services.profiles.setup.store import SetupStore, load_catalogue

DATABASE_OF = "profiles"  # the `database` fixture (conftest.py), on SQLite only here
pytestmark = pytest.mark.parametrize("database", ["sqlite"], indirect=True)


def _load(db, cache, landlord):
    session = db.open(landlord_id=landlord)
    try:
        catalogue = cache.load(session, landlord)
        session.commit()
        return catalogue
    finally:
        session.close()


def _bump(db, landlord):
    session = db.open(landlord_id=landlord)
    SetupStore(session, landlord).bump_version()
    session.commit()
    session.close()


def test_kept_catalogue_is_reused_then_checked_against_the_version(database, monkeypatch):
    clock = [50.0]
    monkeypatch.setattr(catalogue_cache.time, "monotonic", lambda: clock[0])
    landlord = str(uuid.uuid4())
    cache = CatalogueCache(recheck_seconds=1.0)
    first = _load(database, cache, landlord)
    assert _load(database, cache, landlord) is first
    _bump(database, landlord)  # another process changed the set-up
    assert _load(database, cache, landlord) is first, "within the second, no database check"
    clock[0] += 1.5
    reloaded = _load(database, cache, landlord)
    assert reloaded is not first
    clock[0] += 1.5
    assert _load(database, cache, landlord) is reloaded, "same version: the kept one is used"


def test_a_local_change_drops_kept_catalogues_at_once(database):
    landlord = str(uuid.uuid4())
    cache = CatalogueCache(recheck_seconds=60)
    first = _load(database, cache, landlord)
    CatalogueCache.forget_everywhere(landlord)
    assert _load(database, cache, landlord) is not first


def test_first_use_creates_the_defaults_once(database):
    landlord = str(uuid.uuid4())
    session = database.open(landlord_id=landlord)
    ids = {o.option_id for o in load_catalogue(session, landlord).options["gender"]}
    session.commit()
    again = {o.option_id for o in load_catalogue(session, landlord).options["gender"]}
    session.close()
    assert ids == again and len(ids) == 4
