"""Reporting benchmark (issue 15): figures only, printed and written to var/bench/reporting-<when>.json.

    python -m bench.reporting_bench        (or BENCH_ONLY=reporting make bench)

A local-cluster platform as its own processes (bench/run.py's ports, its own index prefix). For each size
in TRACKER_BENCH_REPORT_PEOPLE (default "100000"; "100000,1000000" for both), a new landlord with that many
generated residents imported through the gateway (a CSV full snapshot), then, side by side in one run:
  1. import -> every person counted by reporting (from the people events): seconds;
  2. the whole landlord's profile report, GET /api/v1/reports/profile: p50 / p95 over the samples;
  3. a population's profile, POST /api/v1/reports/profile with {"area": ["Area A"]}: p50 / p95, beside
     the raw Elasticsearch aggregation underneath (the same landlord and area, terms and missing counts of
     every characteristic, straight to Elasticsearch): p50 / p95 and the ratio;
  4. an XLSX record export of every person with seven background fields, end to end (POST
     /api/v1/reports/exports until done), when there are at most TRACKER_BENCH_EXPORT_ROWS (100,000):
     rows per second and the reporting service's resident memory before and at its peak (sampled from its
     metrics); the same people read alone (ids, then rows, from profiles, as the export worker reads them,
     nothing written): rows per second; and that many rows through the export's file writer alone, in a
     process of its own (bench/export_writer.py): rows per second and that process's peak resident memory.
  5. change -> aggregate latency under a steady stream of officers' edits (bench/change_latency.py):
     p50 / p99 from each edit's answer to its person counted anew by reporting.
"""
from __future__ import annotations

import json
import os
import statistics
import sys
import time
import subprocess
import threading
import urllib.request
from pathlib import Path

from bench import change_latency, harness
from bench.groups_bench import load_people
from bench.run import PORTS
from bench.search_platform import ES_URL, ROOT, Http, _token, create_landlord

SIZES = [int(s) for s in os.environ.get("TRACKER_BENCH_REPORT_PEOPLE", "100000").split(",") if s]
SAMPLES = int(os.environ.get("TRACKER_BENCH_REPORT_SAMPLES", "100"))
EXPORT_ROWS = int(os.environ.get("TRACKER_BENCH_EXPORT_ROWS", "100000"))
PREFIX = os.environ.get("TRACKER_BENCH_REPORT_INDEX_PREFIX", "benchreports_")
COLUMNS = ["date_of_birth", "tenancy_type", "area", "gender", "ethnicity", "email", "mobile"]


def _percentiles(ms: list[float]) -> dict[str, float]:
    ordered = sorted(ms)
    return {"p50_ms": round(statistics.median(ordered), 1),
            "p95_ms": round(ordered[max(0, int(len(ordered) * 0.95) - 1)], 1), "samples": len(ordered)}


def _timed(call, samples: int) -> dict[str, float]:
    for _ in range(5):  # warm up
        call()
    times = []
    for _ in range(samples):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return _percentiles(times)


def _wait(check, timeout: float = 3600) -> float:
    started = time.perf_counter()
    while not check():
        if time.perf_counter() - started > timeout:
            raise RuntimeError("timed out")
        time.sleep(0.5)
    return time.perf_counter() - started


def raw_aggregation(landlord_id: str, area_id: str) -> bytes:
    """Terms and missing counts of every characteristic for one landlord's people in one area, straight to
    Elasticsearch (what a population's profile needs from the index)."""
    from services.reporting.reports.domain import OPTION_FIELDS
    aggs = {}
    for f in OPTION_FIELDS:
        aggs[f.name] = {"terms": {"field": f.name, "size": 200}}
        aggs[f"{f.name}_missing"] = {"missing": {"field": f.name}}
    body = {"size": 0, "track_total_hits": True, "aggs": aggs, "query": {"bool": {"filter": [
        {"term": {"landlord_id": landlord_id}}, {"term": {"status": "current"}}, {"term": {"area": area_id}}]}}}
    return json.dumps(body).encode()


