"""Import runs through the import service's gRPC API (files) and the bus (the housing feed), in
embedded mode and against PostgreSQL, Kafka and Elasticsearch; people read back through search."""
from __future__ import annotations

import csv
import io

import openpyxl

from services.gen.tracker.imports.v1 import feed_pb2
from tests.e2e.importing import csv_of, importer, resident  # noqa: F401 - importer is a fixture

CURRENT, ARCHIVED = "current", "archived"


def test_a_file_run_creates_people_then_a_second_run_changes_nothing(importer):
    rows = [resident(n) for n in range(1, 6)]
    run = importer.finished(importer.upload(csv_of(rows)).run_id)
    assert run.status == "completed", run.problem
    assert (run.counts.rows_read, run.counts.accepted, run.counts.created, run.counts.rejected) == (5, 5, 5, 0)
    found = importer.searchable({r["personal_ref"]: CURRENT for r in rows})
    assert found["R00001"]["mobile"] == "07700 900001"
    again = importer.finished(importer.upload(csv_of(rows)).run_id)
    assert (again.counts.unchanged, again.counts.created, again.counts.updated, again.counts.archived) == (5, 0, 0, 0)


def test_bad_rows_are_rejected_with_reasons_and_the_rest_land(importer):
    rows = [resident(1), resident(2, date_of_birth="31/02/1980"), resident(3, gender="Marsupial"),
            resident(4, email="not-an-email"), resident(1, first_name="Again")]
    run = importer.finished(importer.upload(csv_of(rows)).run_id)
    assert (run.counts.rows_read, run.counts.accepted, run.counts.rejected, run.counts.created) == (5, 1, 4, 1)
    report = list(csv.DictReader(io.StringIO(importer.rejected(run.run_id).decode("utf-8-sig"))))
    by_row = {int(r["row"]): r for r in report}
    assert sorted(by_row) == [3, 4, 5, 6]
    assert by_row[3]["column"] == "date_of_birth" and "no such day" in by_row[3]["reason"]
    assert by_row[3]["date_of_birth"] == "31/02/1980"  # the original value, as given
    assert by_row[4]["column"] == "gender" and by_row[4]["gender"] == "Marsupial"
    assert by_row[5]["column"] == "email"
    assert "also on row 2" in by_row[6]["reason"]
    book = openpyxl.load_workbook(io.BytesIO(importer.rejected(run.run_id, "xlsx")), read_only=True)
    sheet = list(book.active.iter_rows(values_only=True))
    assert sheet[0][:3] == ("row", "column", "reason") and len(sheet) == 5
    assert set(importer.searchable({"R00001": CURRENT})) == {"R00001"}


def test_a_full_snapshot_archives_imported_people_it_no_longer_lists_and_a_delta_archives_nobody(importer):
    rows = [resident(n) for n in range(1, 5)]
    importer.finished(importer.upload(csv_of(rows)).run_id)
    delta = importer.finished(importer.upload(csv_of(rows[:1]), mode="delta").run_id)
    assert (delta.counts.unchanged, delta.counts.archived) == (1, 0)
    full = importer.finished(importer.upload(csv_of(rows[:2] + [resident(9)])).run_id)
    assert (full.counts.created, full.counts.unchanged, full.counts.archived) == (1, 2, 2)
    importer.searchable({"R00001": CURRENT, "R00002": CURRENT, "R00003": ARCHIVED, "R00004": ARCHIVED,
                         "R00009": CURRENT})
    back = importer.finished(importer.upload(csv_of(rows[:3] + [resident(9)])).run_id)
    assert (back.counts.updated, back.counts.archived) == (1, 0)  # R00003 is a resident again
    importer.searchable({"R00001": CURRENT, "R00002": CURRENT, "R00003": CURRENT, "R00004": ARCHIVED,
                         "R00009": CURRENT})


