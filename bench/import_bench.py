"""Import benchmark (issue 6): figures only, printed and written to var/bench/import-<when>.json.

    python -m bench.import_bench        (or BENCH_ONLY=import make bench)

A local-cluster platform as its own processes (bench/run.py's ports, its own index prefix),
and through its gateway, as a landlord's site administrator would:
  (a) a CSV full snapshot of TRACKER_BENCH_IMPORT_ROWS (1,000,000) residents into an empty landlord;
  (b) an XLSX full snapshot of TRACKER_BENCH_IMPORT_XLSX_ROWS (100,000) into another empty landlord;
  (c) (a)'s file again with every TRACKER_BENCH_IMPORT_CHANGE_EVERY-th (20th) row's surname changed.
Each: rows/s end to end (from the POST until the run is completed AND a count-only search
answers the expected total), the run's own started/finished times, each service process's
peak memory over the run, the raw PostgreSQL COPY rate of the same rows beside it, the
ratio, and the feed's composition (gender, tenancy type, age band) against search facets.
During (c), officers edit people (edits_during_import.py) and search them (searches_during_import.py, beside
the raw query and the same searches idle afterwards).
Try it small first: TRACKER_BENCH_IMPORT_ROWS=20000 TRACKER_BENCH_IMPORT_XLSX_ROWS=5000.
"""
from __future__ import annotations

import datetime as dt
import http.client
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from bench import consumer_lag, harness
from bench import import_files as files
from bench import import_measure as measure
from bench.edits_during_import import EditsDuringImport, people_to_edit
from bench.searches_during_import import SearchesDuringImport
from bench.searches_during_import import line as searches_line
from bench.import_raw_bulk import raw_bulk_beside
from bench.run import PORTS
from bench.search_platform import ES_URL, Http, _token, create_landlord
from services.common.sample_residents import FEED_COLUMNS, composition, feed_rows

ROWS = int(os.environ.get("TRACKER_BENCH_IMPORT_ROWS", "1000000"))
XLSX_ROWS = int(os.environ.get("TRACKER_BENCH_IMPORT_XLSX_ROWS", "100000"))
CHANGE_EVERY = int(os.environ.get("TRACKER_BENCH_IMPORT_CHANGE_EVERY", "20"))
TIMEOUT = float(os.environ.get("TRACKER_BENCH_IMPORT_TIMEOUT", "14400"))  # seconds per scenario
PREFIX = os.environ.get("TRACKER_BENCH_IMPORT_INDEX_PREFIX", "benchimport_")
# The COPY baseline's table: logged by default, durable as the platform's own tables are.
COPY_UNLOGGED = os.environ.get("TRACKER_BENCH_IMPORT_COPY_UNLOGGED", "0") not in ("0", "false", "no", "")
SEED = 6
EDITED_PEOPLE = 500  # people officers edit while the re-run (c) goes on, one each 1/RATE s
FACETS = ("gender", "tenancy_type", "age_band")


def _iso(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00")) if text else None


def upload(base: str, token: str, path: Path, media_type: str, mode: str = "full") -> dict:
    """POST /api/v1/imports with the file streamed from disk; the queued run."""
    body = files.MultipartUpload(path, {"mode": mode, "preview": "false"}, media_type=media_type)
    port = int(base.rsplit(":", 1)[1])
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=900, blocksize=1024 * 1024)
    try:
        connection.request("POST", "/api/v1/imports", body=body,
                           headers={**body.headers(), "Authorization": f"Bearer {token}"})
        answer = connection.getresponse()
        data = answer.read()
    finally:
        body.close()
        connection.close()
    if answer.status != 202:
        raise RuntimeError(f"POST /api/v1/imports answered {answer.status}: {data[:300]!r}")
    return json.loads(data)


def search(api: Http, criteria: dict, facets: tuple[str, ...] = ()) -> dict:
    return api.json("POST", "/api/v1/people/search", {"criteria": criteria, "page_size": 1, "count_only": True,
                                                       "facets": list(facets)})


