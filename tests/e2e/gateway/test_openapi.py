"""The OpenAPI document describes exactly what the server serves."""
from __future__ import annotations

import re

from services.gateway.routes import api


def test_the_document_is_valid_openapi(anonymous):
    from openapi_spec_validator import validate
    validate(anonymous.get("/api/v1/openapi.json").json())


def test_every_served_route_is_in_the_document_and_nothing_else(platform, anonymous):
    document = anonymous.get("/api/v1/openapi.json").json()
    assert document["openapi"].startswith("3.")
    served = set()
    for rule in platform.gateway.app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            served.add((method.lower(), re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule)))
    documented = {(m, p) for p, ops in document["paths"].items() for m in ops}
    assert served == documented


def test_every_route_declares_access_and_protected_ones_need_a_token(platform, anonymous):
    for endpoint in api.endpoints:
        if endpoint.access.open:  # public, or proved by a signature instead (checked below)
            continue
        path = endpoint.path.replace("{person_id}", "00000000-0000-0000-0000-000000000000")
        answer = anonymous.request(endpoint.method, path, json={})
        assert answer.status_code == 401, f"{endpoint.method} {endpoint.path} answered {answer.status_code} without a token"


def test_routes_proved_by_a_signature_refuse_an_unsigned_request_whatever_token_comes(platform, anonymous):
    signed = [e for e in api.endpoints if e.access.kind == "signed"]
    assert {e.path for e in signed} >= {"/api/v1/texts/status", "/api/v1/texts/replies", "/api/v1/unsubscribe"}
    forms = {"/api/v1/texts/status": {"data": {"MessageSid": "SM0", "MessageStatus": "delivered"}},
             "/api/v1/texts/replies": {"data": {"From": "+447700900123", "To": "+447700900001", "Body": "STOP"}},
             "/api/v1/appointment-requests/{token}": {"json": {"slot": {"starts_at": "2099-01-05T10:00",
                                                                        "place": "1 High Street"}}}}
    for endpoint in signed:
        if endpoint.method == "GET":
            continue  # the unsubscribe page asks first and changes nothing
        for headers in ({}, {"Authorization": "Bearer not-a-token"}):
            answer = anonymous.request(endpoint.method, endpoint.path + ("?token=made.up" if "unsubscribe" in
                                                                          endpoint.path else ""),
                                       headers=headers, **forms.get(endpoint.path, {"data": {}}))
            assert answer.status_code == 403, f"{endpoint.method} {endpoint.path} answered {answer.status_code}"


def test_criteria_schema_is_published(anonymous):
    document = anonymous.get("/api/v1/openapi.json").json()
    search = document["components"]["schemas"]["PeopleSearch"]
    criteria = search["properties"]["criteria"]
    assert "text" in criteria["properties"] and criteria["additionalProperties"] is False


def test_a_method_a_route_does_not_take_is_405_saying_which_it_takes(anonymous):
    answer = anonymous.request("PUT", "/api/v1/auth/token", json={})
    assert answer.status_code == 405 and answer.json()["error"]["code"] == "method_not_allowed"
    assert {m.strip() for m in answer.headers["Allow"].split(",")} >= {"POST"}
    answer = anonymous.request("DELETE", "/api/v1/people/search")
    assert answer.status_code == 405 and "POST" in answer.headers["Allow"]


def test_public_routes_answer_whatever_token_comes_with_them(anonymous):
    for token in ("not-a-token", "eyJhbGciOiJIUzI1NiJ9.e30.x"):
        for path in ("/healthz", "/api/v1/openapi.json"):
            assert anonymous.get(path, headers={"Authorization": f"Bearer {token}"}).status_code == 200, path


def test_conflicts_and_not_ready_are_in_the_document_where_they_happen(landlord, anonymous):
    _, admin = landlord
    document = anonymous.get("/api/v1/openapi.json").json()
    first = admin.post("/api/v1/admin-groups", json={"reference": "Taken"}).json()
    second = admin.post("/api/v1/admin-groups", json={"reference": "Free"}).json()
    renamed = admin.patch(f"/api/v1/admin-groups/{second['id']}", json={"reference": "Taken"})
    assert renamed.status_code == 409 and first["reference"] == "Taken"
    assert "409" in document["paths"]["/api/v1/admin-groups/{admin_group_id}"]["patch"]["responses"]
    assert "409" in document["paths"]["/api/v1/activities/{activity_id}"]["delete"]["responses"]
    assert "503" in document["paths"]["/readyz"]["get"]["responses"]
