"""The import bench's floor for search: the documents the platform wrote for a landlord, read back from its
index onto disk as `_bulk` lines (not timed), then written by a raw `_bulk` loop (bulk_bench.send_bulk: no
client library, one request at a time, the platform's request sizes) into a fresh index with the same
mapping and shards, timed. What Elasticsearch alone takes for the same documents, beside the import."""
from __future__ import annotations

import json
import time
import uuid
from pathlib import Path
from typing import BinaryIO, Iterator

from bench.bulk_bench import send_bulk
from bench.search_platform import ES_URL, Http
from services.profiles.search.document import INDEX

PAGE = 5000
SCROLL = "5m"


def _dump(es: Http, alias: str, landlord_id: str, scratch: str, out: BinaryIO) -> int:
    """The landlord's documents as (action, source) lines for `scratch`, each with its id, routing and version."""
    answer = es.json("POST", f"/{alias}/_search?scroll={SCROLL}&routing={landlord_id}", {
        "size": PAGE, "version": True, "sort": ["_doc"], "query": {"term": {"landlord_id": landlord_id}}})
    count = 0
    try:
        while answer["hits"]["hits"]:
            for hit in answer["hits"]["hits"]:
                action = {"index": {"_index": scratch, "_id": hit["_id"], "routing": landlord_id,
                                    "version": hit["_version"], "version_type": "external"}}
                out.write(json.dumps(action).encode() + b"\n" + json.dumps(hit["_source"]).encode() + b"\n")
                count += 1
            answer = es.json("POST", "/_search/scroll", {"scroll": SCROLL, "scroll_id": answer["_scroll_id"]})
    finally:
        es.json("DELETE", "/_search/scroll", {"scroll_id": answer["_scroll_id"]})
    return count


def _pairs(lines: BinaryIO) -> Iterator[tuple[bytes, bytes]]:
    for action in lines:
        yield action.rstrip(b"\n"), next(lines).rstrip(b"\n")


def raw_bulk_beside(prefix: str, landlord_id: str, work: Path) -> dict:
    """{docs, seconds, docs_per_s} of the raw loop writing the landlord's documents into a scratch index
    (removed afterwards)."""
    es = Http(ES_URL, timeout=300)
    alias = f"{prefix}{INDEX}"
    scratch = f"{prefix}raw-bulk-{uuid.uuid4().hex[:6]}"
    path = work / "raw-bulk.ndjson"
    try:
        index, mapping = next(iter(es.json("GET", f"/{alias}/_mapping").items()))
        shards = es.json("GET", f"/{index}/_settings")[index]["settings"]["index"]["number_of_shards"]
        es.json("PUT", f"/{scratch}", {"mappings": mapping["mappings"],
                                      "settings": {"number_of_shards": int(shards), "number_of_replicas": 0}})
        with path.open("wb") as out:
            _dump(es, alias, landlord_id, scratch, out)
        started = time.perf_counter()
        with path.open("rb") as lines:
            count = send_bulk(_pairs(lines))
        seconds = time.perf_counter() - started
    finally:
        es.call("DELETE", f"/{scratch}")
        path.unlink(missing_ok=True)
        es.close()
    return {"docs": count, "seconds": round(seconds, 2), "docs_per_s": round(count / seconds) if seconds else None}
