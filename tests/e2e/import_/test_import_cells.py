"""Cells longer than any field takes (issue 13, item 6), in both modes: a workbook cell of 20 MiB, a
long CSV cell in a known column or an ignored one, a long value in a Kafka feed record. Each rejects
its row with a reason naming the column; the run completes with the other rows; the import never
stores, reports or exports more of a value than the longest field takes (then a "cut" marker).
Synthetic data only."""
from __future__ import annotations

import csv
import io
import os

import openpyxl

from services.common.person_fields import LONGEST_TEXT
from tests.e2e.importing import importer, resident  # noqa: F401 - importer is a fixture
from tests.e2e.imports_api import (FEED_COLUMNS, IMPORTS, assert_counts, feed_csv, feed_person, rejected_report,
                                   run_to_completion, search_refs)

TOO_LONG = f"is longer than {LONGEST_TEXT} characters, more than any field takes: shorten it"
CUT = "…[cut]"


def _noise(size: int) -> str:
    """Letters that compress no better than a real cell would (the zip checks refuse a bomb's ratios)."""
    return os.urandom(size).translate(bytes(0x61 if b < 128 else 0x62 for b in range(256))).decode()


def _kept(text: str) -> str:
    return text[:LONGEST_TEXT] + CUT


def _workbook(rows: list[dict], columns: list[str]) -> bytes:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(columns)
    for row in rows:
        sheet.append([row.get(c, "") for c in columns])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _xlsx_report(admin, run_id: str) -> dict[str, dict[str, str]]:
    answer = admin.get(f"{IMPORTS}/{run_id}/rejected-rows", params={"format": "xlsx"})
    assert answer.status_code == 200, answer.text
    header, *rows = [["" if c is None else str(c) for c in r]
                     for r in openpyxl.load_workbook(io.BytesIO(answer.content), read_only=True).active.values]
    return {r[0]: dict(zip(header, r)) for r in rows}


def test_a_20_mib_workbook_cell_rejects_its_row_and_is_never_kept_whole(landlord):
    _, admin = landlord
    huge, long_note = _noise(20 * 1024 * 1024), "n" * 2000
    rows = [feed_person("L000001", huge, "Example", 1, email="l1@example.org"),
            feed_person("L000002", "Ann", "Example", 2, Notes=long_note),
            feed_person("L000003", "Ben", "Example", 3)]
    content = _workbook(rows, FEED_COLUMNS + ["Notes"])
    assert len(content) < 4 * 1024 * 1024
    for preview in (True, False):
        run = run_to_completion(admin, content, "delta", name="people.xlsx", preview=str(preview).lower(), timeout=120)
        assert_counts(run, rows_read=3, accepted=1, rejected=2, created=1)
        report = {r["row"]: r for r in rejected_report(admin, run["id"])}
        assert {row: (r["column"], r["reason"]) for row, r in report.items()} == {
            "2": ("first_name", TOO_LONG), "3": ("Notes", TOO_LONG)}
        assert report["2"]["first_name"] == _kept(huge) and report["3"]["Notes"] == _kept(long_note)
        assert report["2"]["personal_ref"] == "L000001" and report["3"]["first_name"] == "Ann"
        workbook = _xlsx_report(admin, run["id"])
        assert workbook["2"]["first_name"] == _kept(huge) and workbook["3"]["Notes"] == _kept(long_note)
    assert set(search_refs(admin, ["L000003"])) == {"L000003"}


def test_a_csv_cell_longer_than_any_field_rejects_its_row_whichever_column_it_is_in(landlord):
    _, admin = landlord
    rows = [feed_person("M000001", "Ann", "x" * (LONGEST_TEXT + 1), 1),
            feed_person("M000002", "Ben", "Example", 2, Notes="y" * 100_000),
            feed_person("M000003", "Cat", "Example", 3, Notes="z" * LONGEST_TEXT),  # as long as a field may be: fine
            feed_person("M000004", "Dan", "d" * 101, 4)]  # longer than a surname takes: profiles says so
    run = run_to_completion(admin, feed_csv(rows, FEED_COLUMNS + ["Notes"]), "delta")
    assert_counts(run, rows_read=4, accepted=1, rejected=3, created=1)
    report = {r["row"]: r for r in rejected_report(admin, run["id"])}
    assert {row: (r["column"], r["reason"]) for row, r in report.items()} == {
        "2": ("surname", TOO_LONG), "3": ("Notes", TOO_LONG), "5": ("surname", "must be at most 100 characters")}
    assert report["2"]["surname"] == _kept("x" * (LONGEST_TEXT + 1)) and report["3"]["Notes"] == _kept("y" * 100_000)
    assert report["5"]["surname"] == "d" * 101
    assert set(search_refs(admin, ["M000003"])) == {"M000003"}


def test_a_feed_record_longer_than_any_field_is_rejected_and_kept_cut(importer):
    long = "k" * 50_000
    importer.publish_feed("cells-1", [resident(1), resident(2, first_name=long)])
    run = importer.feed_run("cells-1")
    assert run.status == "completed" and (run.counts.created, run.counts.rejected) == (1, 1), run
    header, row = list(csv.reader(io.StringIO(importer.rejected(run.run_id).decode("utf-8-sig"))))
    report = dict(zip(header, row))
    assert (report["row"], report["column"], report["reason"]) == ("2", "first_name", TOO_LONG)
    assert report["first_name"] == _kept(long)
