"""What every bench's main does around its measurement, written once: the run's time and id, a work
folder removed afterwards, a local-cluster platform stopped afterwards, and the results written to
var/bench/<name>-<when>.json. Benches run as modules from the repository (`python -m bench.<name>`)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from bench.search_platform import OUT, ROOT, start_platform, stop_platform


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
