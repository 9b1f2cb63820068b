"""The landlord's communication codes and outcome codes through the REST API in both modes: a landlord starts
with the product's codes, adds its own (with outcomes), records contacts with them and sees their labels on
a person's communications tab (a rename shows at once); a code a record carries is archived, not deleted
(409), and archiving hides it from the choices and refuses new records with it (422) while the old record
still reads and can be edited; an unused one is deleted; the codes the platform records itself are renamed
only; another landlord never sees them; changing them needs manage_setup. Synthetic data."""
from __future__ import annotations

import uuid

from tests.e2e.conftest import ApiClient, new_landlord
from tests.e2e.people_api import add, errors, get_ok

CODES = "/api/v1/communication-codes"
VISIT = f"{CODES}/home_visit_by_surveyor"
RECORDS = "/api/v1/communications"
PRODUCT = ["emailed", "texted", "mailed", "phoned", "visited", "met", "questionnaire", "other", "meeting", "complaint",
           "compliment", "safeguarding_concern"]


def _codes(client, **params) -> dict[str, dict]:
    return {c["code"]: c for c in get_ok(client, CODES, params=params)["items"]}


def _record(client, person: dict, code: str, outcome: str):
    return client.post(RECORDS, json={"person_ids": [person["id"]], "communication_code": code,
                                      "outcome_code": outcome, "date": "2026-02-03"})


def _tab(client, person: dict) -> list[tuple[str, str]]:
    items = get_ok(client, f"/api/v1/people/{person['id']}/communications")["items"]
    return [(r["communication_label"], r["outcome_label"]) for r in items]


def _add_visit(admin):
    made = admin.post(CODES, json={"label": "Home visit by surveyor", "outcomes": [
        {"label": "Surveyor let in"}, {"label": "No access", "code": "no_access"}]})
    assert made.status_code == 201, made.text
    return made.json()


def test_a_landlords_own_code_is_recorded_renamed_archived_and_deleted_only_while_unused(landlord):
    _, admin = landlord
    start = get_ok(admin, CODES)["items"]
    assert [c["code"] for c in start] == PRODUCT and not any(c["archived"] for c in start)
    assert {c["code"] for c in start if c["platform"]} == {"emailed", "texted", "mailed", "questionnaire"}
    visit = _add_visit(admin)
    assert (visit["code"], visit["label"], [(o["code"], o["label"]) for o in visit["outcomes"]]) == (
        "home_visit_by_surveyor", "Home visit by surveyor", [("surveyor_let_in", "Surveyor let in"),
                                                             ("no_access", "No access")])
    again = admin.post(CODES, json={"label": "home visit BY surveyor"})
    assert again.status_code == 409 and "label" in errors(again), again.text
    assert list(_codes(admin)) == PRODUCT + ["home_visit_by_surveyor"]

    ada = add(admin, "Ada", "Surveyed")
    recorded = _record(admin, ada, "home_visit_by_surveyor", "surveyor_let_in")
    assert recorded.status_code == 201, recorded.text
    record_id = recorded.json()["communication_ids"][0]
    assert _tab(admin, ada) == [("Home visit by surveyor", "Surveyor let in")]
    assert admin.patch(VISIT, json={"label": "Surveyor's visit"}).json()["label"] == "Surveyor's visit"
    assert admin.patch(f"{VISIT}/outcomes/surveyor_let_in", json={"label": "Let in"}).status_code == 200
    assert _tab(admin, ada) == [("Surveyor's visit", "Let in")]

    in_use = admin.delete(VISIT)
    assert in_use.status_code == 409 and "archive" in errors(in_use)["communication_code"], in_use.text
    outcome_in_use = admin.delete(f"{VISIT}/outcomes/surveyor_let_in")
    assert outcome_in_use.status_code == 409 and "outcome_code" in errors(outcome_in_use), outcome_in_use.text
    archived = admin.patch(VISIT, json={"archived": True})
    assert archived.status_code == 200 and archived.json()["archived"] is True, archived.text
    assert "home_visit_by_surveyor" not in _codes(admin)
    assert _codes(admin, archived="true")["home_visit_by_surveyor"]["archived"] is True
    refused = _record(admin, ada, "home_visit_by_surveyor", "surveyor_let_in")
    assert refused.status_code == 422 and "communication_code" in errors(refused), refused.text
    assert get_ok(admin, f"{RECORDS}/{record_id}")["communication_label"] == "Surveyor's visit"
    edited = admin.patch(f"{RECORDS}/{record_id}", json={"notes": "Boiler checked"})
    assert edited.status_code == 200 and edited.json()["communication_code"] == "home_visit_by_surveyor", edited.text

    assert admin.patch(VISIT, json={"archived": False}).status_code == 200
    assert admin.patch(f"{VISIT}/outcomes/no_access", json={"archived": True}).json()["archived"] is True
    assert [o["code"] for o in _codes(admin)["home_visit_by_surveyor"]["outcomes"]] == ["surveyor_let_in"]
    refused = _record(admin, ada, "home_visit_by_surveyor", "no_access")
    assert refused.status_code == 422 and "outcome_code" in errors(refused), refused.text
    assert admin.delete(f"{VISIT}/outcomes/no_access").status_code == 204
    leaflet = admin.post(CODES, json={"label": "Leaflet drop"})
    assert leaflet.status_code == 201 and leaflet.json()["code"] == "leaflet_drop", leaflet.text
    assert admin.delete(f"{CODES}/leaflet_drop").status_code == 204
    assert admin.delete(f"{CODES}/leaflet_drop").status_code == 404
    assert admin.delete(f"{CODES}/phoned/outcomes/wrong_number").status_code == 204  # the product's, unused


