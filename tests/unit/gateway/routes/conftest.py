"""The gateway alone (no other service behind it), embedded, on a fixed clock, with its operator."""
from __future__ import annotations

import datetime as dt

import pytest

from services.common.clock import FixedClock
from services.gateway import bootstrap, service
from tests.conftest import embedded_settings

OPERATOR_PASSWORD = "sturdy-lantern-harbour-42"


@pytest.fixture
def gateway(tmp_path):
    gw = bootstrap.build(embedded_settings(tmp_path), addresses={},
                         clock=FixedClock(dt.datetime(2031, 2, 1, tzinfo=dt.timezone.utc)))
    gw.migrate()
    with gw.uow(platform=True) as uow:
        service.ensure_operator(uow, password=OPERATOR_PASSWORD)
    yield gw
    gw.stop()
