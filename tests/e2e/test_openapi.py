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
        if endpoint.access.kind == "public":
            continue
        path = endpoint.path.replace("{person_id}", "00000000-0000-0000-0000-000000000000")
        answer = anonymous.request(endpoint.method, path, json={})
        assert answer.status_code == 401, f"{endpoint.method} {endpoint.path} answered {answer.status_code} without a token"


def test_criteria_schema_is_published(anonymous):
    document = anonymous.get("/api/v1/openapi.json").json()
    search = document["components"]["schemas"]["PeopleSearch"]
    criteria = search["properties"]["criteria"]
    assert "text" in criteria["properties"] and criteria["additionalProperties"] is False
