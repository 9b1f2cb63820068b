"""Referrals through the REST API in both modes: providers set up by the operator and chosen by a landlord; a
person referred (or saying no, and why); appointments booked, rescheduled in a chain, cancelled, downloaded
as iCalendar; an appointment request emailed to the provider and booked through its signed link once; the
provider's users see the referrals made to their provider and nothing else; bad input names the field."""
from __future__ import annotations

import datetime as dt
import io
import re
import uuid

import openpyxl

from services.common.dates import LANDLORD_ZONE
from tests.e2e.conftest import ApiClient, new_landlord
from tests.e2e.people_api import add, errors, get_ok, wait_searchable

NEXT_WEEK = (dt.datetime.now(LANDLORD_ZONE) + dt.timedelta(days=7)).replace(hour=10, minute=30, second=0, microsecond=0)
LATER = NEXT_WEEK + dt.timedelta(days=7)
SLOT = {"starts_at": NEXT_WEEK.strftime("%Y-%m-%dT%H:%M"), "minutes": 45, "place": "1 High Street",
        "adviser": "Adviser One"}


def _provider(operator, name: str) -> dict:
    made = operator.post("/api/v1/providers", json={
        "name": f"{name} {uuid.uuid4().hex[:6]}", "services": ["Employment support"], "areas": ["Area A"],
        "contact_email": f"bookings.{uuid.uuid4().hex[:6]}@example.org"})
    assert made.status_code == 201, made.text
    return made.json()


def _provider_user(platform, operator, provider: dict, role: str = "provider_adviser") -> ApiClient:
    created = operator.post(f"/api/v1/providers/{provider['id']}/users", json={
        "username": f"adv.{uuid.uuid4().hex[:6]}", "name": "Adviser One", "role": role})
    assert created.status_code == 201, created.text
    user = created.json()
    pending = ApiClient(platform.url).sign_in(user["username"], user["one_time_password"])
    changed = pending.post("/api/v1/auth/password", json={"current_password": user["one_time_password"],
                                                         "new_password": "a steady green lantern"})
    return ApiClient(platform.url, changed.json()["access_token"])


def _refer(admin, person, provider, **extra) -> dict:
    answer = admin.post("/api/v1/referrals", json={
        "person_id": person["id"], "wants_support": True, "provider_id": provider["id"], "needs": ["employment"],
        "consent": True, "consent_date": dt.date.today().isoformat(), **extra})
    assert answer.status_code == 201, answer.text
    return answer.json()


def test_a_landlord_refers_only_to_its_providers_and_captures_the_nos(operator, landlord):
    _, admin = landlord
    works, other = _provider(operator, "Northfield Works"), _provider(operator, "Elsewhere Training")
    chosen = admin.put("/api/v1/landlord-providers", json={"provider_ids": [works["id"]]})
    assert chosen.status_code == 200, chosen.text
    assert {p["id"]: p["works_with_landlord"] for p in chosen.json()["items"]}[other["id"]] is False
    ada = add(admin, "Ada", "Referral", email="ada.referral@example.org", mobile="07700 900123")

    made = _refer(admin, ada, works, needs=["employment", "cv"])
    assert (made["status"], made["provider_name"], made["person"]["name"]) == ("referred", works["name"],
                                                                                "Ada Referral")
    assert made["person"]["email"] == "ada.referral@example.org"
    no = admin.post("/api/v1/referrals", json={"person_id": ada["id"], "wants_support": False,
                                               "no_reason": "caring"})
    assert no.status_code == 201 and (no.json()["status"], no.json()["no_reason_label"]) == (
        "declined", "Caring responsibilities")
    listed = get_ok(admin, f"/api/v1/people/{ada['id']}/referrals")
    assert listed["total"] == 2

    wait_searchable(admin, ada)
    by_ref = admin.post("/api/v1/referrals", json={"personal_ref": ada["personal_ref"], "wants_support": False,
                                                   "no_reason": "not_ready"})
    assert by_ref.status_code == 201 and by_ref.json()["person_id"] == ada["id"]

    cases = [({"provider_id": other["id"]}, "provider_id"), ({"provider_id": str(uuid.uuid4())}, "provider_id"),
             ({"consent": False}, "consent"), ({"consent_date": "2100-01-01"}, "consent_date")]
    for change, field in cases:
        body = {"person_id": ada["id"], "wants_support": True, "provider_id": works["id"], "consent": True,
                "consent_date": "2026-12-01", **change}
        answer = admin.post("/api/v1/referrals", json=body)
        assert answer.status_code == 422 and field in errors(answer), (change, answer.text)
    missing = admin.post("/api/v1/referrals", json={"person_id": ada["id"], "wants_support": False})
    assert missing.status_code == 422 and "no_reason" in errors(missing)
    assert get_ok(admin, f"/api/v1/people/{ada['id']}/referrals")["total"] == 3