def scenario(name: str, base: str, landlord: dict, path: Path, media_type: str, copy_source: Path, *,
             rows: int, expected_counts: dict, expected_composition: dict, searchable: dict | None,
             sampler: measure.MemorySampler, edits: bool = False) -> dict[str, Any]:
    """One full snapshot measured end to end. Searchable: the count-only total is every person the run
    applied (the landlord has only imported people, so a full snapshot leaves exactly those current) and,
    when given, `searchable` {criteria, total} answers too. `edits`: officers edit the landlord's people while
    the run goes on (edits_during_import.py), until it is searchable."""
    token = _token(base, landlord["username"], landlord["password"])
    api = Http(base, {"Authorization": f"Bearer {token}"})
    print(f"import bench: ({name}) {rows:,} rows, {path.name} ({path.stat().st_size / 2**20:,.1f} MiB)", flush=True)
    sampler.reset()
    load_start = measure.load_average()
    editing = (EditsDuringImport(base, api.headers, people_to_edit(api, EDITED_PEOPLE)).start()
               if edits else None)
    searching = SearchesDuringImport(base, api.headers, landlord["id"], PREFIX, name).start() if edits else None
    cpu_start = measure.cpu_seconds(sampler.pids)
    started = time.perf_counter()
    run = upload(base, token, path, media_type)
    uploaded = time.perf_counter() - started
    deadline, last_print = started + TIMEOUT, 0.0
    while run["status"] not in ("completed", "failed") and time.perf_counter() < deadline:
        time.sleep(1)
        run = api.json("GET", f"/api/v1/imports/{run['id']}")
        if time.perf_counter() - last_print >= 15:
            last_print = time.perf_counter()
            print(f"  {run['status']:<9} {run['phase']:<9} {run['progress']['percent']:5.1f}% "
                  f"({run['progress']['rows_done']:,} of {run['progress']['rows_total']:,})", flush=True)
    completed = time.perf_counter() - started
    counts = run["counts"]
    expected_total = counts["created"] + counts["updated"] + counts["unchanged"]
    answer, found = None, False
    while run["status"] == "completed" and time.perf_counter() < deadline:
        answer = search(api, {}, FACETS)
        found = answer["total"] == expected_total and (
            searchable is None or search(api, searchable["criteria"])["total"] == searchable["total"])
        if found:
            break
        time.sleep(0.5)
    searchable_s = time.perf_counter() - started
    if editing:
        editing.stop()
    if searching:
        searching.stop()
    behind = consumer_lag.wait_settled(deadline) if run["status"] == "completed" else {}
    settled_s = time.perf_counter() - started
    if searching:
        searching.idle()
    memory = sampler.peaks_mib()
    cpu = measure.cpu_used(cpu_start, measure.cpu_seconds(sampler.pids))
    run_started, run_finished = _iso(run.get("started_at")), _iso(run.get("finished_at"))
    api.close()
    print(f"  {run['status']} in {completed:,.1f} s, searchable after {searchable_s:,.1f} s; COPY baseline...",
          flush=True)
    copy = measure.copy_rate(copy_source, FEED_COLUMNS, unlogged=COPY_UNLOGGED)
    end_to_end = rows / searchable_s if found else None
    return {
        "scenario": name, "file": path.name, "format": path.suffix[1:], "bytes": path.stat().st_size, "rows": rows,
        "landlord": landlord["code"], "run_id": run["id"], "status": run["status"], "problem": run.get("problem"),
        "counts": run["counts"], "expected_counts": expected_counts,
        "counts_as_expected": all(run["counts"].get(k) == v for k, v in expected_counts.items()),
        "upload_s": round(uploaded, 2), "completed_s": round(completed, 2),
        "searchable_s": round(searchable_s, 2) if found else None, "searchable": found,
        "settled_s": None if behind else round(settled_s, 2), "lag_left": behind,
        "search_total": answer["total"] if answer else None, "expected_total": expected_total,
        "rows_per_s_end_to_end": round(end_to_end) if end_to_end else None,
        "run_started_at": run.get("started_at"), "run_finished_at": run.get("finished_at"),
        "run_s": round((run_finished - run_started).total_seconds(), 2) if run_started and run_finished else None,
        "peak_rss_mib": memory, "memory_samples": sampler.samples, "cpu_s": cpu, "copy": copy,
        "edits_during_import": editing.figures() if editing else None,
        "searches_during_import": searching.figures() if searching else None,
        "ratio_end_to_end_to_copy": round(copy["rows_per_s"] / end_to_end, 1) if end_to_end else None,
        "composition": measure.composition_check(expected_composition, answer["facets"]) if answer else {},
        "load_average": {"start": load_start, "end": measure.load_average()},
    }


def _composition(rows: int, landlord_code: str) -> dict:
    counts = composition(feed_rows(rows, seed=SEED, landlord_code=landlord_code), today=dt.date.today())
    return {name: counts[name] for name in FACETS}


