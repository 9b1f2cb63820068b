"""A provider's users through the gateway: the platform operator creates a provider's first manager, who
creates the provider's advisers; provider users and a landlord's users never reach each other's routes.
(Providers' records are the referrals service's: for now any provider id of the right shape is accepted.)"""
from __future__ import annotations

import uuid

from tests.e2e.conftest import ApiClient

PASSWORD = "a quiet blue harbour"


def _provider_user(caller: ApiClient, provider_id: str, role: str = "provider_adviser", **extra):
    return caller.post(f"/api/v1/providers/{provider_id}/users", json={
        "username": f"p.{uuid.uuid4().hex[:8]}", "name": "Kim Sample", "role": role, **extra})


def _first_sign_in(base: str, created: dict) -> ApiClient:
    pending = ApiClient(base).sign_in(created["username"], created["one_time_password"])
    if created["role"] == "provider_manager":  # an adviser may not list users at all
        assert pending.get(f"/api/v1/providers/{created['provider_id']}/users").json()["error"]["code"] \
            == "password_change_required"
    assert pending.get("/api/v1/me").status_code == 200
    changed = pending.post("/api/v1/auth/password", json={"current_password": created["one_time_password"],
                                                          "new_password": PASSWORD})
    assert changed.status_code == 200, changed.text
    assert pending.get("/api/v1/me").status_code == 401, "the one-time token must stop working"
    return ApiClient(base, changed.json()["access_token"])


def _new_provider(operator: ApiClient) -> str:
    made = operator.post("/api/v1/providers", json={"name": f"Sample Provider {uuid.uuid4().hex[:8]}",
                                                    "contact_email": "provider@example.org"})
    assert made.status_code == 201, made.text
    return made.json()["id"]


def _manager(operator: ApiClient, provider_id: str) -> tuple[dict, ApiClient]:
    created = _provider_user(operator, provider_id, "provider_manager", email="lead@example.org")
    assert created.status_code == 201, created.text
    return created.json(), _first_sign_in(operator.base, created.json())


def test_the_operator_creates_a_providers_manager_who_creates_an_adviser(operator):
    provider_id = _new_provider(operator)
    created, manager = _manager(operator, provider_id)
    assert created["provider_id"] == provider_id and created["role"] == "provider_manager"
    assert created["must_change_password"] and created["read_only_fields"] == ["username"]
    me = manager.get("/api/v1/me").json()
    assert me["provider_id"] == provider_id and me["privileges"] == ["change_own_password", "manage_users"]
    assert {"role", "status"} <= set(me["read_only_fields"])
    adviser = _provider_user(manager, provider_id, initials="ks")
    assert adviser.status_code == 201, adviser.text
    assert adviser.json()["provider_id"] == provider_id and adviser.json()["initials"] == "KS"
    signed_in = _first_sign_in(manager.base, adviser.json())
    assert signed_in.get("/api/v1/me").json()["privileges"] == ["change_own_password"]
    assert signed_in.get(f"/api/v1/providers/{provider_id}/users").status_code == 403
    listed = manager.get(f"/api/v1/providers/{provider_id}/users", params={"name": "kim"}).json()
    assert listed["total"] == 2 and {u["provider_id"] for u in listed["items"]} == {provider_id}
    assert operator.get(f"/api/v1/providers/{provider_id}/users").json()["total"] == 2


def test_a_providers_manager_gives_provider_roles_only_and_manages_their_providers_users(operator):
    provider_id = _new_provider(operator)
    _, manager = _manager(operator, provider_id)
    for role in ("site_administrator", "housing_officer", "read_only", "platform_operator"):
        refused = _provider_user(manager, provider_id, role)
        assert refused.status_code == 422 and refused.json()["error"]["fields"][0]["field"] == "role", role
    landlord_only = _provider_user(manager, provider_id, areas=["Area A"])
    assert landlord_only.status_code == 422 and landlord_only.json()["error"]["fields"][0]["field"] == "areas"
    adviser = _provider_user(manager, provider_id).json()
    signed_in = _first_sign_in(manager.base, adviser)
    path = f"/api/v1/providers/{provider_id}/users/{adviser['id']}"
    assert manager.request("PATCH", path, json={"role": "manager"}).status_code == 422
    assert manager.request("PATCH", path, json={"phone": "07700 900123"}).json()["phone"] == "07700 900123"
    assert manager.post(path + "/disable").json()["status"] == "disabled"
    assert signed_in.get("/api/v1/me").status_code == 401, "disabling revokes their tokens at once"
    assert manager.post(path + "/enable").json()["status"] == "active"
    reset = manager.post(path + "/password-reset").json()
    assert reset["must_change_password"] and reset["one_time_password"]
    me = manager.get("/api/v1/me").json()
    own = f"/api/v1/providers/{provider_id}/users/{me['id']}"
    assert manager.request("PATCH", own, json={"role": "provider_adviser"}).status_code == 403
    assert manager.post(own + "/disable").status_code == 403


def test_another_providers_users_are_not_found(operator):
    ours, theirs = _new_provider(operator), _new_provider(operator)
    _, manager = _manager(operator, ours)
    their_adviser = _provider_user(operator, theirs).json()
    assert manager.get(f"/api/v1/providers/{theirs}/users").status_code == 404
    assert _provider_user(manager, theirs).status_code == 404
    for provider_id in (ours, theirs):
        path = f"/api/v1/providers/{provider_id}/users/{their_adviser['id']}"
        assert manager.get(path).status_code == 404
        assert manager.request("PATCH", path, json={"name": "Taken"}).status_code == 404
        assert manager.post(path + "/disable").status_code == 404
        assert manager.post(path + "/password-reset").status_code == 404
    assert operator.get(f"/api/v1/providers/{theirs}/users/{their_adviser['id']}").json()["name"] == "Kim Sample"
    assert operator.get("/api/v1/providers/not-a-provider/users").status_code == 404


def test_a_landlords_users_and_a_providers_users_never_reach_each_others_routes(operator, landlord):
    _, admin = landlord
    provider_id = _new_provider(operator)
    manager_created, manager = _manager(operator, provider_id)
    assert _provider_user(admin, provider_id).status_code == 403
    assert admin.get(f"/api/v1/providers/{provider_id}/users").status_code == 403
    assert admin.get(f"/api/v1/providers/{provider_id}/users/{manager_created['id']}").status_code == 403
    assert admin.get(f"/api/v1/users/{manager_created['id']}").status_code == 404
    assert admin.post(f"/api/v1/users/{manager_created['id']}/disable").status_code == 404
    as_landlords = admin.post("/api/v1/users", json={"username": f"a.{uuid.uuid4().hex[:6]}", "name": "Ad Viser",
                                                     "role": "provider_adviser", "areas": ["Area A"]})
    assert as_landlords.status_code == 422 and as_landlords.json()["error"]["fields"][0]["field"] == "role"
    admin_id = admin.get("/api/v1/me").json()["id"]
    for method, path, body in (("POST", "/api/v1/people/search", {"criteria": {}}), ("GET", "/api/v1/users", None),
                               ("GET", f"/api/v1/users/{admin_id}", None), ("GET", "/api/v1/audit-log", None),
                               ("GET", "/api/v1/reports/people-count", None)):
        answer = manager.request(method, path, json=body)
        assert answer.status_code == 403, f"{method} {path}: {answer.status_code}"
    assert manager.get("/api/v1/landlords").status_code == 403
