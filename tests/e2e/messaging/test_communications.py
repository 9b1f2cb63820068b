"""Communication records through the REST API in both modes: a contact made outside the platform is
recorded for a list of people (one record each, all or none), shows on each person's communications tab
newest first, and can be changed and deleted; bad input names the field and saves nothing."""
from __future__ import annotations

from tests.e2e.conftest import new_landlord
from tests.e2e.people_api import add, errors, get_ok

RECORDS = "/api/v1/communications"
NOBODY = "00000000-0000-4000-8000-000000000000"


def _tab(client, person) -> dict:
    return get_ok(client, f"/api/v1/people/{person['id']}/communications")


def test_a_contact_is_recorded_once_per_person_and_listed_newest_first(landlord):
    _, admin = landlord
    ada, bea = add(admin, "Ada", "Caller"), add(admin, "Bea", "Caller")
    codes = {c["code"]: c for c in get_ok(admin, "/api/v1/communication-codes")["items"]}
    assert {"emailed", "texted", "mailed", "phoned", "visited"} <= set(codes)
    assert ("spoke_to_person", "Spoke to person") in {(o["code"], o["label"]) for o in codes["phoned"]["outcomes"]}

    first = admin.post(RECORDS, json={"person_ids": [ada["id"], bea["id"], ada["id"]], "communication_code": "phoned",
                                      "outcome_code": "spoke_to_person", "date": "2026-03-02",
                                      "landlord_contact": "Sam Officer", "description": "Rent call",
                                      "notes": "Agreed a plan"})
    assert first.status_code == 201, first.text
    assert first.json()["recorded"] == 2 and len(first.json()["communication_ids"]) == 2
    later = admin.post(RECORDS, json={"person_ids": [ada["id"]], "communication_code": "visited",
                                      "outcome_code": "not_at_home", "date": "2026-04-10"})
    assert later.status_code == 201, later.text

    tab = _tab(admin, ada)
    assert tab["total"] == 2
    assert [(r["date"], r["communication_label"], r["outcome_label"]) for r in tab["items"]] == [
        ("2026-04-10", "Visited", "Not at home"), ("2026-03-02", "Phoned", "Spoke to person")]
    call = tab["items"][1]
    assert call["landlord_contact"] == "Sam Officer" and call["notes"] == "Agreed a plan" and call["message_id"] is None
    assert _tab(admin, bea)["total"] == 1

    changed = admin.patch(f"{RECORDS}/{call['id']}", json={"outcome_code": "left_a_message", "notes": "Voicemail"})
    assert changed.status_code == 200, changed.text
    assert (changed.json()["outcome_label"], changed.json()["notes"], changed.json()["description"]) == (
        "Left a message", "Voicemail", "Rent call")
    wrong = admin.patch(f"{RECORDS}/{call['id']}", json={"communication_code": "visited"})
    assert wrong.status_code == 422 and "outcome_code" in errors(wrong), wrong.text
    assert admin.delete(f"{RECORDS}/{later.json()['communication_ids'][0]}").status_code == 204
    assert [r["id"] for r in _tab(admin, ada)["items"]] == [call["id"]]
    assert admin.get(f"{RECORDS}/{later.json()['communication_ids'][0]}").status_code == 404


def test_bad_records_name_the_field_and_save_nothing(landlord, operator):
    _, admin = landlord
    ada = add(admin, "Ada", "Careful")
    cases = [
        ({"person_ids": [ada["id"], NOBODY], "communication_code": "phoned", "outcome_code": "no_answer",
          "date": "2026-01-05"}, "person_ids[1]"),
        ({"person_ids": [ada["id"]], "communication_code": "carrier_pigeon", "outcome_code": "sent",
          "date": "2026-01-05"}, "communication_code"),
        ({"person_ids": [ada["id"]], "communication_code": "phoned", "outcome_code": "delivered",
          "date": "2026-01-05"}, "outcome_code"),
        ({"person_ids": [ada["id"]], "communication_code": "phoned", "outcome_code": "no_answer",
          "date": "2100-01-04"}, "date"),
        ({"person_ids": [ada["id"]], "communication_code": "phoned", "outcome_code": "no_answer",
          "date": "2026-02-30"}, "date"),
        ({"person_ids": [], "communication_code": "phoned", "outcome_code": "no_answer",
          "date": "2026-01-05"}, "person_ids"),
    ]
    for body, field in cases:
        answer = admin.post(RECORDS, json=body)
        assert answer.status_code == 422 and field in errors(answer), (body, answer.text)
    assert _tab(admin, ada)["total"] == 0

    _, other = new_landlord(operator)
    assert other.get(f"/api/v1/people/{ada['id']}/communications").status_code == 404
    stranger = other.post(RECORDS, json={"person_ids": [ada["id"]], "communication_code": "phoned",
                                         "outcome_code": "no_answer", "date": "2026-01-05"})
    assert stranger.status_code == 422 and "person_ids[0]" in errors(stranger)

