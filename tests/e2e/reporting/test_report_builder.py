"""The report builder through the REST API, in both modes: a population broken down by one characteristic
or cross-tabbed by two, and every shown cell's drill-down criteria finding exactly as many people as the
cell counts. Synthetic data only."""
from __future__ import annotations

import csv
import io
import zipfile

import openpyxl

from tests.e2e.conftest import eventually
from tests.e2e.people_api import add, search
from tests.e2e.profiles.test_protected_characteristics import _officer

BUILD = "/api/v1/reports/build"


def _build(client, **body) -> dict:
    answer = client.post(BUILD, json=body)
    assert answer.status_code == 200, answer.text
    return answer.json()


def _people(admin) -> None:
    for n in range(30):
        add(admin, f"Bu{n}", "Sample", tenancy_type="Non-resident", area=("Area A", "Area B", "Area C")[n % 3],
            gender=("Female", "Male")[n % 2] if n < 26 else None, household_status=("Head", "Joint")[n % 2])
    assert eventually(lambda: search(admin, {}, count_only=True)["total"] == 30)


def _drilled(client, criteria: dict) -> int:
    return search(client, criteria, count_only=True)["total"]


def test_a_breakdown_and_a_cross_tab_whose_cells_drill_down_to_their_people(landlord):
    _, admin = landlord
    _people(admin)
    by_area = _build(admin, criteria={}, rows="area")
    assert [h["label"] for h in by_area["rows"]][:3] == ["Area A", "Area B", "Area C"]
    counts = {h["label"]: row[0]["count"] for h, row in zip(by_area["rows"], by_area["cells"])}
    assert counts["Area A"] == counts["Area B"] == counts["Area C"] == 10 and by_area["total"]["count"] == 30
    assert by_area["cells"][0][0]["percent"] == 33.3
    cross = _build(admin, criteria={"household_status": ["Head"]}, rows="area", columns="gender")
    assert cross["rows_label"] == "Area" and cross["columns_label"] == "Gender" and cross["total"]["count"] == 15
    shown = [(e["count"], e["criteria"]) for row in cross["cells"] for e in row if not e["suppressed"]]
    shown += [(e["count"], e["criteria"]) for e in cross["row_totals"] + cross["column_totals"] if not e["suppressed"]]
    assert shown and all(_drilled(admin, criteria) == count for count, criteria in shown)
    assert all(not e["suppressed"] or e["count"] is None for row in cross["cells"] for e in row)


def test_bad_characteristics_are_a_422_naming_the_field_and_equality_needs_the_privilege(anonymous, landlord):
    record, admin = landlord
    bad = admin.post(BUILD, json={"rows": "shoe_size"})
    assert bad.status_code == 422 and '"rows"' in bad.text
    same = admin.post(BUILD, json={"rows": "area", "columns": "area"})
    assert same.status_code == 422 and '"columns"' in same.text
    assert admin.post(BUILD, json={"criteria": {"nope": 1}, "rows": "area"}).status_code == 422
    officer = _officer(anonymous, admin, record["id"][:8])
    assert officer.post(BUILD, json={"rows": "area", "columns": "ethnicity"}).status_code == 403
    assert officer.post(BUILD, json={"rows": "area"}).status_code == 200


