"""Interactions and follow-up actions through the REST API in both modes: interaction types with colours (the
text on them readable), an interaction added with an action shows on the person's interactions newest first and
filtered by type, on their communications tab and in their history; actions are completed or reassigned only
to active staff of the landlord, every step kept; my pending actions and a manager's team's; the profile
actions report and its file; today's digest emailed once per user however often it runs; bad input names the
field and saves nothing; another landlord sees none of it."""
from __future__ import annotations

import csv
import datetime as dt
import io
import uuid

import openpyxl

from services.common.dates import landlord_today
from tests.e2e.conftest import ApiClient, eventually, new_landlord
from tests.e2e.people_api import add, errors, get_ok, wait_found

TYPES = "/api/v1/interaction-types"
TODAY = landlord_today(dt.datetime.now(dt.timezone.utc))
LATER = (TODAY + dt.timedelta(days=7)).isoformat()


def _user(platform, admin, role: str, areas: list[str], email: str = "") -> tuple[dict, ApiClient]:
    created = admin.post("/api/v1/users", json={"username": f"{role[:6]}.{uuid.uuid4().hex[:6]}", "role": role,
                                                "name": f"{role.replace('_', ' ').title()} {uuid.uuid4().hex[:4]}",
                                                "areas": areas, "email": email})
    assert created.status_code == 201, created.text
    user = created.json()
    pending = ApiClient(platform.url).sign_in(user["username"], user["one_time_password"])
    changed = pending.post("/api/v1/auth/password", json={"current_password": user["one_time_password"],
                                                         "new_password": "a steady green lantern"})
    return user, ApiClient(platform.url, changed.json()["access_token"])


def _interaction(client, person, **body) -> dict:
    answer = client.post(f"/api/v1/people/{person['id']}/interactions",
                         json={"type": "phoned", "title": "Call", "date": TODAY.isoformat(), **body})
    assert answer.status_code == 201, answer.text
    return answer.json()


def test_types_have_readable_colours_and_are_deleted_only_while_unused(landlord):
    _, admin = landlord
    types = {t["code"]: t for t in get_ok(admin, TYPES)["items"]}
    assert {"phoned", "visited", "meeting", "complaint", "compliment", "safeguarding_concern"} <= set(types)
    assert types["complaint"]["label"] == "Complaint" and types["complaint"]["colour"].startswith("#")

    yellow = admin.post(TYPES, json={"label": "Anti-social behaviour", "colour": "#FFD43B"})
    assert yellow.status_code == 422 and "colour" in errors(yellow) and "#000000" in errors(yellow)["colour"]
    not_colour = admin.post(TYPES, json={"label": "Tenancy audit", "colour": "blueish"})
    assert not_colour.status_code == 422 and "colour" in errors(not_colour)
    made = admin.post(TYPES, json={"label": "Anti-social behaviour", "colour": "#ffd43b", "text_colour": "#000"})
    assert made.status_code == 201, made.text
    asb = made.json()
    assert (asb["code"], asb["colour"], asb["text_colour"]) == ("anti_social_behaviour", "#FFD43B", "#000000")
    assert [o["label"] for o in asb["outcomes"]] == ["Recorded"]
    grey = admin.patch(f"{TYPES}/{asb['code']}", json={"text_colour": "#FFFFFF"})
    assert grey.status_code == 422 and "colour" in errors(grey)

    ada = add(admin, "Ada", "Asb")
    used = _interaction(admin, ada, type=asb["code"], title="Noise report")
    assert used["outcome_label"] == "Recorded" and used["colour"] == "#FFD43B"
    assert admin.delete(f"{TYPES}/{asb['code']}").status_code == 409
    archived = admin.patch(f"{TYPES}/{asb['code']}", json={"archived": True})
    assert archived.status_code == 200 and archived.json()["archived"] is True
    refused = admin.post(f"/api/v1/people/{ada['id']}/interactions",
                         json={"type": asb["code"], "title": "Again", "date": TODAY.isoformat()})
    assert refused.status_code == 422 and "communication_code" in errors(refused)
    spare = admin.post(TYPES, json={"label": "Spare type", "colour": "#1F5FA8"}).json()
    assert admin.delete(f"{TYPES}/{spare['code']}").status_code == 204


