"""People-search benchmark (issue 4): figures only, printed and written to var/bench/.

    python -m bench.search_bench [--fresh] [--samples 200]      (or BENCH_ONLY=search make bench)

1. Load: a local-cluster platform as its own processes (bench/run.py's ports, its own
   index prefix, default "bench_"); 10 landlords of 100,000 people and one of 1,000,000,
   created through the gateway; people from bench/search_data.py turned into the index
   documents the profiles indexer writes and bulk-indexed straight into Elasticsearch with
   ElasticsearchIndex.index_many. The people are NOT written to PostgreSQL: the search path
   reads only the index and the landlord's catalogue. The loaded index is reused while it
   holds the expected people (state in var/bench/search_state.json); --fresh reloads.
2. Measure: count only, first page (25, by surname) + count, five facets + count, with 3,
   6 and 10 filters, for the 1,000,000 landlord and a 100,000 one: POST /api/v1/people/search
   through the gateway and, interleaved request by request, the very same search
   (build_request + build_search) POSTed straight to Elasticsearch. Both timed the same
   way: client wall time of a full keep-alive HTTP round trip, JSON decoded.
"""
from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import multiprocessing
import os
import re
import signal
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import search_criteria as sc  # noqa: E402
from bench.run import OPERATOR_PASSWORD, PORTS  # noqa: E402
from services.common import local_cluster  # noqa: E402

ES_URL = local_cluster.ENV["TRACKER_ELASTICSEARCH_URL"]
OUT = ROOT / "var" / "bench"
STATE = OUT / "search_state.json"
BATCH = 5000
PARITY_SAMPLE = 300


# -- HTTP: one keep-alive connection per target, timed the same way for both ----------------------

class Http:
    def __init__(self, base: str, headers: dict[str, str] | None = None):
        parts = urllib.parse.urlsplit(base)
        self.connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
        self.headers = {"Content-Type": "application/json", **(headers or {})}

    def call(self, method: str, path: str, body: bytes | None = None) -> tuple[int, Any]:
        self.connection.request(method, path, body=body, headers=self.headers)
        answer = self.connection.getresponse()
        data = answer.read()
        return answer.status, (json.loads(data) if data else None)

    def timed(self, path: str, body: bytes) -> tuple[float, Any]:
        """(milliseconds, decoded answer) of one POST: send, read all, decode JSON."""
        started = time.perf_counter()
        status, answer = self.call("POST", path, body)
        ms = (time.perf_counter() - started) * 1000
        if status != 200:
            raise RuntimeError(f"POST {path} answered {status}: {str(answer)[:300]}")
        return ms, answer

    def json(self, method: str, path: str, payload: Any = None, ok: tuple[int, ...] = (200, 201)) -> Any:
        status, answer = self.call(method, path, None if payload is None else json.dumps(payload).encode())
        if status not in ok:
            raise RuntimeError(f"{method} {path} answered {status}: {str(answer)[:300]}")
        return answer

    def close(self) -> None:
        self.connection.close()


def _token(base: str, username: str, password: str) -> str:
    return Http(base).json("POST", "/api/v1/auth/token", {"username": username, "password": password})["access_token"]


# -- the platform -----------------------------------------------------------------------------------

def _platform_env(prefix: str) -> dict[str, str]:
    var = OUT / "cluster"
    var.mkdir(parents=True, exist_ok=True)
    return {**os.environ, **PORTS, "TRACKER_VAR_DIR": str(var), "TRACKER_OPERATOR_PASSWORD": OPERATOR_PASSWORD,
            "TRACKER_LOG_LEVEL": "WARNING", "TRACKER_SEARCH_INDEX_PREFIX": prefix}


def start_platform(prefix: str) -> tuple[subprocess.Popen, str]:
    """As `make run-cluster` does (each service its own process, real engines), on bench ports."""
    sys.path.insert(0, str(ROOT / "deploy/local"))
    from run_cluster import wait_ready
    process = subprocess.Popen([sys.executable, str(ROOT / "deploy/local/run_cluster.py")],
                               env=_platform_env(prefix), cwd=ROOT)
    base = f"http://127.0.0.1:{PORTS['TRACKER_GATEWAY_PORT']}"
    if not wait_ready(base + "/readyz", timeout=180):
        stop_platform(process)
        raise RuntimeError("the cluster platform did not become ready")
    return process, base


