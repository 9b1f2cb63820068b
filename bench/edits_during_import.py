"""Officers' edits while an import runs (issue 19), for bench/import_bench.py: an edit every 1/RATE seconds
(PATCH /api/v1/people/{id} setting religion, a field the housing-system feed does not own), each to a different
person, until stopped. Each edit's latency runs from the gateway's answer (committed in profiles) to the moment
a search through the gateway finds the person with the new value; the searches poll every POLL seconds.
"""
from __future__ import annotations

import os
import statistics
import threading
import time

from bench.search_platform import Http

RATE = float(os.environ.get("TRACKER_BENCH_IMPORT_EDITS_PER_S", "5"))
POLL = 0.05
RELIGION = "Christian"
BODY = f'{{"religion": "{RELIGION}"}}'.encode()
SEARCH_AT_ONCE = 500  # personal references one watching search asks for


def people_to_edit(api: Http, count: int) -> list[tuple[str, str]]:
    """(person id, personal reference) of up to `count` current people without the religion the edits set."""
    page = api.json("POST", "/api/v1/people/search", {"criteria": {}, "page_size": min(count, 500)})
    return [(row["id"], row["personal_ref"]) for row in page["items"]]


def _percentile(ordered: list[float], share: float) -> float:
    return round(ordered[min(len(ordered) - 1, max(0, int(round(len(ordered) * share)) - 1))], 1)


class EditsDuringImport:
    """Start it as the import starts, stop it when the import is searchable; `figures()` after that."""

    def __init__(self, base: str, headers: dict[str, str], people: list[tuple[str, str]]):
        self._base, self._headers, self._people = base, headers, people
        self._answered: dict[str, float] = {}  # personal reference -> when the edit was answered
        self._found: dict[str, float] = {}
        self._failures: list[str] = []
        self._lock = threading.Lock()
        self._stop, self._done = threading.Event(), threading.Event()
        self._threads = [threading.Thread(target=self._edit, daemon=True, name="bench-edits"),
                         threading.Thread(target=self._watch, daemon=True, name="bench-edit-watch")]

    def start(self) -> "EditsDuringImport":
        for thread in self._threads:
            thread.start()
        return self

    def stop(self, settle_s: float = 30.0) -> None:
        """No more edits; wait up to `settle_s` for the last ones to be found."""
        self._stop.set()
        self._threads[0].join()
        deadline = time.perf_counter() + settle_s
        while time.perf_counter() < deadline:
            with self._lock:
                if len(self._found) >= len(self._answered):
                    break
            time.sleep(POLL)
        self._done.set()
        self._threads[1].join()

    def _edit(self) -> None:
        api = Http(self._base, self._headers)
        start = time.perf_counter()
        for index, (person_id, ref) in enumerate(self._people):
            delay = start + index / RATE - time.perf_counter()
            if delay > 0 and self._stop.wait(delay):
                break
            if self._stop.is_set():
                break
            try:
                status, answer = api.call("PATCH", f"/api/v1/people/{person_id}", BODY)
            except OSError as error:
                status, answer = 0, repr(error)
            with self._lock:
                if status == 200:
                    self._answered[ref] = time.perf_counter()
                else:
                    self._failures.append(f"{status}: {str(answer)[:200]}")
        api.close()

    def _watch(self) -> None:
        api = Http(self._base, self._headers)
        while not self._done.is_set():
            with self._lock:
                waiting = [ref for ref in self._answered if ref not in self._found][:SEARCH_AT_ONCE]
            if waiting:
                page = api.json("POST", "/api/v1/people/search", {
                    "criteria": {"personal_ref": waiting, "religion": [RELIGION]}, "page_size": SEARCH_AT_ONCE})
                seen = time.perf_counter()
                with self._lock:
                    for row in page["items"]:
                        self._found.setdefault(row["personal_ref"], seen)
            time.sleep(POLL)
        api.close()

    def figures(self) -> dict:
        with self._lock:
            latencies = sorted((self._found[ref] - at) * 1000 for ref, at in self._answered.items()
                               if ref in self._found)
            return {"edits_per_s": RATE, "edits": len(self._answered), "failed": len(self._failures),
                    "first_failures": self._failures[:3], "found": len(latencies),
                    "not_found": len(self._answered) - len(latencies),
                    "edit_to_search": {"p50_ms": round(statistics.median(latencies), 1) if latencies else None,
                                       "p99_ms": _percentile(latencies, 0.99) if latencies else None,
                                       "max_ms": round(latencies[-1], 1) if latencies else None},
                    "poll_interval_ms": POLL * 1000}
