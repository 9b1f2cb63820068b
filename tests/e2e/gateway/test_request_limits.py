"""What the gateway refuses before it does any work: numbers beyond what the
schema declares (422 naming the field), JSON nested deeper than anyone needs
(400 naming the body), and bodies larger than the route reads (413), whether
their size is announced or streamed. None of them is ever a 500."""
from __future__ import annotations

import json
import re
import socket

import pytest

from services.gateway.api import PROVIDER_KINDS
from services.gateway.bodies import MAX_JSON_BODY_BYTES, MAX_JSON_DEPTH
from services.gateway.routes import api
from services.gateway.schemas import MAX_EXACT_NUMBER, MAX_PAGE
from tests.e2e.conftest import new_provider_user

BEYOND_32_BITS = 4294967296
BEYOND_64_BITS = 9223372036854775808


def _fields(answer) -> dict[str, str]:
    return {f["field"]: f["reason"] for f in answer.json()["error"]["fields"]}


NOBODY = "00000000-0000-4000-8000-000000000000"
PAGED = [(e.method, re.sub(r"\{\w+\}", NOBODY, e.path), "query" if e.query and "page" in e.query.model_fields else "body",
          e.access.kind in PROVIDER_KINDS)
         for e in api.endpoints if "page" in (e.query.model_fields if e.query else {}) | (e.body.model_fields if e.body
                                                                                         else {})]


@pytest.mark.parametrize("method, path, where, provider_route", PAGED, ids=[f"{m} {p}" for m, p, _, _ in PAGED])
@pytest.mark.parametrize("page", [MAX_PAGE + 1, BEYOND_32_BITS, BEYOND_64_BITS - 1])
def test_a_page_beyond_the_declared_maximum_is_refused_naming_it(landlord, operator, method, path, where,
                                                                 provider_route, page):
    admin = new_provider_user(operator) if provider_route else landlord[1]
    if where == "query":
        answer = admin.request(method, path, params={"page": page})
    else:
        answer = admin.request(method, path, json={"criteria": {}, "page": page} if path.endswith("/search")
                               else {"page": page})
    assert answer.status_code == 422, answer.text
    assert "page" in _fields(answer)


def test_the_last_page_allowed_is_simply_empty(landlord):
    _, admin = landlord
    answer = admin.get("/api/v1/admin-groups", params={"page": MAX_PAGE})
    assert answer.status_code == 200, answer.text
    assert answer.json()["items"] == []


def test_every_integer_a_user_can_send_declares_its_maximum(anonymous):
    document = anonymous.get("/api/v1/openapi.json").json()
    components = document["components"]["schemas"]
    unbounded, seen = [], set()

    def walk(schema, where):
        if isinstance(schema, dict):
            ref = schema.get("$ref", "").rsplit("/", 1)[-1]
            if ref and ref not in seen:
                seen.add(ref)
                walk(components[ref], ref)
            if schema.get("type") == "integer" and "maximum" not in schema:
                unbounded.append(where)
            for key, value in schema.items():
                walk(value, f"{where}.{key}")
        elif isinstance(schema, list):
            for i, value in enumerate(schema):
                walk(value, f"{where}.{i}")

    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            for parameter in operation.get("parameters", []):
                walk(parameter["schema"], f"{method} {path} {parameter['name']}")
            walk(operation.get("requestBody", {}), f"{method} {path} body")
    assert unbounded == []


def test_numbers_in_criteria_and_custom_fields_must_fit_a_json_number(landlord):
    _, admin = landlord
    answer = admin.post("/api/v1/people/search", json={"criteria": {"household": {"occupants": {"min": 10 ** 30}}}})
    assert answer.status_code == 422, answer.text
    assert "household.occupants.min" in _fields(answer)["criteria"]
    assert str(MAX_EXACT_NUMBER) in _fields(answer)["criteria"]
    answer = admin.post("/api/v1/people", json={"first_name": "Jo", "surname": "Example", "tenancy_type": "Non-resident",
                                                "custom": {"rooms": -(10 ** 20)}})
    assert answer.status_code == 422 and "custom" in _fields(answer)


@pytest.mark.parametrize("body", [b"[" * 990 + b"]" * 990, b'{"username": ' + b"{\"a\": " * 990 + b"1" + b"}" * 991])
def test_deeply_nested_json_is_a_bad_request_naming_the_body_even_unsigned(anonymous, body):
    answer = anonymous.post("/api/v1/auth/token", data=body, headers={"Content-Type": "application/json"})
    assert answer.status_code == 400, answer.text
    assert f"more than {MAX_JSON_DEPTH} deep" in _fields(answer)["body"]


def test_nesting_is_counted_on_structure_not_on_brackets_inside_text(landlord):
    _, admin = landlord
    text = "[[[{{" * 100
    answer = admin.post("/api/v1/admin-groups", json={"reference": "Brackets", "description": text[:2000]})
    assert answer.status_code == 201, answer.text
    as_deep_as_allowed = json.loads("[" * (MAX_JSON_DEPTH - 3) + "]" * (MAX_JSON_DEPTH - 3))  # inside 3 objects
    answer = admin.post("/api/v1/people/search", json={"criteria": {"custom": {"x": as_deep_as_allowed}}})
    assert answer.status_code == 422, answer.text
    assert "criteria.custom.x" in _fields(answer), "read, and refused for what it says, not for its depth"


def test_not_json_names_the_body(anonymous):
    for body in (b"NaN", b'{"username": "a", "password": Infinity}', b"\xff\xfe{", b'{"username": 1e999}'):
        answer = anonymous.post("/api/v1/auth/token", data=body, headers={"Content-Type": "application/json"})
        assert answer.status_code == 400, (body, answer.text)
        assert "body" in _fields(answer)


def test_a_json_body_larger_than_the_route_reads_is_refused_before_it_is_parsed(anonymous):
    big = b'{"username": "x", "password": "' + b"p" * MAX_JSON_BODY_BYTES + b'"}'
    answer = anonymous.post("/api/v1/auth/token", data=big, headers={"Content-Type": "application/json"})
    assert answer.status_code == 413, answer.text
    assert _fields(answer) == {"body": "must be at most 4 MiB"}


def test_a_streamed_body_without_a_length_is_cut_off_at_the_limit_too(anonymous):
    def chunks():
        yield b'{"username": "x", "password": "'
        for _ in range(MAX_JSON_BODY_BYTES // 65536 + 1):
            yield b"p" * 65536
        yield b'"}'
    answer = anonymous.post("/api/v1/auth/token", data=chunks(), headers={"Content-Type": "application/json"})
    assert answer.status_code == 413, answer.text


def test_a_body_beyond_every_route_is_refused_by_the_server_before_it_arrives(platform):
    host, port = platform.url.split("//")[1].split(":")
    with socket.create_connection((host, int(port)), timeout=10) as connection:
        connection.sendall(b"POST /api/v1/auth/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                           + f"Content-Length: {api.max_body_bytes + 1}\r\n\r\n".encode() + b"{")
        head = connection.recv(200)
    assert head.startswith(b"HTTP/1.1 413"), head
