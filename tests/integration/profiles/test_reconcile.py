"""Reconcile (`python -m services.profiles reconcile [--landlord ID]`, and the profiles process's
periodic job) compares the people index with the database per landlord and repairs what
differs: documents missing, stale (an older version than the database's), ahead (a newer
one: written before versions, or a database restored) and extra (no such person)."""
from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid

from prometheus_client import REGISTRY

from services.profiles import bootstrap, maintenance, search, service
from services.profiles.search import indexing
from tests.conftest import ROOT, embedded_settings
from tests.integration.profiles import test_indexing
from tests.integration.profiles.test_indexing import _differing

profiles = test_indexing.profiles  # the profiles service in each mode: embedded, real engines
CLEAN = {"missing": 0, "stale": 0, "ahead": 0, "extra": 0, "refused": 0}


def _drifted_landlord(profiles) -> tuple[str, list[str]]:
    """A landlord whose index is wrong in every way: one document stale, one missing, one ahead, one extra."""
    landlord = str(uuid.uuid4())
    with profiles.runtime.uow(landlord) as uow:
        ids = [service.add_person(uow, raw={"personal_ref": f"D{i}", "first_name": "Dri", "surname": f"Ft{i}"},
                                  user_id="U1")[0].person_id for i in range(4)]
    with profiles.runtime.uow(landlord) as uow:
        indexing.index_now(uow, profiles.index, person_ids=ids[:3])
    with profiles.runtime.uow(landlord) as uow:  # changed; its event never handled
        service.change_person(uow, person_id=ids[0], raw={"surname": "Changed"}, user_id="U1")
    profiles.index.index(search.INDEX, landlord, ids[1], {"surname": "Old"}, version=99)  # ahead of the database
    profiles.index.index(search.INDEX, landlord, str(uuid.uuid4()), {"surname": "Nobody"}, version=1)  # extra
    return landlord, ids  # ids[3]: never indexed


def _repaired(drift: str) -> float:
    return REGISTRY.get_sample_value("tracker_search_drift_repaired_total", {"drift": drift}) or 0.0


def test_reconcile_repairs_stale_missing_ahead_and_extra_documents(profiles):
    landlord, ids = _drifted_landlord(profiles)
    other, _ = _drifted_landlord(profiles)
    assert len(_differing(profiles, landlord)) == 4
    before = {kind: _repaired(kind) for kind in ("missing", "stale", "ahead", "extra")}

    found = maintenance.reconcile(profiles, landlord)

    assert {k: d.counts() for k, d in found.items()} == {
        landlord: {"missing": 1, "stale": 1, "ahead": 1, "extra": 1, "refused": 0}}
    assert {kind: _repaired(kind) - count for kind, count in before.items()} == {
        "missing": 1, "stale": 1, "ahead": 1, "extra": 1}
    assert _differing(profiles, landlord) == set()
    assert len(_differing(profiles, other)) == 4, "only the landlord asked for"
    assert maintenance.reconcile(profiles, landlord)[landlord].counts() == CLEAN
    with profiles.runtime.uow(landlord) as uow:  # the person ahead is written again on their next change
        service.change_person(uow, person_id=ids[1], raw={"surname": "Later"}, user_id="U1")
    with profiles.runtime.uow(landlord) as uow:
        indexing.index_now(uow, profiles.index, person_ids=[ids[1]])
    profiles.index.refresh(search.INDEX)
    assert _differing(profiles, landlord) == set()


def test_the_periodic_job_reconciles_every_landlord(profiles):
    landlords = [_drifted_landlord(profiles)[0] for _ in range(2)]
    job = maintenance.ReconcileJob(profiles, 0.2).start()
    try:
        deadline = time.monotonic() + 60
        while any(_differing(profiles, landlord) for landlord in landlords):
            assert time.monotonic() < deadline, "the job did not repair the index within a minute"
            time.sleep(0.2)
    finally:
        job.stop()


def test_the_reconcile_command_prints_what_it_repaired(tmp_path):
    svc = bootstrap.build(embedded_settings(tmp_path))
    svc.runtime.migrate()
    svc.index.ensure_index(search.INDEX, search.index_fields())
    try:
        landlord, _ = _drifted_landlord(svc)
    finally:
        svc.runtime.bus.close()
        svc.index.close()
        svc.runtime.database.dispose()
    env = {**os.environ, "TRACKER_VAR_DIR": str(tmp_path), "TRACKER_LOG_LEVEL": "WARNING"}
    run = subprocess.run([sys.executable, "-m", "services.profiles", "reconcile", "--landlord", landlord],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == [f"landlord {landlord}: missing 1, stale 1, ahead 1, extra 1, refused 0",
                                       "1 landlord(s); documents repaired: 4"]