def prepare(work: Path) -> dict[str, Any]:
    """The three files (and the workbook's CSV twin for COPY), and the feeds' composition."""
    started = time.perf_counter()
    big, xlsx, xlsx_csv, rerun = (work / "a-full.csv", work / "b-full.xlsx", work / "b-full.csv",
                                  work / "c-rerun.csv")
    files.write_feed_csv(big, ROWS, seed=SEED, landlord_code="BA")
    files.write_xlsx_feed(xlsx, xlsx_csv, XLSX_ROWS, seed=SEED, landlord_code="BB")
    changed = files.write_changed(big, rerun, every=CHANGE_EVERY)
    prepared = {"big": big, "xlsx": xlsx, "xlsx_csv": xlsx_csv, "rerun": rerun, "changed": changed,
                "big_composition": _composition(ROWS, "BA"), "xlsx_composition": _composition(XLSX_ROWS, "BB")}
    print(f"import bench: files written in {time.perf_counter() - started:,.1f} s", flush=True)
    return prepared


def empty_bench_index() -> None:
    """Drop the bench's own indices (named with PREFIX), so each run starts with an empty one."""
    if "bench" not in PREFIX:
        raise ValueError(f"TRACKER_BENCH_IMPORT_INDEX_PREFIX={PREFIX!r}: it must name a bench index (contain 'bench')")
    es = Http(ES_URL)
    try:
        for index in es.json("GET", f"/_cat/indices/{PREFIX}*?format=json&h=index"):
            if index["index"].startswith(PREFIX):
                es.json("DELETE", f"/{index['index']}")
    finally:
        es.close()


def _num(value, spec: str) -> str:
    return "-" if value is None else format(value, spec)


def _composition_line(checked: dict) -> str:
    if not checked:
        return "not checked (no search answer)"
    unequal = [f"{name} '{v['value']}' feed {v['feed']:,} search {v['search']:,}"
               for name, facet in checked.items() for v in facet["values"] if not v["equal"]]
    return "; ".join(unequal) if unequal else f"equal ({', '.join(checked)}: every value)"


def _edits_line(scenario: str, e: dict) -> str:
    latency = e["edit_to_search"]
    return (f"({scenario}) officers' edits meanwhile ({e['edits_per_s']:g}/s): {e['edits']:,} answered, "
            f"{e['failed']:,} failed, {e['not_found']:,} not found; edit -> search p50 "
            f"{_num(latency['p50_ms'], ',.1f')} ms, p99 {_num(latency['p99_ms'], ',.1f')} ms, "
            f"max {_num(latency['max_ms'], ',.1f')} ms")


def report(results: dict) -> str:
    scenarios = results["scenarios"]
    table = scenarios[0]["copy"]["table"] if scenarios else "logged"
    lines = [f"\nImport ({results['machine']}): end to end = from the POST until the run is completed and a count-only "
             f"search answers the expected total; settled = every running consumer group's Kafka lag is 0 (household "
             f"facts and reports included); COPY = the same rows into a {table} table of text columns "
             "(psycopg cursor.copy), beside it",
             f"{'':<3}{'rows':>10} {'fmt':<5}{'status':<10}{'upload s':>9}{'done s':>9}{'search s':>9}"
             f"{'settled':>8}{'rows/s':>9}{'run s':>8}{'COPY r/s':>10}{'x COPY':>7}  peak RSS MiB"]
    for s in scenarios:
        lines.append(f"{s['scenario']:<3}{s['rows']:>10,} {s['format']:<5}{s['status']:<10}{s['upload_s']:>9.1f}"
                     f"{s['completed_s']:>9.1f}{_num(s['searchable_s'], '.1f'):>9}{_num(s['settled_s'], '.1f'):>8}"
                     f"{_num(s['rows_per_s_end_to_end'], ',d'):>9}{_num(s['run_s'], '.1f'):>8}"
                     f"{_num(s['copy']['rows_per_s'], ',d'):>10}{_num(s['ratio_end_to_end_to_copy'], '.1f'):>7}  "
                     + ", ".join(f"{name} {mib:,.0f}" for name, mib in s["peak_rss_mib"].items()))
    for s in scenarios:
        c = s["counts"]
        lines.append(f"({s['scenario']}) read {c['rows_read']:,}, rejected {c['rejected']:,}, "
                     f"created {c['created']:,}, updated {c['updated']:,}, unchanged {c['unchanged']:,}, "
                     f"archived {c['archived']:,} "
                     f"({'as expected' if s['counts_as_expected'] else 'NOT as expected'}); composition vs facets: "
                     + _composition_line(s["composition"]))
        if s.get("raw_bulk"):
            raw = s["raw_bulk"]
            lines.append(f"({s['scenario']}) raw _bulk of the same {raw['docs']:,} documents (read back from the index, "
                         f"written into a fresh one by a loop without a client library): {raw['seconds']:,.1f} s "
                         f"({_num(raw['docs_per_s'], ',d')} docs/s); searchable end to end took "
                         f"{_num(s['searchable_s'] and s['searchable_s'] / raw['seconds'], '.1f')}x that")
        if s["lag_left"]:
            lines.append(f"({s['scenario']}) NOT settled: consumer lag left {s['lag_left']}")
        lines.append(f"({s['scenario']}) CPU s until settled: "
                     + ", ".join(f"{name} {used:,.1f}" for name, used in s["cpu_s"].items()))
        if s.get("edits_during_import"):
            lines.append(_edits_line(s["scenario"], s["edits_during_import"]))
        if s.get("searches_during_import"):
            lines.append(searches_line(s["scenario"], s["searches_during_import"]))
    lines.append("run s: the run's own finished_at - started_at. x COPY: end-to-end time / COPY time for the same "
                 "rows. Peak RSS: VmRSS of each service process sampled every 0.5 s over each scenario; lifetime "
                 f"VmHWM at the end: {results['high_water_mib']}")
    return "\n".join(lines)


