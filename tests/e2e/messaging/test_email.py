"""A first email through the REST API in both modes, to the platform's loopback SMTP server: write it, build
its list (excluded people with their reasons, an alternative contact receiving on a person's behalf),
preview, send; only included people receive it, a person who opts out after the list was built gets
nothing, each recipient sent to has one 'Emailed' record on their communications tab, and the email's
one-click unsubscribe link opts its person out of email. Synthetic data."""
from __future__ import annotations

import requests

from tests.e2e.conftest import eventually
from tests.e2e.people_api import add, errors, wait_searchable

MESSAGES = "/api/v1/messages"
EMAIL = {"channel": "email", "description": "Repairs survey", "sender_name": "Northfield Homes",
         "sender_email": "hello@example.org", "subject": "Your repairs, {{first_name}}",
         "html": "<p>{{greeting}},</p><p>Tell us about your repairs.</p><script>alert(1)</script>",
         "landlord_contact": "Sam Officer"}


def _mail_to(platform, address: str) -> list:
    return [m for m in platform.mail.received if m["To"].addresses[0].addr_spec == address]


def test_a_first_email_reaches_only_the_people_it_may(platform, landlord):
    _, admin = landlord
    ada = add(admin, "Alan", "Adams", title="Mr", email="alan.adams@example.org")
    late = add(admin, "Lee", "Late", email="lee.late@example.org")
    quiet = add(admin, "Quin", "Quiet", email="quin.quiet@example.org", preferences=["No email"])
    helped = add(admin, "Hal", "Helped", alt_contact_name="Cara Carer", alt_contact_email="cara.carer@example.org")
    nomail = add(admin, "Nia", "Nomail")
    everyone = [ada, late, quiet, helped, nomail]
    wait_searchable(admin, *everyone)

    made = admin.post(MESSAGES, json=EMAIL)
    assert made.status_code == 201, made.text
    message = made.json()
    assert message["reference"].startswith("Email Northfield Homes ") and message["reference"].endswith("Repairs survey")
    assert "<script>" not in message["html"] and message["status"] == "draft"
    listed = admin.post(f"{MESSAGES}/{message['id']}/recipients",
                        json={"criteria": {"person_id": [p["id"] for p in everyone]}})
    assert listed.status_code == 200, listed.text
    assert listed.json()["included"] == 3
    assert {e["reason"]: e["count"] for e in listed.json()["excluded"]} == {"opted_out": 1, "no_email": 1}

    preview = admin.get(f"{MESSAGES}/{message['id']}/preview").json()
    shown = {r["person_id"]: r for r in preview["items"]}
    assert preview["total"] == 5
    assert shown[ada["id"]]["subject"] == "Your repairs, Alan" and "Dear Mr Adams" in shown[ada["id"]]["html"]
    assert shown[helped["id"]]["to_name"] == "Cara Carer on behalf of Hal Helped"
    assert shown[quiet["id"]]["reason_label"] == "Opted out of email" and shown[quiet["id"]]["html"] is None

    # opted out after the list was built: the send job reads the record itself, not the search index
    assert admin.patch(f"/api/v1/people/{late['id']}", json={"preferences": ["No email"]}).status_code == 200
    sending = admin.post(f"{MESSAGES}/{message['id']}/send")
    assert sending.status_code == 202, sending.text
    done = eventually(lambda: (lambda m: m if m["status"] == "sent" else None)(
        admin.get(f"{MESSAGES}/{message['id']}").json()))
    assert done and done["sent"] == 2, done

    assert len(_mail_to(platform, "alan.adams@example.org")) == 1
    assert len(_mail_to(platform, "cara.carer@example.org")) == 1
    assert _mail_to(platform, "lee.late@example.org") == [] and _mail_to(platform, "quin.quiet@example.org") == []
    tab = admin.get(f"/api/v1/people/{ada['id']}/communications").json()
    assert [(c["communication_code"], c["outcome_code"], c["message_id"]) for c in tab["items"]] == [
        ("emailed", "sent", message["id"])]
    assert admin.get(f"/api/v1/people/{late['id']}/communications").json()["total"] == 0
    again = admin.post(f"{MESSAGES}/{message['id']}/send")
    assert again.status_code == 409 and any(f.startswith("message_id") for f in errors(again)), again.text


    # one-click unsubscribe (RFC 8058) from the link in the email: a browser's GET only asks; the POST opts out
    mail = _mail_to(platform, "alan.adams@example.org")[0]
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = mail["List-Unsubscribe"].strip("<>")
    assert link.startswith(platform.url + "/api/v1/unsubscribe?token=")
    asked = requests.get(link, timeout=30)
    assert asked.status_code == 200 and "<form" in asked.text
    assert "No email" not in admin.get(f"/api/v1/people/{ada['id']}").json()["preferences"]
    done = requests.post(link, data="List-Unsubscribe=One-Click", timeout=30,
                         headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert done.status_code == 200 and "no more emails" in done.text
    assert "No email" in admin.get(f"/api/v1/people/{ada['id']}").json()["preferences"]
    forged = requests.post(link[:-3] + "AAA", data="List-Unsubscribe=One-Click", timeout=30)
    assert forged.status_code == 403, forged.text


def test_bad_messages_and_empty_lists_are_refused_with_the_field(landlord):
    _, admin = landlord
    for bad, field in (({"sender_email": "not an address"}, "sender_email"),
                       ({"html": "<p>{{shoe_size}}</p>"}, "html"),
                       ({"channel": "pigeon"}, "channel"),
                       ({"subject": ""}, "subject")):
        answer = admin.post(MESSAGES, json={**EMAIL, **bad})
        assert answer.status_code == 422, (bad, answer.text)
        assert any(f.startswith(field) for f in errors(answer)), (bad, answer.text)
    message = admin.post(MESSAGES, json=EMAIL).json()
    empty = admin.post(f"{MESSAGES}/{message['id']}/send")
    assert empty.status_code == 409 and "recipients" in errors(empty), empty.text
    nobody = admin.post(f"{MESSAGES}/{message['id']}/recipients", json={"criteria": {"shoe_size": 9}})
    assert nobody.status_code == 422, nobody.text
    assert admin.get(f"{MESSAGES}/no-such-message").status_code == 404
