"""A message's attachment through the REST API in both modes: an email's PDF reaches every recipient as an
attachment, named and typed from its bytes; a letter keeps its template document; a file over 5 MiB is a
413 naming the file, a program or an archive a 422, a text takes none; the file is downloaded as uploaded,
replaced or taken off while the message is a draft, and not once it is sent. Synthetic data."""
from __future__ import annotations

import hashlib

from tests.e2e.conftest import eventually
from tests.e2e.people_api import add, errors, wait_searchable

MESSAGES = "/api/v1/messages"
PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
RTF = b"{\\rtf1\\ansi Dear {{greeting}}\\par}"
EMAIL = {"channel": "email", "sender_name": "Northfield Homes", "sender_email": "hello@example.org",
         "subject": "Open day", "html": "<p>{{greeting}},</p><p>The programme is attached.</p>"}


def _attach(admin, message_id: str, name: str, content: bytes):
    return admin.put(f"{MESSAGES}/{message_id}/attachment", files={"file": (name, content)})


def test_an_emails_attachment_reaches_each_recipient(platform, landlord):
    _, admin = landlord
    ada = add(admin, "Ada", "Attached", title="Ms", email="ada.attached@example.org")
    wait_searchable(admin, ada)
    message = admin.post(MESSAGES, json=EMAIL).json()
    attached = _attach(admin, message["id"], "../../open day.pdf", PDF)
    assert attached.status_code == 200, attached.text
    shown = attached.json()["attachment"]
    assert (shown["file_name"], shown["content_type"], shown["size_bytes"]) == ("open day.pdf", "application/pdf",
                                                                               len(PDF))
    assert shown["sha256"] == hashlib.sha256(PDF).hexdigest()
    got = admin.get(f"{MESSAGES}/{message['id']}/attachment")
    assert got.status_code == 200 and got.content == PDF and got.headers["Content-Type"] == "application/pdf"

    admin.post(f"{MESSAGES}/{message['id']}/recipients", json={"criteria": {"person_id": [ada["id"]]}})
    assert admin.post(f"{MESSAGES}/{message['id']}/send").status_code == 202
    assert eventually(lambda: admin.get(f"{MESSAGES}/{message['id']}").json()["status"] == "sent")
    mail = next(m for m in platform.mail.received if m["To"].addresses[0].addr_spec == "ada.attached@example.org")
    files = list(mail.iter_attachments())
    assert [(f.get_filename(), f.get_content_type(), f.get_content()) for f in files] == [
        ("open day.pdf", "application/pdf", PDF)]
    late = _attach(admin, message["id"], "other.pdf", PDF)
    assert late.status_code == 409 and "message_id" in errors(late), late.text


def test_bad_attachments_are_refused_and_a_letter_keeps_its_template(platform, landlord):
    _, admin = landlord
    message = admin.post(MESSAGES, json=EMAIL).json()
    too_big = _attach(admin, message["id"], "big.pdf", PDF + b"0" * (5 * 1024 * 1024))
    assert too_big.status_code == 413 and "file" in errors(too_big), too_big.text
    program = _attach(admin, message["id"], "setup.pdf", b"MZ\x90\x00" + bytes(range(256)) * 4)
    assert program.status_code == 422 and "file" in errors(program), program.text
    empty = _attach(admin, message["id"], "empty.pdf", b"")
    assert empty.status_code == 422 and "file" in errors(empty), empty.text
    assert admin.get(f"{MESSAGES}/{message['id']}").json()["attachment"] is None
    missing = admin.get(f"{MESSAGES}/{message['id']}/attachment")
    assert missing.status_code == 404, missing.text

    text = admin.post(MESSAGES, json={"channel": "text", "sender_name": "N", "reply_to_number": "07700 900001",
                                      "text": "Hello"}).json()
    refused = _attach(admin, text["id"], "a.pdf", PDF)
    assert refused.status_code == 422 and "file" in errors(refused), refused.text

    letter = admin.post(MESSAGES, json={"channel": "post", "sender_name": "Northfield Homes"}).json()
    picture = _attach(admin, letter["id"], "logo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    assert picture.status_code == 422 and "file" in errors(picture), picture.text
    kept = _attach(admin, letter["id"], "rent letter.rtf", RTF)
    assert kept.status_code == 200 and kept.json()["attachment"]["content_type"] == "application/rtf", kept.text
    assert _attach(admin, letter["id"], "rent letter v2.pdf", PDF).json()["attachment"]["file_name"] == \
        "rent letter v2.pdf"
    off = admin.delete(f"{MESSAGES}/{letter['id']}/attachment")
    assert off.status_code == 200 and off.json()["attachment"] is None, off.text
    assert admin.delete(f"{MESSAGES}/{letter['id']}/attachment").status_code == 404
