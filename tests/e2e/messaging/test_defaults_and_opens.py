"""Message defaults and open tracking through the REST API in both modes: a new message starts from the
landlord's sender name, addresses and texting number; open tracking is off unless the landlord turns it on,
and then the email's picture, fetched with its signed link, gives the recipient's record the outcome Opened
(a forged link is a 403, an email written before has no picture). Bad defaults are named. Synthetic data."""
from __future__ import annotations

import re

import requests

from tests.e2e.conftest import eventually
from tests.e2e.people_api import add, errors, wait_searchable

DEFAULTS = "/api/v1/message-defaults"
MESSAGES = "/api/v1/messages"
EMAIL = {"channel": "email", "subject": "News", "html": "<p>{{greeting}}, here is our news.</p>"}


def _send(admin, message: dict, person: dict) -> None:
    admin.post(f"{MESSAGES}/{message['id']}/recipients", json={"criteria": {"person_id": [person["id"]]}})
    assert admin.post(f"{MESSAGES}/{message['id']}/send").status_code == 202
    assert eventually(lambda: admin.get(f"{MESSAGES}/{message['id']}").json()["status"] == "sent")


def _mail(platform, address: str, subject_id: str):
    return next(m for m in platform.mail.received if m["To"].addresses[0].addr_spec == address
                and subject_id in m["Message-ID"])


def test_defaults_fill_a_new_message_and_opens_are_tracked_only_when_turned_on(platform, landlord):
    _, admin = landlord
    assert admin.get(DEFAULTS).json() == {"sender_name": "", "sender_email": "", "reply_to": "",
                                          "reply_to_number": "", "open_tracking": False}
    ada = add(admin, "Ada", "Opener", title="Ms", email="ada.opener@example.org")
    wait_searchable(admin, ada)
    nameless = admin.post(MESSAGES, json=EMAIL)
    assert nameless.status_code == 422 and {"sender_name", "sender_email"} <= set(errors(nameless)), nameless.text
    before = admin.post(MESSAGES, json={**EMAIL, "sender_name": "N", "sender_email": "n@example.org"}).json()
    assert before["open_tracking"] is False

    put = admin.put(DEFAULTS, json={"sender_name": "Northfield Homes", "sender_email": "Hello@Example.org",
                                    "reply_to_number": "07700 900001", "open_tracking": True})
    assert put.status_code == 200, put.text
    assert put.json()["reply_to_number"] == "+447700900001"
    message = admin.post(MESSAGES, json=EMAIL).json()
    assert (message["sender_name"], message["sender_email"], message["open_tracking"]) == (
        "Northfield Homes", "Hello@example.org", True)
    text = admin.post(MESSAGES, json={"channel": "text", "text": "Hello"}).json()
    assert text["reply_to_number"] == "+447700900001" and text["open_tracking"] is False

    _send(admin, before, ada)
    assert "/api/v1/opened?" not in _mail(platform, "ada.opener@example.org", before["id"]).get_body().get_content()
    _send(admin, message, ada)
    html = _mail(platform, "ada.opener@example.org", message["id"]).get_body().get_content()
    link = re.search(r'src="([^"]*/api/v1/opened\?token=[^"]+)"', html).group(1)
    picture = requests.get(link, timeout=30)
    assert picture.status_code == 200 and picture.headers["Content-Type"] == "image/gif"
    outcomes = {c["message_id"]: c["outcome_code"]
                for c in admin.get(f"/api/v1/people/{ada['id']}/communications").json()["items"]}
    assert outcomes == {message["id"]: "opened", before["id"]: "sent"}
    forged = requests.get(link[:-3] + "AAA", timeout=30)
    assert forged.status_code == 403, forged.text


def test_bad_defaults_are_named_and_change_nothing(platform, landlord):
    _, admin = landlord
    bad = admin.put(DEFAULTS, json={"sender_email": "not an address", "reply_to_number": "12"})
    assert bad.status_code == 422 and {"sender_email", "reply_to_number"} <= set(errors(bad)), bad.text
    assert admin.get(DEFAULTS).json()["sender_email"] == ""
