"""Documents on a person's record, through the REST API in both modes: upload
with a title and summary, list, download, edit, delete; the type comes from the
bytes; bad uploads get field-level errors; other landlords see nothing."""
from __future__ import annotations

import hashlib
import uuid

from tests.e2e.conftest import new_landlord

PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
MIB = 1024 * 1024
UNKNOWN = "00000000-0000-0000-0000-000000000000"


def _person(client) -> str:
    answer = client.post("/api/v1/people", json={"personal_ref": f"D{uuid.uuid4().hex[:8]}", "first_name": "Dee",
                                                 "surname": "Document"})
    assert answer.status_code == 201, answer.text
    return answer.json()["id"]


def _documents(person_id: str) -> str:
    return f"/api/v1/people/{person_id}/documents"


def _upload(client, person_id: str, content: bytes, name: str = "notes.txt", **fields):
    data = {"title": "Tenancy agreement", "summary": "Signed copy", **fields}
    return client.post(_documents(person_id), files={"file": (name, content)}, data=data)


def _fields(answer) -> dict[str, str]:
    return {f["field"]: f["reason"] for f in answer.json()["error"]["fields"]}


def test_upload_list_download_edit_and_delete(landlord):
    _, admin = landlord
    person_id = _person(admin)
    me = admin.get("/api/v1/me").json()["id"]

    uploaded = _upload(admin, person_id, PDF, "notes.txt", title="Tenancy agreement", summary="Signed in 2014")
    assert uploaded.status_code == 201, uploaded.text
    first = uploaded.json()
    assert first["content_type"] == "application/pdf", "the type comes from the bytes, not the name"
    assert (first["title"], first["summary"]) == ("Tenancy agreement", "Signed in 2014")
    assert first["file_name"] == "notes.txt"
    assert first["size_bytes"] == len(PDF) and first["sha256"] == hashlib.sha256(PDF).hexdigest()
    assert first["uploaded_by"] == me and first["uploaded_at"]

    letter = "Dear Dee,\nyour rent is £95 a week.\n".encode()
    second = _upload(admin, person_id, letter, "My Files/Zoë's letter.txt", title="Rent letter").json()
    assert second["content_type"] == "text/plain" and second["file_name"] == "Zoë's letter.txt"

    listed = admin.get(_documents(person_id))
    assert listed.status_code == 200, listed.text
    assert listed.json()["total"] == 2
    assert [d["id"] for d in listed.json()["items"]] == [second["id"], first["id"]], "newest first"
    assert listed.json()["items"][1] == first

    download = admin.get(f"{_documents(person_id)}/{first['id']}")
    assert download.status_code == 200
    assert download.content == PDF
    assert download.headers["Content-Type"] == "application/pdf"
    assert download.headers["X-Content-Type-Options"] == "nosniff"
    assert download.headers["Content-Disposition"].startswith("attachment;")
    assert "filename*=UTF-8''notes.txt" in download.headers["Content-Disposition"]
    text = admin.get(f"{_documents(person_id)}/{second['id']}")
    assert text.content == letter and text.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert "filename*=UTF-8''Zo%C3%AB%27s%20letter.txt" in text.headers["Content-Disposition"]

    edited = admin.request("PATCH", f"{_documents(person_id)}/{first['id']}", json={"title": "Signed agreement"})
    assert edited.status_code == 200, edited.text
    assert (edited.json()["title"], edited.json()["summary"]) == ("Signed agreement", "Signed in 2014")
    assert edited.json()["updated_at"] >= first["updated_at"]
    assert admin.get(_documents(person_id)).json()["items"][1]["title"] == "Signed agreement"
    assert admin.get(f"{_documents(person_id)}/{first['id']}").content == PDF, "an edit leaves the bytes alone"

    deleted = admin.request("DELETE", f"{_documents(person_id)}/{first['id']}")
    assert deleted.status_code == 204 and deleted.content == b""
    assert admin.get(f"{_documents(person_id)}/{first['id']}").status_code == 404
    assert admin.request("DELETE", f"{_documents(person_id)}/{first['id']}").status_code == 404
    assert [d["id"] for d in admin.get(_documents(person_id)).json()["items"]] == [second["id"]]