def test_a_preview_counts_and_samples_what_would_change_and_changes_nothing(importer):
    importer.finished(importer.upload(csv_of([resident(1), resident(2)])).run_id)
    importer.searchable({"R00001": CURRENT, "R00002": CURRENT})
    rows = [resident(1, surname="Renamed"), resident(3), resident(4, gender="Marsupial")]
    run = importer.finished(importer.upload(csv_of(rows), preview=True).run_id)
    assert run.preview and run.status == "completed"
    c = run.counts
    assert (c.created, c.updated, c.unchanged, c.rejected, c.archived) == (1, 1, 0, 1, 1)
    samples = {s.kind: s.rows for s in run.samples}
    assert samples["updated"][0].personal_ref == "R00001" and list(samples["updated"][0].fields) == ["surname"]
    assert samples["created"][0].personal_ref == "R00003"
    assert samples["archived"][0].personal_ref == "R00002"
    assert samples["rejected"][0].row == 4
    found = importer.people()
    assert set(found) == {"R00001", "R00002"} and found["R00001"]["surname"] == "Sample1"


def test_an_xlsx_file_imports_like_a_csv(importer):
    book = openpyxl.Workbook()
    sheet = book.active
    rows = [resident(1), resident(2, date_of_birth="")]
    sheet.append(list(rows[0]))
    for row in rows:
        sheet.append(list(row.values()))
    sheet["E2"].value = __import__("datetime").date(1970, 5, 17)  # a real date cell
    out = io.BytesIO()
    book.save(out)
    run = importer.finished(importer.upload(out.getvalue(), name="feed.xlsx").run_id)
    assert (run.counts.created, run.counts.rejected) == (2, 0), run.problem


def test_the_housing_feed_on_the_bus_is_applied_once_complete_and_redelivery_changes_nothing(importer):
    rows = [resident(n) for n in range(1, 4)]
    importer.publish_feed("hms-run-1", rows, twice=True)
    run = importer.feed_run("hms-run-1")
    assert (run.source, run.mode, run.counts.created) == ("feed", "full", 3)
    importer.searchable({r["personal_ref"]: CURRENT for r in rows})
    importer.publish_feed("hms-run-2", [resident(1, surname="Moved")], mode=feed_pb2.DELTA)
    delta = importer.feed_run("hms-run-2")
    assert (delta.mode, delta.counts.updated, delta.counts.archived) == ("delta", 1, 0)
    found = importer.searchable({r["personal_ref"]: CURRENT for r in rows},
                                check=lambda found: found["R00001"]["surname"] == "Moved")
    assert found["R00001"]["surname"] == "Moved"


def test_imported_changes_are_in_the_history_as_the_imports_and_fed_tenancy_types_cannot_be_added_by_hand(importer):
    from services.common.errors import InvalidInput
    from services.common.grpc_client import call
    from services.gen.tracker.profiles.v1 import profiles_service_pb2 as ppb

    importer.finished(importer.upload(csv_of([resident(1)])).run_id)
    importer.finished(importer.upload(csv_of([resident(1, surname="Moved")]), mode="delta").run_id)
    person_id = importer.searchable({"R00001": CURRENT}, check=lambda f: f["R00001"]["surname"] == "Moved")[
        "R00001"]["id"]
    with importer._ctx():
        history = call(importer.profiles.GetPersonHistory, ppb.GetPersonHistoryRequest(person_id=person_id))
        changes = [(c.field, c.old_value, c.new_value, c.source) for c in history.changes]
        assert ("surname", "Sample1", "Moved", "import") in changes
        assert ("record", "", "created", "import") in changes
        by_hand = ppb.CreatePersonRequest(personal_ref="HAND1", first_name="Sam", surname="Hand")
        by_hand.fields.update({"tenancy_type": resident(1)["tenancy_type"]})
        try:
            call(importer.profiles.CreatePerson, by_hand)
            raise AssertionError("a person of an import-fed tenancy type was added by hand")
        except InvalidInput as error:
            assert error.fields[0].field == "tenancy_type" and "housing system" in error.fields[0].reason
