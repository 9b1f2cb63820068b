"""Row-level security in PostgreSQL: the second wall behind the repository filter."""
from __future__ import annotations

import uuid

import pytest
from sqlalchemy import text

from services.common import migrations
from services.common.config import SERVICES
from services.common.db import Database
from services.common.local_cluster import ENV
from services.profiles.store import PersonRepository
from tests.conftest import engines
from tests.contract.profiles.test_store import person, save

pytestmark = pytest.mark.engines


@pytest.fixture(scope="module")
def pg():
    engines()
    migrations.upgrade("profiles", ENV["TRACKER_MIGRATION_DATABASE_URL_TEMPLATE"].format(service="profiles"))
    db = Database.from_url(ENV["TRACKER_DATABASE_URL_TEMPLATE"].format(service="profiles"))
    yield db
    db.dispose()


def test_row_level_security_hides_rows_when_a_query_forgets_the_landlord(pg):
    a, b = str(uuid.uuid4()), str(uuid.uuid4())
    save(pg, person(a, "RLS-A"))
    save(pg, person(b, "RLS-B"))
    session = pg.open(landlord_id=a)
    refs = set(session.execute(text("SELECT personal_ref FROM people")).scalars())  # no landlord filter at all
    assert "RLS-A" in refs and "RLS-B" not in refs
    other_rows = session.execute(text("SELECT count(*) FROM people WHERE landlord_id = :b"), {"b": b}).scalar_one()
    assert other_rows == 0
    session.close()
    with pg.engine.connect() as bare:  # a transaction that names no landlord sees nothing
        assert bare.execute(text("SELECT count(*) FROM people")).scalar_one() == 0


def test_the_services_role_cannot_write_for_another_landlord_or_lift_the_wall(pg):
    a, b = str(uuid.uuid4()), str(uuid.uuid4())
    session = pg.open(landlord_id=a)
    with pytest.raises(Exception, match="row-level security"):
        PersonRepository(session, b).add(person(b, "SMUGGLED"))
    session.close()
    with pg.engine.connect() as conn:
        role = conn.execute(text("SELECT rolbypassrls, rolsuper FROM pg_roles WHERE rolname = current_user")).one()
        assert tuple(role) == (False, False)
        owns = conn.execute(text("SELECT count(*) FROM pg_tables WHERE tableowner = current_user")).scalar_one()
        assert owns == 0
        with pytest.raises(Exception, match="must be owner"):
            conn.execute(text("ALTER TABLE people DISABLE ROW LEVEL SECURITY"))


@pytest.mark.parametrize("service", SERVICES)  # every service the platform has: a new one cannot be forgotten
def test_every_table_of_every_service_forces_row_level_security(service):
    engines()
    migrations.upgrade(service, ENV["TRACKER_MIGRATION_DATABASE_URL_TEMPLATE"].format(service=service))
    db = Database.from_url(ENV["TRACKER_DATABASE_URL_TEMPLATE"].format(service=service))
    with db.engine.connect() as conn:
        tables = conn.execute(text(
            "SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity, pg_get_userbyid(c.relowner) = current_user "
            "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'public' AND c.relkind = 'r'")).all()
        hidden = conn.execute(text("SELECT count(*) FROM alembic_version")).scalar_one()
    db.dispose()
    assert tables, "no tables found"
    assert not [t.relname for t in tables if t[3]], "the services' role must own no table"
    unforced = [t.relname for t in tables if t.relname != "alembic_version" and not (t[1] and t[2])]
    assert not unforced, f"tables without forced row-level security: {unforced}"
    assert hidden == 0, "the migration bookkeeping is hidden from the services' role"
