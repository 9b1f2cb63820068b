"""The catalogue cache against a real (SQLite) profiles database: reused briefly,
reloaded when the set-up version moves, dropped at once by a local change; it
reads only, and a landlord whose defaults are not written yet reads them as
they will be written."""
import datetime as dt
import uuid

import pytest
from sqlalchemy import event

from services.profiles import catalogue_cache
from services.profiles.catalogue_cache import CatalogueCache
from services.profiles.setup.store import SetupStore, load_catalogue, read_catalogue

DATABASE_OF = "profiles"  # the `database` fixture (conftest.py), on SQLite only here
pytestmark = pytest.mark.parametrize("database", ["sqlite"], indirect=True)


def _load(db, cache, landlord):
    session = db.open(landlord_id=landlord, read_only=True)
    try:
        return cache.load(session, landlord)
    finally:
        session.close()


def _set_up(db, landlord):
    """What creating the landlord does (ProfileSetup.SetUpLandlord)."""
    session = db.open(landlord_id=landlord)
    SetupStore(session, landlord).ensure_defaults(now=dt.datetime(2026, 11, 23, tzinfo=dt.timezone.utc))
    session.commit()
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
    _set_up(database, landlord)
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


def test_a_writers_load_creates_the_defaults_once(database):
    landlord = str(uuid.uuid4())
    session = database.open(landlord_id=landlord)
    ids = {o.option_id for o in load_catalogue(session, landlord).options["gender"]}
    session.commit()
    again = {o.option_id for o in load_catalogue(session, landlord).options["gender"]}
    session.close()
    assert ids == again and len(ids) == 4


def test_a_landlord_with_no_defaults_yet_reads_them_as_they_will_be_written_writing_nothing(database):
    landlord = str(uuid.uuid4())
    statements = []

    def seen(_conn, _cursor, statement, *_):
        statements.append(statement.split(None, 1)[0].upper() if not statement.startswith("BEGIN") else statement)

    event.listen(database.engine, "before_cursor_execute", seen)
    try:
        session = database.open(landlord_id=landlord, read_only=True)
        before = read_catalogue(session, landlord)
        session.close()
    finally:
        event.remove(database.engine, "before_cursor_execute", seen)
    assert set(statements) == {"BEGIN", "SELECT"}, "a read writes nothing, and takes no write lock"
    assert [o.label for o in before.options["gender"]] == ["Female", "Male", "Non-binary", "Prefer not to say"]
    _set_up(database, landlord)
    session = database.open(landlord_id=landlord, read_only=True)
    after = read_catalogue(session, landlord)
    session.close()
    assert after == before, "the same options, ids and all, and the same settings"


def test_a_kept_catalogue_of_a_landlord_with_no_set_up_is_reloaded_once_it_has_one(database, monkeypatch):
    clock = [50.0]
    monkeypatch.setattr(catalogue_cache.time, "monotonic", lambda: clock[0])
    landlord = str(uuid.uuid4())
    cache = CatalogueCache(recheck_seconds=1.0)
    first = _load(database, cache, landlord)
    clock[0] += 1.5
    assert _load(database, cache, landlord) is first, "still no set-up: the kept one is used"
    _set_up(database, landlord)
    clock[0] += 1.5
    assert _load(database, cache, landlord) is not first