def test_an_interaction_with_an_action_is_one_timeline_with_history(platform, landlord):
    _, admin = landlord
    me = get_ok(admin, "/api/v1/me")
    ada = add(admin, "Ada", "Timeline")
    call = _interaction(admin, ada, title="Rent arrears call", description="Agreed a plan", date="2026-11-02",
                        action={"what": "Check the first payment", "assigned_to": me["id"], "due_date": LATER})
    visit = _interaction(admin, ada, type="visited", title="Home visit", date="2026-11-20")
    _interaction(admin, ada, type="complaint", title="Repair complaint", date="2026-10-01")

    listed = get_ok(admin, f"/api/v1/people/{ada['id']}/interactions")
    assert [i["title"] for i in listed["items"]] == ["Home visit", "Rent arrears call", "Repair complaint"]
    assert listed["items"][1]["outcome_label"] == "Spoke to person"  # the type's first outcome
    action = listed["items"][1]["actions"][0]
    assert (action["what"], action["status"], action["overdue"], action["assigned_to"]["id"]) == (
        "Check the first payment", "open", False, me["id"])
    assert action["person"] == {"id": ada["id"], "name": "Ada Timeline", "personal_ref": ada["personal_ref"]}
    only = get_ok(admin, f"/api/v1/people/{ada['id']}/interactions", params={"type": ["visited", "complaint"]})
    assert [i["title"] for i in only["items"]] == ["Home visit", "Repair complaint"]
    tab = get_ok(admin, f"/api/v1/people/{ada['id']}/communications")
    assert {r["description"] for r in tab["items"]} == {"Home visit", "Rent arrears call", "Repair complaint"}

    changed = admin.patch(f"/api/v1/interactions/{call['id']}", json={"title": "Arrears call", "type": "visited",
                                                                     "outcome_code": "met_in_person"})
    assert changed.status_code == 200, changed.text
    assert (changed.json()["type_label"], changed.json()["title"]) == ("Visited", "Arrears call")
    assert admin.delete(f"/api/v1/interactions/{visit['id']}").status_code == 204
    assert admin.get(f"/api/v1/interactions/{visit['id']}").status_code == 404

    def history():
        items = get_ok(admin, f"/api/v1/people/{ada['id']}/history", params={"page_size": 100})["items"]
        return {(h["field"], h["old_value"], h["new_value"]) for h in items if h["source"] == "interactions"} or None
    expected = {("interaction", None, "Phoned: Rent arrears call"), ("title", "Rent arrears call", "Arrears call"),
                ("interaction type", "Phoned", "Visited"), ("outcome", "Spoke to person", "Met in person"),
                ("interaction", "Visited: Home visit", None)}
    assert eventually(lambda: (found := history()) and expected <= found and found), history()
    by = {h["changed_by"] for h in get_ok(admin, f"/api/v1/people/{ada['id']}/history",
                                           params={"page_size": 100})["items"] if h["source"] == "interactions"}
    assert by == {me["id"]}


