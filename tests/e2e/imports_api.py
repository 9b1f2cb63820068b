"""The housing-system import through the REST API, as a front end uses it: helpers shared by
the e2e tests of /api/v1/imports (feed files made here, upload, wait for the run, read back
counts, people and the rejected-rows report). Synthetic data only."""
from __future__ import annotations

import csv
import io
import time

from services.common import feed_format
from tests.e2e.conftest import eventually

FEED_COLUMNS = list(feed_format.FEED_COLUMNS)  # feed v1's columns, as a list the tests extend
IMPORTS = "/api/v1/imports"
SEARCH = "/api/v1/people/search"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EVERYONE = {"status": ["current", "archived"]}


def feed_person(ref: str, first: str, surname: str, n: int = 1, **values) -> dict:
    """One feed v1 row a new landlord's default option lists accept."""
    return {"personal_ref": ref, "title": "Ms", "first_name": first, "surname": surname, "date_of_birth": "1980-05-17",
            "gender": "Female", "ethnicity": "White: Irish", "disability": "No", "tenancy_type": "General needs",
            "household_status": "Head", "area": "Area A", "property_ref": f"PR{n:04d}", "address1": f"{n} Test Street",
            "address2": "", "address3": "", "address4": "Testville", "postcode": "ZZ1 1AA", "phone": "",
            "mobile": f"07700 900{n % 1000:03d}", "email": f"{first.lower()}.{n}@example.org", **values}


def feed_csv(rows: list[dict], columns: list[str] = FEED_COLUMNS) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def upload_file(client, content: bytes, mode: str = "full", name: str = "people.csv", **fields):
    return client.post(IMPORTS, files={"file": (name, content)}, data={"mode": mode, **fields})


def wait_finished(client, run_id: str, timeout: float = 60.0) -> dict:
    """The run once it is completed or failed."""
    deadline = time.monotonic() + timeout
    while True:
        answer = client.get(f"{IMPORTS}/{run_id}")
        assert answer.status_code == 200, answer.text
        run = answer.json()
        if run["status"] in ("completed", "failed"):
            return run
        assert time.monotonic() < deadline, f"the run is still {run['status']} ({run['phase']}) after {timeout} s"
        time.sleep(0.1)


def run_to_completion(client, content: bytes, mode: str = "full", timeout: float = 60.0, **fields) -> dict:
    """Upload, wait, and insist the run completed."""
    answer = upload_file(client, content, mode, **fields)
    assert answer.status_code == 202, answer.text
    assert answer.json()["status"] in ("queued", "running", "completed")
    run = wait_finished(client, answer.json()["id"], timeout)
    assert run["status"] == "completed", run
    return run


def assert_counts(run: dict, **expected: int) -> None:
    assert {k: run["counts"][k] for k in expected} == expected, run["counts"]


def search_refs(client, refs: list[str], status=("current", "archived")) -> dict[str, dict]:
    """Search by personal reference, waiting for the index: ref -> search item."""
    def search():
        answer = client.post(SEARCH, json={"criteria": {"personal_ref": refs, "status": list(status)},
                                           "page_size": 100})
        assert answer.status_code == 200, answer.text
        items = {i["personal_ref"]: i for i in answer.json()["items"]}
        return items if len(items) == len(refs) else None
    items = eventually(search)
    assert items, f"not all of {refs} became searchable"
    return items


def count_people(client, criteria: dict | None = None) -> int:
    """A count-only search (current and archived people unless the criteria say otherwise)."""
    answer = client.post(SEARCH, json={"criteria": {**EVERYONE, **(criteria or {})}, "count_only": True})
    assert answer.status_code == 200, answer.text
    return answer.json()["total"]


def wait_count(client, expected: int, timeout: float = 30.0) -> int:
    """The count-only total once it reaches `expected` (or the last total seen)."""
    totals = []
    eventually(lambda: totals.append(count_people(client)) or totals[-1] == expected, timeout=timeout)
    return totals[-1]


def error_fields(answer) -> dict[str, str]:
    """A 422's problems: field -> reason."""
    return {f["field"]: f["reason"] for f in answer.json()["error"]["fields"]}


def rejected_report(client, run_id: str) -> list[dict[str, str]]:
    """The run's rejected-rows CSV, one dict a row (row, column, reason, then the file's columns)."""
    answer = client.get(f"{IMPORTS}/{run_id}/rejected-rows")
    assert answer.status_code == 200, answer.text
    return list(csv.DictReader(io.StringIO(answer.content.decode("utf-8-sig"))))