def stop_platform(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(60)
        except subprocess.TimeoutExpired:
            process.kill()


def create_landlord(base: str, code: str, run_id: str) -> dict[str, str]:
    operator = Http(base, {"Authorization": f"Bearer {_token(base, 'operator', OPERATOR_PASSWORD)}"})
    username, password = f"bench.{code.lower()}.{run_id}", f"bench-search-{code.lower()}-{run_id}"
    landlord = operator.json("POST", "/api/v1/landlords", {
        "name": f"Bench Homes {code} {run_id}", "admin": {"username": username, "password": password,
                                                           "name": f"Bench Admin {code}"}})
    operator.close()
    return {"code": code, "id": landlord["id"], "username": username, "password": password}


def catalogue_of(landlord_id: str):
    """The landlord's catalogue as the profiles service reads it (seeded on first use)."""
    from services.common.db import Database
    from services.profiles.setup_store import load_catalogue
    url = local_cluster.ENV["TRACKER_DATABASE_URL_TEMPLATE"].format(service="profiles")
    database = Database.from_url(url)
    try:
        session = database.open(landlord_id=landlord_id)
        try:
            catalogue = load_catalogue(session, landlord_id)
            session.commit()
        finally:
            session.close()
    finally:
        database.dispose()
    return catalogue


# -- loading ----------------------------------------------------------------------------------------

def _load_part(task: tuple) -> tuple[int, float]:
    """One part of a landlord's people: generate, make documents, bulk-index. Runs in a worker process."""
    from bench import search_data as sd
    from services.common.search.elastic import ElasticsearchIndex
    from services.profiles.search_document import INDEX
    prefix, landlord_id, code, seed, count, catalogue, now = task
    index = ElasticsearchIndex(ES_URL, index_prefix=prefix, request_timeout=120)
    maker = sd.DocumentMaker(catalogue, now)
    ids = sd.person_ids(seed, code)
    started, batch, done = time.perf_counter(), {}, 0
    for values in sd.people(count, seed=seed, landlord_code=code):
        person_id = next(ids)
        batch[person_id] = maker.make(values, person_id)
        if len(batch) >= BATCH:
            index.index_many(INDEX, landlord_id, batch)
            done += len(batch)
            batch = {}
    if batch:
        index.index_many(INDEX, landlord_id, batch)
        done += len(batch)
    index.close()
    return done, time.perf_counter() - started


def plan(small: int, small_size: int, big_size: int, part_size: int) -> list[dict]:
    """The landlords: `small` of small_size people, then one of big_size; each in parts of at most
    part_size (parts generate independently, so two workers can share a landlord)."""
    landlords = [{"code": f"S{i:02d}", "size": small_size} for i in range(1, small + 1)]
    landlords.append({"code": "BIG", "size": big_size})
    for landlord in landlords:
        sizes, left = [], landlord["size"]
        while left > 0:
            sizes.append(min(part_size, left))
            left -= sizes[-1]
        landlord["parts"] = [{"code": f"{landlord['code']}{n}" if len(sizes) > 1 else landlord["code"], "count": c}
                             for n, c in enumerate(sizes)]
    return landlords


def es_count(es: Http, prefix: str, landlord_id: str | None = None) -> int:
    query = {"term": {"landlord_id": landlord_id}} if landlord_id else {"match_all": {}}
    routing = f"?routing={urllib.parse.quote(landlord_id)}" if landlord_id else ""
    status, answer = es.call("POST", f"/{prefix}people/_count{routing}", json.dumps({"query": query}).encode())
    return answer.get("count", -1) if status == 200 else -1


def reusable(state: dict | None, config: dict, base: str, es: Http, prefix: str) -> bool:
    if not state or state.get("config") != config:
        return False
    for landlord in state["landlords"]:
        try:
            _token(base, landlord["username"], landlord["password"])
        except Exception:  # noqa: BLE001 - the gateway's database was reset: reload
            return False
        if es_count(es, prefix, landlord["id"]) != landlord["size"]:
            return False
    return True


def load(base: str, prefix: str, config: dict, workers: int, seed: int) -> dict:
    from bench import search_data as sd
    from services.common.search.elastic import ElasticsearchIndex
    from services.profiles.search_document import INDEX, index_fields
    index = ElasticsearchIndex(ES_URL, index_prefix=prefix, shards=config["shards"],
                               routing_partition=config["routing_partition"])
    index.drop(INDEX)
    index.ensure_index(INDEX, index_fields())
    index.close()
    run_id = time.strftime("%Y%m%d%H%M%S")
    landlords = plan(config["small_landlords"], config["small_size"], config["big_size"], config["part_size"])
    now = dt.datetime.now(dt.timezone.utc)
    tasks = []
    for landlord in landlords:
        landlord.update(create_landlord(base, landlord["code"], run_id))
        catalogue = catalogue_of(landlord["id"])
        first = landlord["parts"][0]
        sample = [v for v, _ in zip(sd.people(PARITY_SAMPLE, seed=seed, landlord_code=first["code"]),
                                    range(PARITY_SAMPLE))]
        sd.check_parity(sample, sd.DocumentMaker(catalogue, now), landlord["id"])
        tasks += [(prefix, landlord["id"], part["code"], seed, part["count"], catalogue, now)
                  for part in landlord["parts"]]
    print(f"search bench: loading {sum(t[4] for t in tasks):,} people into {prefix}{INDEX} with {workers} "
          f"worker(s) (documents checked identical to document(Person.add(...)) on {PARITY_SAMPLE} per landlord; "
          "not written to PostgreSQL)", flush=True)
    started = time.perf_counter()
    total = 0
    with multiprocessing.get_context("spawn").Pool(workers) as pool:
        for done, _seconds in pool.imap_unordered(_load_part, tasks):
            total += done
            rate = total / (time.perf_counter() - started)
            print(f"  {total:>9,} indexed, {rate:,.0f} docs/s", flush=True)
    seconds = time.perf_counter() - started
    refresh_started = time.perf_counter()
    es = Http(ES_URL)
    es.json("POST", f"/{prefix}{INDEX}/_refresh")
    refresh_seconds = time.perf_counter() - refresh_started
    for landlord in landlords:
        landlord.pop("parts")
    return {"config": config, "landlords": landlords, "loaded_at": now.isoformat(),
            "indexing": {"documents": total, "seconds": round(seconds, 1), "docs_per_s": round(total / seconds),
                         "workers": workers, "batch": BATCH, "refresh_seconds": round(refresh_seconds, 1),
                         "note": "generation + document making + bulk (index_many), wall time, default "
                                 "index settings (refresh 1 s, 1 shard, 0 replicas)"}}


def catalogue_timing(landlord_id: str, n: int = 100) -> dict[str, float]:
    """What reading the catalogue costs the profiles service on every search: a landlord-scoped
    transaction and load_catalogue (defaults check, lists, options, custom fields, settings)."""
    from services.common.db import Database
    from services.profiles.setup_store import load_catalogue
    database = Database.from_url(local_cluster.ENV["TRACKER_DATABASE_URL_TEMPLATE"].format(service="profiles"))
    ms = []
    try:
        for _ in range(n + 5):
            started = time.perf_counter()
            session = database.open(landlord_id=landlord_id)
            load_catalogue(session, landlord_id)
            session.rollback()
            session.close()
            ms.append((time.perf_counter() - started) * 1000)
    finally:
        database.dispose()
    return sc.summary(ms[5:])


# -- measuring --------------------------------------------------------------------------------------

_METRIC = re.compile(r'^(tracker_\w+_duration_seconds)_(sum|count)\{([^}]*)\}\s+([0-9.eE+-]+)$')


def server_times(base: str) -> dict[str, float]:
    """Cumulative server-side seconds and counts of people search: the gateway's HTTP handling
    and the profiles service's SearchPeople (their Prometheus histograms)."""
    out: dict[str, float] = {}
    for name, url in (("gateway", base + "/metrics"),
                      ("profiles", f"http://127.0.0.1:{PORTS['TRACKER_PROFILES_METRICS_PORT']}/metrics")):
        target = Http(url)
        path = urllib.parse.urlsplit(url).path
        target.connection.request("GET", path)
        text = target.connection.getresponse().read().decode()
        target.close()
        for line in text.splitlines():
            m = _METRIC.match(line)
            if m and ("people/search" in m.group(3) or "SearchPeople" in m.group(3)):
                out[f"{name}_{m.group(2)}"] = out.get(f"{name}_{m.group(2)}", 0) + float(m.group(4))
    return out


def field_types(es: Http, prefix: str) -> dict:
    from services.common.search import FieldType
    mapping = es.json("GET", f"/{prefix}people/_mapping")
    types = {}
    for index_mapping in mapping.values():
        for field, spec in index_mapping["mappings"]["properties"].items():
            try:
                types[field] = FieldType(spec["type"])
            except ValueError:
                pass
    return types


def raw_request(kind: str, criteria: dict, catalogue, landlord_id: str, types: dict, today: dt.date,
                prefix: str) -> tuple[str, bytes]:
    """The search the profiles service sends for this gateway request: (path, body)."""
    from services.common.search.elastic import build_search
    from services.profiles.search import INDEX, Page, build_request
    page = {"count": Page(count_only=True),
            "page": Page(size=sc.PAGE_SIZE, number=1, sort=[("surname", "asc")]),
            "facets": Page(count_only=True, facets=list(sc.FACETS))}[kind]
    built = build_search(landlord_id, build_request(criteria, page, catalogue, today), types)
    return (f"/{prefix}{INDEX}/_search?{urllib.parse.urlencode(built['params'])}",
            json.dumps(built["body"]).encode())


def measure(base: str, prefix: str, landlord: dict, samples: int, warmup: int, seed: str) -> list[dict]:
    catalogue = catalogue_of(landlord["id"])
    gateway = Http(base, {"Authorization": f"Bearer {_token(base, landlord['username'], landlord['password'])}"})
    es = Http(ES_URL)
    types = field_types(es, prefix)
    rows = []
    for n_filters in sc.FILTER_COUNTS:
        for kind in sc.KINDS:
            today = dt.date.today()
            sequence = sc.criteria_sequence(n_filters, warmup + samples, f"{seed}:{kind}")
            gw_ms, raw_ms, totals, mismatches = [], [], [], 0
            before = None
            for i, criteria in enumerate(sequence):
                if i == warmup:
                    before = server_times(base)
                gw_body = json.dumps(sc.gateway_body(kind, criteria)).encode()
                raw_path, raw_body = raw_request(kind, criteria, catalogue, landlord["id"], types, today, prefix)
                pair = [("gw", lambda: gateway.timed("/api/v1/people/search", gw_body)),
                        ("raw", lambda: es.timed(raw_path, raw_body))]
                got = {}
                for name, call in (pair if i % 2 == 0 else pair[::-1]):  # neither always goes first
                    got[name] = call()
                if i < warmup:
                    continue
                gw_ms.append(got["gw"][0])
                raw_ms.append(got["raw"][0])
                total = got["gw"][1]["total"]
                totals.append(total)
                mismatches += total != got["raw"][1]["hits"]["total"]["value"]
            after = server_times(base)
            n = len(gw_ms)
            server = {
                "gateway_mean_ms": round((after["gateway_sum"] - before["gateway_sum"]) * 1000 / n, 2),
                "profiles_mean_ms": round((after["profiles_sum"] - before["profiles_sum"]) * 1000 / n, 2),
            } if before and {"gateway_sum", "profiles_sum"} <= after.keys() else {}
            g, r = sc.summary(gw_ms), sc.summary(raw_ms)
            row = {"landlord": landlord["code"], "people": landlord["size"], "filters": n_filters, "kind": kind,
                   "gateway": {**g, "mean_ms": round(sum(gw_ms) / n, 2)},
                   "raw": {**r, "mean_ms": round(sum(raw_ms) / n, 2)},
                   "ratio_p50": sc.ratio(g["p50_ms"], r["p50_ms"]), "ratio_p95": sc.ratio(g["p95_ms"], r["p95_ms"]),
                   "median_total": sorted(totals)[len(totals) // 2], "total_mismatches": mismatches,
                   "server": server}
            rows.append(row)
            print(f"  {landlord['code']:<4}{n_filters:>3} filters {kind:<7} gateway p50 {g['p50_ms']:7.1f} "
                  f"p95 {g['p95_ms']:7.1f} | raw p50 {r['p50_ms']:7.1f} p95 {r['p95_ms']:7.1f} | "
                  f"x{row['ratio_p50']:.2f} / x{row['ratio_p95']:.2f}", flush=True)
    gateway.close()
    es.close()
    return rows


# -- report -------------------------------------------------------------------------------------------

def report(results: dict) -> str:
    lines = [f"\nPeople search ({results['documents']:,} people in {results['index']}; "
             f"{results['samples']} requests per scenario after {results['warmup']} warm-up; gateway and raw "
             "Elasticsearch interleaved, same criteria; ms, client wall time; "
             f"{results.get('shards', 1)} shard(s), each landlord on {results.get('routing_partition', 1)})",
             f"{'people':>9} {'filters':>7} {'query':<18}{'gw p50':>8}{'gw p95':>8}{'raw p50':>9}{'raw p95':>9}"
             f"{'x p50':>7}{'x p95':>7}{'gw srv':>8}{'profiles':>9}{'matched':>9}"]
    names = {"count": "count only", "page": "page 25 + count", "facets": "5 facets + count"}
    for row in results["scenarios"]:
        server = row["server"]
        lines.append(
            f"{row['people']:>9,} {row['filters']:>7} {names[row['kind']]:<18}{row['gateway']['p50_ms']:>8.1f}"
            f"{row['gateway']['p95_ms']:>8.1f}{row['raw']['p50_ms']:>9.1f}{row['raw']['p95_ms']:>9.1f}"
            f"{row['ratio_p50']:>7.2f}{row['ratio_p95']:>7.2f}{server.get('gateway_mean_ms', float('nan')):>8.1f}"
            f"{server.get('profiles_mean_ms', float('nan')):>9.1f}{row['median_total']:>9,}")
    lines.append("gw srv / profiles: mean server-side ms of the gateway's HTTP handling and of profiles' SearchPeople "
                 "(Prometheus histograms); matched: median total")
    indexing = results["indexing"]
    lines.append(f"Bulk indexing: {indexing['documents']:,} documents in {indexing['seconds']} s = "
                 f"{indexing['docs_per_s']:,} docs/s ({indexing['workers']} worker process(es), index_many batches "
                 f"of {indexing['batch']}){' [from the load of ' + results['loaded_at'] + ', reused]' if results['reused'] else ''}")
    lines.append("People are indexed straight into Elasticsearch, not written to PostgreSQL (search reads only the "
                 "index and the catalogue). Request cache off on the bench index; load average "
                 f"{results['load_average']['start']} at start, {results['load_average']['end']} at end.")
    if "catalogue_load" in results:
        lines.append(f"load_catalogue per search (profiles reads it from PostgreSQL each time): p50 "
                     f"{results['catalogue_load']['p50_ms']} ms, p95 {results['catalogue_load']['p95_ms']} ms")
    if results.get("other_documents"):
        lines.append(f"The bench index also holds {results['other_documents']} people of other landlords: the bench "
                     "platform shares Kafka and PostgreSQL with other cluster platforms here and indexed their events")
    mismatches = sum(r["total_mismatches"] for r in results["scenarios"])
    heap = [n["jvm"]["mem"] for n in results["elasticsearch_jvm"].get("nodes", {}).values()]
    lines.append(f"Totals gateway vs raw differ in {mismatches} request(s). Elasticsearch heap: "
                 + ", ".join(f"{h['heap_used_in_bytes'] / 2**20:,.0f} MiB used of {h['heap_max_in_bytes'] / 2**20:,.0f}"
                             for h in heap))
    big = [r for r in results["scenarios"] if r["kind"] == "page" and r["people"] >= 1_000_000]
    if big:
        worst = max(r["gateway"]["p95_ms"] for r in big)
        ratio = max(r["ratio_p95"] for r in results["scenarios"])
        lines.append(f"Targets (reported, not asserted): page + count p95 at 1,000,000 people {worst:.1f} ms "
                     f"(target <= 50); worst gateway/raw p95 ratio {ratio:.2f} (target <= 1.5)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--fresh", action="store_true", help="drop the bench index and load it again")
    group.add_argument("--reuse", action="store_true", help="reuse the loaded index when it holds the "
                       "expected people (the default)")
    parser.add_argument("--samples", type=int, default=int(os.environ.get("TRACKER_BENCH_SEARCH_SAMPLES", "200")))
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--small-landlords", type=int, default=10)
    parser.add_argument("--small-size", type=int, default=100_000)
    parser.add_argument("--big-size", type=int, default=1_000_000)
    parser.add_argument("--part-size", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--prefix", default=os.environ.get("TRACKER_BENCH_INDEX_PREFIX", "bench_"))
    args = parser.parse_args(argv)
    config = {"small_landlords": args.small_landlords, "small_size": args.small_size, "big_size": args.big_size,
              "part_size": args.part_size, "seed": args.seed, "prefix": args.prefix,
              # the index layout, as the platform would create it from these settings
              "shards": int(os.environ.get("TRACKER_SEARCH_SHARDS", "1")),
              "routing_partition": int(os.environ.get("TRACKER_SEARCH_ROUTING_PARTITION", "1"))}
    OUT.mkdir(parents=True, exist_ok=True)
    load_start = os.getloadavg()
    process, base = start_platform(args.prefix)
    try:
        es = Http(ES_URL)
        state = json.loads(STATE.read_text()) if STATE.exists() else None
        reused = not args.fresh and reusable(state, config, base, es, args.prefix)
        if not reused:
            state = load(base, args.prefix, config, args.workers, args.seed)
            STATE.write_text(json.dumps(state, indent=2))
        else:
            print(f"search bench: reusing {args.prefix}people loaded {state['loaded_at']} (--fresh reloads)")
        es.json("PUT", f"/{args.prefix}people/_settings", {"index": {"requests": {"cache": {"enable": False}}}})
        heap = es.json("GET", "/_nodes/stats/jvm?filter_path=nodes.*.jvm.mem.heap_max_in_bytes,"
                              "nodes.*.jvm.mem.heap_used_in_bytes")
        documents = sum(es_count(es, args.prefix, landlord["id"]) for landlord in state["landlords"])
        # The bench profiles service shares Kafka and PostgreSQL with any other cluster platform on this
        # machine, so it may index a few people of others' landlords into the bench index.
        others = es_count(es, args.prefix) - documents
        by_code = {landlord["code"]: landlord for landlord in state["landlords"]}
        when = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        scenarios = []
        catalogue_ms = catalogue_timing(by_code["BIG"]["id"])
        print(f"search bench: load_catalogue (as profiles does per search) p50 {catalogue_ms['p50_ms']} ms, "
              f"p95 {catalogue_ms['p95_ms']} ms", flush=True)
        for code in ("BIG", "S01"):
            scenarios += measure(base, args.prefix, by_code[code], args.samples, args.warmup, seed=when)
        es.close()
    finally:
        stop_platform(process)
    results = {"when": when, "machine": f"{os.cpu_count()} cores", "index": f"{args.prefix}people",
               "documents": documents, "other_documents": others, "landlords": len(state["landlords"]), "samples": args.samples,
               "warmup": args.warmup, "reused": reused, "loaded_at": state["loaded_at"],
               "shards": config["shards"], "routing_partition": config["routing_partition"],
               "indexing": state["indexing"], "elasticsearch_jvm": heap,
               "load_average": {"start": [round(x, 1) for x in load_start],
                                "end": [round(x, 1) for x in os.getloadavg()]},
               "catalogue_load": catalogue_ms, "scenarios": scenarios}
    print(report(results))
    path = OUT / f"search-{when.replace(':', '')}.json"
    path.write_text(json.dumps(results, indent=2))
    print(f"written to {path.relative_to(ROOT)}")
    return results


if __name__ == "__main__":
    main()
