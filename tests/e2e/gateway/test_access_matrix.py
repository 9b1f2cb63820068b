"""Every route in the OpenAPI document, called by every role: the answer must match
the access the route declares (x-access). A route without a declaration fails
here; so does one whose code lets in someone its declaration does not."""
from __future__ import annotations

import re
import uuid

import pytest

from tests.e2e.conftest import ApiClient, eventually, new_landlord

ROLES = ["site_administrator", "manager", "housing_officer", "read_only"]
PROVIDER_ROLES = ["provider_manager", "provider_adviser"]
PROVIDER_KINDS = ("provider", "operator_or_provider")


def _signed_in(anonymous: ApiClient, created: dict) -> ApiClient:
    pending = anonymous.sign_in(created["username"], created["one_time_password"])
    changed = pending.post("/api/v1/auth/password", json={"current_password": created["one_time_password"],
                                                         "new_password": "a steady green lantern"})
    return ApiClient(anonymous.base, changed.json()["access_token"])


def _provider_user(operator: ApiClient, provider_id: str, role: str) -> dict:
    created = operator.post(f"/api/v1/providers/{provider_id}/users", json={
        "username": f"{role[:8]}.{uuid.uuid4().hex[:6]}", "name": "Role Player", "role": role})
    assert created.status_code == 201, created.text
    return created.json()


@pytest.fixture(scope="module")
def cast(platform):
    """The operator, a user of each role in landlord A, a manager and an adviser of a provider, landlord B's
    administrator and another provider's manager."""
    anonymous = ApiClient(platform.url)
    operator = anonymous.sign_in("operator", "sturdy-lantern-harbour-42")
    landlord, admin = new_landlord(operator)
    users = {"site_administrator": admin}
    for role in ROLES[1:]:
        created = admin.post("/api/v1/users", json={"username": f"{role[:8]}.{uuid.uuid4().hex[:6]}", "name": "Role Player",
                                                    "role": role, "areas": ["Area A"]}).json()
        users[role] = _signed_in(anonymous, created)
    provider_id, other_provider_id = _provider(operator), _provider(operator)
    assert admin.put("/api/v1/landlord-providers", json={"provider_ids": [provider_id]}).status_code == 200
    for role in PROVIDER_ROLES:
        users[role] = _signed_in(anonymous, _provider_user(operator, provider_id, role))
    _, other_admin = new_landlord(operator)
    other_provider_manager = _signed_in(anonymous, _provider_user(operator, other_provider_id, "provider_manager"))
    return {"anonymous": anonymous, "operator": operator, "users": users, "admin": admin, "other_admin": other_admin,
            "platform": platform,
            "other_provider_manager": other_provider_manager, "landlord_id": landlord["id"],
            "provider_id": provider_id}


def _provider(operator: ApiClient) -> str:
    """A provider of the platform's (landlord A works with the first the cast makes)."""
    made = operator.post("/api/v1/providers", json={"name": f"Matrix Provider {uuid.uuid4().hex[:8]}",
                                                    "contact_email": "matrix.provider@example.org"})
    assert made.status_code == 201, made.text
    return made.json()["id"]


def expected_allowed(access: dict, who: str, privileges: set[str]) -> bool:
    kind, privilege = access["kind"], access["privilege"]
    if kind in ("public", "signed"):
        return True
    if who == "anonymous":
        return False
    if kind == "signed_in":
        return True
    if kind == "operator":
        return who == "operator"
    if kind == "operator_or_provider" and who == "operator":
        return True
    if who == "operator" or (kind in PROVIDER_KINDS) != (who in PROVIDER_ROLES):
        return False  # a provider's users reach only provider routes, a landlord's users only landlord routes
    return privilege is None or privilege in privileges


EXAMPLE_FILE = ("example.txt", b"An example document.\n", "text/plain")
# Bodies whose file must be of a kind: the body schema's name -> the file sent.
EXAMPLE_FILES = {"ImportUpload": ("people.csv", b"personal_ref,first_name,surname\r\nMX000001,Mat,Rix\r\n", "text/csv")}
# Routes whose path names something the caller chooses (PUT saves the caller's own under that name):
# another landlord's user saves their own, and the first landlord's stays as it was.
OWN_NAMES = {("PUT", "/api/v1/imports/mappings/{name}"), ("PUT", "/api/v1/imports/value-mappings/{field}")}


