"""Groups benchmark (issue 5): figures only, printed and written to var/bench/groups-<when>.json.

    python -m bench.groups_bench        (or BENCH_ONLY=groups make bench)

A local-cluster platform as its own processes (bench/run.py's ports, its own index prefix):
  1. a landlord with TRACKER_BENCH_GROUP_PEOPLE (100,000) generated residents, imported through the
     gateway (a CSV full snapshot) and searchable;
  2. a search template of everybody current, and an admin group made from the same criteria
     (a snapshot of every one of them): the time to create it, and until a people search by the group
     finds every member (its membership searchable), both from the create request;
  3. the groups service's ResolvePeople (one server-streaming gRPC call) for the admin group and for the
     template, TRACKER_BENCH_RESOLVE_REPEATS (20) times each, interleaved: per call the time to the first
     chunk and to the last person id; rate = people / time; p50 and p95.
Beside them, in the same run, the raw reads underneath: the member ids of the group straight from
PostgreSQL (one keyset-paged SELECT per 5,000) and the same people's ids straight from Elasticsearch
(search_after pages of 5,000), so the ratios show what the services add.
The household rebuild for 1,000,000 residents is bench/households_bench.py (the same stage runs it).
Try it small first: TRACKER_BENCH_GROUP_PEOPLE=5000 TRACKER_BENCH_RESOLVE_REPEATS=5.
"""
from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Callable, Iterator

from bench import harness
from bench import import_files as files
from bench.import_bench import upload
from bench.run import PORTS
from bench.search_platform import ES_URL, Http, _token, create_landlord

PEOPLE = int(os.environ.get("TRACKER_BENCH_GROUP_PEOPLE", "100000"))
REPEATS = int(os.environ.get("TRACKER_BENCH_RESOLVE_REPEATS", "20"))
TIMEOUT = float(os.environ.get("TRACKER_BENCH_GROUP_TIMEOUT", "3600"))
PREFIX = os.environ.get("TRACKER_BENCH_GROUP_INDEX_PREFIX", "benchgroups_")
CHUNK = 5000
SEED = 5


def _wait(what: str, check: Callable[[], bool], timeout: float = TIMEOUT, poll: float = 1.0) -> float:
    started = time.perf_counter()
    while not check():
        if time.perf_counter() - started > timeout:
            raise RuntimeError(f"timed out waiting for {what}")
        time.sleep(poll)
    return time.perf_counter() - started


def load_people(base: str, landlord: dict, work: Path, people: int = PEOPLE,
                change: Callable[[dict], dict] | None = None) -> dict[str, Any]:
    """`people` residents through POST /api/v1/imports (each generated row through `change` first, where
    given); waits until a count-only search finds them all."""
    path = work / "residents.csv"
    files.write_feed_csv(path, people, seed=SEED, landlord_code=landlord["code"], change=change)
    token = _token(base, landlord["username"], landlord["password"])
    api = Http(base, {"Authorization": f"Bearer {token}"})
    started = time.perf_counter()
    run = upload(base, token, path, "text/csv")
    print(f"groups bench: importing {people:,} residents", flush=True)

    def done() -> bool:
        nonlocal run
        run = api.json("GET", f"/api/v1/imports/{run['id']}")
        if run["status"] == "failed":
            raise RuntimeError(f"the import failed: {run.get('problem')}")
        return run["status"] == "completed" and api.json("POST", "/api/v1/people/search", {
            "criteria": {}, "page_size": 1, "count_only": True})["total"] == people
    _wait("the import", done)
    api.close()
    return {"people": people, "import_and_searchable_s": round(time.perf_counter() - started, 1)}


