"""Every landlord a table holds rows for (services/common/db.py `landlords_in`), on SQLite and PostgreSQL,
as a platform-level transaction sees them: each once, in order (the table may hold other tests' landlords)."""
from __future__ import annotations

import uuid

from sqlalchemy import insert

from services.common.db import landlords_in
from services.reporting.tables import counted_households

DATABASE_OF = "reporting"  # the `database` fixture (conftest.py): SQLite and PostgreSQL


def test_each_landlord_once_in_order(database):
    session = database.open(platform=True)
    landlords = sorted(str(uuid.uuid4()) for _ in range(5))
    session.execute(insert(counted_households), [
        {"landlord_id": landlord_id, "household_id": f"h-{n}", "version": 1, "facts": "[]"}
        for number, landlord_id in enumerate(landlords) for n in range(number * 3 + 1)])
    try:
        found = landlords_in(session, counted_households.c.landlord_id)
        assert [landlord_id for landlord_id in found if landlord_id in landlords] == landlords
        assert found == sorted(set(found))
    finally:
        session.rollback()
        session.close()