def _example_body(document: dict, operation: dict) -> dict:
    """The route's example body as arguments of requests: JSON, or multipart/form-data with a small text file."""
    body = operation.get("requestBody")
    if not body:
        return {"json": None}
    (media, content), = body["content"].items()
    ref = content["schema"]["$ref"].rsplit("/", 1)[-1]
    schema = document["components"]["schemas"][ref]
    examples = schema.get("examples")
    assert examples, f"{ref}: give the request body an example in the OpenAPI document"
    if media == "application/x-www-form-urlencoded":
        return {"data": examples[0]}
    if media != "multipart/form-data":
        return {"json": examples[0]}
    files = {name for name, prop in schema["properties"].items() if prop.get("format") == "binary"}
    return {"data": {k: v for k, v in examples[0].items() if k not in files},
            "files": {name: EXAMPLE_FILES.get(ref, EXAMPLE_FILE) for name in files}}


def _path(path: str, cast: dict, caller=None) -> str:
    """Fill path parameters with fresh things of landlord A (routes may change or delete them); a saved report
    or an export is the caller's own when they may have one (only its owner sees or changes it)."""
    admin = cast["admin"]
    if "{report_id}" in path:
        report = (caller or admin).post("/api/v1/reports/saved", json={
            "name": "Matrix report", "kind": "build", "definition": {"rows": "area"}, "shared": True})
        if report.status_code != 201:
            report = admin.post("/api/v1/reports/saved", json={
                "name": "Matrix report", "kind": "build", "definition": {"rows": "area"}, "shared": True})
        path = path.replace("{report_id}", _created(report))
    if "{job_id}" in path:  # an export is its starter's alone
        job = (caller or admin).post("/api/v1/reports/exports", json={"criteria": {}, "columns": ["area"]})
        if job.status_code != 202:
            job = admin.post("/api/v1/reports/exports", json={"criteria": {}, "columns": ["area"]})
        assert job.status_code == 202, job.text
        path = path.replace("{job_id}", job.json()["id"])
    path = path.replace("{landlord_id}", cast["landlord_id"])
    path = path.replace("{field}", "household_status")  # a feed option field (value mappings)
    if "{provider_id}" in path:  # the cast's provider; a fresh adviser of it (routes may disable or reset them)
        path = path.replace("{provider_id}", cast["provider_id"])
        if "{user_id}" in path:
            adviser = _provider_user(cast["operator"], cast["provider_id"], "provider_adviser")
            path = path.replace("{user_id}", adviser["id"])
    if "{person_id}" in path:
        person = admin.post("/api/v1/people", json={"personal_ref": f"M{uuid.uuid4().hex[:8]}", "first_name": "Mat", "surname": "Rix"})
        person_id = person.json()["id"]
        path = path.replace("{person_id}", person_id)
        if "{document_id}" in path:
            document = admin.post(f"/api/v1/people/{person_id}/documents", files={"file": EXAMPLE_FILE},
                                  data={"title": "Example"})
            path = path.replace("{document_id}", document.json()["id"])
    if "{user_id}" in path:
        user = admin.post("/api/v1/users", json={"username": f"t.{uuid.uuid4().hex[:8]}", "name": "Tar Get", "role": "read_only", "areas": ["Area A"]})
        path = path.replace("{user_id}", user.json()["id"])
    if "{list_name}" in path or "{field_key}" in path:
        # A fresh choice field: its option list custom.<key> is landlord A's alone (a standard list such as
        # "interests" would exist for landlord B too, so could not answer B with 404).
        key = f"m_{uuid.uuid4().hex[:8]}"
        admin.post("/api/v1/custom-fields", json={"label": f"Matrix {key}", "type": "choice", "key": key})
        path = path.replace("{field_key}", key).replace("{list_name}", f"custom.{key}")
        if "{option_id}" in path:
            option = admin.post(f"/api/v1/option-lists/custom.{key}/options", json={"label": "Matrix option"})
            path = path.replace("{option_id}", option.json()["id"])
    if "{run_id}" in path:
        if "run_id" not in cast:  # one preview run of landlord A serves every call (runs are never deleted)
            run = admin.post("/api/v1/imports", files={"file": EXAMPLE_FILES["ImportUpload"]},
                             data={"mode": "delta", "preview": "true"})
            assert run.status_code == 202, run.text
            cast["run_id"] = run.json()["id"]
        path = path.replace("{run_id}", cast["run_id"])
    if "{name}" in path:
        name = f"Matrix {uuid.uuid4().hex[:8]}"
        saved = admin.put(f"/api/v1/imports/mappings/{name}", json={"columns": {"Ref": "personal_ref"}})
        assert saved.status_code == 200, saved.text
        path = path.replace("{name}", name)
    path = _fill_groups(path, cast)
    if "{communication_id}" in path:  # a fresh record (routes may delete it) of a fresh person of landlord A
        person = admin.post("/api/v1/people", json={"personal_ref": f"C{uuid.uuid4().hex[:8]}", "first_name": "Cal",
                                                    "surname": "Contact"}).json()
        record = admin.post("/api/v1/communications", json={
            "person_ids": [person["id"]], "communication_code": "phoned", "outcome_code": "no_answer",
            "date": "2024-03-14"})
        assert record.status_code == 201, record.text
        path = path.replace("{communication_id}", record.json()["communication_ids"][0])
    if "{interaction_id}" in path or "{action_id}" in path:  # a fresh interaction with an open action (routes may
        # complete, reassign or delete them) of a fresh person of landlord A, the action assigned to its admin
        person = admin.post("/api/v1/people", json={"personal_ref": f"I{uuid.uuid4().hex[:8]}", "first_name": "Ida",
                                                    "surname": "Interaction"}).json()
        made = admin.post(f"/api/v1/people/{person['id']}/interactions", json={
            "type": "phoned", "title": "Matrix call", "date": "2024-03-14",
            "action": {"what": "Call back", "assigned_to": admin.get("/api/v1/me").json()["id"],
                       "due_date": "2099-01-01"}})
        assert made.status_code == 201, made.text
        path = path.replace("{interaction_id}", made.json()["id"]).replace("{action_id}",
                                                                          made.json()["actions"][0]["id"])
    if "{referral_id}" in path or "{token}" in path:  # a fresh referral of landlord A to the cast's provider, with a
        # booked appointment (routes may reschedule or cancel it) and an appointment request's link (from its email)
        path = _fill_referral(path, cast)
    if "{message_id}" in path:  # a fresh draft email of landlord A (routes may send it)
        message = admin.post("/api/v1/messages", json={"channel": "email", "sender_name": "Matrix Homes",
                                                       "sender_email": "matrix@example.org", "subject": "Hello",
                                                       "html": "<p>{{greeting}}</p>"})
        path = path.replace("{message_id}", _created(message))
    if "{contact_id}" in path:  # a fresh landlord contact of landlord A (routes may delete it)
        contact = admin.post("/api/v1/landlord-contacts", json={"name": f"Matrix {uuid.uuid4().hex[:8]}"})
        path = path.replace("{contact_id}", _created(contact))
    if "{communication_code}" in path:  # a fresh communication code of landlord A with an outcome (routes may delete it)
        code = admin.post("/api/v1/communication-codes", json={"label": f"Matrix {uuid.uuid4().hex[:8]}",
                                                               "outcomes": [{"label": "Matrix outcome"}]})
        assert code.status_code == 201, code.text
        path = path.replace("{communication_code}", code.json()["code"]).replace(
            "{outcome_code}", code.json()["outcomes"][0]["code"])
    assert "{" not in path, f"{path}: the access test does not know how to fill this path parameter yet"
    return path