def make_selections(base: str, landlord: dict, people: int = PEOPLE) -> dict[str, Any]:
    token = _token(base, landlord["username"], landlord["password"])
    api = Http(base, {"Authorization": f"Bearer {token}"}, timeout=TIMEOUT)
    template = api.json("POST", "/api/v1/search-templates", {
        "name": "Everybody current", "description": "bench", "criteria": {}})
    started = time.perf_counter()
    group = api.json("POST", "/api/v1/admin-groups", {
        "reference": "BENCH-ALL", "description": "everybody current, as a snapshot", "criteria": {}})
    created_s = time.perf_counter() - started
    if group.get("member_count") != people:
        raise RuntimeError(f"the admin group has {group.get('member_count')} members, not {people}")
    members = {"criteria": {"admin_group": [group["id"]]}, "page_size": 1, "count_only": True}
    _wait("the group's membership in search",
          lambda: api.json("POST", "/api/v1/people/search", members)["total"] == people, poll=0.2)
    searchable_s = time.perf_counter() - started
    me = api.json("GET", "/api/v1/me") if api.call("GET", "/api/v1/me")[0] == 200 else {}
    api.close()
    return {"template_id": template["id"], "group_id": group["id"], "group_create_s": round(created_s, 2),
            "membership_searchable_s": round(searchable_s, 2), "user_id": me.get("id", "bench")}


def resolve_stream(stub, request) -> tuple[float, float, int]:
    """(ms to the first chunk, ms to the end, people) of one ResolvePeople call."""
    started = time.perf_counter()
    first, count = None, 0
    for chunk in stub.ResolvePeople(request, timeout=600):
        if first is None:
            first = (time.perf_counter() - started) * 1000
        count += len(chunk.person_ids)
    return first or 0.0, (time.perf_counter() - started) * 1000, count


def raw_group_ids(landlord_id: str, group_id: str) -> Iterator[list[str]]:
    """The group's member ids straight from PostgreSQL, keyset-paged as the service pages them."""
    import psycopg

    from bench.import_measure import admin_conninfo
    with psycopg.connect(admin_conninfo().rsplit("/", 1)[0] + "/tracker_groups") as db:
        after = ""
        while True:
            rows = db.execute("SELECT person_id FROM admin_group_members WHERE landlord_id = %s AND group_id = %s "
                              "AND person_id > %s ORDER BY person_id LIMIT %s",
                              (landlord_id, group_id, after, CHUNK)).fetchall()
            if not rows:
                return
            after = rows[-1][0]
            yield [r[0] for r in rows]


def raw_index_ids(landlord_id: str) -> Iterator[list[str]]:
    """The landlord's current people's ids straight from Elasticsearch, search_after pages of CHUNK."""
    es = Http(ES_URL)
    after = None
    while True:
        body = {"size": CHUNK, "_source": False, "sort": [{"id": "asc"}],
                "query": {"bool": {"filter": [{"term": {"landlord_id": landlord_id}},
                                              {"term": {"status": "current"}}]}}}
        if after:
            body["search_after"] = after
        status, answer = es.call("POST", f"/{PREFIX}people/_search?routing={landlord_id}",
                                 json.dumps(body).encode())
        if status != 200:
            raise RuntimeError(f"Elasticsearch answered {status}: {str(answer)[:300]}")
        hits = answer["hits"]["hits"]
        if not hits:
            es.close()
            return
        after = hits[-1]["sort"]
        yield [h["_id"] for h in hits]


def timed_raw(pages: Callable[[], Iterator[list[str]]]) -> tuple[float, int]:
    started, count = time.perf_counter(), 0
    for page in pages():
        count += len(page)
    return (time.perf_counter() - started) * 1000, count


def _summary(samples: list[tuple[float, float, int]]) -> dict[str, Any]:
    totals = sorted(s[1] for s in samples)
    firsts = sorted(s[0] for s in samples)
    people = samples[0][2]
    p95 = totals[max(0, round(0.95 * len(totals)) - 1)]
    return {"people": people, "calls": len(samples), "first_chunk_p50_ms": round(statistics.median(firsts), 1),
            "total_p50_ms": round(statistics.median(totals), 1), "total_p95_ms": round(p95, 1),
            "people_per_s_p50": round(people / (statistics.median(totals) / 1000)),
            "people_per_s_at_p95": round(people / (p95 / 1000))}


