"""Record exports through the REST API, in both modes: every person the criteria pick with the chosen
background fields, made in the background with progress, downloaded as XLSX (dates as dates) or CSV, the
caller's own only. Synthetic data only."""
from __future__ import annotations

import csv
import datetime as dt
import io

import openpyxl

from tests.e2e.conftest import eventually
from tests.e2e.people_api import add, search
from tests.e2e.profiles.test_protected_characteristics import _officer

EXPORTS = "/api/v1/reports/exports"


def _finished(client, job_id: str) -> dict:
    seen = {}

    def done():
        seen["job"] = client.get(f"{EXPORTS}/{job_id}").json()
        return seen["job"]["status"] in ("done", "failed")
    assert eventually(done, timeout=60), seen
    return seen["job"]


def test_every_person_the_criteria_pick_with_their_background_fields(anonymous, landlord):
    record, admin = landlord
    for n in range(30):
        add(admin, f"Ex{n}", "=Formula" if n == 0 else "Sample", tenancy_type="Non-resident",
            area=("Area A", "Area B")[n % 2], date_of_birth=f"19{50 + n}-04-0{1 + n % 9}")
    assert eventually(lambda: search(admin, {}, count_only=True)["total"] == 30)
    started = admin.post(EXPORTS, json={"criteria": {"area": ["Area A"]},
                                        "columns": ["date_of_birth", "area", "communication_needs"]})
    assert started.status_code == 202, started.text
    job = _finished(admin, started.json()["id"])
    assert (job["status"], job["total"], job["rows_written"], job["percent"]) == ("done", 15, 15, 100), job
    file = admin.get(f"{EXPORTS}/{job['id']}/file")
    assert file.status_code == 200 and job["file_name"] in file.headers["Content-Disposition"]
    rows = list(openpyxl.load_workbook(io.BytesIO(file.content)).active.iter_rows(values_only=True))
    assert rows[0] == ("personal_ref", "first_name", "surname", "status", "address", "date_of_birth", "area",
                       "communication_needs")
    assert len(rows) == 16 and {r[6] for r in rows[1:]} == {"Area A"}
    assert all(isinstance(r[5], dt.datetime) for r in rows[1:])  # dates as dates
    assert "'=Formula" in {r[2] for r in rows[1:]}  # text never runs as a formula

    as_csv = admin.post(EXPORTS, json={"criteria": {}, "columns": ["area"], "format": "csv"}).json()
    done = _finished(admin, as_csv["id"])
    lines = list(csv.reader(io.StringIO(admin.get(f"{EXPORTS}/{done['id']}/file").content.decode("utf-8-sig"))))
    assert len(lines) == 31 and lines[0][-1] == "area"

    officer = _officer(anonymous, admin, record["id"][:8])  # may view reports, not export
    assert officer.post(EXPORTS, json={"criteria": {}}).status_code == 403
    assert officer.get(f"{EXPORTS}/{job['id']}").status_code == 403


def test_bad_requests_are_422s_and_another_users_export_is_not_found(operator, landlord):
    _, admin = landlord
    assert admin.post(EXPORTS, json={"criteria": {}, "format": "pdf"}).status_code == 422
    assert admin.post(EXPORTS, json={"criteria": {"nope": 1}}).status_code == 422
    bad_column = admin.post(EXPORTS, json={"criteria": {}, "columns": ["shoe_size"]})
    assert bad_column.status_code == 422 and "columns" in bad_column.text
    assert admin.get(f"{EXPORTS}/00000000-0000-0000-0000-000000000000").status_code == 404