def writer_alone(rows: int, work: Path) -> dict:
    """The export's XLSX writer alone (bench/export_writer.py, its own process): rows/s and peak RSS."""
    done = subprocess.run([sys.executable, "-m", "bench.export_writer", str(rows), str(work / "writer.xlsx")],
                          cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def reading_alone(landlord_id: str, columns: list[str]) -> dict:
    """The export's reading of its people alone, from this process: every person's id from profiles, then
    their rows with these columns, pages asked for ahead as the worker reads them, nothing written: rows/s."""
    from services.common import context
    from services.common.grpc_client import channel
    from services.gen.tracker.profiles.v1 import profiles_service_pb2_grpc as profiles_grpc
    from services.reporting.clients.profiles import Profiles
    opened = channel(f"127.0.0.1:{PORTS['TRACKER_PROFILES_GRPC_PORT']}")
    profiles = Profiles(None, profiles_grpc.ProfilesStub(opened))
    rows = 0
    with context.bound(context.CallContext(landlord_id=landlord_id, request_id=context.new_request_id())):
        started = time.perf_counter()
        for _, page in profiles.pages({}, columns):
            rows += len(page)
        seconds = time.perf_counter() - started
    opened.close()
    return {"rows": rows, "seconds": round(seconds, 1), "rows_per_s": round(rows / seconds)}


class PeakMemory:
    """The reporting service's resident memory, sampled from its metrics endpoint while a block runs."""

    def __init__(self, url: str = f"http://127.0.0.1:{PORTS['TRACKER_REPORTING_METRICS_PORT']}/metrics"):
        self.url, self.samples, self._stop = url, [], threading.Event()

    def _rss_mb(self) -> float:
        with urllib.request.urlopen(self.url, timeout=5) as answer:
            for line in answer.read().decode().splitlines():
                if line.startswith("process_resident_memory_bytes "):
                    return float(line.split()[1]) / 2**20
        raise RuntimeError("no process_resident_memory_bytes in reporting's metrics")

    def _sample(self) -> None:
        while not self._stop.is_set():
            self.samples.append(self._rss_mb())
            self._stop.wait(0.2)

    def __enter__(self) -> "PeakMemory":
        self.before_mb = self._rss_mb()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *_) -> None:
        self._stop.set()
        self._thread.join()

    def figures(self) -> dict:
        return {"reporting_rss_before_mb": round(self.before_mb, 1),
                "reporting_rss_peak_mb": round(max(self.samples, default=self.before_mb), 1)}


def measure_size(base: str, run_id: str, people: int, work: Path) -> dict:
    from services.profiles.setup.defaults import default_options
    landlord = create_landlord(base, f"R{len(str(people))}", run_id)
    loaded = load_people(base, landlord, work, people)
    token = _token(base, landlord["username"], landlord["password"])
    api = Http(base, {"Authorization": f"Bearer {token}"}, timeout=600)
    counted_s = _wait(lambda: api.json("GET", "/api/v1/reports/people-count")["total"] == people)
    quiet_s = harness.wait_quiet()  # households and groups catch up with the import before anything is timed
    whole = _timed(lambda: api.json("GET", "/api/v1/reports/profile"), SAMPLES)
    population = json.dumps({"criteria": {"area": ["Area A"]}}).encode()
    by_area = _timed(lambda: api.timed("/api/v1/reports/profile", population), SAMPLES)
    area_id = next(o.option_id for o in default_options(landlord["id"], "area") if o.label == "Area A")
    es = Http(ES_URL)
    raw = raw_aggregation(landlord["id"], area_id)
    raw_es = _timed(lambda: es.timed(f"/{PREFIX}people/_search", raw), SAMPLES)
    export = reading = {"skipped": f"more than {EXPORT_ROWS:,} people"}
    if people <= EXPORT_ROWS:
        reading = reading_alone(landlord["id"], COLUMNS)
        with PeakMemory() as memory:
            started = time.perf_counter()
            job = api.json("POST", "/api/v1/reports/exports", {"criteria": {}, "columns": COLUMNS, "format": "xlsx"},
                           ok=(202,))
            _wait(lambda: api.json("GET", f"/api/v1/reports/exports/{job['id']}")["status"] in ("done", "failed"))
            seconds = time.perf_counter() - started
        finished = api.json("GET", f"/api/v1/reports/exports/{job['id']}")
        export = {"status": finished["status"], "rows": finished["rows_written"], "seconds": round(seconds, 1),
                  "rows_per_s": round(finished["rows_written"] / seconds), **memory.figures()}
    changes = change_latency.measure(base, {"Authorization": f"Bearer {token}"}, landlord["id"])
    api.close()
    es.close()
    return {"change_to_aggregate": changes, "people": people, "import_and_searchable_s": loaded["import_and_searchable_s"],
            "counted_after_s": round(counted_s, 1), "quiet_after_s": quiet_s, "profile_whole_landlord": whole,
            "profile_population_area_a": by_area, "raw_es_aggregation_area_a": raw_es,
            "population_over_raw_p50": round(by_area["p50_ms"] / raw_es["p50_ms"], 2),
            "export": export, "export_reading_alone": reading, "export_writer_alone": writer_alone(min(EXPORT_ROWS, people), work)}