def run_scenarios(base: str, run_id: str, prepared: dict[str, Any],
                  pids: dict[str, int]) -> tuple[list[dict], dict[str, float]]:
    """(a), (b) and (c) one after the other, each service process's memory sampled over them; the
    scenarios' figures and the processes' lifetime high-water marks at the end."""
    a, b = create_landlord(base, "IMA", run_id), create_landlord(base, "IMB", run_id)
    rows, changed = ROWS, prepared["changed"]
    with measure.MemorySampler(pids) as sampler:
        first = scenario("a", base, a, prepared["big"], "text/csv", prepared["big"], rows=rows,
                         expected_counts={"rejected": 0, "created": rows, "archived": 0},
                         expected_composition=prepared["big_composition"], searchable=None, sampler=sampler)
        print("  raw _bulk of the same documents...", flush=True)
        first["raw_bulk"] = raw_bulk_beside(PREFIX, a["id"], prepared["big"].parent)
        scenarios = [
            first,
            scenario("b", base, b, prepared["xlsx"], files.XLSX_MEDIA, prepared["xlsx_csv"], rows=XLSX_ROWS,
                     expected_counts={"rejected": 0, "created": XLSX_ROWS, "archived": 0},
                     expected_composition=prepared["xlsx_composition"], searchable=None, sampler=sampler),
            scenario("c", base, a, prepared["rerun"], "text/csv", prepared["rerun"], rows=rows,
                     expected_counts={"rejected": 0, "created": 0, "updated": changed,
                                      "unchanged": rows - changed, "archived": 0},
                     expected_composition=prepared["big_composition"],
                     searchable={"criteria": {"text": files.RERUN_SURNAME.lower()}, "total": changed},
                     sampler=sampler, edits=True),
        ]
        return scenarios, sampler.high_water_mib()


def main(argv: list[str] | None = None) -> dict:
    when, run_id = harness.started()
    with harness.work_folder("import", run_id) as work:
        prepared = prepare(work)
        empty_bench_index()
        with harness.platform(PREFIX) as (process, base):
            pids = measure.service_processes(process.pid)
            if "import" not in pids:
                raise RuntimeError(f"the cluster platform runs no import service (processes: {sorted(pids)}): "
                                   "deploy/local/run_cluster.py must start it")
            scenarios, high_water = run_scenarios(base, run_id, prepared, pids)
    results = {"when": when, "machine": harness.machine(), "ports": PORTS, "index_prefix": PREFIX,
               "sizes": {"csv_rows": ROWS, "xlsx_rows": XLSX_ROWS, "change_every": CHANGE_EVERY,
                         "changed_rows": prepared["changed"]},
               "services": sorted(pids), "high_water_mib": high_water, "scenarios": scenarios}
    print(report(results))
    harness.write_results("import", results)
    return results


if __name__ == "__main__":
    main(sys.argv[1:])