def _fill_referral(path: str, cast: dict) -> str:
    admin = cast["admin"]
    person = admin.post("/api/v1/people", json={"personal_ref": f"F{uuid.uuid4().hex[:8]}", "first_name": "Ref",
                                                "surname": "Erral"}).json()
    made = admin.post("/api/v1/referrals", json={"person_id": person["id"], "wants_support": True,
                                                 "provider_id": cast["provider_id"], "consent": True,
                                                 "consent_date": "2024-03-14"})
    referral_id = _created(made)
    if "{token}" in path:
        asked = admin.post(f"/api/v1/referrals/{referral_id}/appointment-request")
        assert asked.status_code == 200, asked.text
        mail = [m for m in cast["platform"].mail.received
                if m["To"].addresses[0].addr_spec == "matrix.provider@example.org"]  # the newest is this request's
        token = re.search(r"/appointment-requests/([A-Za-z0-9_\-.]+)", mail[-1].get_content()).group(1)
        return path.replace("{token}", token)
    booked = admin.post(f"/api/v1/referrals/{referral_id}/appointments",
                        json={"starts_at": "2099-01-05T10:00", "place": "1 High Street"})
    assert booked.status_code == 201, booked.text
    return path.replace("{referral_id}", referral_id).replace("{appointment_id}",
                                                             booked.json()["appointments"][0]["id"])


def _created(answer) -> str:
    assert answer.status_code == 201, answer.text
    return answer.json()["id"]


