"""Surveys through the REST API in both modes: a phone survey's list leaves out people who opted out of phone
surveys and people with no number, each with the reason; once sent, the survey team's list (CSV) has each
person's number; their results come back as Questionnaire records with a satisfaction score, a result given
again changes the record (one per person), and results for someone not on the list, a score out of range or
before the survey is sent are refused naming the field. A postal survey goes to addresses. Synthetic data."""
from __future__ import annotations

import csv
import io

from tests.e2e.people_api import add, errors, wait_searchable

MESSAGES = "/api/v1/messages"


def _survey(admin, method: str) -> dict:
    made = admin.post(MESSAGES, json={"channel": "survey", "survey_method": method, "sender_name": "Northfield Homes",
                                      "description": "Repairs satisfaction"})
    assert made.status_code == 201, made.text
    return made.json()


def test_a_phone_survey_honours_preferences_and_takes_back_scores(platform, landlord):
    _, admin = landlord
    pat = add(admin, "Pat", "Phoned", phone="01632 960123")
    mo = add(admin, "Mo", "Mobile", mobile="07700 900456")
    shy = add(admin, "Sky", "Shy", phone="01632 960124", preferences=["No phone surveys"])
    none = add(admin, "Nel", "Nonumber")
    wait_searchable(admin, pat, mo, shy, none)
    survey = _survey(admin, "phone")
    assert survey["reference"].startswith("Phone survey Northfield Homes") and survey["survey_method"] == "phone"
    listed = admin.post(f"{MESSAGES}/{survey['id']}/recipients",
                        json={"criteria": {"person_id": [pat["id"], mo["id"], shy["id"], none["id"]]}}).json()
    assert listed["included"] == 2
    assert {e["reason"]: e["count"] for e in listed["excluded"]} == {"opted_out": 1, "no_phone": 1}

    early = admin.post(f"{MESSAGES}/{survey['id']}/survey-results",
                       json={"results": [{"person_id": pat["id"], "outcome_code": "completed"}]})
    assert early.status_code == 409 and "message_id" in errors(early), early.text
    sent = admin.post(f"{MESSAGES}/{survey['id']}/send")
    assert sent.status_code == 202 and sent.json()["status"] == "sent", sent.text
    got = admin.get(f"{MESSAGES}/{survey['id']}/survey-list", params={"format": "csv"})
    assert got.status_code == 200, got.text
    rows = list(csv.DictReader(io.StringIO(got.content.decode("utf-8-sig"))))
    assert [(r["Name"], r["Phone"]) for r in rows] == [("Mo Mobile", "07700 900456"), ("Pat Phoned", "01632 960123")]

    taken = admin.post(f"{MESSAGES}/{survey['id']}/survey-results", json={"results": [
        {"person_id": pat["id"], "outcome_code": "completed", "satisfaction": 8, "notes": "Happy with repairs"},
        {"person_id": mo["id"], "outcome_code": "declined"}]})
    assert taken.status_code == 201 and taken.json()["recorded"] == 2, taken.text
    again = admin.post(f"{MESSAGES}/{survey['id']}/survey-results", json={"results": [
        {"person_id": pat["id"], "outcome_code": "completed", "satisfaction": 9}]})
    assert again.status_code == 201, again.text
    records = admin.get(f"/api/v1/people/{pat['id']}/communications").json()["items"]
    assert [(r["communication_code"], r["outcome_code"], r["satisfaction"]) for r in records] == [
        ("questionnaire", "completed", 9)]
    assert admin.get(f"{MESSAGES}/{survey['id']}/report").json()["outcomes"][1] == {
        "code": "completed", "label": "Completed", "count": 1}

    for result, field in (({"person_id": shy["id"], "outcome_code": "completed"}, "results.0.person_id"),
                          ({"person_id": pat["id"], "outcome_code": "completed", "satisfaction": 11},
                           "results.0.satisfaction"),
                          ({"person_id": pat["id"], "outcome_code": "completed", "date": "2099-01-01"},
                           "results.0.date")):
        bad = admin.post(f"{MESSAGES}/{survey['id']}/survey-results", json={"results": [result]})
        assert bad.status_code == 422 and field in errors(bad), (result, bad.text)
    assert admin.get(f"/api/v1/people/{shy['id']}/communications").json()["total"] == 0


def test_a_postal_survey_goes_to_addresses_and_needs_a_method(platform, landlord):
    _, admin = landlord
    home = add(admin, "Hal", "Home", address_line_1="1 Oak Drive", postcode="NF3 2SS")
    away = add(admin, "Ava", "Away", address_line_1="2 Oak Drive", postcode="NF3 2SS", preferences=["No postal surveys"])
    wait_searchable(admin, home, away)
    survey = _survey(admin, "postal")
    listed = admin.post(f"{MESSAGES}/{survey['id']}/recipients",
                        json={"criteria": {"person_id": [home["id"], away["id"]]}}).json()
    assert listed["included"] == 1 and listed["excluded"][0]["reason"] == "opted_out"
    no_method = admin.post(MESSAGES, json={"channel": "survey", "sender_name": "N"})
    assert no_method.status_code == 422 and "survey_method" in errors(no_method), no_method.text
    wrong = admin.post(MESSAGES, json={"channel": "email", "sender_name": "N", "sender_email": "n@example.org",
                                       "subject": "S", "html": "x", "survey_method": "phone"})
    assert wrong.status_code == 422 and "survey_method" in errors(wrong), wrong.text
