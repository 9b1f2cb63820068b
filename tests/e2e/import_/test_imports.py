"""The housing-system import through the REST API, in both modes: upload a CSV or
XLSX feed file, follow the run, find the people, download the rejected rows;
the same file again changes nothing; a full snapshot archives imported people it
lacks (never people added by hand), a delta archives nobody; a preview changes
nothing; unreadable files get 422; saved column mappings; settings; imported
fields are read-only. Synthetic data only."""
from __future__ import annotations

import csv
import datetime as dt
import io

import openpyxl

from tests.e2e.imports_api import (FEED_COLUMNS, IMPORTS, XLSX, assert_counts, error_fields, feed_csv, feed_person,
                                   run_to_completion, search_refs, upload_file)

ANN, BEN, CAT = (feed_person("T000001", "Ann", "Example", 1), feed_person("T000002", "Ben", "Sample", 2),
                 feed_person("T000003", "Cat", "Specimen", 3))


def test_a_csv_creates_people_and_keeps_rejected_rows_with_reasons(landlord):
    _, admin = landlord
    bad_date = feed_person("T000004", "Dan", "Datebad", 4, date_of_birth="31/02/1980")
    bad_gender = feed_person("T000005", "Eve", "Genderbad", 5, gender="Not a gender")
    run = run_to_completion(admin, feed_csv([ANN, BEN, CAT, bad_date, bad_gender]))
    assert (run["source"], run["mode"], run["preview"], run["file_name"]) == ("file", "full", False, "people.csv")
    assert run["started_by"] == admin.get("/api/v1/me").json()["id"] and run["finished_at"]
    assert_counts(run, rows_read=5, accepted=3, rejected=2, created=3, updated=0, archived=0)
    assert run["progress"]["percent"] == 100 and run["samples"] == {} and run["problem"] is None

    found = search_refs(admin, ["T000001", "T000002", "T000003"])
    ann = admin.get(f"/api/v1/people/{found['T000001']['id']}").json()
    assert (ann["first_name"], ann["surname"], ann["area"], ann["email"]) == ("Ann", "Example", "Area A",
                                                                              "ann.1@example.org")
    assert ann["date_of_birth"] == "1980-05-17" and ann["address_line_1"] == "1 Test Street"
    assert {"surname", "date_of_birth", "area"} <= set(ann["imported_fields"])
    listed = admin.get(IMPORTS).json()
    assert listed["total"] == 1 and listed["items"][0]["id"] == run["id"]

    report = admin.get(f"{IMPORTS}/{run['id']}/rejected-rows")
    assert report.status_code == 200, report.text
    assert report.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert report.headers["X-Content-Type-Options"] == "nosniff"
    assert f"import-{run['id']}-rejected-rows.csv" in report.headers["Content-Disposition"]
    header, *rows = list(csv.reader(io.StringIO(report.content.decode("utf-8-sig"))))
    _check_rejected(header, rows)

    workbook = admin.get(f"{IMPORTS}/{run['id']}/rejected-rows", params={"format": "xlsx"})
    assert workbook.status_code == 200 and workbook.headers["Content-Type"] == XLSX
    assert f"import-{run['id']}-rejected-rows.xlsx" in workbook.headers["Content-Disposition"]
    sheet = openpyxl.load_workbook(io.BytesIO(workbook.content), read_only=True).active
    header, *rows = [["" if c is None else str(c) for c in row] for row in sheet.iter_rows(values_only=True)]
    _check_rejected(header, rows)

    assert admin.get(f"{IMPORTS}/{run['id']}/rejected-rows", params={"format": "pdf"}).status_code == 422
    assert admin.get(f"{IMPORTS}/00000000-0000-0000-0000-000000000000").status_code == 404
    assert admin.get(f"{IMPORTS}/00000000-0000-0000-0000-000000000000/rejected-rows").status_code == 404