def _changes(c: dict) -> str:
    latency, edit = c["change_to_aggregate"], c["edit_answered"]
    return (f"    change -> aggregate at {c['edits_per_s']:g} edits/s for {c['seconds']:g} s: p50 {latency['p50_ms']} ms  "
            f"p99 {latency['p99_ms']} ms  max {latency['max_ms']} ms ({c['counted']} of {c['edits']} counted, "
            f"{c['failed']} edits failed; the edit itself p50 {edit['p50_ms']} ms p99 {edit['p99_ms']} ms)")


def report(results: dict) -> str:
    lines = [f"\nReporting bench ({results['machine']}, {results['samples']} samples per figure)"]
    for r in results["sizes"]:
        lines += [f"  {r['people']:,} people: imported and searchable in {r['import_and_searchable_s']} s, "
                  f"all counted by reporting {r['counted_after_s']} s later, every service's events handled "
                  f"{r.get('quiet_after_s', '?')} s after that (measured from then on)",
                  f"    profile, whole landlord   p50 {r['profile_whole_landlord']['p50_ms']} ms  "
                  f"p95 {r['profile_whole_landlord']['p95_ms']} ms",
                  f"    profile, Area A            p50 {r['profile_population_area_a']['p50_ms']} ms  "
                  f"p95 {r['profile_population_area_a']['p95_ms']} ms",
                  f"    raw ES aggregation, Area A p50 {r['raw_es_aggregation_area_a']['p50_ms']} ms  "
                  f"p95 {r['raw_es_aggregation_area_a']['p95_ms']} ms  (population / raw p50: "
                  f"{r['population_over_raw_p50']})",
                  "    XLSX export end to end: " + (r['export'].get('skipped') or
                                                    f"{r['export']['rows']:,} rows in {r['export']['seconds']} s = "
                                                    f"{r['export']['rows_per_s']} rows/s ({r['export']['status']}); "
                                                    f"reporting's RSS {r['export']['reporting_rss_before_mb']} MB "
                                                    f"before, peak {r['export']['reporting_rss_peak_mb']} MB"),
                  "    its reading alone (ids, then rows, from profiles): " + (
                      r['export_reading_alone'].get('skipped') or f"{r['export_reading_alone']['rows_per_s']} rows/s"),
                  f"    XLSX writer alone: {r['export_writer_alone']['rows_per_s']} rows/s, the process's peak RSS "
                  f"{r['export_writer_alone']['peak_rss_mb']} MB",
                  _changes(r["change_to_aggregate"])]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> dict:
    when, run_id = harness.started()
    results = {"when": when, "machine": harness.machine(), "samples": SAMPLES, "sizes": []}
    with harness.work_folder("reporting", run_id) as work, harness.platform(PREFIX) as (_, base):
        for people in SIZES:
            print(f"reporting bench: {people:,} people", flush=True)
            results["sizes"].append(measure_size(base, run_id, people, work))
    print(report(results))
    harness.write_results("reporting", results)
    return results


if __name__ == "__main__":
    main(sys.argv[1:])
