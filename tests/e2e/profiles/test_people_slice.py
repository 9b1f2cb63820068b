"""The first slice through every layer: add a person over REST -> profiles over
gRPC -> row + outbox event in one transaction -> bus -> search indexer and
reporting -> found by search and counted by the report. Same scenarios in
both modes."""
from __future__ import annotations

from tests.e2e.conftest import eventually, new_landlord


def _add(client, ref, first="Jo", surname="Example"):
    return client.post("/api/v1/people", json={"personal_ref": ref, "first_name": first, "surname": surname})


def _search(client, **body):
    answer = client.post("/api/v1/people/search", json=body)
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_added_person_is_found_by_search_and_counted_by_the_report(landlord):
    _, admin = landlord
    created = _add(admin, "REF-0001", "Robin", "Testperson")
    assert created.status_code == 201, created.text
    person = created.json()
    assert person["personal_ref"] == "REF-0001" and person["status"] == "current"

    found = eventually(lambda: _search(admin, criteria={"text": "testp"})["total"] == 1)
    assert found, "the new person never became searchable"
    page = _search(admin, criteria={"text": "ROBIN test"}, facets=["status"], columns=["created_at"])
    assert page["total"] == 1
    assert page["items"][0]["id"] == person["id"]
    assert page["items"][0]["created_at"] == person["created_at"]
    assert page["facets"]["status"][0] == {"value": "current", "label": "Current", "count": 1}

    counted = eventually(lambda: admin.get("/api/v1/reports/people-count").json()["total"] == 1)
    assert counted, admin.get("/api/v1/reports/people-count").text
    assert admin.get("/api/v1/reports/people-count").json()["by_status"] == {"current": 1, "archived": 0}
    assert admin.get(f"/api/v1/people/{person['id']}").json() == person


def test_search_counts_exactly_sorts_and_pages(landlord):
    _, admin = landlord
    surnames = ["Able", "baker", "Carter", "Dawson", "Ellis"]
    for i, surname in enumerate(surnames):
        assert _add(admin, f"P{i:03d}", f"First{i}", surname).status_code == 201
    assert eventually(lambda: _search(admin, count_only=True)["total"] == 5)
    counted = _search(admin, count_only=True)
    assert counted["items"] == []
    page2 = _search(admin, page_size=2, page=2, sort=[{"field": "surname", "direction": "desc"}])
    assert page2["total"] == 5
    assert [p["surname"] for p in page2["items"]] == ["Carter", "baker"]


def test_another_landlords_people_are_invisible(platform, operator, landlord):
    _, admin_a = landlord
    _, admin_b = new_landlord(operator)
    person = _add(admin_a, "SHARED-1", "Alex", "Private").json()
    assert _add(admin_b, "SHARED-1", "Alex", "Other").status_code == 201, "references are unique per landlord only"
    assert eventually(lambda: _search(admin_a, criteria={"personal_ref": ["SHARED-1"]})["total"] == 1)
    assert eventually(lambda: _search(admin_b, criteria={"personal_ref": ["SHARED-1"]})["total"] == 1)
    assert _search(admin_b, criteria={"text": "private"})["total"] == 0
    missing = admin_b.get(f"/api/v1/people/{person['id']}")
    unknown = admin_b.get("/api/v1/people/00000000-0000-0000-0000-000000000000")
    assert missing.status_code == unknown.status_code == 404
    assert missing.json()["error"]["message"] == unknown.json()["error"]["message"]
    assert eventually(lambda: admin_b.get("/api/v1/reports/people-count").json()["total"] == 1)


def test_bad_input_gets_field_level_errors_and_saves_nothing(landlord):
    _, admin = landlord
    bad = admin.post("/api/v1/people", json={"personal_ref": "", "first_name": "A", "surname": "B", "age": 3})
    assert bad.status_code == 422
    fields = {f["field"]: f["reason"] for f in bad.json()["error"]["fields"]}
    assert set(fields) == {"age"}
    blank = _add(admin, "", "A", "B")
    assert blank.status_code == 422 and blank.json()["error"]["fields"][0] == {"field": "personal_ref", "reason": "is required"}
    assert _add(admin, "has space", "A", "B").status_code == 422
    assert _add(admin, "DUP-1").status_code == 201
    duplicate = _add(admin, "DUP-1", "Another", "Person")
    assert duplicate.status_code == 409
    assert duplicate.json()["error"]["fields"][0]["field"] == "personal_ref"
    not_json = admin.post("/api/v1/people", data="personal_ref=1", headers={"Content-Type": "text/plain"})
    assert not_json.status_code == 400
    bad_criteria = admin.post("/api/v1/people/search", json={"criteria": {"shoe_size": 9}, "page_size": 0})
    assert bad_criteria.status_code == 422
    assert {f["field"] for f in bad_criteria.json()["error"]["fields"]} == {"page_size"}
    unknown_criterion = admin.post("/api/v1/people/search", json={"criteria": {"shoe_size": 9}})
    assert unknown_criterion.status_code == 422
    assert unknown_criterion.json()["error"]["fields"][0]["field"] == "criteria.shoe_size"
    assert eventually(lambda: _search(admin, count_only=True)["total"] == 1)
    assert admin.get("/api/v1/reports/people-count").json()["total"] == 1


def test_signing_in_and_access(anonymous, operator, landlord):
    landlord_body, admin = landlord
    assert anonymous.post("/api/v1/people", json={"personal_ref": "X", "first_name": "A", "surname": "B"}).status_code == 401
    wrong = anonymous.post("/api/v1/auth/token", json={"username": landlord_body["admin"]["username"], "password": "wrong password"})
    nobody = anonymous.post("/api/v1/auth/token", json={"username": "no.such.user", "password": "wrong password"})
    assert wrong.status_code == nobody.status_code == 401
    assert wrong.json()["error"]["message"] == nobody.json()["error"]["message"]
    forged = anonymous.get("/api/v1/reports/people-count", headers={"Authorization": "Bearer not-a-token"})
    assert forged.status_code == 401
    assert admin.post("/api/v1/landlords", json={"name": "X", "admin": {"username": "xx.admin", "password": "long enough pw", "name": "X"}}).status_code == 403
    assert operator.post("/api/v1/people", json={"personal_ref": "X", "first_name": "A", "surname": "B"}).status_code == 403
    weak = operator.post("/api/v1/landlords", json={"name": "Weak Homes", "admin": {"username": "weak.admin", "password": "short", "name": "W"}})
    assert weak.status_code == 422
    assert weak.json()["error"]["fields"][0]["field"] == "admin.password"
    taken = operator.post("/api/v1/landlords", json={"name": "Again", "admin": {
        "username": landlord_body["admin"]["username"], "password": "long enough pw", "name": "W"}})
    assert taken.status_code == 409
    listed = operator.get("/api/v1/landlords").json()
    assert landlord_body["id"] in {item["id"] for item in listed["items"]}
    assert "Again" not in {item["name"] for item in listed["items"]}, "a refused landlord must not be half-saved"


def test_operations_endpoints(platform, anonymous, landlord):
    assert anonymous.get("/healthz").json() == {"status": "ok", "checks": {}}
    ready = anonymous.get("/readyz")
    assert ready.status_code == 200 and ready.json()["status"] == "ready"
    metrics = anonymous.get("/metrics").text
    assert "tracker_http_requests_total" in metrics and "tracker_rpc_requests_total" in metrics
    assert anonymous.get("/api/v1/nothing-here").json()["error"]["code"] == "not_found"
    assert anonymous.request("DELETE", "/api/v1/people/search").status_code == 405
