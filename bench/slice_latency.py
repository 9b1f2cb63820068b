"""Create -> searchable latency of the first slice, through the gateway's REST API:
POST /api/v1/people, then poll POST /api/v1/people/search (count only, by the new
reference) until the person is found. Also the latency of the POST alone."""
from __future__ import annotations

import statistics
import time
import uuid

import requests

POLL_SECONDS = 0.002


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def _token(base: str, username: str, password: str) -> str:
    answer = requests.post(f"{base}/api/v1/auth/token", json={"username": username, "password": password}, timeout=30)
    answer.raise_for_status()
    return answer.json()["access_token"]


def new_landlord_admin(base: str, operator_password: str) -> requests.Session:
    """A fresh landlord with its administrator's token in a session."""
    suffix = uuid.uuid4().hex[:8]
    operator = requests.Session()
    operator.headers["Authorization"] = f"Bearer {_token(base, 'operator', operator_password)}"
    username, password = f"bench.{suffix}", f"bench-pass-{suffix}"
    operator.post(f"{base}/api/v1/landlords", timeout=30, json={
        "name": f"Bench Homes {suffix}", "admin": {"username": username, "password": password, "name": "Bench Admin"},
    }).raise_for_status()
    admin = requests.Session()
    admin.headers["Authorization"] = f"Bearer {_token(base, username, password)}"
    return admin


def run(base: str, operator_password: str, samples: int, timeout: float = 30.0) -> dict:
    admin = new_landlord_admin(base, operator_password)
    create_ms, searchable_ms = [], []
    for i in range(samples):
        ref = f"B{i:06d}"
        started = time.perf_counter()
        answer = admin.post(f"{base}/api/v1/people", json={"personal_ref": ref, "first_name": "Bench", "surname": f"Person{i}"}, timeout=30)
        answer.raise_for_status()
        created = time.perf_counter()
        while True:
            found = admin.post(f"{base}/api/v1/people/search", timeout=30,
                               json={"criteria": {"personal_ref": [ref]}, "count_only": True}).json()["total"]
            if found == 1:
                break
            if time.perf_counter() - started > timeout:
                raise RuntimeError(f"person {ref} not searchable after {timeout}s")
            time.sleep(POLL_SECONDS)
        done = time.perf_counter()
        create_ms.append((created - started) * 1000)
        searchable_ms.append((done - started) * 1000)
    return {
        "samples": samples,
        "create_p50_ms": round(statistics.median(create_ms), 1),
        "create_p95_ms": round(percentile(create_ms, 0.95), 1),
        "searchable_p50_ms": round(statistics.median(searchable_ms), 1),
        "searchable_p95_ms": round(percentile(searchable_ms, 0.95), 1),
        "searchable_max_ms": round(max(searchable_ms), 1),
    }
