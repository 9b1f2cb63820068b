"""Change -> aggregate latency under a steady stream of edits (issue 15), for bench/reporting_bench.py.

An officer's edit (PATCH /api/v1/people/{id} through the gateway) every 1/RATE seconds for SECONDS, each to a
different person, each changing their religion (a field the housing-system feed does not own, so imported
people may be edited). Each edit's latency runs from the gateway's answer (the change committed in profiles)
to the moment reporting's counted row for that person holds a newer version than before the edit: the row
and the aggregate counts change in one transaction, so that is when the edit is counted. Reporting's table
is polled every POLL seconds straight from PostgreSQL (the poll's interval bounds the figure's resolution).
"""
from __future__ import annotations

import os
import statistics
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from bench.search_platform import Http

RATE = float(os.environ.get("TRACKER_BENCH_EDITS_PER_S", "10"))
SECONDS = float(os.environ.get("TRACKER_BENCH_EDIT_SECONDS", "60"))
POLL = 0.01
RELIGIONS = ("Christian", "No religion")


def _reporting_db():
    import psycopg

    from bench.import_measure import admin_conninfo
    return psycopg.connect(admin_conninfo().rsplit("/", 1)[0] + "/tracker_reporting", autocommit=True)


def _people(db, landlord_id: str, count: int) -> list[tuple[str, int]]:
    return db.execute("SELECT person_id, version FROM counted_people WHERE landlord_id = %s "
                      "ORDER BY md5(person_id) LIMIT %s", (landlord_id, count)).fetchall()


def _percentile(ordered: list[float], share: float) -> float:
    return round(ordered[min(len(ordered) - 1, max(0, int(round(len(ordered) * share)) - 1))], 1)


def measure(base: str, headers: dict[str, str], landlord_id: str) -> dict:
    """p50 / p99 / max (ms) from each edit's answer to its person counted anew, and the edits' own latency."""
    total = int(RATE * SECONDS)
    db = _reporting_db()
    people = _people(db, landlord_id, total)
    answered: dict[str, tuple[float, int]] = {}  # person -> (answered at, version before)
    counted: dict[str, float] = {}
    edit_ms: list[float] = []
    failures: list[str] = []
    lock = threading.Lock()
    done = threading.Event()
    local = threading.local()  # one keep-alive connection per editing thread


    def edit(index: int, person_id: str, before: int) -> None:
        if not hasattr(local, "api"):
            local.api = Http(base, headers)
        started = time.perf_counter()
        try:
            status, answer = local.api.call("PATCH", f"/api/v1/people/{person_id}",
                                            f'{{"religion": "{RELIGIONS[index % 2]}"}}'.encode())
        except OSError as error:  # counted as a failed edit, not lost in the pool
            status, answer = 0, repr(error)
        finished = time.perf_counter()
        with lock:
            if status != 200:
                failures.append(f"{status}: {str(answer)[:200]}")
                return
            edit_ms.append((finished - started) * 1000)
            answered[person_id] = (finished, before)

    def watch() -> None:
        while not done.is_set() or len(counted) < len(answered):
            with lock:
                waiting = {p: v for p, (_, v) in answered.items() if p not in counted}
            if waiting:
                rows = db.execute("SELECT person_id, version FROM counted_people WHERE landlord_id = %s "
                                  "AND person_id = ANY(%s)", (landlord_id, list(waiting))).fetchall()
                seen = time.perf_counter()
                for person_id, version in rows:
                    if version > waiting[person_id]:
                        counted[person_id] = seen
            if done.is_set() and time.perf_counter() - last_sent[0] > 120:
                break  # anything not counted two minutes after the last edit is reported as missing
            time.sleep(POLL)

    last_sent = [time.perf_counter()]
    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    with ThreadPoolExecutor(max_workers=8) as pool:
        start = time.perf_counter()
        for index, (person_id, before) in enumerate(people):
            delay = start + index / RATE - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            pool.submit(edit, index, person_id, before)
            last_sent[0] = time.perf_counter()
    done.set()
    watcher.join()
    db.close()
    latencies = sorted((counted[p] - answered[p][0]) * 1000 for p in counted)
    edits = sorted(edit_ms)
    return {"edits_per_s": RATE, "seconds": SECONDS, "edits": len(people), "failed": len(failures),
            "first_failures": failures[:3], "counted": len(latencies), "not_counted": len(answered) - len(counted),
            "change_to_aggregate": {"p50_ms": round(statistics.median(latencies), 1) if latencies else None,
                                    "p99_ms": _percentile(latencies, 0.99) if latencies else None,
                                    "max_ms": round(latencies[-1], 1) if latencies else None},
            "edit_answered": {"p50_ms": round(statistics.median(edits), 1) if edits else None,
                              "p99_ms": _percentile(edits, 0.99) if edits else None},
            "poll_interval_ms": POLL * 1000}