def test_actions_are_assigned_to_active_staff_completed_and_reassigned_with_every_step(platform, landlord, operator):
    _, admin = landlord
    officer, officer_client = _user(platform, admin, "housing_officer", ["Area A"])
    other_officer, _ = _user(platform, admin, "housing_officer", ["Area B"])
    manager, manager_client = _user(platform, admin, "manager", ["Area A"])
    gone, _ = _user(platform, admin, "housing_officer", ["Area A"])
    assert admin.post(f"/api/v1/users/{gone['id']}/disable").status_code == 200
    _, other_admin = new_landlord(operator)
    stranger = get_ok(other_admin, "/api/v1/me")
    ada = add(admin, "Ada", "Actions")
    made = _interaction(admin, ada, title="Visit request")

    for assignee in (gone["id"], stranger["id"], "nobody"):
        refused = admin.post(f"/api/v1/interactions/{made['id']}/actions",
                             json={"what": "Book a visit", "assigned_to": assignee, "due_date": LATER})
        assert refused.status_code == 422 and "assigned_to" in errors(refused), refused.text
    past = admin.post(f"/api/v1/interactions/{made['id']}/actions", json={
        "what": "Book a visit", "assigned_to": officer["id"], "due_date": (TODAY - dt.timedelta(days=1)).isoformat()})
    assert past.status_code == 422 and "due_date" in errors(past)
    assert get_ok(admin, f"/api/v1/interactions/{made['id']}")["actions"] == []

    action = admin.post(f"/api/v1/interactions/{made['id']}/actions",
                        json={"what": "Book a visit", "assigned_to": officer["id"], "due_date": TODAY.isoformat()})
    assert action.status_code == 201, action.text
    action = action.json()
    assert action["assigned_to"]["initials"] and action["interaction_title"] == "Visit request"

    mine = get_ok(officer_client, "/api/v1/me/actions")
    assert [a["id"] for a in mine["items"]] == [action["id"]] and mine["items"][0]["overdue"] is False
    assert get_ok(manager_client, "/api/v1/me/actions", params={"team": "false"})["items"] == []
    assert action["id"] in {a["id"] for a in get_ok(manager_client, "/api/v1/me/actions")["items"]}

    moved = officer_client.post(f"/api/v1/actions/{action['id']}/reassign",
                                json={"assigned_to": other_officer["id"], "due_date": LATER, "note": "Area B"})
    assert moved.status_code == 200, moved.text
    assert (moved.json()["assigned_to"]["id"], moved.json()["due_date"]) == (other_officer["id"], LATER)
    assert get_ok(officer_client, "/api/v1/me/actions")["items"] == []
    assert action["id"] not in {a["id"] for a in get_ok(manager_client, "/api/v1/me/actions")["items"]}
    done = admin.post(f"/api/v1/actions/{action['id']}/complete", json={"note": "Visit booked"})
    assert done.status_code == 200, done.text
    assert (done.json()["status"], done.json()["completion_note"]) == ("completed", "Visit booked")
    assert [s["step"] for s in done.json()["steps"]] == ["added", "reassigned", "completed"]
    assert [s["assigned_to"]["id"] for s in done.json()["steps"]] == [officer["id"], other_officer["id"],
                                                                      other_officer["id"]]
    again = admin.post(f"/api/v1/actions/{action['id']}/complete", json={})
    assert again.status_code == 409 and "status" in errors(again)
    assert other_admin.get(f"/api/v1/actions/{action['id']}").status_code == 404
    assert other_admin.post(f"/api/v1/actions/{action['id']}/complete", json={}).status_code == 404


def test_the_actions_report_counts_lists_and_exports(platform, landlord):
    _, admin = landlord
    me = get_ok(admin, "/api/v1/me")
    ada, bea = add(admin, "Ada", "Report"), add(admin, "Bea", "=Report")
    for person, kind, when in ((ada, "phoned", LATER), (bea, "complaint", TODAY.isoformat()),
                               (bea, "complaint", LATER)):
        _interaction(admin, person, type=kind, title=f"{kind} {person['surname']}",
                     action={"what": f"Follow up {kind}", "assigned_to": me["id"], "due_date": when})
    found = get_ok(admin, "/api/v1/reports/profile-actions", params={"type": "complaint"})
    assert found["total"] == 2 and [a["due_date"] for a in found["items"]] == [TODAY.isoformat(), LATER]
    assert [(c["key"], c["label"], c["total"]) for c in found["by_type"]] == [("complaint", "Complaint", 2)]
    assert [(c["key"], c["total"]) for c in found["by_status"]] == [("open", 2)]
    assert found["by_assignee"][0]["label"] == me["name"]
    ranged = get_ok(admin, "/api/v1/reports/profile-actions", params={"due_until": TODAY.isoformat()})
    assert [a["person"]["id"] for a in ranged["items"]] == [bea["id"]]
    bad = admin.get("/api/v1/reports/profile-actions", params={"due_from": LATER, "due_until": TODAY.isoformat()})
    assert bad.status_code == 422 and "due_until" in errors(bad)

    exported = admin.get("/api/v1/reports/profile-actions/file", params={"format": "csv"})
    assert exported.status_code == 200, exported.text
    rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Person", "Personal reference", "Interaction type"] and len(rows) == 4
    assert {r[0] for r in rows[1:]} == {"Ada Report", "Bea =Report"}
    assert all(r[5] == me["name"] for r in rows[1:])
    xlsx = admin.get("/api/v1/reports/profile-actions/file", params={"format": "xlsx"})
    assert xlsx.status_code == 200, xlsx.text
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content), read_only=True).active
    book_rows = list(sheet.iter_rows(values_only=True))
    assert len(book_rows) == 4 and book_rows[1][6] == dt.datetime.combine(TODAY, dt.time())  # a date cell


