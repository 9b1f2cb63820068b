"""A landlord's communication code list made under concurrency, in SQLite and PostgreSQL: records being
written and changes to the list arriving at once for a landlord that has no list yet make it exactly once
(no duplicate rows, no failed transaction), and a product code deleted by one of them stays deleted."""
from __future__ import annotations

import threading
import uuid

import pytest
from sqlalchemy import func, select

from services.common import migrations
from services.common.db import Database
from services.common.local_cluster import ENV
from services.common.uow import UnitOfWork
from services.messaging import domain, tables
from services.messaging.codes import service as codes
from tests.conftest import engines

pytestmark = pytest.mark.engines
CALLERS = 6


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request, tmp_path):
    if request.param == "sqlite":
        url = owner = f"sqlite:///{tmp_path / 'messaging.sqlite'}"
    else:
        engines()
        owner = ENV["TRACKER_MIGRATION_DATABASE_URL_TEMPLATE"].format(service="messaging")
        url = ENV["TRACKER_DATABASE_URL_TEMPLATE"].format(service="messaging")
    migrations.upgrade("messaging", owner)
    db = Database.from_url(url)
    yield db
    db.dispose()


def _count(db: Database, landlord: str, table) -> int:
    with UnitOfWork(db, landlord_id=landlord, read_only=True) as uow:
        return uow.session.execute(select(func.count()).select_from(table)
                                   .where(table.c.landlord_id == landlord)).scalar_one()


def test_the_list_is_made_once_whoever_comes_first(database):
    landlord, failures = str(uuid.uuid4()), []
    start = threading.Barrier(CALLERS)

    def call(i: int) -> None:
        try:
            with UnitOfWork(database, tables.outbox, lambda event: [], landlord_id=landlord) as uow:
                start.wait()
                if i == 0:
                    codes.remove_code(uow, code="met")
                elif i % 2:
                    codes.for_records(uow)
                    uow.commit()
                else:
                    codes.change_code(uow, code="phoned", label=f"Phoned {i}", archived=None)
        except Exception as error:  # noqa: BLE001 - every failure is the finding
            failures.append(repr(error))

    callers = [threading.Thread(target=call, args=(i,)) for i in range(CALLERS)]
    for caller in callers:
        caller.start()
    for caller in callers:
        caller.join()
    assert failures == []
    met = domain.BY_CODE["met"]
    assert _count(database, landlord, tables.communication_code_lists) == 1
    assert _count(database, landlord, tables.communication_codes) == len(domain.CODES) - 1
    assert _count(database, landlord, tables.outcome_codes) == sum(len(c.outcomes) for c in domain.CODES) - len(
        met.outcomes)
