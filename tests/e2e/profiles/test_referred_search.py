"""Referral history as people-search criteria and as an outcome, through the REST API in both modes: once the
referrals events reach profiles, `referred` finds the person referred to a provider and the one who said no, and
after a job started on the journey `{"in_work": true}` finds them; `not_referred` finds the rest; the
equal-outcomes report takes "in work after a referral" as its outcome; bad input names the field. Synthetic data."""
from __future__ import annotations

import datetime as dt
import uuid

from services.common.dates import LANDLORD_ZONE
from tests.e2e.people_api import add, errors, search, wait_found, wait_searchable

REFERRALS = "/api/v1/referrals"


def _provider(operator, name: str) -> dict:
    made = operator.post("/api/v1/providers", json={
        "name": f"{name} {uuid.uuid4().hex[:6]}", "services": ["Employment support"], "areas": ["Area A"],
        "contact_email": f"bookings.{uuid.uuid4().hex[:6]}@example.org"})
    assert made.status_code == 201, made.text
    return made.json()


def _referral(admin, body: dict) -> dict:
    answer = admin.post(REFERRALS, json=body)
    assert answer.status_code == 201, answer.text
    return answer.json()


def test_people_are_found_by_their_referrals_and_by_work_after_one(operator, landlord):
    _, admin = landlord
    today = dt.datetime.now(LANDLORD_ZONE).date().isoformat()  # the referrals service's today: the UK date
    works = _provider(operator, "Referred Works")
    chosen = admin.put("/api/v1/landlord-providers", json={"provider_ids": [works["id"]]})
    assert chosen.status_code == 200, chosen.text
    ada, bea, cy = (add(admin, n, "Referred", postcode="NF9 4RR", area="Area A") for n in ("Ada", "Bea", "Cy"))
    wait_searchable(admin, ada, bea, cy)
    here = {"postcode": "NF9 4RR"}

    made = _referral(admin, {"person_id": ada["id"], "wants_support": True, "provider_id": works["id"],
                             "consent": True, "consent_date": today})
    _referral(admin, {"person_id": bea["id"], "wants_support": False, "no_reason": "caring"})
    assert wait_found(admin, {**here, "referred": {"provider": [works["id"]]}}, {ada["id"]}) == {ada["id"]}
    assert wait_found(admin, {**here, "referred": {"wants_support": False}}, {bea["id"]}) == {bea["id"]}
    assert wait_found(admin, {**here, "referred": {"since": today, "wants_support": True}}, {ada["id"]}) == {
        ada["id"]}
    assert wait_found(admin, {**here, "not_referred": {}}, {cy["id"]}) == {cy["id"]}
    assert search(admin, {**here, "referred": {"in_work": True}})["total"] == 0

    step = admin.post(f"{REFERRALS}/{made['id']}/steps", json={"step": "job_started", "date": today})
    assert step.status_code == 200, step.text
    assert wait_found(admin, {**here, "referred": {"in_work": True}}, {ada["id"]}) == {ada["id"]}
    assert wait_found(admin, {**here, "referred": {"provider": [works["id"]], "in_work": False}}, set()) == set()

    in_work = {"criteria": here, "outcome": {"referred": {"in_work": True}}, "characteristic": "area"}
    rates = admin.post("/api/v1/reports/outcomes", json=in_work)
    assert rates.status_code == 200, rates.text
    assert rates.json()["overall"]["people"]["count"] is None  # 3 people: fewer than 5, never the number
    assert admin.patch("/api/v1/reports/settings", json={"threshold": 2}).status_code == 200
    overall = admin.post("/api/v1/reports/outcomes", json=in_work).json()["overall"]
    assert (overall["people"]["count"], overall["with_outcome"]["count"]) == (3, None)  # 1 in work: suppressed
    everyone_referred = {**in_work, "outcome": {"referred": {}}}
    overall = admin.post("/api/v1/reports/outcomes", json=everyone_referred).json()["overall"]
    assert (overall["people"]["count"], overall["with_outcome"]["count"]) == (3, 2)

    for bad, field in (({"referred": {"provider": []}}, "criteria.referred.provider"),
                       ({"referred": {"since": "2026-02-30"}}, "criteria.referred.since"),
                       ({"not_referred": {"in_work": "yes"}}, "criteria.not_referred.in_work"),
                       ({"referred": {"to": [works["id"]]}}, "criteria.referred")):
        answer = admin.post("/api/v1/people/search", json={"criteria": bad})
        assert answer.status_code == 422, (bad, answer.text)
        assert any(f.startswith(field) for f in errors(answer)), (bad, answer.text)