def test_a_document_of_the_full_ten_mebibytes_goes_there_and_back(landlord):
    _, admin = landlord
    person_id = _person(admin)
    content = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * (10 * MIB // 256 - 1) + b"\x00" * 248
    assert len(content) == 10 * MIB
    uploaded = _upload(admin, person_id, content, "scan.bin")
    assert uploaded.status_code == 201, uploaded.text
    assert uploaded.json()["content_type"] == "image/png" and uploaded.json()["size_bytes"] == 10 * MIB
    download = admin.get(f"{_documents(person_id)}/{uploaded.json()['id']}")
    assert download.status_code == 200 and download.content == content


def test_bad_uploads_get_field_level_errors_and_store_nothing(landlord):
    _, admin = landlord
    person_id = _person(admin)

    empty = _upload(admin, person_id, b"")
    assert empty.status_code == 422 and "file" in _fields(empty), empty.text
    no_title = admin.post(_documents(person_id), files={"file": ("a.pdf", PDF)}, data={"summary": "s"})
    assert no_title.status_code == 422 and _fields(no_title) == {"title": "is required"}, no_title.text
    blank_title = _upload(admin, person_id, PDF, title="   ")
    assert blank_title.status_code == 422 and set(_fields(blank_title)) == {"title"}
    long_summary = _upload(admin, person_id, PDF, summary="s" * 2001)
    assert long_summary.status_code == 422 and set(_fields(long_summary)) == {"summary"}
    no_file = admin.post(_documents(person_id), files={"title": (None, "T")})  # multipart, with no file part
    assert no_file.status_code == 422 and _fields(no_file) == {"file": "is required"}, no_file.text
    no_file_chosen = admin.post(_documents(person_id), files={"file": ("", b"")}, data={"title": "T"})  # a browser
    assert no_file_chosen.status_code == 422 and set(_fields(no_file_chosen)) == {"file"}, no_file_chosen.text
    url_encoded = admin.post(_documents(person_id), data={"title": "T"})
    assert url_encoded.status_code == 400 and set(_fields(url_encoded)) == {"body"}
    text_not_file = admin.post(_documents(person_id), data={"title": "T", "file": "not a file part"},
                               files={"other": ("x.txt", b"x")})
    assert text_not_file.status_code == 422 and {"file", "other"} <= set(_fields(text_not_file))
    as_json = admin.post(_documents(person_id), json={"title": "T", "file": "x"})
    assert as_json.status_code == 400 and set(_fields(as_json)) == {"body"}

    just_over = _upload(admin, person_id, b"a" * (10 * MIB + 1))
    assert just_over.status_code == 413, just_over.text
    assert _fields(just_over) == {"file": "must be at most 10 MiB"}
    far_over = _upload(admin, person_id, b"a" * (11 * MIB))
    assert far_over.status_code == 413 and set(_fields(far_over)) == {"file"}
    assert far_over.json()["error"]["code"] == "too_large" and far_over.json()["error"]["request_id"]

    assert _upload(admin, UNKNOWN, PDF).status_code == 404
    assert admin.get(_documents(person_id)).json() == {"total": 0, "items": []}

    stored = _upload(admin, person_id, PDF).json()
    bad_edit = admin.request("PATCH", f"{_documents(person_id)}/{stored['id']}", json={"title": ""})
    assert bad_edit.status_code == 422 and set(_fields(bad_edit)) == {"title"}
    unknown_field = admin.request("PATCH", f"{_documents(person_id)}/{stored['id']}", json={"content_type": "x"})
    assert unknown_field.status_code == 422 and set(_fields(unknown_field)) == {"content_type"}
    assert admin.get(f"{_documents(person_id)}/{UNKNOWN}").status_code == 404
    assert admin.get(f"{_documents(UNKNOWN)}/{stored['id']}").status_code == 404, "the document is the person's"


def test_another_landlords_people_and_documents_are_not_found(operator, landlord):
    _, admin = landlord
    _, outsider = new_landlord(operator)
    person_id = _person(admin)
    document = _upload(admin, person_id, PDF).json()
    own_person = _person(outsider)
    path = f"{_documents(person_id)}/{document['id']}"

    answers = {
        "list": outsider.get(_documents(person_id)),
        "upload": _upload(outsider, person_id, PDF),
        "download": outsider.get(path),
        "edit": outsider.request("PATCH", path, json={"title": "Mine now"}),
        "delete": outsider.request("DELETE", path),
        "via own person": outsider.get(f"{_documents(own_person)}/{document['id']}"),
        "delete via own person": outsider.request("DELETE", f"{_documents(own_person)}/{document['id']}"),
    }
    assert {name: a.status_code for name, a in answers.items()} == {name: 404 for name in answers}
    unknown = outsider.get(f"{_documents(UNKNOWN)}/{UNKNOWN}")
    assert answers["download"].json()["error"]["message"] == unknown.json()["error"]["message"]
    assert admin.get(path).content == PDF
    assert admin.get(_documents(person_id)).json()["items"][0]["title"] == "Tenancy agreement"
