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
import json
import os
import re
import time
import urllib.parse

from bench import harness
from bench import search_criteria as sc
from bench.run import PORTS
from bench.search_load import catalogue_of, es_count, load, reusable
from bench.search_platform import ES_URL, OUT, Http, _token
from services.common import local_cluster

STATE = OUT / "search_state.json"


def catalogue_timing(landlord_id: str, n: int = 100) -> dict[str, float]:
    """What reading a catalogue uncached costs (profiles does it when a landlord's set-up changed):
    a read-only landlord-scoped transaction and read_catalogue (lists, options, custom fields, settings)."""
    from services.common.db import Database
    from services.profiles.setup.store import read_catalogue
    database = Database.from_url(local_cluster.ENV["TRACKER_DATABASE_URL_TEMPLATE"].format(service="profiles"))
    ms = []
    try:
        for _ in range(n + 5):
            started = time.perf_counter()
            session = database.open(landlord_id=landlord_id, read_only=True)
            read_catalogue(session, landlord_id)
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
    from services.common.search import SortKey
    from services.profiles.search import INDEX, Page, build_request
    page = {"count": Page(count_only=True),
            "page": Page(size=sc.PAGE_SIZE, number=1, sort=[SortKey("surname")]),
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
        lines.append(f"read_catalogue uncached (profiles keeps catalogues; it reads one when set-up changed): p50 "
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
    with harness.platform(args.prefix) as (_, base):
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
        print(f"search bench: read_catalogue uncached p50 {catalogue_ms['p50_ms']} ms, "
              f"p95 {catalogue_ms['p95_ms']} ms", flush=True)
        for code in ("BIG", "S01"):
            scenarios += measure(base, args.prefix, by_code[code], args.samples, args.warmup, seed=when)
        es.close()
    results = {"when": when, "machine": harness.machine(), "index": f"{args.prefix}people",
               "documents": documents, "other_documents": others, "landlords": len(state["landlords"]), "samples": args.samples,
               "warmup": args.warmup, "reused": reused, "loaded_at": state["loaded_at"],
               "shards": config["shards"], "routing_partition": config["routing_partition"],
               "indexing": state["indexing"], "elasticsearch_jvm": heap,
               "load_average": {"start": [round(x, 1) for x in load_start],
                                "end": [round(x, 1) for x in os.getloadavg()]},
               "catalogue_load": catalogue_ms, "scenarios": scenarios}
    print(report(results))
    harness.write_results("search", results)
    return results


if __name__ == "__main__":
    main()
