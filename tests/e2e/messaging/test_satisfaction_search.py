"""Satisfaction scores as people-search criteria and as an outcome, through the REST API in both modes: a phone
survey's results (Questionnaire records with a 0-10 score) reach profiles, `contacted` with a `satisfaction`
range finds exactly the people whose score is in it (a result with no score never matches), `not_contacted`
finds the rest, the equal-outcomes report takes "satisfied" as its outcome, and a bad range is a 422 naming
`contacted.satisfaction`. Synthetic data only."""
from __future__ import annotations

from tests.e2e.people_api import add, errors, search, wait_found, wait_searchable

MESSAGES = "/api/v1/messages"
SATISFIED = {"code": ["questionnaire"], "satisfaction": {"min": 7}}


def _surveyed(admin, people: list[dict], results: list[dict]) -> None:
    """A phone survey of these people, sent, with these results taken back."""
    made = admin.post(MESSAGES, json={"channel": "survey", "survey_method": "phone", "sender_name": "N"})
    assert made.status_code == 201, made.text
    survey = made.json()["id"]
    listed = admin.post(f"{MESSAGES}/{survey}/recipients", json={"criteria": {"person_id": [p["id"] for p in people]}})
    assert listed.status_code == 200 and listed.json()["included"] == len(people), listed.text
    sent = admin.post(f"{MESSAGES}/{survey}/send")
    assert sent.status_code == 202 and sent.json()["status"] == "sent", sent.text
    taken = admin.post(f"{MESSAGES}/{survey}/survey-results", json={"results": results})
    assert taken.status_code == 201 and taken.json()["recorded"] == len(results), taken.text


def test_people_are_found_by_their_survey_satisfaction_score(landlord):
    _, admin = landlord
    here = {"postcode": "NF8 4SS"}
    ada, bea, cy, dee = (add(admin, n, "Surveyed", phone=f"01632 96044{i}", area="Area A", **here)
                         for i, n in enumerate(("Ada", "Bea", "Cy", "Dee")))
    wait_searchable(admin, ada, bea, cy, dee)
    _surveyed(admin, [ada, bea, cy, dee], [
        {"person_id": ada["id"], "outcome_code": "completed", "satisfaction": 9},
        {"person_id": bea["id"], "outcome_code": "completed", "satisfaction": 7},
        {"person_id": cy["id"], "outcome_code": "completed", "satisfaction": 3},
        {"person_id": dee["id"], "outcome_code": "declined"}])
    satisfied = {ada["id"], bea["id"]}

    assert wait_found(admin, {**here, "contacted": SATISFIED}, satisfied) == satisfied
    assert wait_found(admin, {**here, "contacted": {"code": ["questionnaire"], "satisfaction": {"max": 6}}},
                      {cy["id"]}) == {cy["id"]}
    assert wait_found(admin, {**here, "contacted": {"code": ["questionnaire"], "outcome": ["completed"],
                                                    "satisfaction": {"min": 7, "max": 8}}}, {bea["id"]}) == {bea["id"]}
    assert wait_found(admin, {**here, "not_contacted": SATISFIED}, {cy["id"], dee["id"]}) == {cy["id"], dee["id"]}
    everyone = {p["id"] for p in (ada, bea, cy, dee)}
    assert wait_found(admin, {**here, "contacted": {"code": ["questionnaire"]}}, everyone) == everyone
    assert search(admin, {**here, "contacted": {"code": ["phoned"], "satisfaction": {"min": 0}}})["total"] == 0

    assert admin.patch("/api/v1/reports/settings", json={"threshold": 2}).status_code == 200
    rates = admin.post("/api/v1/reports/outcomes", json={"criteria": here, "outcome": {"contacted": SATISFIED},
                                                          "characteristic": "area"})
    assert rates.status_code == 200, rates.text
    overall = rates.json()["overall"]
    assert (overall["people"]["count"], overall["with_outcome"]["count"], overall["rate"]) == (4, 2, 50.0)

    for satisfaction in ({"min": 11}, {"min": 7.5}, {"min": 8, "max": 3}, {}, {"least": 7}):
        bad = admin.post("/api/v1/people/search",
                         json={"criteria": {"contacted": {"code": ["questionnaire"], "satisfaction": satisfaction}}})
        assert bad.status_code == 422, (satisfaction, bad.text)
        assert any(f.startswith("criteria.contacted.satisfaction") for f in errors(bad)), (satisfaction, bad.text)
    no_code = admin.post("/api/v1/people/search", json={"criteria": {"not_contacted": {"satisfaction": {"min": 7}}}})
    assert no_code.status_code == 422 and "criteria.not_contacted.satisfaction" in errors(no_code), no_code.text
