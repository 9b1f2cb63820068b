"""The search bench's platform: a local-cluster platform as its own processes, and
keep-alive HTTP to it and to Elasticsearch, timed the same way."""
from __future__ import annotations

import http.client
import json
import os
import signal
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path
from typing import Any

from bench.run import OPERATOR_PASSWORD, PORTS
from services.common import local_cluster

ROOT = Path(__file__).resolve().parents[1]
ES_URL = local_cluster.ENV["TRACKER_ELASTICSEARCH_URL"]
OUT = ROOT / "var" / "bench"


# -- HTTP: one keep-alive connection per target, timed the same way for both ----------------------

class Http:
    def __init__(self, base: str, headers: dict[str, str] | None = None, timeout: float = 60):
        parts = urllib.parse.urlsplit(base)
        self.connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
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
            "TRACKER_LOG_LEVEL": "WARNING", "TRACKER_SEARCH_INDEX_PREFIX": prefix, "TRACKER_DEMO": "0"}


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