def test_todays_digest_goes_once_per_user(platform, landlord):
    _, admin = landlord
    address = f"officer.{uuid.uuid4().hex[:6]}@example.org"
    officer, _ = _user(platform, admin, "housing_officer", ["Area A"], email=address)
    ada = add(admin, "Ada", "Digest")
    _interaction(admin, ada, title="Call back", action={"what": "Ring Ada", "assigned_to": officer["id"],
                                                        "due_date": TODAY.isoformat()})
    first = admin.post("/api/v1/action-digests")
    assert first.status_code == 200, first.text
    assert first.json()["sent"] >= 1
    second = admin.post("/api/v1/action-digests").json()
    assert second["sent"] == 0 and second["already_sent"] >= 1
    mail = [m for m in platform.mail.received if m["To"].addresses[0].addr_spec == address]
    assert len(mail) == 1
    assert "1 due today" in mail[0]["Subject"] and "Ring Ada" in mail[0].get_body(("plain",)).get_content()


def test_bad_interactions_name_the_field_and_save_nothing(landlord, operator):
    _, admin = landlord
    ada = add(admin, "Ada", "Careful")
    me = get_ok(admin, "/api/v1/me")
    cases = [({"type": "carrier_pigeon", "title": "x", "date": "2026-01-05"}, "communication_code"),
             ({"type": "phoned", "title": "x", "date": "2100-01-05"}, "date"),
             ({"type": "phoned", "title": "x", "date": "2026-02-30"}, "date"),
             ({"type": "phoned", "title": "", "date": "2026-01-05"}, "title"),
             ({"type": "phoned", "title": "x", "date": "2026-01-05", "outcome_code": "delivered"}, "outcome_code"),
             ({"type": "phoned", "title": "x", "date": "2026-01-05",
               "action": {"what": "y", "assigned_to": me["id"], "due_date": "2020-01-01"}}, "action.due_date"),
             ({"type": "phoned", "title": "x", "date": "2026-01-05",
               "action": {"what": "", "assigned_to": me["id"], "due_date": LATER}}, "action.what")]
    for body, field in cases:
        answer = admin.post(f"/api/v1/people/{ada['id']}/interactions", json=body)
        assert answer.status_code == 422 and field in errors(answer), (body, answer.text)
    assert get_ok(admin, f"/api/v1/people/{ada['id']}/interactions")["total"] == 0
    _, other = new_landlord(operator)
    assert other.get(f"/api/v1/people/{ada['id']}/interactions").status_code == 404


def test_interactions_and_actions_are_search_criteria_and_report_outcomes(landlord):
    _, admin = landlord
    me = get_ok(admin, "/api/v1/me")
    people = [add(admin, f"Pat{i}", "Criteria") for i in range(7)]
    for person in people[:5]:
        _interaction(admin, person, type="complaint", title="Damp", date="2026-11-01",
                     action={"what": "Inspect", "assigned_to": me["id"], "due_date": LATER})
    _interaction(admin, people[5], type="complaint", title="Old complaint", date="2025-01-10")
    open_ids = {p["id"] for p in people[:5]}
    assert wait_found(admin, {"text": "Criteria", "action": {"open": True}}, open_ids) == open_ids
    assert wait_found(admin, {"text": "Criteria", "action": {"open": False}},
                      {p["id"] for p in people[5:]}) == {p["id"] for p in people[5:]}
    assert wait_found(admin, {"text": "Criteria", "action": {"due_until": TODAY.isoformat()}}, set()) == set()
    assert wait_found(admin, {"text": "Criteria", "contacted": {"code": ["complaint"], "since": "2026-01-01"}},
                      open_ids) == open_ids
    bad = admin.post("/api/v1/people/search", json={"criteria": {"action": {"open": False, "overdue": True}}})
    assert bad.status_code == 422 and any("action" in field for field in errors(bad)), bad.text

    rates = admin.post("/api/v1/reports/outcomes", json={
        "criteria": {"text": "Criteria"}, "outcome": {"action": {"open": True}}, "characteristic": "age_band"})
    assert rates.status_code == 200, rates.text
    overall = rates.json()["overall"]
    assert (overall["people"]["count"], overall["with_outcome"]["count"]) == (7, 5)
