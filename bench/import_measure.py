"""The import bench's instruments: the service processes of a local-cluster platform and
their memory (VmRSS sampled every half second in a thread, VmHWM at the end), the raw
PostgreSQL COPY rate of a feed file, and the feed's composition against search facets."""
from __future__ import annotations

import os
import threading
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Any, Mapping

from services.common import local_cluster

PROC = Path("/proc")
COPY_CHUNK = 1024 * 1024


# -- processes and memory ------------------------------------------------------------------------------------

def _status_kib(pid: int, field: str) -> int | None:
    """A `kB` line of /proc/<pid>/status (VmRSS, VmHWM) in KiB; None when the process is gone."""
    try:
        for line in (PROC / str(pid) / "status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return None


def service_processes(parent: int) -> dict[str, int]:
    """The `python -m services.<name>` processes among `parent`'s children (deploy/local/run_cluster.py's), by
    service name."""
    found: dict[str, int] = {}
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            ppid = int(stat[stat.rindex(")") + 2:].split()[1])
            if ppid != parent:
                continue
            argv = (entry / "cmdline").read_bytes().split(b"\0")
        except (OSError, ValueError):
            continue
        args = [a.decode(errors="replace") for a in argv if a]
        if "-m" in args[:-1]:
            module = args[args.index("-m") + 1]
            if module.startswith("services."):
                found[module.split(".", 1)[1]] = int(entry.name)
    return found


class MemorySampler:
    """Peak resident memory (VmRSS) of each process since the last `reset()`, sampled every `interval` seconds
    in a daemon thread, and VmHWM (the kernel's peak over the process's life)."""

    def __init__(self, pids: Mapping[str, int], interval: float = 0.5):
        self.pids = dict(pids)
        self.interval = interval
        self._peaks: dict[str, int] = {}
        self._samples = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="memory-sampler", daemon=True)

    def __enter__(self) -> "MemorySampler":
        self.sample()
        self._thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._stop.set()
        self._thread.join(5)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    def sample(self) -> None:
        with self._lock:
            self._samples += 1
            for name, pid in self.pids.items():
                rss = _status_kib(pid, "VmRSS")
                if rss is not None and rss > self._peaks.get(name, -1):
                    self._peaks[name] = rss

    def reset(self) -> None:
        with self._lock:
            self._peaks, self._samples = {}, 0
        self.sample()

    def peaks_mib(self) -> dict[str, float]:
        self.sample()
        with self._lock:
            return {name: round(kib / 1024, 1) for name, kib in sorted(self._peaks.items())}

    @property
    def samples(self) -> int:
        return self._samples

    def high_water_mib(self) -> dict[str, float]:
        out = {}
        for name, pid in sorted(self.pids.items()):
            hwm = _status_kib(pid, "VmHWM")
            if hwm is not None:
                out[name] = round(hwm / 1024, 1)
        return out


def _cpu_ticks(stat: str, children: bool) -> int:
    """utime + stime (and, when `children`, the reaped children's cutime + cstime) of a /proc/<pid>/stat line."""
    fields = stat[stat.rindex(")") + 2:].split()
    ticks = int(fields[11]) + int(fields[12])
    return ticks + int(fields[13]) + int(fields[14]) if children else ticks


def _engine_of(comm: str, args: str) -> str | None:
    if comm == "postgres":
        return "postgresql"
    if comm == "java":
        for name in ("kafka", "elasticsearch"):
            if name in args:
                return name
    return None


