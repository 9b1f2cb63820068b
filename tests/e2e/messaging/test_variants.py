"""Language variants through the REST API in both modes: a Welsh speaker gets an email's Welsh subject and
content (and a text's Welsh words, costed as they are), everyone else the message as written; a variant in a
language the landlord does not list, repeated, missing its content or on a letter is a 422 naming it.
Synthetic data."""
from __future__ import annotations

from tests.e2e.conftest import eventually
from tests.e2e.people_api import add, errors, wait_searchable

MESSAGES = "/api/v1/messages"
WELSH = {"language": "welsh", "subject": "Newyddion i {{first_name}}", "html": "<p>{{greeting}}, dyma ein newyddion.</p>"}


def test_a_welsh_speaker_gets_the_welsh_variant(platform, landlord):
    _, admin = landlord
    gwen = add(admin, "Gwen", "Jones", title="Ms", email="gwen.jones@example.org", first_language="Welsh",
               mobile="07700 900321")
    alan = add(admin, "Alan", "Adams", title="Mr", email="alan.adams.v@example.org", first_language="English")
    wait_searchable(admin, gwen, alan)
    made = admin.post(MESSAGES, json={"channel": "email", "sender_name": "Northfield Homes",
                                      "sender_email": "hello@example.org", "subject": "News for {{first_name}}",
                                      "html": "<p>{{greeting}}, here is our news.</p>", "variants": [WELSH]})
    assert made.status_code == 201, made.text
    message = made.json()
    assert [v["language"] for v in message["variants"]] == ["Welsh"]
    admin.post(f"{MESSAGES}/{message['id']}/recipients", json={"criteria": {"person_id": [gwen["id"], alan["id"]]}})
    shown = {r["person_id"]: r for r in admin.get(f"{MESSAGES}/{message['id']}/preview").json()["items"]}
    assert (shown[gwen["id"]]["language"], shown[gwen["id"]]["subject"]) == ("Welsh", "Newyddion i Gwen")
    assert (shown[alan["id"]]["language"], shown[alan["id"]]["subject"]) == (None, "News for Alan")
    assert admin.post(f"{MESSAGES}/{message['id']}/send").status_code == 202
    assert eventually(lambda: admin.get(f"{MESSAGES}/{message['id']}").json()["status"] == "sent")
    mail = next(m for m in platform.mail.received if m["To"].addresses[0].addr_spec == "gwen.jones@example.org")
    assert mail["Subject"] == "Newyddion i Gwen" and "dyma ein newyddion" in mail.get_body().get_content()

    text = admin.post(MESSAGES, json={"channel": "text", "sender_name": "N", "reply_to_number": "07700 900001",
                                      "text": "Hello {{first_name}}", "variants": [
                                          {"language": "Welsh", "text": "Helo {{first_name}}, sut mae? " + "ŵ" * 60}]})
    assert text.status_code == 201, text.text
    admin.post(f"{MESSAGES}/{text.json()['id']}/recipients", json={"criteria": {"person_id": [gwen["id"]]}})
    item = admin.get(f"{MESSAGES}/{text.json()['id']}/preview").json()["items"][0]
    assert item["text"].startswith("Helo Gwen") and item["segments"] == 2  # UCS-2: over 70 characters


def test_bad_variants_are_named(platform, landlord):
    _, admin = landlord
    email = {"channel": "email", "sender_name": "N", "sender_email": "n@example.org", "subject": "S",
             "html": "<p>x</p>"}
    for variants, field in (([{"language": "Klingon", "subject": "S", "html": "<p>x</p>"}], "variants.0.language"),
                            ([WELSH, WELSH], "variants.1.language"),
                            ([{"language": "Welsh", "subject": "S"}], "variants.0.html"),
                            ([{"language": "Welsh", "subject": "{{shoe_size}}", "html": "x"}], "variants.0.subject")):
        bad = admin.post(MESSAGES, json={**email, "variants": variants})
        assert bad.status_code == 422 and field in errors(bad), (variants, bad.text)
    letter = admin.post(MESSAGES, json={"channel": "post", "sender_name": "N", "variants": [WELSH]})
    assert letter.status_code == 422 and "variants" in errors(letter), letter.text
