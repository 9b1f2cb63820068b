"""What every bench's main does around its measurement, written once: the run's time and id, a work
folder removed afterwards, a local-cluster platform stopped afterwards, and the results written to
var/bench/<name>-<when>.json. Benches run as modules from the repository (`python -m bench.<name>`)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from bench.run import PORTS
from bench.search_platform import ES_URL, OUT, ROOT, start_platform, stop_platform

QUIET_METRICS = ("tracker_events_consumed_total", "tracker_outbox_published_total")


def started() -> tuple[str, str]:
    """(when, run id) of a run starting now: UTC, ISO 8601, and the same as a name's part; var/bench/ made."""
    OUT.mkdir(parents=True, exist_ok=True)
    when = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    return when, when.replace(":", "").replace("-", "").lower()


def machine() -> str:
    return f"{os.cpu_count()} cores"


@contextmanager
def work_folder(name: str, run_id: str) -> Iterator[Path]:
    """var/bench/<name>-files-<run id>, for the run's generated files; removed with them afterwards."""
    work = OUT / f"{name}-files-{run_id}"
    work.mkdir(parents=True, exist_ok=True)
    try:
        yield work
    finally:
        shutil.rmtree(work, ignore_errors=True)


@contextmanager
def platform(prefix: str) -> Iterator[tuple[subprocess.Popen, str]]:
    """(process, gateway base URL) of a local-cluster platform on the bench ports, stopped afterwards."""
    process, base = start_platform(prefix)
    try:
        yield process, base
    finally:
        stop_platform(process)


def write_results(name: str, results: dict) -> Path:
    """var/bench/<name>-<results' when>.json, said where."""
    path = OUT / f"{name}-{results['when'].replace(':', '')}.json"
    path.write_text(json.dumps(results, indent=2))
    print(f"written to {path.relative_to(ROOT)}")
    return path


def _activity() -> tuple[float, int, int]:
    """Events consumed and published so far by every service of the bench platform (from their metrics),
    and Elasticsearch's merges: running now, and done so far."""
    total = 0.0
    for name, port in PORTS.items():
        if not name.endswith("_METRICS_PORT"):
            continue
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as answer:
            for line in answer.read().decode().splitlines():
                if line.startswith(QUIET_METRICS):
                    total += float(line.rsplit(" ", 1)[1])
    with urllib.request.urlopen(f"{ES_URL}/_nodes/_local/stats/indices/merge", timeout=5) as answer:
        merges = next(iter(json.load(answer)["nodes"].values()))["indices"]["merges"]
    return total, merges["current"], merges["total"]


def wait_quiet(still_s: float = 15.0, timeout_s: float = 3600.0) -> float:
    """Seconds until no service of the bench platform has consumed or published an event, and Elasticsearch
    has merged no segments, for `still_s` (the consumers downstream of an import have caught up and the
    index has settled), so what follows is measured in steady state."""
    started = time.perf_counter()
    last, still_since = _activity(), time.perf_counter()
    while time.perf_counter() - still_since < still_s:
        if time.perf_counter() - started > timeout_s:
            raise RuntimeError(f"the platform was still busy after {timeout_s:.0f} s")
        time.sleep(1.0)
        now = _activity()
        if now != last or now[1]:  # a merge running is activity, even a long one
            last, still_since = now, time.perf_counter()
    return round(time.perf_counter() - started - still_s, 1)