def test_appointments_are_booked_rescheduled_in_a_chain_and_downloaded(operator, landlord):
    _, admin = landlord
    works = _provider(operator, "Chain Works")
    admin.put("/api/v1/landlord-providers", json={"provider_ids": [works["id"]]})
    made = _refer(admin, add(admin, "Bea", "Booking"), works)
    url = f"/api/v1/referrals/{made['id']}/appointments"

    past = admin.post(url, json={**SLOT, "starts_at": "2020-01-06T10:00"})
    assert past.status_code == 422 and "slot.starts_at" in errors(past)
    booked = admin.post(url, json=SLOT)
    assert booked.status_code == 201, booked.text
    first = booked.json()["appointments"][0]
    assert booked.json()["status"] == "appointment_booked"
    ics = admin.get(f"{url}/{first['id']}/invitation")
    assert ics.status_code == 200 and ics.headers["Content-Type"].startswith("text/calendar")
    text = ics.content.decode()
    utc = NEXT_WEEK.astimezone(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    assert f"DTSTART:{utc}\r\n" in text and "LOCATION:1 High Street" in text and works["name"] in text

    moved = admin.post(f"{url}/{first['id']}/reschedule", json={
        "slot": {**SLOT, "starts_at": LATER.strftime("%Y-%m-%dT%H:%M")}, "reason": "Adviser away"})
    assert moved.status_code == 200, moved.text
    second = moved.json()["appointments"][1]
    again = admin.post(f"{url}/{second['id']}/reschedule", json={"slot": SLOT, "reason": "Back early"})
    assert again.status_code == 200, again.text
    chain = again.json()["appointments"]
    assert [a["status"] for a in chain] == ["rescheduled", "rescheduled", "booked"]
    assert (chain[0]["rescheduled_to"], chain[1]["rescheduled_from"], chain[1]["rescheduled_to"],
            chain[2]["rescheduled_from"]) == (chain[1]["id"], chain[0]["id"], chain[2]["id"], chain[1]["id"])
    stale = admin.post(f"{url}/{first['id']}/status", json={"status": "cancelled", "reason": "x"})
    assert stale.status_code == 409 and "status" in errors(stale)
    early = admin.post(f"{url}/{chain[2]['id']}/status", json={"status": "attended"})
    assert early.status_code == 422 and "status" in errors(early)
    no_why = admin.post(f"{url}/{chain[2]['id']}/status", json={"status": "cancelled"})
    assert no_why.status_code == 422 and "reason" in errors(no_why)
    cancelled = admin.post(f"{url}/{chain[2]['id']}/status", json={"status": "cancelled", "reason": "Moved away"})
    assert cancelled.json()["appointments"][2]["status"] == "cancelled"


def test_an_appointment_request_is_booked_once_through_its_signed_link(platform, operator, landlord):
    _, admin = landlord
    works = _provider(operator, "Link Works")
    admin.put("/api/v1/landlord-providers", json={"provider_ids": [works["id"]]})
    made = _refer(admin, add(admin, "Cy", "Linked"), works, needs=["cv"])
    asked = admin.post(f"/api/v1/referrals/{made['id']}/appointment-request")
    assert asked.status_code == 200, asked.text
    assert asked.json()["status"] == "appointment_requested" and asked.json()["request_expires_at"]
    mail = [m for m in platform.mail.received if m["To"].addresses[0].addr_spec == works["contact_email"]]
    assert len(mail) == 1
    token = re.search(r"/appointment-requests/([A-Za-z0-9_\-.]+)", mail[0].get_content()).group(1)
    link = f"/api/v1/appointment-requests/{token}"

    anonymous = ApiClient(platform.url)
    seen = get_ok(anonymous, link)
    assert (seen["person"]["name"], seen["needs"], seen["booked"]) == ("Cy Linked", ["cv"], None)
    tampered = anonymous.get(link[:-2] + ("AA" if not link.endswith("AA") else "BB"))
    assert tampered.status_code == 403, tampered.text
    booked = anonymous.post(link, json={"slot": SLOT})
    assert booked.status_code == 201, booked.text
    assert booked.json()["booked"]["booked_by"] == "link"
    used = anonymous.post(link, json={"slot": SLOT})
    assert used.status_code == 422 and "token" in errors(used)
    assert get_ok(admin, f"/api/v1/referrals/{made['id']}")["status"] == "appointment_booked"


def test_a_provider_sees_only_its_referrals_and_keeps_the_checklist(platform, operator, landlord):
    _, admin = landlord
    works, rival = _provider(operator, "Journey Works"), _provider(operator, "Rival Works")
    admin.put("/api/v1/landlord-providers", json={"provider_ids": [works["id"], rival["id"]]})
    ours = _refer(admin, add(admin, "Dee", "Journey"), works)
    theirs = _refer(admin, add(admin, "Eli", "Elsewhere"), rival)
    adviser, rival_adviser = _provider_user(platform, operator, works), _provider_user(platform, operator, rival)
    _, other_landlord = new_landlord(operator)
    other_landlord.put("/api/v1/landlord-providers", json={"provider_ids": [works["id"]]})
    elsewhere = _refer(other_landlord, add(other_landlord, "Fay", "Otherland"), works)

    listed = get_ok(adviser, "/api/v1/provider/referrals")
    assert {r["id"] for r in listed["items"]} == {ours["id"], elsewhere["id"]}
    assert theirs["id"] not in {r["id"] for r in get_ok(adviser, "/api/v1/provider/referrals")["items"]}
    assert rival_adviser.get(f"/api/v1/provider/referrals/{ours['id']}").status_code == 404
    assert rival_adviser.post(f"/api/v1/provider/referrals/{ours['id']}/steps",
                              json={"step": "advice", "date": "2026-12-01"}).status_code == 404
    for path in ("/api/v1/referrals", f"/api/v1/referrals/{ours['id']}", f"/api/v1/people/{ours['person_id']}"):
        assert adviser.get(path).status_code == 403, path
    assert admin.get("/api/v1/provider/referrals").status_code == 403

    today = dt.date.today().isoformat()
    for step in ("first_appointment", "cv", "job_started"):
        done = adviser.post(f"/api/v1/provider/referrals/{ours['id']}/steps", json={"step": step, "date": today})
        assert done.status_code == 200, done.text
    journey = get_ok(admin, f"/api/v1/referrals/{ours['id']}")
    assert journey["status"] == "in_work" and [s["step"] for s in journey["steps"]] == [
        "first_appointment", "cv", "job_started"]
    future = adviser.post(f"/api/v1/provider/referrals/{ours['id']}/steps", json={"step": "cv", "date": "2100-01-01"})
    assert future.status_code == 422 and "date" in errors(future)


def test_a_journey_is_reported_end_to_end_with_the_funnel_and_the_nos(platform, operator, landlord):
    _, admin = landlord
    works = _provider(operator, "Funnel Works")
    admin.put("/api/v1/landlord-providers", json={"provider_ids": [works["id"]]})
    journeys = [("2026-11-02", "2026-11-09", "2026-11-30"), ("2026-11-02", "2026-11-13", None),
                ("2026-11-03", None, None)]
    for i, (referred, first, job) in enumerate(journeys):
        made = _refer(admin, add(admin, f"Gus{i}", "Funnel", area="Area A" if i else "Area B"), works,
                      referred_on=referred, consent_date=referred)
        for step, day in (("first_appointment", first), ("job_started", job)):
            if day:
                done = admin.post(f"/api/v1/referrals/{made['id']}/steps", json={"step": step, "date": day})
                assert done.status_code == 200, done.text
    for reason in ("caring", "caring", "health"):
        admin.post("/api/v1/referrals", json={"person_id": add(admin, "Hal", "Declines")["id"],
                                              "wants_support": False, "no_reason": reason,
                                              "referred_on": "2026-11-04"})
    found = get_ok(admin, "/api/v1/reports/referrals", params={"referred_from": "2026-11-01",
                                                               "referred_until": "2026-11-30"})
    assert (found["referrals"], found["wanted_support"], found["declined"]) == (6, 3, 3)
    assert [(n["label"], n["count"]) for n in found["no_reasons"]] == [("Caring responsibilities", 2),
                                                                       ("Health or disability", 1)]
    assert [(f["step"], f["count"], f["rate_from_previous"], f["median_days_from_previous"])
            for f in found["funnel"]] == [("referred", 3, None, None), ("first_appointment", 2, 66.7, 9.0),
                                          ("job_started", 1, 50.0, 21.0)]
    assert found["funnel"][2]["rate_from_referred"] == 33.3
    assert found["by_provider"] == [{"key": works["id"], "label": works["name"], "count": 3}]
    assert [(a["key"], a["label"], a["count"]) for a in found["by_area"]] == [
        ("", "Not known", 3), ("Area A", "Area A", 2), ("Area B", "Area B", 1)]
    me = get_ok(admin, "/api/v1/me")
    assert found["by_officer"] == [{"key": me["id"], "label": me["name"], "count": 6}]
    assert {s["key"]: s["count"] for s in found["by_status"]} == {"in_work": 1, "in_progress": 1, "referred": 1,
                                                                       "declined": 3}
    nothing = get_ok(admin, "/api/v1/reports/referrals", params={"referred_from": "2025-01-01",
                                                                 "referred_until": "2025-12-31"})
    assert nothing["referrals"] == 0 and nothing["funnel"][1]["rate_from_previous"] is None
    bad = admin.get("/api/v1/reports/referrals", params={"referred_from": "2026-12-01", "referred_until": "2026-11-01"})
    assert bad.status_code == 422 and "referred_until" in errors(bad)

    exported = admin.get("/api/v1/reports/referrals/file", params={"format": "csv", "referred_from": "2026-11-01"})
    assert exported.status_code == 200, exported.text
    lines = exported.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Referred on,Landlord,Person,Personal reference,Area,") and len(lines) == 7
    xlsx = admin.get("/api/v1/reports/referrals/file", params={"referred_from": "2026-11-01"})
    assert xlsx.status_code == 200, xlsx.text
    book_rows = list(openpyxl.load_workbook(io.BytesIO(xlsx.content), read_only=True).active.iter_rows(
        values_only=True))
    assert len(book_rows) == 7 and dt.datetime(2026, 11, 2) in [r[0] for r in book_rows[1:]]
    adviser = _provider_user(platform, operator, works)
    theirs = get_ok(adviser, "/api/v1/provider/reports/referrals")
    assert theirs["referrals"] == 3 and theirs["declined"] == 0


def test_a_self_referral_is_registered_by_the_provider_and_matched_by_the_landlord(platform, operator, landlord):
    landlord_record, admin = landlord
    works = _provider(operator, "Walk-in Works")
    admin.put("/api/v1/landlord-providers", json={"provider_ids": [works["id"]]})
    other_record, other_admin = new_landlord(operator)
    adviser = _provider_user(platform, operator, works)
    assert get_ok(adviser, "/api/v1/provider/landlords")["items"] == [
        {"id": landlord_record["id"], "name": landlord_record["name"]}]

    body = {"landlord_id": landlord_record["id"], "person": {"name": "Ivy Walkin", "email": "ivy.walkin@example.org",
                                                             "area": "Area B"},
            "needs": ["training"], "consent": True, "consent_date": dt.date.today().isoformat()}
    refused = adviser.post("/api/v1/provider/referrals", json={**body, "landlord_id": other_record["id"]})
    assert refused.status_code == 422 and "landlord_id" in errors(refused)
    no_name = adviser.post("/api/v1/provider/referrals", json={**body, "person": {"name": ""}})
    assert no_name.status_code == 422 and "person.name" in errors(no_name)
    made = adviser.post("/api/v1/provider/referrals", json=body)
    assert made.status_code == 201, made.text
    walkin = made.json()
    assert (walkin["status"], walkin["person_id"], walkin["person"]["name"], walkin["person"]["area"]) == (
        "awaiting_match", "", "Ivy Walkin", "Area B")

    waiting = get_ok(admin, "/api/v1/referrals", params={"status": "awaiting_match"})
    assert [r["id"] for r in waiting["items"]] == [walkin["id"]]
    assert other_admin.post(f"/api/v1/referrals/{walkin['id']}/match", json={"person_id": "x"}).status_code == 404
    ivy = add(admin, "Ivy", "Walkin", email="ivy.walkin@example.org")
    matched = admin.post(f"/api/v1/referrals/{walkin['id']}/match", json={"person_id": ivy["id"]})
    assert matched.status_code == 200, matched.text
    assert (matched.json()["status"], matched.json()["person_id"]) == ("referred", ivy["id"])
    again = admin.post(f"/api/v1/referrals/{walkin['id']}/match", json={"person_id": ivy["id"]})
    assert again.status_code == 409
    assert [r["id"] for r in get_ok(admin, f"/api/v1/people/{ivy['id']}/referrals")["items"]] == [walkin["id"]]
    assert get_ok(adviser, f"/api/v1/provider/referrals/{walkin['id']}")["person"]["name"] == "Ivy Walkin"
