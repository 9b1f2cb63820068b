"""Shared fixtures. Tests that need a real engine are marked `engines`; when an
engine is down they fail and say which (they never skip)."""
from __future__ import annotations

import os
import subprocess
import uuid
from pathlib import Path

import pytest

from services.common import local_cluster
from services.common.config import Settings

pytest_plugins = ["tests.tier_order"]

ROOT = Path(__file__).resolve().parents[1]
_engine_state: dict = {}


def engines() -> dict[str, str]:
    """Engine versions, checked once per run; pytest.fail naming the engine that is down."""
    if "versions" not in _engine_state:
        try:
            _engine_state["versions"] = local_cluster.engine_versions()
        except RuntimeError as error:
            _engine_state["error"] = str(error)
            _engine_state["versions"] = None
    if _engine_state["versions"] is None:
        pytest.fail(f"{_engine_state['error']} (start the engines with `make infra-up`)", pytrace=False)
    return _engine_state["versions"]


def pytest_report_header(config):
    if config.getoption("-m") == "not engines":
        return ["engines: not used (-m 'not engines')"]
    try:
        versions = local_cluster.engine_versions()
        _engine_state["versions"] = versions
    except RuntimeError as error:
        return [f"engines: NOT RUNNING: {error}"]
    reported = subprocess.run(["bash", str(ROOT / "deploy/local/infra.sh"), "versions"], capture_output=True, text=True)
    lines = reported.stdout.splitlines() or [f"{k} {v}" for k, v in versions.items()]
    return ["real engines on loopback, each answering (versions as the engines report them):"] + [f"  {l}" for l in lines]


def _moved_calendar() -> dict[str, str]:
    """`TRACKER_CLOCK_OFFSET_DAYS=365 make test` runs every platform the tests start a year ahead."""
    offset = os.environ.get("TRACKER_CLOCK_OFFSET_DAYS")
    return {"TRACKER_CLOCK_OFFSET_DAYS": offset} if offset else {}


def embedded_settings(tmp_path) -> Settings:
    return Settings.from_env({"TRACKER_VAR_DIR": str(tmp_path), "TRACKER_OPERATOR_PASSWORD": "sturdy-lantern-harbour-42",
                              "TRACKER_TOKEN_SECRET": "t" * 48, "TRACKER_LOG_LEVEL": "WARNING", **_moved_calendar()})


def cluster_settings(tmp_path) -> Settings:
    engines()
    env = {**local_cluster.ENV, "TRACKER_VAR_DIR": str(tmp_path), "TRACKER_OPERATOR_PASSWORD": "sturdy-lantern-harbour-42",
           "TRACKER_TOKEN_SECRET": "t" * 48, "TRACKER_LOG_LEVEL": "WARNING",
           "TRACKER_SEARCH_INDEX_PREFIX": os.environ.get("TRACKER_TEST_INDEX_PREFIX", ""), **_moved_calendar()}
    return Settings.from_env(env)


MODES = ["embedded", pytest.param("cluster", marks=pytest.mark.engines)]


def settings_for(mode: str, tmp_path) -> Settings:
    return embedded_settings(tmp_path) if mode == "embedded" else cluster_settings(tmp_path)


@pytest.fixture
def unique() -> str:
    return uuid.uuid4().hex[:8]
