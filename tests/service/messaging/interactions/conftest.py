"""Interactions and follow-up actions on embedded storage with a fixed clock (the messaging conftest's
`messaging`, at 09:30 UTC on 15 June 2026) and a fake profiles that knows people's status and names."""
from __future__ import annotations

import pytest

from tests.service.messaging.interactions.helpers import FakePeople


@pytest.fixture
def people():
    return FakePeople()


@pytest.fixture
def clock(messaging):
    return messaging.runtime.clock
