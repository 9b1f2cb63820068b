"""Loading the search bench's index: landlords through the gateway, generated people
bulk-indexed straight into Elasticsearch as the documents the profiles indexer writes."""
from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import time
import urllib.parse

from bench.search_platform import ES_URL, Http, _token, create_landlord
from services.common import local_cluster

BATCH = 5000
PARITY_SAMPLE = 300


def catalogue_of(landlord_id: str):
    """The landlord's catalogue as the profiles service reads it (seeded on first use)."""
    from services.common.db import Database
    from services.profiles.setup.store import load_catalogue
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
    from services.profiles.search.document import INDEX
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
    from services.profiles.search.document import INDEX, index_fields
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
    merge_started = time.perf_counter()  # a bulk-loaded index that then serves reads: merged, as it would be in time
    Http(ES_URL, timeout=1800).json("POST", f"/{prefix}{INDEX}/_forcemerge?max_num_segments=1")
    merge_seconds = time.perf_counter() - merge_started
    for landlord in landlords:
        landlord.pop("parts")
    return {"config": config, "landlords": landlords, "loaded_at": now.isoformat(),
            "indexing": {"documents": total, "seconds": round(seconds, 1), "docs_per_s": round(total / seconds),
                         "workers": workers, "batch": BATCH, "refresh_seconds": round(refresh_seconds, 1),
                         "merge_seconds": round(merge_seconds, 1),
                         "note": "generation + document making + bulk (index_many), wall time, refresh 1 s, "
                                 f"{config['shards']} shard(s), each landlord on {config['routing_partition']}, "
                                 "0 replicas; then force-merged to one segment per shard (merge_seconds)"}}
