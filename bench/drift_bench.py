"""Search drift benchmark (issue 13, item 2): figures only, printed and written to var/bench/drift-<when>.json.

    python -m bench.drift_bench        (or BENCH_ONLY=drift make bench)

The scenario that once left people out of "members of this group" in search for good:
  1. a local-cluster platform as its own processes (bench ports, its own index prefix), with the
     periodic reconcile off, so nothing repairs the index behind the measurement;
  2. a landlord with TRACKER_BENCH_DRIFT_PEOPLE (200,000) generated residents, imported through the gateway;
  3. an admin group made from everybody ({} criteria): one PersonGroupsChanged per person, which profiles'
     group-facts consumer indexes while the people and household-facts consumers write the same documents;
  4. waits until profiles holds every membership and the count of people search finds in the group has
     stood still for TRACKER_BENCH_DRIFT_SETTLE seconds (60), then runs
     `python -m services.profiles reconcile --landlord <id>` and reports what it repaired.
Reported: the import and group times, how long search took to show the group on everybody, the count
search gave before reconcile, and reconcile's figures (stale, missing, extra documents).
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
from typing import Any

from bench import harness
from bench.groups_bench import load_people, make_selections
from bench.import_measure import admin_conninfo
from bench.search_platform import OUT, ROOT, Http, _token, create_landlord
from services.common import local_cluster

PEOPLE = int(os.environ.get("TRACKER_BENCH_DRIFT_PEOPLE", "200000"))
SETTLE = float(os.environ.get("TRACKER_BENCH_DRIFT_SETTLE", "60"))
TIMEOUT = float(os.environ.get("TRACKER_BENCH_DRIFT_TIMEOUT", "7200"))
PREFIX = os.environ.get("TRACKER_BENCH_DRIFT_INDEX_PREFIX", "benchdrift_")


def memberships_held(landlord_id: str, group_id: str) -> int:
    """People whose group facts in profiles' own table name the group (what search should show)."""
    import psycopg
    with psycopg.connect(admin_conninfo().rsplit("/", 1)[0] + "/tracker_profiles") as db:
        return db.execute("SELECT count(*) FROM person_groups WHERE landlord_id = %s AND admin_group_ids LIKE %s",
                          (landlord_id, f'%"{group_id}"%')).fetchone()[0]


def wait_for_search(base: str, landlord: dict, group_id: str) -> dict[str, Any]:
    """Until profiles holds every membership and search's count of the group has not moved for SETTLE s."""
    api = Http(base, {"Authorization": f"Bearer {_token(base, landlord['username'], landlord['password'])}"})
    body = {"criteria": {"admin_group": [group_id]}, "count_only": True}
    started = time.perf_counter()
    last, still_since, everybody_at = -1, time.perf_counter(), None
    while True:
        found = api.json("POST", "/api/v1/people/search", body)["total"]
        now = time.perf_counter()
        if found != last:
            last, still_since = found, now
            print(f"drift bench: search finds {found:,} of {PEOPLE:,} in the group after {now - started:,.0f} s",
                  flush=True)
        if found == PEOPLE and everybody_at is None:
            everybody_at = now - started
        held = memberships_held(landlord["id"], group_id)
        if held == PEOPLE and now - still_since >= SETTLE:
            break
        if now - started > TIMEOUT:
            break
        time.sleep(5)
    api.close()
    return {"memberships_held": held, "search_found_before_reconcile": last,
            "search_shows_everybody_s": round(everybody_at, 1) if everybody_at is not None else None,
            "waited_s": round(time.perf_counter() - started, 1)}


def reconcile(landlord_id: str) -> dict[str, Any]:
    env = {**os.environ, **local_cluster.ENV, "TRACKER_SEARCH_INDEX_PREFIX": PREFIX, "TRACKER_LOG_LEVEL": "WARNING",
           "TRACKER_VAR_DIR": str(OUT / "cluster")}
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "services.profiles", "reconcile", "--landlord", landlord_id],
                          env=env, cwd=ROOT, capture_output=True, text=True, timeout=TIMEOUT)
    return {"exit_code": done.returncode, "seconds": round(time.perf_counter() - started, 1),
            "printed": done.stdout.strip().splitlines(), "errors": done.stderr.strip().splitlines()[-5:]}


def main(argv: list[str] | None = None) -> dict:
    when, run_id = harness.started()
    os.environ["TRACKER_RECONCILE_INTERVAL_SECONDS"] = "0"  # nothing repairs the index behind the measurement
    with harness.work_folder("drift", run_id) as work, harness.platform(PREFIX) as (_, base):
        landlord = create_landlord(base, "DRF", run_id)
        people = load_people(base, landlord, work, PEOPLE)
        selections = make_selections(base, landlord, PEOPLE)
        print(f"drift bench: admin group of {PEOPLE:,} made in {selections['group_create_s']} s", flush=True)
        searched = wait_for_search(base, landlord, selections["group_id"])
        reconciled = reconcile(landlord["id"])
        again = reconcile(landlord["id"])
    results = {"when": when, "machine": harness.machine(), "people": people, "group": selections,
               "search": searched, "reconcile": reconciled, "reconcile_again": again}
    print(f"\nDrift ({results['machine']}): {PEOPLE:,} residents imported and searchable in "
          f"{people['import_and_searchable_s']} s; admin group of everybody made in {selections['group_create_s']} s")
    print(f"search showed the group on everybody after {searched['search_shows_everybody_s']} s; "
          f"before reconcile search found {searched['search_found_before_reconcile']:,}, "
          f"profiles held {searched['memberships_held']:,} memberships")
    print("reconcile: " + " | ".join(reconciled["printed"]) + f" ({reconciled['seconds']} s)")
    print("reconcile again: " + " | ".join(again["printed"]) + f" ({again['seconds']} s)")
    harness.write_results("drift", results)
    return results


if __name__ == "__main__":
    main(sys.argv[1:])
