"""The groups service on embedded storage (SQLite, in-process bus) with a fake profiles.
TRACKER_GROUPS_TEST_POSTGRES=1 runs the same tests on the local cluster's PostgreSQL instead
(row-level security, upserts and row locks as in production; still the in-process bus)."""
from __future__ import annotations

import os
import uuid
from typing import Callable

import pytest
from sqlalchemy import select

from services.common.envelope import unwrap
from services.common.group_events import person_groups
from services.common.errors import InvalidInput
from services.gen.tracker.groups.v1 import events_pb2
from services.groups import bootstrap, tables
from services.common.bus.inprocess import InProcessBus
from tests.conftest import cluster_settings, embedded_settings


class FakePeople:
    """Profiles as the groups service sees it. `matches(criteria)` says who criteria pick (default:
    every current person); `answers` (when given) are returned by successive resolve calls instead.
    `while_asked()` (when given) runs at every call, as if while profiles answers."""

    def __init__(self):
        self.people: dict[str, str] = {}
        self.answers: list[list[str]] = []
        self.matches: Callable[[dict], list[str]] | None = None
        self.refuse: InvalidInput | None = None
        self.resolved: list[dict] = []
        self.counted: list[dict] = []
        self.while_asked: Callable[[], None] | None = None

    def _asked(self) -> None:
        if self.while_asked:
            self.while_asked()

    def add(self, n: int = 1, status: str = "current") -> list[str]:
        ids = [str(uuid.uuid4()) for _ in range(n)]
        self.people.update({i: status for i in ids})
        return ids

    def status(self, person_ids):
        self._asked()
        return {p: self.people[p] for p in person_ids if p in self.people}

    def _pick(self, criteria: dict) -> list[str]:
        if self.answers:
            return self.answers.pop(0)
        if self.matches:
            return self.matches(criteria)
        return [p for p, s in self.people.items() if s == "current"]

    def resolve(self, criteria, chunk_size=5000):
        self._asked()
        self.resolved.append(criteria)
        ids = self._pick(criteria)
        for start in range(0, max(len(ids), 1), chunk_size):
            yield ids[start:start + chunk_size], len(ids) if start == 0 else 0

    def count(self, criteria):
        self._asked()
        self.counted.append(criteria)
        if self.refuse:
            raise self.refuse
        return len(self._pick(criteria)) if self.matches else 0

    def close(self):
        pass


@pytest.fixture
def people() -> FakePeople:
    return FakePeople()


@pytest.fixture
def groups(tmp_path, people):
    postgres = os.environ.get("TRACKER_GROUPS_TEST_POSTGRES") == "1"
    settings = cluster_settings(tmp_path) if postgres else embedded_settings(tmp_path)
    svc = bootstrap.build(settings, people=people, bus=InProcessBus(str(tmp_path / "events.sqlite")))
    svc.runtime.migrate()
    yield svc
    svc.runtime.bus.close()
    svc.runtime.database.dispose()


@pytest.fixture
def landlord() -> str:
    return str(uuid.uuid4())


@pytest.fixture
def uow(groups, landlord):
    """A fresh unit of work of the landlord for each call: uow() as a context manager."""
    return lambda: groups.runtime.uow(landlord)


def outbox_events(groups, landlord: str) -> list[events_pb2.PersonGroupsChanged]:
    """Every person's groups state the landlord's changes put in the outbox (alone or in batches), oldest first."""
    with groups.runtime.uow(landlord) as unit:
        rows = unit.session.execute(select(tables.outbox.c.envelope).where(tables.outbox.c.landlord_id == landlord)
                                    .order_by(tables.outbox.c.id)).scalars().all()
    return list(person_groups(unwrap(r) for r in rows))
