"""Run the tiers fastest first (unit, service, contract, integration, e2e) and stop before the next
tier once one has failed: a broken unit test is reported in seconds, not after the e2e run.
`--all-tiers` runs every tier whatever fails."""
from __future__ import annotations

from pathlib import Path

import pytest

TIERS = ("unit", "service", "contract", "integration", "e2e")
_TESTS = Path(__file__).resolve().parent


def tier_of(path: Path) -> int:
    """The tier's place in TIERS; files outside a tier folder come last."""
    try:
        first = Path(path).resolve().relative_to(_TESTS).parts[0]
    except ValueError:
        return len(TIERS)
    return TIERS.index(first) if first in TIERS else len(TIERS)


def pytest_addoption(parser):
    parser.addoption("--all-tiers", action="store_true", help="run later test tiers even after one has failed")


def pytest_collection_modifyitems(session, config, items):
    items.sort(key=lambda item: tier_of(item.path))  # stable: the order inside a tier is unchanged


_failed_tiers: set[int] = set()


def pytest_runtest_logreport(report):
    if report.failed:
        _failed_tiers.add(tier_of(Path(report.fspath)))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item, nextitem):
    result = yield
    if nextitem is not None and _failed_tiers and not item.config.getoption("--all-tiers"):
        failed = max(_failed_tiers)
        if tier_of(nextitem.path) > failed >= tier_of(item.path):
            item.session.shouldstop = f"the {TIERS[failed]} tier failed, so later tiers were not run (--all-tiers runs them)"
    return result