def measure_resolving(landlord: dict, selections: dict) -> dict[str, Any]:
    from services.common import context
    from services.common.grpc_client import channel
    from services.gen.tracker.groups.v1 import groups_service_pb2 as pb, groups_service_pb2_grpc as pb_grpc
    stub = pb_grpc.GroupsStub(channel(f"127.0.0.1:{PORTS['TRACKER_GROUPS_GRPC_PORT']}"))
    requests = {"admin_group": pb.ResolvePeopleRequest(admin_group_id=selections["group_id"], chunk_size=CHUNK),
                "search_template": pb.ResolvePeopleRequest(search_template_id=selections["template_id"],
                                                           chunk_size=CHUNK)}
    raw = {"admin_group": lambda: raw_group_ids(landlord["id"], selections["group_id"]),
           "search_template": lambda: raw_index_ids(landlord["id"])}
    samples: dict[str, list] = {k: [] for k in requests}
    raw_samples: dict[str, list] = {k: [] for k in requests}
    ctx = context.CallContext(landlord_id=landlord["id"], user_id=selections["user_id"], request_id="bench")
    with context.bound(ctx):
        for kind, request in requests.items():  # one warm-up each
            resolve_stream(stub, request)
        for i in range(REPEATS):
            for kind, request in requests.items():
                samples[kind].append(resolve_stream(stub, request))
                ms, count = timed_raw(raw[kind])
                raw_samples[kind].append((ms, ms, count))
    out = {}
    for kind in requests:
        s, r = _summary(samples[kind]), _summary(raw_samples[kind])
        if s["people"] != PEOPLE:
            raise RuntimeError(f"resolving the {kind} gave {s['people']} people, not {PEOPLE}")
        out[kind] = {**s, "raw": r, "ratio_p50_to_raw": round(s["total_p50_ms"] / r["total_p50_ms"], 2)}
    return out


def report(results: dict) -> str:
    lines = [f"\nGroups ({results['machine']}): ResolvePeople over gRPC, {results['people']['people']:,} people, "
             f"{REPEATS} calls each; raw = the same ids straight from PostgreSQL (group) or Elasticsearch (template)",
             f"{'selection':<16}{'first p50':>11}{'all p50':>10}{'all p95':>10}{'people/s p50':>14}"
             f"{'raw p50':>10}{'x raw':>7}"]
    for kind, r in results["resolve"].items():
        lines.append(f"{kind:<16}{r['first_chunk_p50_ms']:>9.1f}ms{r['total_p50_ms']:>8.0f}ms{r['total_p95_ms']:>8.0f}ms"
                     f"{r['people_per_s_p50']:>14,}{r['raw']['total_p50_ms']:>8.0f}ms{r['ratio_p50_to_raw']:>7.2f}")
    lines.append(f"admin group of {results['people']['people']:,} made from criteria in "
                 f"{results['selections']['group_create_s']} s, its membership searchable (a search by the group finds "
                 f"every member) {results['selections']['membership_searchable_s']} s after the create request; "
                 f"import + searchable "
                 f"{results['people']['import_and_searchable_s']} s")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> dict:
    when, run_id = harness.started()
    with harness.work_folder("groups", run_id) as work, harness.platform(PREFIX) as (_, base):
        landlord = create_landlord(base, "GRP", run_id)
        people = load_people(base, landlord, work)
        selections = make_selections(base, landlord)
        resolve = measure_resolving(landlord, selections)
    results = {"when": when, "machine": harness.machine(), "people": people, "selections": selections,
               "resolve": resolve}
    print(report(results))
    harness.write_results("groups", results)
    return results


if __name__ == "__main__":
    main(sys.argv[1:])