def test_the_platforms_own_codes_are_renamed_only(landlord):
    _, admin = landlord
    for refused in (admin.delete(f"{CODES}/emailed"), admin.patch(f"{CODES}/texted", json={"archived": True}),
                    admin.delete(f"{CODES}/emailed/outcomes/sent"),
                    admin.patch(f"{CODES}/texted/outcomes/delivered", json={"archived": True})):
        assert refused.status_code == 409 and "platform" in " ".join(errors(refused).values()), refused.text
    assert admin.patch(f"{CODES}/emailed", json={"label": "Email"}).json()["label"] == "Email"
    assert _codes(admin)["emailed"]["label"] == "Email"
    ada = add(admin, "Ada", "Emailed")
    assert _record(admin, ada, "emailed", "replied").status_code == 201
    assert _tab(admin, ada) == [("Email", "Replied")]


def test_bad_codes_name_the_field(landlord):
    _, admin = landlord
    for body, field in (({"label": ""}, "label"), ({"label": "x" * 61}, "label"),
                        ({"label": "Drop in", "code": "Drop In!"}, "code"), ({"label": "!!!"}, "code"),
                        ({"label": "Drop in", "outcomes": [{"label": "Seen"}, {"label": "seen"}]}, "outcomes.1.label")):
        answer = admin.post(CODES, json=body)
        assert answer.status_code == 422 and field in errors(answer), (body, answer.text)
    taken = admin.post(CODES, json={"label": "Drop in", "code": "phoned"})
    assert taken.status_code == 409 and "code" in errors(taken), taken.text
    assert admin.post(f"{CODES}/nothing_here/outcomes", json={"label": "Seen"}).status_code == 404
    assert admin.patch(f"{CODES}/phoned/outcomes/no_answer", json={"label": "Left a message"}).status_code == 409


def _officer(platform, admin) -> ApiClient:
    created = admin.post("/api/v1/users", json={"username": f"ho.{uuid.uuid4().hex[:6]}", "name": "Housing Officer",
                                                "role": "housing_officer", "areas": ["Area A"]}).json()
    pending = ApiClient(platform.url).sign_in(created["username"], created["one_time_password"])
    changed = pending.post("/api/v1/auth/password", json={"current_password": created["one_time_password"],
                                                          "new_password": "a steady green lantern"})
    return ApiClient(platform.url, changed.json()["access_token"])


def test_another_landlord_never_sees_them_and_only_manage_setup_changes_them(platform, landlord, operator):
    _, admin = landlord
    _add_visit(admin)
    _, other = new_landlord(operator)
    assert list(_codes(other, archived="true")) == PRODUCT
    assert other.patch(VISIT, json={"label": "Mine"}).status_code == 404
    assert other.delete(VISIT).status_code == 404
    assert other.post(f"{VISIT}/outcomes", json={"label": "Seen"}).status_code == 404
    bea = add(other, "Bea", "Elsewhere")
    refused = _record(other, bea, "home_visit_by_surveyor", "surveyor_let_in")
    assert refused.status_code == 422 and "communication_code" in errors(refused), refused.text

    officer = _officer(platform, admin)
    assert "home_visit_by_surveyor" in _codes(officer)
    for answer in (officer.post(CODES, json={"label": "Sneaky"}), officer.patch(VISIT, json={"archived": True}),
                   officer.delete(VISIT), officer.post(f"{VISIT}/outcomes", json={"label": "Sneaky"}),
                   officer.patch(f"{VISIT}/outcomes/no_access", json={"label": "Sneaky"}),
                   officer.delete(f"{VISIT}/outcomes/no_access")):
        assert answer.status_code == 403, answer.text
    assert officer.post(RECORDS, json={"person_ids": [add(admin, "Cy", "Visited")["id"]],
                                       "communication_code": "home_visit_by_surveyor", "outcome_code": "no_access",
                                       "date": "2026-02-03"}).status_code == 201
