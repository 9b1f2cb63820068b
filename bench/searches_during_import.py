"""People searches while an import runs (issue 19), for bench/import_bench.py: one search every 1/RATE seconds
of the importing landlord's people (3 or 6 random filters, bench/search_criteria.py; the first page sorted by
surname with its exact total), each sent twice in a row, through the gateway and straight to Elasticsearch as
the profiles service builds it (bench/search_bench.py `raw_request`), which goes first alternating. Once the
import has settled, the same searches again on the quiet machine, so p50 and p95 during the import sit beside
the idle ones and beside the raw query's, from one run.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import threading
import time

from bench import search_criteria as sc
from bench.search_platform import ES_URL, Http

RATE = float(os.environ.get("TRACKER_BENCH_IMPORT_SEARCHES_PER_S", "4"))
KIND = "page"
MOST = 2_000  # searches at most (a long run stops searching, not measuring what it has)


def searches(count: int, seed: str) -> list[dict]:
    """`count` criteria, 3 and 6 filters alternately, the same for the same seed."""
    threes, sixes = sc.criteria_sequence(3, count, seed), sc.criteria_sequence(6, count, seed)
    return [(threes if n % 2 == 0 else sixes)[n] for n in range(count)]


def figures(pairs: list[tuple[float, float]]) -> dict | None:
    """p50 and p95 (ms) of the gateway's and the raw query's times of these (gateway, raw) pairs, and the ratios."""
    if not pairs:
        return None
    gateway, raw = sc.summary([g for g, _ in pairs]), sc.summary([r for _, r in pairs])
    return {"gateway": gateway, "raw": raw, "ratio_p50": sc.ratio(gateway["p50_ms"], raw["p50_ms"]),
            "ratio_p95": sc.ratio(gateway["p95_ms"], raw["p95_ms"])}


class SearchesDuringImport:
    """Start it as the import starts (the landlord's index must exist), stop it when the import is searchable,
    `idle()` once it has settled, then `figures()`."""

    def __init__(self, base: str, headers: dict[str, str], landlord_id: str, prefix: str, seed: str):
        from bench.search_bench import field_types
        from bench.search_load import catalogue_of
        self._base, self._headers, self._landlord_id, self._prefix = base, headers, landlord_id, prefix
        self._catalogue = catalogue_of(landlord_id)
        self._types = field_types(Http(ES_URL), prefix)
        self._criteria = searches(MOST, seed)
        self._during: list[tuple[float, float]] = []
        self._idle: list[tuple[float, float]] = []
        self._failures: list[str] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._search_while_running, daemon=True, name="bench-searches")

    def start(self) -> "SearchesDuringImport":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def idle(self) -> None:
        """The searches made during the import, again, one after another."""
        gateway, es = Http(self._base, self._headers), Http(ES_URL)
        for n in range(len(self._during)):
            self._idle.append(self._pair(gateway, es, n))
        gateway.close()
        es.close()

    def _search_while_running(self) -> None:
        gateway, es = Http(self._base, self._headers), Http(ES_URL)
        start = time.perf_counter()
        for n in range(MOST):
            delay = start + n / RATE - time.perf_counter()
            if (delay > 0 and self._stop.wait(delay)) or self._stop.is_set():
                break
            try:
                self._during.append(self._pair(gateway, es, n))
            except (OSError, RuntimeError) as error:
                self._failures.append(str(error)[:200])
        gateway.close()
        es.close()

    def _pair(self, gateway: Http, es: Http, n: int) -> tuple[float, float]:
        """(gateway ms, raw ms) of search n."""
        from bench.search_bench import raw_request
        criteria = self._criteria[n]
        gw_body = json.dumps(sc.gateway_body(KIND, criteria)).encode()
        raw_path, raw_body = raw_request(KIND, criteria, self._catalogue, self._landlord_id, self._types,
                                         dt.date.today(), self._prefix)
        calls = [("gw", lambda: gateway.timed("/api/v1/people/search", gw_body)[0]),
                 ("raw", lambda: es.timed(raw_path, raw_body)[0])]
        got = dict((name, call()) for name, call in (calls if n % 2 == 0 else calls[::-1]))
        return got["gw"], got["raw"]

    def figures(self) -> dict:
        return {"searches_per_s": RATE, "kind": KIND, "filters": "3 and 6",
                "during": figures(self._during), "idle": figures(self._idle), "failures": len(self._failures),
                "failure_examples": self._failures[:3]}


def line(scenario: str, found: dict) -> str:
    """One line of the report."""
    during, idle = found.get("during"), found.get("idle")
    if not during:
        return f"({scenario}) searches meanwhile: none answered ({found.get('failures', 0)} failed)"
    text = (f"({scenario}) people searches meanwhile ({found['searches_per_s']:g}/s, {found['filters']} filters "
            f"alternately, first page with exact total), {during['gateway']['n']} of them: gateway p50 "
            f"{during['gateway']['p50_ms']:.1f} "
            f"ms, p95 {during['gateway']['p95_ms']:.1f} ms | raw p50 {during['raw']['p50_ms']:.1f}, p95 "
            f"{during['raw']['p95_ms']:.1f} | x{during['ratio_p95']:.2f} at p95")
    if idle:
        text += (f"; the same searches idle after: gateway p50 {idle['gateway']['p50_ms']:.1f}, p95 "
                 f"{idle['gateway']['p95_ms']:.1f} | raw p50 {idle['raw']['p50_ms']:.1f}, p95 "
                 f"{idle['raw']['p95_ms']:.1f} | x{idle['ratio_p95']:.2f}")
    return text + (f"; {found['failures']} failed" if found.get("failures") else "")
