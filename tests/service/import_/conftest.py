"""The import service's runtime on embedded storage, migrated, with a clock that stands still until a test moves it."""
import importlib

import pytest

from services.common.clock import FixedClock
from tests.conftest import embedded_settings

bootstrap = importlib.import_module("services.import.bootstrap")


@pytest.fixture
def runtime(tmp_path):
    svc = bootstrap.build(embedded_settings(tmp_path), clock=FixedClock())
    svc.runtime.migrate()
    yield svc.runtime
    svc.runtime.bus.close()
    svc.runtime.database.dispose()