def _check_rejected(header: list[str], rows: list[list[str]]) -> None:
    assert header[:3] == ["row", "column", "reason"] and "personal_ref" in header and "gender" in header
    by_ref = {r[header.index("personal_ref")]: dict(zip(header, r)) for r in rows}
    assert set(by_ref) == {"T000004", "T000005"}
    date, gender = by_ref["T000004"], by_ref["T000005"]
    assert (date["row"], date["column"], date["date_of_birth"]) == ("5", "date_of_birth", "31/02/1980")
    assert (gender["row"], gender["column"], gender["gender"]) == ("6", "gender", "Not a gender")
    assert date["reason"] and gender["reason"] and date["surname"] == "Datebad"


def test_full_snapshots_and_deltas(landlord):
    _, admin = landlord
    first = run_to_completion(admin, feed_csv([ANN, BEN, CAT]))
    assert first["counts"]["created"] == 3
    ids = {ref: item["id"] for ref, item in search_refs(admin, ["T000001", "T000002", "T000003"]).items()}
    by_hand = admin.post("/api/v1/people", json={"personal_ref": "HAND0001", "first_name": "Hal", "surname": "Handmade"})
    assert by_hand.status_code == 201, by_hand.text

    again = run_to_completion(admin, feed_csv([ANN, BEN, CAT]))
    assert_counts(again, unchanged=3, created=0, updated=0, archived=0)

    without_cat = run_to_completion(admin, feed_csv([ANN, BEN]))
    assert_counts(without_cat, unchanged=2, archived=1)
    assert admin.get(f"/api/v1/people/{ids['T000003']}").json()["status"] == "archived"
    assert admin.get(f"/api/v1/people/{ids['T000001']}").json()["status"] == "current"
    assert admin.get(f"/api/v1/people/{by_hand.json()['id']}").json()["status"] == "current", \
        "a full snapshot archives only imported people"

    delta = run_to_completion(admin, feed_csv([{**ANN, "email": "ann.new@example.org"}]), mode="delta")
    assert_counts(delta, updated=1, archived=0)
    assert admin.get(f"/api/v1/people/{ids['T000001']}").json()["email"] == "ann.new@example.org"
    assert admin.get(f"/api/v1/people/{ids['T000002']}").json()["status"] == "current", "a delta archives nobody"


def test_a_preview_shows_counts_and_samples_and_changes_nothing(landlord):
    _, admin = landlord
    run_to_completion(admin, feed_csv([ANN, BEN]))
    ids = {ref: item["id"] for ref, item in search_refs(admin, ["T000001", "T000002"]).items()}
    bad = feed_person("T000009", "Ivy", "Invalid", 9, gender="Not a gender")
    preview = run_to_completion(admin, feed_csv([{**ANN, "surname": "Renamed"}, CAT, bad]), preview="true")
    assert preview["preview"] is True
    assert_counts(preview, created=1, updated=1, archived=1, rejected=1)
    samples = preview["samples"]
    assert [r["personal_ref"] for r in samples["created"]] == ["T000003"]
    assert [r["personal_ref"] for r in samples["updated"]] == ["T000001"]
    assert "surname" in samples["updated"][0]["fields"]
    assert [r["personal_ref"] for r in samples["archived"]] == ["T000002"]
    assert samples["rejected"][0]["row"] == 4 and samples["rejected"][0]["reason"]
    assert "gender" in samples["rejected"][0]["fields"]

    assert admin.get(f"/api/v1/people/{ids['T000001']}").json()["surname"] == "Example"
    assert admin.get(f"/api/v1/people/{ids['T000002']}").json()["status"] == "current"
    everyone = admin.post("/api/v1/people/search", json={"criteria": {"status": ["current", "archived"]},
                                                         "count_only": True})
    assert everyone.json()["total"] == 2, "a preview adds nobody"


def test_an_xlsx_file(landlord):
    _, admin = landlord
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(FEED_COLUMNS)
    for person in (ANN, BEN):
        sheet.append([person.get(c, "") for c in FEED_COLUMNS])
    sheet["E2"] = dt.datetime(1975, 12, 1)  # a date cell, as spreadsheets keep them
    content = io.BytesIO()
    book.save(content)
    run = run_to_completion(admin, content.getvalue(), name="people.xlsx")
    assert_counts(run, rows_read=2, created=2, rejected=0)
    ann = search_refs(admin, ["T000001"])["T000001"]
    assert admin.get(f"/api/v1/people/{ann['id']}").json()["date_of_birth"] == "1975-12-01"