def test_the_table_exports_as_xlsx_with_a_chart_and_as_csv_with_the_same_numbers(landlord):
    _, admin = landlord
    _people(admin)
    body = {"criteria": {}, "rows": "area", "columns": "gender"}
    built = _build(admin, **body)
    expected = [[h["label"], *(e["count"] if not e["suppressed"] else e["shown"] for e in row),
                 t["count"] if not t["suppressed"] else t["shown"]]
                for h, row, t in zip(built["rows"], built["cells"], built["row_totals"])]
    answer = admin.post(BUILD + "/export", json={**body, "format": "xlsx"})
    assert answer.status_code == 200, answer.text
    assert "report-area-by-gender.xlsx" in answer.headers["Content-Disposition"]
    book = openpyxl.load_workbook(io.BytesIO(answer.content))
    rows = [list(r) for r in book.active.iter_rows(values_only=True)]
    assert rows[0] == ["Area by Gender", *(h["label"] for h in built["columns"]), "Total"]
    assert rows[1:-1] == expected and rows[-1][-1] == 30
    assert any(name.startswith("xl/charts/chart") for name in zipfile.ZipFile(io.BytesIO(answer.content)).namelist())
    as_csv = admin.post(BUILD + "/export", json={**body, "format": "csv"})
    assert as_csv.status_code == 200 and as_csv.headers["Content-Type"].startswith("text/csv")
    lines = list(csv.reader(io.StringIO(as_csv.content.decode("utf-8-sig"))))
    assert lines[1:-1] == [[str(c) for c in row] for row in expected]
    assert admin.post(BUILD + "/export", json={**body, "format": "pdf"}).status_code == 422


def test_exporting_needs_the_export_privilege(anonymous, landlord):
    record, admin = landlord
    officer = _officer(anonymous, admin, record["id"][:8])  # a housing officer may view reports, not export
    assert officer.post(BUILD, json={"rows": "area"}).status_code == 200
    assert officer.post(BUILD + "/export", json={"rows": "area"}).status_code == 403


def _group(admin, reference: str, people: list[dict]) -> dict:
    made = admin.post("/api/v1/admin-groups", json={"reference": reference, "person_ids": [p["id"] for p in people]})
    assert made.status_code == 201, made.text
    return made.json()


def test_people_broken_down_by_admin_group_and_activity_drill_down_to_exactly_each_cell(landlord):
    _, admin = landlord
    _people(admin)
    everyone = search(admin, {}, page_size=100, sort=[{"field": "first_name"}])["items"]
    by_name = {p["first_name"]: p for p in everyone}
    panel = _group(admin, "Tenant panel", [by_name[f"Bu{n}"] for n in range(12)])
    walk = _group(admin, "Estate walkabout", [by_name[f"Bu{n}"] for n in range(6, 14)])
    assert eventually(lambda: search(admin, {"admin_group": [panel["id"]]}, count_only=True)["total"] == 12
                      and search(admin, {"admin_group": [walk["id"]]}, count_only=True)["total"] == 8)
    table = _build(admin, criteria={}, rows="admin_group")
    assert table["rows_label"] == "Admin group"
    counts = {h["label"]: row[0]["count"] for h, row in zip(table["rows"], table["cells"])}
    assert counts == {"Tenant panel": 12, "Estate walkabout": 8, "In none": 16}
    assert [row[0]["percent"] for row in table["cells"]] == [85.7, 57.1, None]  # of the 14 in any group
    entries = [row[0] for row in table["cells"]]
    assert all(_drilled(admin, e["criteria"]) == e["count"] for e in entries)

    cross = _build(admin, criteria={"admin_group": [panel["id"], walk["id"]]}, rows="admin_group", columns="area")
    shown = [e for row in cross["cells"] for e in row if not e["suppressed"]]
    shown += [e for e in cross["row_totals"] + cross["column_totals"] if not e["suppressed"]]
    assert shown and all(_drilled(admin, e["criteria"]) == e["count"] for e in shown)
    assert cross["total"]["count"] == 14

    activity = admin.post("/api/v1/activities", json={"name": "Fun day", "type": "Event"}).json()
    for n in range(20, 26):
        assert admin.post(f"/api/v1/people/{by_name[f'Bu{n}']['id']}/groups",
                          json={"activity_id": activity["id"]}).status_code in (200, 201)
    assert eventually(lambda: search(admin, {"activity": [activity["id"]]}, count_only=True)["total"] == 6)
    by_activity = _build(admin, criteria={}, rows="activity", columns="gender")
    fun_day = next(i for i, h in enumerate(by_activity["rows"]) if h["label"] == "Fun day")
    assert by_activity["row_totals"][fun_day]["count"] == 6
    shown = [e for row in by_activity["cells"] for e in row if not e["suppressed"]]
    assert all(_drilled(admin, e["criteria"]) == e["count"] for e in shown)