def _fill_groups(path: str, cast: dict) -> str:
    """Households, admin groups, search templates, activities and participation records of landlord A: fresh
    ones (routes may delete them), but one household (derived from a person's address, never deleted)."""
    admin, unique = cast["admin"], uuid.uuid4().hex[:8]
    person_id = path.split("/people/")[1].split("/")[0] if "/people/" in path else None
    if "{household_id}" in path:
        if "household_id" not in cast:
            person = admin.post("/api/v1/people", json={"personal_ref": f"H{unique}", "first_name": "Hana",
                                                        "surname": "Holm", "address_line_1": "1 Matrix Mews",
                                                        "postcode": "NF9 0MM"}).json()
            household = eventually(lambda: admin.get(f"/api/v1/people/{person['id']}/household").json().get("id"))
            assert household, "the household of a person with an address never appeared"
            cast["household_id"] = household
        path = path.replace("{household_id}", cast["household_id"])
    if "{admin_group_id}" in path or "{group_id}" in path:
        members = {"person_ids": [person_id]} if person_id else {}
        group = admin.post("/api/v1/admin-groups", json={"reference": f"Matrix {unique}", **members})
        path = path.replace("{admin_group_id}", _created(group)).replace("{group_id}", group.json()["id"])
    if "{search_template_id}" in path:
        template = admin.post("/api/v1/search-templates", json={"name": f"Matrix {unique}", "criteria": {}})
        path = path.replace("{search_template_id}", _created(template))
    if "{activity_id}" in path or "{participation_id}" in path:
        activity_id = _created(admin.post("/api/v1/activities", json={"name": f"Matrix {unique}"}))
        path = path.replace("{activity_id}", activity_id)
        if "{participation_id}" in path:
            person = admin.post("/api/v1/people", json={"personal_ref": f"R{unique}", "first_name": "Rhi",
                                                        "surname": "Record"}).json()
            record = admin.post("/api/v1/participation-records", json={
                "person_id": person["id"], "activity_id": activity_id, "date": "2024-03-14"})
            path = path.replace("{participation_id}", _created(record))
    return path


def operations(document: dict):
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            yield method.upper(), path, operation


def test_every_route_declares_its_access(cast):
    document = cast["anonymous"].get("/api/v1/openapi.json").json()
    undeclared = [f"{m} {p}" for m, p, op in operations(document) if "x-access" not in op]
    assert not undeclared, f"routes without an access declaration: {undeclared}"


def test_every_route_answers_every_role_as_declared(cast):
    document = cast["anonymous"].get("/api/v1/openapi.json").json()
    callers = {"anonymous": (cast["anonymous"], set()), "operator": (cast["operator"], {"change_own_password"})}
    for role, client in cast["users"].items():
        callers[role] = (client, set(client.get("/api/v1/me").json()["privileges"]))
    mismatches = []
    for method, path, operation in operations(document):
        body = _example_body(document, operation)
        for who, (client, privileges) in callers.items():
            allowed = expected_allowed(operation["x-access"], who, privileges)
            answer = client.request(method, _path(path, cast, client if allowed else None), **body)
            if answer.status_code >= 500:
                mismatches.append(f"{who} {method} {path}: {answer.status_code}")
            elif allowed and answer.status_code in (401, 403) and operation["x-access"]["kind"] not in ("public", "signed"):
                mismatches.append(f"{who} {method} {path}: refused ({answer.status_code}) though declared allowed")
            elif not allowed and answer.status_code != (401 if who == "anonymous" else 403):
                mismatches.append(f"{who} {method} {path}: answered {answer.status_code} though not allowed")
    assert not mismatches, "\n".join(mismatches)


def test_another_landlords_things_are_not_found(cast):
    """...and another provider's things: a provider route answers another provider's manager 404."""
    document = cast["anonymous"].get("/api/v1/openapi.json").json()
    wrong = []
    for method, path, operation in operations(document):
        if "{" not in path or operation["x-access"]["kind"] in ("operator", "signed"):
            continue  # operator routes refuse landlords' users before looking anything up; a signed link (an
            # appointment request's) works for whoever holds it, and its own test refuses one the platform did not sign
        provider_route = operation["x-access"]["kind"] in PROVIDER_KINDS
        outsider = cast["other_provider_manager"] if provider_route else cast["other_admin"]
        filled = _path(path, cast)
        if (method, path) in OWN_NAMES:
            collection = filled.rsplit("/", 1)[0]
            before = cast["admin"].get(collection).json()
            answer = outsider.request(method, filled, **_example_body(document, operation))
            if answer.status_code != 200 or cast["admin"].get(collection).json() != before:
                wrong.append(f"{method} {path}: {answer.status_code}, or it changed the first landlord's")
            continue
        answer = outsider.request(method, filled, **_example_body(document, operation))
        if answer.status_code != 404:
            wrong.append(f"{method} {path}: {answer.status_code}")
    assert not wrong, "another landlord's user must get 404: " + ", ".join(wrong)
