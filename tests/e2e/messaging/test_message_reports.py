"""The message report and the communication record report through the REST API in both modes: a sent
email's numbers and outcome analysis, its log of every recipient (CSV and XLSX) with outcome or reason, the
copy each recipient was sent (none for someone left off); the communication record report's numbers by
code, dates and message, drilling down to the message, and its summary and records as files; a bad filter
is a 422 naming it. Synthetic data."""
from __future__ import annotations

import csv
import io

import openpyxl

from tests.e2e.conftest import eventually
from tests.e2e.people_api import add, errors, wait_searchable

MESSAGES = "/api/v1/messages"
REPORT = "/api/v1/communication-report"


def _rows(answer) -> list[dict]:
    assert answer.status_code == 200 and answer.headers["Content-Type"].startswith("text/csv"), answer.text
    return list(csv.DictReader(io.StringIO(answer.content.decode("utf-8-sig"))))


def _sent(admin, people: list[dict]) -> dict:
    message = admin.post(MESSAGES, json={
        "channel": "email", "sender_name": "Northfield Homes", "sender_email": "hello@example.org",
        "subject": "Your repairs, {{first_name}}", "html": "<p>{{greeting}},</p><p>How did it go?</p>",
        "landlord_contact": "Sam Officer"}).json()
    admin.post(f"{MESSAGES}/{message['id']}/recipients", json={"criteria": {"person_id": [p["id"] for p in people]}})
    assert admin.post(f"{MESSAGES}/{message['id']}/send").status_code == 202
    assert eventually(lambda: admin.get(f"{MESSAGES}/{message['id']}").json()["status"] == "sent")
    return message


def test_a_sent_messages_report_log_and_copies(platform, landlord):
    _, admin = landlord
    ada = add(admin, "Alan", "Adams", title="Mr", email="alan.adams.r@example.org")
    bea = add(admin, "Bea", "Brown", title="Ms", email="bea.brown.r@example.org")
    nomail = add(admin, "Nia", "Nomail")
    wait_searchable(admin, ada, bea, nomail)
    message = _sent(admin, [ada, bea, nomail])

    report = admin.get(f"{MESSAGES}/{message['id']}/report")
    assert report.status_code == 200, report.text
    body = report.json()
    assert body["message"]["sent"] == 2 and body["total"] == 2
    assert [(o["label"], o["count"]) for o in body["outcomes"]] == [
        ("Sent", 2), ("Delivered", 0), ("Opened", 0), ("Delivered wrong address", 0), ("Failed", 0), ("Replied", 0)]

    log = {r["Name"]: r for r in _rows(admin.get(f"{MESSAGES}/{message['id']}/log", params={"format": "csv"}))}
    assert (log["Alan Adams"]["Address or number"], log["Alan Adams"]["Outcome"]) == ("alan.adams.r@example.org", "Sent")
    assert (log["Nia Nomail"]["State"], log["Nia Nomail"]["Reason"]) == ("excluded", "No email address")
    book = admin.get(f"{MESSAGES}/{message['id']}/log")
    assert book.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(book.content), read_only=True).worksheets[0]
    assert len(list(sheet.iter_rows(values_only=True))) == 4

    kept = admin.get(f"{MESSAGES}/{message['id']}/recipients/{ada['id']}/copy")
    assert kept.status_code == 200, kept.text
    assert kept.json()["subject"] == "Your repairs, Alan" and "Dear Mr Adams" in kept.json()["html"]
    assert admin.get(f"{MESSAGES}/{message['id']}/recipients/{nomail['id']}/copy").status_code == 404

    phoned = admin.post("/api/v1/communications", json={
        "person_ids": [ada["id"]], "communication_code": "phoned", "outcome_code": "spoke_to_person",
        "date": "2026-01-15", "landlord_contact": "Sam Officer", "description": "Follow-up call"})
    assert phoned.status_code == 201, phoned.text

    emailed = admin.get(REPORT, params={"communication_code": "emailed", "message_id": message["id"]}).json()
    assert (emailed["messages"], emailed["records"], emailed["people"], emailed["dates"]) == (1, 2, 2, 1)
    assert emailed["by_message"][0]["message_id"] == message["id"]
    assert emailed["by_message"][0]["reference"] == message["reference"]
    calls = admin.get(REPORT, params={"communication_code": "phoned", "date_from": "2026-01-01",
                                      "date_to": "2026-01-31"}).json()
    assert (calls["messages"], calls["records"], calls["people"]) == (0, 1, 1)
    everything = admin.get(REPORT, params={"landlord_contact": "sam officer"}).json()
    assert everything["records"] == 3 and everything["people"] == 2

    summary = _rows(admin.get(f"{REPORT}/file", params={"message_id": message["id"], "format": "csv"}))
    assert [(r["Message reference"], r["Records"]) for r in summary] == [(message["reference"], "2")]
    records = _rows(admin.get(f"{REPORT}/file", params={"what": "records", "landlord_contact": "Sam Officer",
                                                        "format": "csv"}))
    assert sorted((r["Person"], r["Communication"], r["Outcome"]) for r in records) == [
        ("Alan Adams", "Emailed", "Sent"), ("Alan Adams", "Phoned", "Spoke to person"), ("Bea Brown", "Emailed", "Sent")]
    assert {r["Personal reference"] for r in records} == {ada["personal_ref"], bea["personal_ref"]}


def test_bad_report_filters_are_named(platform, landlord):
    _, admin = landlord
    for params, field in (({"communication_code": "faxed"}, "communication_code"),
                          ({"date_from": "2026-02-01", "date_to": "2026-01-01"}, "date_to"),
                          ({"date_from": "yesterday"}, "date_from")):
        bad = admin.get(REPORT, params=params)
        assert bad.status_code == 422 and field in errors(bad), (params, bad.text)
    bad = admin.get(f"{REPORT}/file", params={"what": "everything"})
    assert bad.status_code == 422 and "what" in errors(bad), bad.text
