"""`make bench`: the benchmarks, in embedded and local-cluster modes side by side,
in one run. Figures only, printed and written to bench/results/; never assertions.

Each mode runs as its own process tree on the same ports, one after the other: the
embedded mode as `make run` starts it, the cluster mode as `make run-cluster` does
(against the engines `make infra-up` started); the client is this process.

Then the people-search benchmark (bench/search_bench.py: 2,000,000 generated people, gateway
against raw Elasticsearch; figures in var/bench/) and the import benchmark (bench/import_bench.py:
1,000,000-row CSV and 100,000-row XLSX feeds end to end against raw COPY; var/bench/), and the groups
benchmark (bench/groups_bench.py: resolving a search template and a 100,000-member admin group to people;
bench/households_bench.py: rebuilding the households of 1,000,000 residents; var/bench/).
BENCH_ONLY=slice, search, bulk, import, groups, drift, reporting or messaging runs one stage (bulk:
bench/bulk_bench.py, search documents written by a raw _bulk loop beside index_many with 1-3 requests in
flight; reporting: bench/reporting_bench.py, the profile report, a population's profile beside raw
Elasticsearch, and record exports; messaging: bench/messaging_bench.py, a 100,000-person email list built
and previewed, and emails sent through the platform beside raw smtplib)."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import slice_latency  # noqa: E402

sys.path.insert(0, str(ROOT / "deploy/local"))
from run_cluster import wait_ready  # noqa: E402

SAMPLES = int(os.environ.get("TRACKER_BENCH_SAMPLES", "200"))
OPERATOR_PASSWORD = "bench-lantern-harbour-7"
PORTS = {"TRACKER_GATEWAY_PORT": "18180", "TRACKER_PROFILES_GRPC_PORT": "15151",
         "TRACKER_REPORTING_GRPC_PORT": "15152", "TRACKER_IMPORT_GRPC_PORT": "15153",
         "TRACKER_PROFILES_METRICS_PORT": "19151", "TRACKER_REPORTING_METRICS_PORT": "19152",
         "TRACKER_IMPORT_METRICS_PORT": "19153", "TRACKER_HOUSEHOLDS_GRPC_PORT": "15154",
         "TRACKER_GROUPS_GRPC_PORT": "15155", "TRACKER_HOUSEHOLDS_METRICS_PORT": "19154",
         "TRACKER_GROUPS_METRICS_PORT": "19155", "TRACKER_MESSAGING_GRPC_PORT": "15156",
         "TRACKER_MESSAGING_METRICS_PORT": "19156", "TRACKER_REFERRALS_GRPC_PORT": "15157",
         "TRACKER_REFERRALS_METRICS_PORT": "19157"}
STAGES = ("slice", "search", "bulk", "import", "groups", "drift", "reporting", "messaging")


def _measure(command: list[str], ports: dict[str, str], samples: int) -> dict:
    """Start the platform as its own process (so the client does not share its interpreter), then measure."""
    with tempfile.TemporaryDirectory() as var:
        env = {**os.environ, **ports, "TRACKER_VAR_DIR": var, "TRACKER_OPERATOR_PASSWORD": OPERATOR_PASSWORD,
               "TRACKER_LOG_LEVEL": "WARNING", "TRACKER_DEMO": "0"}
        process = subprocess.Popen(command, env=env, cwd=ROOT)
        base = f"http://127.0.0.1:{ports['TRACKER_GATEWAY_PORT']}"
        try:
            if not wait_ready(base + "/readyz", timeout=120):
                raise RuntimeError(f"{' '.join(command)} did not become ready")
            return slice_latency.run(base, OPERATOR_PASSWORD, samples)
        finally:
            process.send_signal(signal.SIGINT)
            process.wait(60)


def embedded(samples: int) -> dict:
    """As `make run` does: every service in one process on embedded defaults."""
    return _measure([sys.executable, "-m", "services.common.devrunner"], PORTS, samples)


def cluster(samples: int) -> dict:
    """As `make run-cluster` does: a process per service against the real engines."""
    return _measure([sys.executable, str(ROOT / "deploy/local/run_cluster.py")], PORTS, samples)


def main() -> None:
    only = os.environ.get("BENCH_ONLY", "")
    if only not in ("", *STAGES):
        raise SystemExit(f"BENCH_ONLY={only!r}: expected one of {', '.join(STAGES)}")
    if only in ("", "slice"):
        slice_stage()
    if only in ("", "search"):
        from bench import search_bench
        search_bench.main([])
    if only in ("", "bulk"):
        from bench import bulk_bench
        bulk_bench.main([])
    if only in ("", "import"):
        from bench import import_bench
        import_bench.main([])
    if only in ("", "groups"):
        from bench import groups_bench, households_bench
        groups_bench.main([])
        households_bench.main([])
    if only in ("", "drift"):
        from bench import drift_bench
        drift_bench.main([])
    if only in ("", "reporting"):
        from bench import reporting_bench
        reporting_bench.main([])
    if only in ("", "messaging"):
        from bench import messaging_bench
        messaging_bench.main([])


def slice_stage() -> None:
    results = {"when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "machine": f"{os.cpu_count()} cores",
               "slice_create_to_searchable": {"embedded": embedded(SAMPLES), "cluster": cluster(SAMPLES)}}
    e, c = (results["slice_create_to_searchable"][m] for m in ("embedded", "cluster"))
    print(f"\nSlice: POST /api/v1/people -> found by POST /api/v1/people/search ({SAMPLES} people per mode)")
    print(f"{'mode':<10}{'create p50':>12}{'create p95':>12}{'searchable p50':>16}{'searchable p95':>16}{'max':>10}")
    for mode, r in (("embedded", e), ("cluster", c)):
        print(f"{mode:<10}{r['create_p50_ms']:>10.1f}ms{r['create_p95_ms']:>10.1f}ms"
              f"{r['searchable_p50_ms']:>14.1f}ms{r['searchable_p95_ms']:>14.1f}ms{r['searchable_max_ms']:>8.1f}ms")
    print(f"cluster/embedded searchable p50 ratio: {c['searchable_p50_ms'] / e['searchable_p50_ms']:.2f}, "
          f"p95 ratio: {c['searchable_p95_ms'] / e['searchable_p95_ms']:.2f}")
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    path = out / f"bench-{results['when'].replace(':', '')}.json"
    path.write_text(json.dumps(results, indent=2))
    print(f"written to {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
