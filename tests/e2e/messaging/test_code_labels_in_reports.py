"""A landlord's own communication codes and labels reach the reports, through the REST API in both modes: the
communication record report filters by the landlord's own code (an archived one too) and its records file
shows the landlord's labels; after the landlord renames "Emailed" and its "Sent", an email sent then is
recorded under the new labels (the person's tab, the message report's outcome analysis, its log). Synthetic
data."""
from __future__ import annotations

from tests.e2e.messaging.test_message_reports import REPORT, _rows, _sent
from tests.e2e.people_api import add, errors, get_ok, wait_searchable

CODES = "/api/v1/communication-codes"
MESSAGES = "/api/v1/messages"


def test_the_record_report_filters_by_the_landlords_own_code_and_shows_its_labels(landlord):
    _, admin = landlord
    made = admin.post(CODES, json={"label": "Tenancy audit", "outcomes": [{"label": "Audit done"}]})
    assert made.status_code == 201, made.text
    ida = add(admin, "Ida", "Audited")
    recorded = admin.post("/api/v1/communications", json={
        "person_ids": [ida["id"]], "communication_code": "tenancy_audit", "outcome_code": "audit_done",
        "date": "2026-03-04", "landlord_contact": "Sam Officer"})
    assert recorded.status_code == 201, recorded.text
    assert admin.patch(f"{CODES}/tenancy_audit", json={"archived": True}).status_code == 200

    found = admin.get(REPORT, params={"communication_code": "tenancy_audit"})
    assert found.status_code == 200, found.text
    assert (found.json()["records"], found.json()["people"]) == (1, 1)
    rows = _rows(admin.get(f"{REPORT}/file", params={"what": "records", "format": "csv",
                                                     "communication_code": "tenancy_audit"}))
    assert [(r["Communication"], r["Outcome"], r["Person"]) for r in rows] == [("Tenancy audit", "Audit done",
                                                                             "Ida Audited")]
    unknown = admin.get(REPORT, params={"communication_code": "no_such_code"})
    assert unknown.status_code == 422 and "communication_code" in errors(unknown), unknown.text


def test_an_email_sent_after_a_rename_is_recorded_under_the_landlords_labels(landlord):
    _, admin = landlord
    assert admin.patch(f"{CODES}/emailed", json={"label": "Email"}).status_code == 200
    assert admin.patch(f"{CODES}/emailed/outcomes/sent", json={"label": "Went out"}).status_code == 200
    eve = add(admin, "Eve", "Renamed", email="eve.renamed@example.org")
    wait_searchable(admin, eve)
    message = _sent(admin, [eve])

    tab = get_ok(admin, f"/api/v1/people/{eve['id']}/communications")["items"]
    assert [(r["communication_label"], r["outcome_label"]) for r in tab] == [("Email", "Went out")]
    report = get_ok(admin, f"{MESSAGES}/{message['id']}/report")
    assert report["outcomes"][0] == {**report["outcomes"][0], "label": "Went out", "count": 1}
    log = _rows(admin.get(f"{MESSAGES}/{message['id']}/log", params={"format": "csv"}))
    assert [(r["Name"], r["Outcome"]) for r in log] == [("Eve Renamed", "Went out")]
