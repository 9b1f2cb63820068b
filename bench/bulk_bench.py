"""Bulk indexing, side by side in one run (BENCH_ONLY=bulk): the same generated people's search documents (as
the profiles indexer writes them) written into Elasticsearch by a raw `_bulk` loop (NDJSON bodies of the same
size, one request at a time, no client library), and by the platform's adapter (`index_many`, versioned as the
indexer writes) with 1, 2 and 3 requests in flight. Each way into a fresh index; documents per second, and the
adapter's ratio to raw. Figures only; var/bench/bulk-<when>.json.

    .venv/bin/python bench/bulk_bench.py [--people 200000] [--batch 20000]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
import urllib.request
import uuid
from pathlib import Path
from typing import Iterable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import harness, search_data as sd  # noqa: E402
from bench.search_platform import ES_URL  # noqa: E402
from services.common.search.elastic import BULK_BYTES, BULK_DOCS, ElasticsearchIndex  # noqa: E402
from services.profiles.search.document import INDEX, index_fields  # noqa: E402
from services.profiles.setup.defaults import DEFAULT_OPTIONS  # noqa: E402
from services.profiles.setup.domain import Catalogue, Option  # noqa: E402

LANDLORD = "00000000-0000-4000-8000-00000000b01c"


def _catalogue() -> Catalogue:
    return Catalogue({name: [Option(f"o-{name}-{i}", name, d.label, i) for i, d in enumerate(defaults, 1)]
                      for name, defaults in DEFAULT_OPTIONS.items()}, {})


def documents(count: int) -> dict[str, dict]:
    maker = sd.DocumentMaker(_catalogue(), dt.datetime.now(dt.timezone.utc))
    ids = sd.person_ids(7, "BULK")
    return {person_id: maker.make(values, person_id)
            for values, person_id in zip(sd.people(count, seed=7, landlord_code="BULK"), ids)}


def _post(path: str, body: bytes) -> dict:
    request = urllib.request.Request(ES_URL + path, data=body, method="POST",
                                     headers={"Content-Type": "application/x-ndjson"})
    with urllib.request.urlopen(request, timeout=300) as answer:
        return json.loads(answer.read())


def raw_bulk(prefix: str, docs: dict[str, dict]) -> float:
    """NDJSON bodies of at most BULK_BYTES / BULK_DOCS, one request at a time; seconds."""
    alias = f"{prefix}{INDEX}"
    started = time.perf_counter()
    send_bulk((json.dumps({"index": {"_index": alias, "_id": f"{LANDLORD}:{person_id}", "routing": LANDLORD,
                                     "version": 1, "version_type": "external"}}).encode(),
               json.dumps({**doc, "landlord_id": LANDLORD}).encode()) for person_id, doc in docs.items())
    return time.perf_counter() - started


def send_bulk(pairs: Iterable[tuple[bytes, bytes]]) -> int:
    """(action line, source line) pairs sent in `_bulk` requests of at most BULK_BYTES / BULK_DOCS, one at a
    time, as a client without a library would; how many documents."""
    lines, size, count, total = [], 0, 0, 0
    for action, source in pairs:
        if lines and (size + len(action) + len(source) + 2 > BULK_BYTES or count == BULK_DOCS):
            _send(lines)
            lines, size, count = [], 0, 0
        lines += [action, source]
        size, count, total = size + len(action) + len(source) + 2, count + 1, total + 1
    if lines:
        _send(lines)
    return total


def _send(lines: list[bytes]) -> None:
    answer = _post("/_bulk", b"\n".join(lines) + b"\n")
    if answer.get("errors"):
        raise RuntimeError("raw _bulk: some documents were refused")


def adapter_bulk(prefix: str, docs: dict[str, dict], in_flight: int, batch: int) -> float:
    """index_many in batches of `batch` documents, as the indexer calls it; seconds."""
    index = ElasticsearchIndex(ES_URL, index_prefix=prefix, request_timeout=300, bulk_in_flight=in_flight)
    items = list(docs.items())
    started = time.perf_counter()
    for start in range(0, len(items), batch):
        chunk = dict(items[start:start + batch])
        index.index_many(INDEX, LANDLORD, chunk, versions=dict.fromkeys(chunk, 1))
    seconds = time.perf_counter() - started
    index.close()
    return seconds


def _fresh(prefix: str) -> None:
    index = ElasticsearchIndex(ES_URL, index_prefix=prefix)
    index.drop(INDEX)
    index.ensure_index(INDEX, index_fields())
    index.close()


def _drop(prefix: str) -> None:
    index = ElasticsearchIndex(ES_URL, index_prefix=prefix)
    index.drop(INDEX)
    index.close()


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=200_000)
    parser.add_argument("--batch", type=int, default=20_000, help="documents per index_many call")
    args = parser.parse_args(argv)
    docs = documents(args.people)
    ways = [("raw _bulk", lambda p: raw_bulk(p, docs))] + [
        (f"index_many, {n} in flight", lambda p, n=n: adapter_bulk(p, docs, n, args.batch)) for n in (1, 2, 3)]
    figures = {}
    for name, write in ways:
        prefix = f"bench-bulk-{uuid.uuid4().hex[:6]}-"
        _fresh(prefix)
        try:
            seconds = write(prefix)
        finally:
            _drop(prefix)
        figures[name] = {"seconds": round(seconds, 2), "docs_per_s": round(len(docs) / seconds)}
    raw = figures["raw _bulk"]["seconds"]
    print(f"\nBulk indexing: {len(docs):,} person documents, requests of at most {BULK_BYTES // 1024} KiB / "
          f"{BULK_DOCS:,} documents ({args.batch:,} per index_many call)")
    print(f"{'way':<26}{'seconds':>10}{'docs/s':>10}{'x raw':>8}")
    for name, f in figures.items():
        print(f"{name:<26}{f['seconds']:>10.2f}{f['docs_per_s']:>10,}{f['seconds'] / raw:>8.2f}")
    results = {"when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "machine": harness.machine(),
               "people": len(docs), "batch": args.batch, "bulk_bytes": BULK_BYTES, "figures": figures}
    harness.write_results("bulk", results)
    return results


if __name__ == "__main__":
    main()
