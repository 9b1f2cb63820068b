"""The reporting service on embedded storage (SQLite, in-process bus) in tmp_path, on a clock tests move."""
from __future__ import annotations

import datetime as dt
import uuid

import pytest

from services.common import context
from services.common.clock import FixedClock
from services.reporting import bootstrap
from tests.conftest import embedded_settings


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(dt.datetime(2027, 3, 9, 12, tzinfo=dt.timezone.utc))


@pytest.fixture
def reporting(tmp_path, clock):
    svc = bootstrap.build(embedded_settings(tmp_path), clock=clock)
    svc.runtime.migrate()
    yield svc
    svc.runtime.bus.close()
    svc.runtime.database.dispose()


@pytest.fixture
def landlord() -> str:
    landlord_id = str(uuid.uuid4())
    with context.bound(context.CallContext(landlord_id=landlord_id, request_id="test")):
        yield landlord_id
