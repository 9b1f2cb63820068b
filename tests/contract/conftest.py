"""The contract tests' database: each suite runs against every implementation of its port."""
from __future__ import annotations

from typing import Iterator

import pytest

from services.common import migrations
from services.common.db import Database
from services.common.local_cluster import ENV
from tests.conftest import engines


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.engines)])
def database(request, tmp_path_factory) -> Iterator[Database]:
    """The migrated database of the service the test module names in `DATABASE_OF`: a SQLite file
    (embedded), or the local cluster's PostgreSQL as the services' role, behind row-level security."""
    service = request.module.DATABASE_OF
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp(service)}/{service}.sqlite"
        migrations.upgrade(service, url)
    else:
        engines()
        migrations.upgrade(service, ENV["TRACKER_MIGRATION_DATABASE_URL_TEMPLATE"].format(service=service))
        url = ENV["TRACKER_DATABASE_URL_TEMPLATE"].format(service=service)
    db = Database.from_url(url)
    yield db
    db.dispose()