def test_unreadable_files_and_bad_forms_get_422_naming_the_field(landlord):
    _, admin = landlord
    empty = upload_file(admin, b"")
    assert empty.status_code == 422, empty.text
    assert error_fields(empty).get("file"), "an empty file is named, with a reason"
    no_surname = upload_file(admin, feed_csv([ANN], [c for c in FEED_COLUMNS if c != "surname"]))
    assert no_surname.status_code == 422, no_surname.text
    assert "surname" in error_fields(no_surname).get("file", ""), no_surname.text

    no_mode = admin.post(IMPORTS, files={"file": ("people.csv", feed_csv([ANN]))})
    assert no_mode.status_code == 422 and error_fields(no_mode) == {"mode": "is required"}, no_mode.text
    bad_mode = upload_file(admin, feed_csv([ANN]), mode="sometimes")
    assert bad_mode.status_code == 422 and set(error_fields(bad_mode)) == {"mode"}, bad_mode.text
    no_file = admin.post(IMPORTS, files={"mode": (None, "full")})
    assert no_file.status_code == 422 and error_fields(no_file) == {"file": "is required"}, no_file.text


def test_a_saved_column_mapping_reads_other_column_names(landlord):
    _, admin = landlord
    columns = {"Tenant Ref": "personal_ref", "Forename": "first_name", "Family Name": "surname", "Notes": None,
               "Spare": ""}
    saved = admin.put(f"{IMPORTS}/mappings/Housing export", json={"columns": columns})
    assert saved.status_code == 200, saved.text
    assert saved.json()["name"] == "Housing export" and saved.json()["columns"] == {**columns, "Spare": None}
    listed = admin.get(f"{IMPORTS}/mappings").json()
    assert listed["total"] == 1 and listed["items"][0]["columns"]["Notes"] is None

    theirs = "Tenant Ref,Forename,Family Name,Notes,Spare\r\nT000007,Gil,Mapped,called twice,x\r\n".encode()
    assert upload_file(admin, theirs).status_code == 422, "without the mapping the required columns are missing"
    run = run_to_completion(admin, theirs, mapping="Housing export")
    assert_counts(run, created=1, rejected=0)
    person = search_refs(admin, ["T000007"])["T000007"]
    assert (person["first_name"], person["surname"]) == ("Gil", "Mapped")

    assert admin.delete(f"{IMPORTS}/mappings/Housing export").status_code == 204
    assert admin.get(f"{IMPORTS}/mappings").json() == {"total": 0, "items": []}
    assert admin.delete(f"{IMPORTS}/mappings/Housing export").status_code == 404


def test_settings_choose_the_lists_whose_unknown_values_become_options(landlord):
    _, admin = landlord
    assert admin.get(f"{IMPORTS}/settings").status_code == 200
    saved = admin.put(f"{IMPORTS}/settings", json={"add_unknown_options": ["ethnicity"]})
    assert saved.status_code == 200 and saved.json() == {"add_unknown_options": ["ethnicity"]}, saved.text
    assert admin.get(f"{IMPORTS}/settings").json() == {"add_unknown_options": ["ethnicity"]}

    new_option = {**ANN, "ethnicity": "Test ethnicity"}
    still_wrong = {**BEN, "gender": "Not a gender"}
    run = run_to_completion(admin, feed_csv([new_option, still_wrong]))
    assert_counts(run, created=1, rejected=1)
    labels = [o["label"] for o in admin.get("/api/v1/option-lists/ethnicity").json()["items"]]
    assert "Test ethnicity" in labels


def test_imported_fields_are_read_only_afterwards(landlord):
    _, admin = landlord
    run_to_completion(admin, feed_csv([ANN]))
    ann = search_refs(admin, ["T000001"])["T000001"]
    refused = admin.patch(f"/api/v1/people/{ann['id']}", json={"surname": "Changed"})
    assert refused.status_code == 422 and "surname" in error_fields(refused), refused.text
    allowed = admin.patch(f"/api/v1/people/{ann['id']}", json={"interests": ["Digital inclusion"]})
    assert allowed.status_code == 200, allowed.text
    assert allowed.json()["surname"] == "Example"
