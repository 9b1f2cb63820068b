"""Household rebuild benchmark (issue 5): figures only, printed and written to var/bench/households-<when>.json.

    python -m bench.households_bench        (or BENCH_ONLY=groups make bench, after the groups bench)

Against the local PostgreSQL (`make infra-up`), in this process, as `python -m services.households
rebuild` runs it:
  1. TRACKER_BENCH_HOUSEHOLD_PEOPLE (1,000,000) generated residents (services/common/sample_residents.py)
     written with COPY into the households service's residents table of a new landlord, placed in no
     household yet (as if the matching rules had changed for all of them);
  2. the rebuild (services/households/rebuild.py): every resident's household worked out, households
     created, occupancies written and a HouseholdChanged per household put in the outbox, a batch of
     10,000 per transaction; residents/s;
  3. the rebuild again, with nothing left to move (the check pass a repair run mostly is); residents/s.
Beside them, in the same run: the COPY rate of the same rows and a plain keyset-paged read of them
(10,000 a page) from PostgreSQL, and the ratios. The landlord's rows are deleted afterwards (its
outbox rows too, so nothing is published).
"""
from __future__ import annotations

import datetime as dt
import os
import resource
import sys
import time
import uuid
from typing import Any

from bench import harness
from bench.import_measure import admin_conninfo
from bench.search_platform import OUT
from services.common import context, local_cluster
from services.common.sample_residents import feed_rows

PEOPLE = int(os.environ.get("TRACKER_BENCH_HOUSEHOLD_PEOPLE", "1000000"))
BATCH = 10_000
SEED = 55
COLUMNS = ("landlord_id", "person_id", "personal_ref", "first_name", "surname", "status", "date_of_birth",
           "tenancy_type", "property_ref", "address_line_1", "address_line_2", "address_line_3", "address_line_4",
           "postcode", "updated_at")
TABLES = ("household_profile_values", "household_occupancies", "household_residents", "households", "outbox")


def _connect():
    import psycopg
    return psycopg.connect(admin_conninfo().rsplit("/", 1)[0] + "/tracker_households")


def seed(landlord_id: str) -> float:
    """COPY PEOPLE residents in; seconds."""
    now = dt.datetime.now(dt.timezone.utc)
    started = time.perf_counter()
    with _connect() as db, db.cursor() as cursor:
        with cursor.copy(f"COPY household_residents ({', '.join(COLUMNS)}) FROM STDIN") as copy:
            for row in feed_rows(PEOPLE, seed=SEED, landlord_code="HHB"):
                copy.write_row((landlord_id, str(uuid.uuid4()), row["personal_ref"], row["first_name"],
                                row["surname"], "current", row["date_of_birth"] or None, row["tenancy_type"],
                                row["property_ref"], row["address1"], row["address2"], row["address3"],
                                row["address4"], row["postcode"], now))
    return time.perf_counter() - started


def raw_read(landlord_id: str) -> tuple[float, int]:
    """Every resident row of the landlord in keyset pages of BATCH, as the rebuild pages them."""
    started, count, after = time.perf_counter(), 0, 0
    with _connect() as db:
        while True:
            rows = db.execute("SELECT * FROM household_residents WHERE landlord_id = %s AND resident_no > %s "
                              "ORDER BY resident_no LIMIT %s", (landlord_id, after, BATCH)).fetchall()
            if not rows:
                break
            count += len(rows)
            after = rows[-1][0]
    return time.perf_counter() - started, count


def counts(landlord_id: str) -> dict[str, int]:
    with _connect() as db:
        one = lambda sql: db.execute(sql, (landlord_id,)).fetchone()[0]  # noqa: E731
        return {"households": one("SELECT count(*) FROM households WHERE landlord_id = %s"),
                "occupied": one("SELECT count(*) FROM households WHERE landlord_id = %s AND occupant_count > 0"),
                "placed": one("SELECT count(*) FROM household_residents WHERE landlord_id = %s "
                              "AND household_id IS NOT NULL"),
                "events": one("SELECT count(*) FROM outbox WHERE landlord_id = %s")}


def clean(landlord_id: str) -> None:
    with _connect() as db:
        for table in TABLES:
            db.execute(f"DELETE FROM {table} WHERE landlord_id = %s", (landlord_id,))


def main(argv: list[str] | None = None) -> dict[str, Any]:
    from services.common.config import Settings
    from services.households import bootstrap
    from services.households.rebuild import rebuild
    when, _ = harness.started()
    settings = Settings.from_env({**os.environ, **local_cluster.ENV, "TRACKER_VAR_DIR": str(OUT / "cluster")})
    service = bootstrap.build(settings)
    service.runtime.migrate()
    landlord_id = str(uuid.uuid4())
    print(f"households bench: {PEOPLE:,} residents into landlord {landlord_id}", flush=True)
    try:
        copy_s = seed(landlord_id)
        read_s, read = raw_read(landlord_id)
        with context.bound(context.CallContext(landlord_id=landlord_id, request_id="bench")):
            started = time.perf_counter()
            first = rebuild(service.runtime.uow, landlord_id, BATCH)
            first_s = time.perf_counter() - started
            after_first = counts(landlord_id)
            started = time.perf_counter()
            second = rebuild(service.runtime.uow, landlord_id, BATCH)
            second_s = time.perf_counter() - started
    finally:
        clean(landlord_id)
        service.runtime.database.dispose()
    results = {
        "when": when, "machine": harness.machine(), "residents": PEOPLE, "batch": BATCH,
        "copy_s": round(copy_s, 1), "copy_per_s": round(PEOPLE / copy_s),
        "read_s": round(read_s, 1), "read_per_s": round(read / read_s),
        "rebuild_s": round(first_s, 1), "rebuild_per_s": round(PEOPLE / first_s), "rebuild": vars(first),
        "after_rebuild": after_first,
        "recheck_s": round(second_s, 1), "recheck_per_s": round(PEOPLE / second_s), "recheck": vars(second),
        "rebuild_to_read": round(first_s / read_s, 1), "rebuild_to_copy": round(first_s / copy_s, 1),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    print(report(results))
    harness.write_results("households", results)
    return results


def report(r: dict) -> str:
    a = r["after_rebuild"]
    return "\n".join([
        f"\nHousehold rebuild ({r['machine']}, PostgreSQL, batches of {r['batch']:,}), {r['residents']:,} residents:",
        f"  rebuild from nothing placed  {r['rebuild_s']:>8.1f} s  {r['rebuild_per_s']:>9,} residents/s  "
        f"({a['households']:,} households, {a['occupied']:,} occupied, {a['placed']:,} placed, "
        f"{a['events']:,} events)",
        f"  rebuild again, nothing moves {r['recheck_s']:>8.1f} s  {r['recheck_per_s']:>9,} residents/s",
        f"  beside it: COPY in {r['copy_s']:.1f} s ({r['copy_per_s']:,}/s), keyset read {r['read_s']:.1f} s "
        f"({r['read_per_s']:,}/s); rebuild / read {r['rebuild_to_read']}x, rebuild / COPY {r['rebuild_to_copy']}x; "
        f"peak RSS of this process {r['peak_rss_mib']} MiB",
    ])


if __name__ == "__main__":
    main(sys.argv[1:])
