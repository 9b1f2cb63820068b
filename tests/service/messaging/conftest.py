"""The messaging service on embedded defaults with a fixed clock; `people` (what profiles would answer about
people) is the fake address book here, unless a test module gives its own."""
from __future__ import annotations

import datetime as dt
import uuid

import pytest

from services.common.bus.inprocess import InProcessBus
from services.common.clock import FixedClock
from services.messaging import bootstrap
from tests.conftest import embedded_settings
from tests.service.messaging.address_book import FakeAddressBook

NOW = dt.datetime(2026, 6, 15, 9, 30, tzinfo=dt.timezone.utc)


@pytest.fixture
def book():
    return FakeAddressBook()


@pytest.fixture
def people(book):
    return book


@pytest.fixture
def messaging(tmp_path, people):
    svc = bootstrap.build(embedded_settings(tmp_path), people=people, clock=FixedClock(NOW),
                          bus=InProcessBus(str(tmp_path / "events.sqlite")))
    svc.runtime.migrate()
    yield svc
    svc.runtime.bus.close()
    svc.runtime.database.dispose()


@pytest.fixture
def landlord() -> str:
    return str(uuid.uuid4())
