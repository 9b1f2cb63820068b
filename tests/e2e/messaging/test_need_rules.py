"""Communication needs through the REST API in both modes: the landlord sets how each channel meets a need
(the manage_setup privilege); building an email's list then holds a Braille reader for a call and sends a
British Sign Language user's email to their alternative contact, each reason shown; a need with no rule
changes nothing. Bad rules are a 422 naming each one and change nothing. Synthetic data."""
from __future__ import annotations

from tests.e2e.people_api import add, errors, wait_searchable

RULES = "/api/v1/need-rules"
SET = [{"need": "Braille", "channel": "email", "action": "call"},
       {"need": "British Sign Language", "channel": "email", "action": "alternative_contact"},
       {"need": "Audio", "channel": "post", "action": "call"}]


def test_need_rules_route_an_emails_list(platform, landlord):
    _, admin = landlord
    assert admin.get(RULES).json() == {"rules": []}
    put = admin.put(RULES, json={"rules": SET})
    assert put.status_code == 200, put.text
    assert sorted((r["need"], r["channel"], r["action"]) for r in put.json()["rules"]) == sorted(
        (r["need"], r["channel"], r["action"]) for r in SET)

    braille = add(admin, "Bea", "Braille", email="bea.braille@example.org", communication_needs=["Braille"])
    signer = add(admin, "Sid", "Signer", email="sid.signer@example.org", communication_needs=["British Sign Language"],
                 alt_contact_name="Ian Interpreter", alt_contact_email="ian.interpreter@example.org")
    listener = add(admin, "Lou", "Listener", email="lou.listener@example.org", communication_needs=["Audio"])
    wait_searchable(admin, braille, signer, listener)
    message = admin.post("/api/v1/messages", json={
        "channel": "email", "sender_name": "Northfield Homes", "sender_email": "hello@example.org",
        "subject": "News", "html": "<p>{{greeting}}</p>"}).json()
    listed = admin.post(f"/api/v1/messages/{message['id']}/recipients",
                        json={"criteria": {"person_id": [braille["id"], signer["id"], listener["id"]]}}).json()
    assert listed["included"] == 2
    assert [(e["reason"], e["label"], e["count"]) for e in listed["excluded"]] == [
        ("need_call:Braille", "Held for a call: Braille cannot be met by email", 1)]
    shown = {r["person_id"]: r for r in admin.get(f"/api/v1/messages/{message['id']}/preview").json()["items"]}
    assert shown[signer["id"]]["to_address"] == "ian.interpreter@example.org"
    assert shown[signer["id"]]["to_name"] == "Ian Interpreter on behalf of Sid Signer"
    assert shown[listener["id"]]["to_address"] == "lou.listener@example.org"


def test_bad_need_rules_are_named_and_change_nothing(platform, landlord):
    _, admin = landlord
    assert admin.put(RULES, json={"rules": SET[:1]}).status_code == 200
    bad = admin.put(RULES, json={"rules": [{"need": "Telepathy", "channel": "email", "action": "call"},
                                           {"need": "Braille", "channel": "email", "action": "call"},
                                           {"need": "braille", "channel": "email", "action": "send"}]})
    assert bad.status_code == 422 and {"rules.0.need", "rules.2"} <= set(errors(bad)), bad.text
    shape = admin.put(RULES, json={"rules": [{"need": "Braille", "channel": "fax", "action": "call"}]})
    assert shape.status_code == 422 and any(f.startswith("rules.0.channel") for f in errors(shape)), shape.text
    assert [r["need"] for r in admin.get(RULES).json()["rules"]] == ["Braille"]
    assert admin.put(RULES, json={"rules": []}).json() == {"rules": []}