def cpu_seconds(services: Mapping[str, int]) -> dict[str, float]:
    """CPU seconds used so far by each service process and by each engine (every postgres process, and the
    backends its postmaster has reaped; the Kafka and Elasticsearch JVMs). Differences of two calls show where
    a scenario's time went."""
    by_pid = {pid: name for name, pid in services.items()}
    found: dict[int, tuple[str, int, str]] = {}  # pid -> (name, parent pid, stat line)
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            name = by_pid.get(int(entry.name)) or _engine_of(
                stat[stat.index("(") + 1:stat.rindex(")")], (entry / "cmdline").read_bytes().decode(errors="replace"))
            if name is not None:
                found[int(entry.name)] = (name, int(stat[stat.rindex(")") + 2:].split()[1]), stat)
        except (OSError, ValueError, IndexError):
            continue
    used: dict[str, int] = {}
    for name, parent, stat in found.values():
        postmaster = name == "postgresql" and found.get(parent, ("",))[0] != "postgresql"
        used[name] = used.get(name, 0) + _cpu_ticks(stat, children=postmaster)
    tick = os.sysconf("SC_CLK_TCK")
    return {name: round(ticks / tick, 1) for name, ticks in sorted(used.items())}


def cpu_used(before: Mapping[str, float], after: Mapping[str, float]) -> dict[str, float]:
    return {name: round(after[name] - before.get(name, 0.0), 1) for name in after}


# -- the raw COPY baseline -----------------------------------------------------------------------------------

def admin_conninfo() -> str:
    """psycopg's form of local_cluster.PG_ADMIN_URL (the SQLAlchemy URL names the driver)."""
    return local_cluster.PG_ADMIN_URL.replace("postgresql+psycopg://", "postgresql://", 1)


def copy_rate(csv_path: Path, columns: tuple[str, ...], *, unlogged: bool = False,
              conninfo: str | None = None) -> dict[str, Any]:
    """COPY a feed CSV (header first) into a fresh table of text columns in a scratch schema (dropped after):
    rows, seconds (COPY and commit, nothing else) and rows/s."""
    import psycopg
    from psycopg import sql
    schema = f"bench_import_copy_{uuid.uuid4().hex[:12]}"
    kind = "UNLOGGED " if unlogged else ""
    with psycopg.connect(conninfo or admin_conninfo(), autocommit=False) as conn:
        try:
            conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
            conn.execute(sql.SQL(f"CREATE {kind}TABLE {{}}.feed ({{}})").format(
                sql.Identifier(schema), sql.SQL(", ").join(sql.SQL("{} text").format(sql.Identifier(c))
                                                          for c in columns)))
            conn.commit()
            statement = sql.SQL("COPY {}.feed FROM STDIN (FORMAT csv, HEADER true)").format(sql.Identifier(schema))
            started = time.perf_counter()
            with conn.cursor() as cursor, open(csv_path, "rb") as f:
                with cursor.copy(statement) as copy:
                    while data := f.read(COPY_CHUNK):
                        copy.write(data)
                rows = cursor.rowcount
            conn.commit()
            seconds = time.perf_counter() - started
        finally:
            conn.rollback()
            conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema)))
            conn.commit()
    return {"rows": rows, "seconds": round(seconds, 3), "rows_per_s": round(rows / seconds) if seconds else None,
            "table": "unlogged" if unlogged else "logged", "columns": "feed v1, all text", "source": csv_path.name}


# -- composition --------------------------------------------------------------------------------------------

def composition_check(expected: Mapping[str, Counter], facets: Mapping[str, list[dict]]) -> dict[str, Any]:
    """Per facet and value (labels compared ignoring case; the feed's blanks are "not known"): the feed's
    count, the search's, and whether they are equal."""
    out: dict[str, Any] = {}
    for name, counts in expected.items():
        if name not in facets:
            continue
        feed = {label.casefold(): (label, n) for label, n in counts.items()}
        search = {v["label"].casefold(): (v["label"], v["count"]) for v in facets[name]}
        values = []
        for key in list(feed) + [k for k in search if k not in feed]:
            label = (feed.get(key) or search[key])[0]
            f, s = feed.get(key, (label, 0))[1], search.get(key, (label, 0))[1]
            if f or s:
                values.append({"value": label, "feed": f, "search": s, "equal": f == s})
        out[name] = {"equal": all(v["equal"] for v in values), "values": values}
    return out


def load_average() -> list[float]:
    return [round(x, 1) for x in os.getloadavg()]
