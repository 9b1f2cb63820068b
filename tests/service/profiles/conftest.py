"""The profiles service on embedded storage (SQLite, embedded index, in-process bus) in tmp_path."""
from __future__ import annotations

import uuid

import pytest

from services.profiles import bootstrap, search
from tests.conftest import embedded_settings


@pytest.fixture
def profiles(tmp_path):
    svc = bootstrap.build(embedded_settings(tmp_path))
    svc.runtime.migrate()
    svc.index.ensure_index(search.INDEX, search.index_fields())
    yield svc
    svc.runtime.bus.close()
    svc.index.close()
    svc.runtime.database.dispose()


@pytest.fixture
def landlord() -> str:
    return str(uuid.uuid4())
