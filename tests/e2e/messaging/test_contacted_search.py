"""Communication history as people-search criteria and as an outcome, through the REST API in both modes:
`contacted` (by code, outcome and dates) and `not_contacted` ({} is never contacted) find exactly the right
people once messaging's events reach profiles; a deleted record stops counting; the equal-outcomes report
takes "was contacted" as its outcome. Synthetic data only."""
from __future__ import annotations

from tests.e2e.people_api import add, errors, search, wait_found, wait_searchable

RECORDS = "/api/v1/communications"


def _record(admin, people, code, outcome, date) -> list[str]:
    answer = admin.post(RECORDS, json={"person_ids": [p["id"] for p in people], "communication_code": code,
                                       "outcome_code": outcome, "date": date})
    assert answer.status_code == 201, answer.text
    return answer.json()["communication_ids"]


def test_people_are_found_by_how_and_when_they_were_contacted(landlord):
    _, admin = landlord
    ada, bea, cy, dee = (add(admin, n, "Reached", postcode="NF7 1CC", area="Area A") for n in ("Ada", "Bea", "Cy", "Dee"))
    wait_searchable(admin, ada, bea, cy, dee)
    _record(admin, [ada, bea], "phoned", "spoke_to_person", "2026-03-02")
    _record(admin, [bea], "phoned", "no_answer", "2026-05-10")
    visit = _record(admin, [cy], "visited", "card_left", "2026-04-01")
    here = {"postcode": "NF7 1CC"}
    everyone = {p["id"] for p in (ada, bea, cy, dee)}

    assert wait_found(admin, {**here, "contacted": {"since": "2026-01-01"}}, everyone - {dee["id"]}) == \
        everyone - {dee["id"]}
    assert wait_found(admin, {**here, "contacted": {"code": ["phoned"], "outcome": ["no_answer"]}},
                      {bea["id"]}) == {bea["id"]}
    assert wait_found(admin, {**here, "contacted": {"code": ["phoned"], "until": "2026-04-30"}},
                      {ada["id"], bea["id"]}) == {ada["id"], bea["id"]}
    assert wait_found(admin, {**here, "contacted": {"code": ["visited", "mailed"]}}, {cy["id"]}) == {cy["id"]}
    assert wait_found(admin, {**here, "not_contacted": {}}, {dee["id"]}) == {dee["id"]}
    assert wait_found(admin, {**here, "not_contacted": {"since": "2026-04-15"}},
                      {ada["id"], cy["id"], dee["id"]}) == {ada["id"], cy["id"], dee["id"]}

    assert admin.delete(f"{RECORDS}/{visit[0]}").status_code == 204
    assert wait_found(admin, {**here, "not_contacted": {}}, {cy["id"], dee["id"]}) == {cy["id"], dee["id"]}

    was_contacted = {"criteria": here, "outcome": {"contacted": {"since": "2026-01-01"}}, "characteristic": "area"}
    rates = admin.post("/api/v1/reports/outcomes", json=was_contacted)
    assert rates.status_code == 200, rates.text
    assert rates.json()["overall"]["people"]["count"] is None  # 4 people: fewer than 5, never the number
    assert admin.patch("/api/v1/reports/settings", json={"threshold": 2}).status_code == 200
    overall = admin.post("/api/v1/reports/outcomes", json=was_contacted).json()["overall"]
    assert (overall["people"]["count"], overall["with_outcome"]["count"], overall["rate"]) == (4, 2, 50.0)

    for bad, field in (({"contacted": {}}, "criteria.contacted"),
                       ({"contacted": {"outcome": ["no_answer"]}}, "criteria.contacted.outcome"),
                       ({"contacted": {"code": ["Phoned!"]}}, "criteria.contacted.code"),
                       ({"contacted": {"since": "2026-05-01", "until": "2026-04-01"}}, "criteria.contacted")):
        answer = admin.post("/api/v1/people/search", json={"criteria": bad})
        assert answer.status_code == 422, (bad, answer.text)
        assert any(f.startswith(field) for f in errors(answer)), (bad, answer.text)
    assert search(admin, {**here, "contacted": {"code": ["texted"]}})["total"] == 0
