"""Rows a user gets wrong in an otherwise good feed file, through the REST API in both modes: a BOM,
extra columns, a personal reference repeated inside one file, impossible dates, a header-only file,
formula-like cells. Each bad row is in the rejected-rows report with its column and reason; every
other row is applied. Whole-file problems: test_import_bad_files.py. Synthetic data only."""
from __future__ import annotations

import codecs

from tests.e2e.import_.test_import_bad_files import FORMULA, NO_SUCH_DAY, _rows, _workbook
from tests.e2e.imports_api import (FEED_COLUMNS, assert_counts, count_people, feed_csv,
                                   feed_person, rejected_report, run_to_completion, search_refs, upload_file,
                                   wait_count, wait_finished)


def test_a_utf8_bom_imports_fine(landlord):
    _, admin = landlord
    rows = [feed_person("B000001", "Zoë", "Ó Briain", 1), feed_person("B000002", "Ben", "Example", 2)]
    run = run_to_completion(admin, codecs.BOM_UTF8 + feed_csv(rows))
    assert_counts(run, rows_read=2, accepted=2, rejected=0, created=2)
    assert run["warnings"] == [], "the BOM is not read as part of the first column's name"
    found = search_refs(admin, ["B000001", "B000002"])
    zoe = admin.get(f"/api/v1/people/{found['B000001']['id']}").json()
    assert (zoe["first_name"], zoe["surname"]) == ("Zoë", "Ó Briain")


def test_extra_columns_are_ignored_with_a_warning_naming_them(landlord):
    _, admin = landlord
    rows = [{**r, "Notes": "likes gardening", "Rent balance": "12.50"} for r in _rows("C", 2)]
    run = run_to_completion(admin, feed_csv(rows, ["Notes"] + FEED_COLUMNS + ["Rent balance"]))
    assert_counts(run, rows_read=2, accepted=2, rejected=0, created=2)
    assert run["warnings"] == ["columns ignored (not in feed format v1): Notes, Rent balance"], run["warnings"]
    assert run["problem"] is None
    assert set(search_refs(admin, ["C000001", "C000002"])) == {"C000001", "C000002"}


def test_a_personal_ref_repeated_in_one_file_rejects_the_later_row_naming_the_first(landlord):
    _, admin = landlord
    first, other = feed_person("D000001", "Ann", "First", 1), feed_person("D000002", "Ben", "Other", 2)
    again = feed_person("D000001", "Amy", "Again", 3)
    run = run_to_completion(admin, feed_csv([first, other, again]))
    assert_counts(run, rows_read=3, accepted=2, rejected=1, created=2)
    [rejected] = rejected_report(admin, run["id"])
    assert (rejected["row"], rejected["column"], rejected["reason"]) == \
        ("4", "personal_ref", "the same personal_ref is also on row 2")
    assert (rejected["personal_ref"], rejected["first_name"], rejected["surname"]) == ("D000001", "Amy", "Again")
    person = search_refs(admin, ["D000001", "D000002"])["D000001"]
    assert (person["first_name"], person["surname"]) == ("Ann", "First"), "the first row claims the reference"


def test_impossible_dates_are_rejected_at_row_level(landlord):
    _, admin = landlord
    rows = _rows("E", 4)
    rows[1]["date_of_birth"], rows[2]["date_of_birth"] = "31/02/1980", "2001-13-01"
    run = run_to_completion(admin, feed_csv(rows))
    assert_counts(run, rows_read=4, accepted=2, rejected=2, created=2)
    report = {r["row"]: r for r in rejected_report(admin, run["id"])}
    assert {row: (r["column"], r["reason"], r["date_of_birth"]) for row, r in report.items()} == {
        "3": ("date_of_birth", NO_SUCH_DAY, "31/02/1980"), "4": ("date_of_birth", NO_SUCH_DAY, "2001-13-01")}
    assert set(search_refs(admin, ["E000001", "E000004"])) == {"E000001", "E000004"}
    assert count_people(admin) == 2


def test_a_file_with_only_a_header_archives_nobody(landlord):
    _, admin = landlord
    run_to_completion(admin, feed_csv(_rows("H", 2)))
    assert wait_count(admin, 2) == 2
    answer = upload_file(admin, feed_csv([]) + b",,,\r\n\r\n", "full")  # blank rows are no rows
    assert answer.status_code == 202, answer.text
    full = wait_finished(admin, answer.json()["id"], 60)
    assert full["status"] == "failed" and "would archive every imported resident" in full["problem"]
    assert full["counts"]["archived"] == 0

    delta = run_to_completion(admin, feed_csv([]), mode="delta")
    assert_counts(delta, rows_read=0, accepted=0, rejected=0, created=0, updated=0, unchanged=0, archived=0)
    assert delta["problem"] is None and delta["warnings"] == [] and delta["progress"]["percent"] == 100
    assert rejected_report(admin, delta["id"]) == []
    assert count_people(admin, {"status": ["current"]}) == 2


def test_formula_like_cells_are_rejected_at_row_level_but_phone_numbers_are_not(landlord):
    _, admin = landlord
    phones = feed_person("F000001", "Pat", "Phones", 1, mobile="+44 7700 900123", phone="+44 1632 960001")
    minus = feed_person("F000002", "Mo", "Minus", 2, address2="-")  # a lone "-", a common placeholder, is kept
    cells = {"first_name": '=HYPERLINK("http://example.org","x")', "surname": "+SUM(1,2)", "address1": "-2+3",
             "email": "@SUM(1)"}
    formulas = [{**feed_person(f"F00001{n}", "Fay", "Formula", 10 + n), column: text}
                for n, (column, text) in enumerate(cells.items())]
    run = run_to_completion(admin, feed_csv([phones, minus] + formulas))
    assert_counts(run, rows_read=6, accepted=2, rejected=4, created=2)
    report = {r["row"]: r for r in rejected_report(admin, run["id"])}
    assert {row: (r["column"], r["reason"]) for row, r in report.items()} == {
        str(4 + n): (column, FORMULA) for n, column in enumerate(cells)}
    for n, (column, text) in enumerate(cells.items()):
        assert report[str(4 + n)][column] == "'" + text, "the report neutralises the formula it quotes"

    found = search_refs(admin, ["F000001", "F000002"])
    pat = admin.get(f"/api/v1/people/{found['F000001']['id']}").json()
    assert (pat["mobile"], pat["phone"]) == ("07700 900123", "+44 1632 960001")
    assert admin.get(f"/api/v1/people/{found['F000002']['id']}").json()["address_line_2"] == "-"
    assert count_people(admin) == 2


def test_a_formula_cell_in_a_workbook_rejects_its_row(landlord):
    _, admin = landlord
    rows = _rows("G", 3)

    def formula(sheet):
        sheet.cell(row=3, column=FEED_COLUMNS.index("surname") + 1, value='=UPPER("example")')
    run = run_to_completion(admin, _workbook(rows, formula), name="people.xlsx")
    assert_counts(run, rows_read=3, accepted=2, rejected=1, created=2)
    [rejected] = rejected_report(admin, run["id"])
    assert (rejected["row"], rejected["column"], rejected["reason"]) == \
        ("3", "surname", "contains a formula; paste values only")
    assert rejected["surname"] == "'" + '=UPPER("example")', "its text, neutralised, never its value"
    assert set(search_refs(admin, ["G000001", "G000003"])) == {"G000001", "G000003"}
    assert count_people(admin) == 2
