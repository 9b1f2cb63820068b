"""A provider's users through the gateway's app alone (no other service): the operator creates a provider's
manager, who manages their own provider's users only; tokens name the provider; the id's shape is checked."""
from __future__ import annotations

import uuid
from types import SimpleNamespace

import pytest

from services.common.errors import NotFound
from services.gateway.routes.provider_users import known_provider

OPERATOR_PASSWORD = "sturdy-lantern-harbour-42"
P1, P2 = str(uuid.uuid4()), str(uuid.uuid4())


class Http:
    def __init__(self, gw, token: str | None = None):
        self.client, self.token = gw.app.test_client(), token

    def call(self, method: str, path: str, **kwargs):
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        return self.client.open(path, method=method, headers=headers, **kwargs)

    def sign_in(self, username: str, password: str) -> "Http":
        answer = self.call("POST", "/api/v1/auth/token", json={"username": username, "password": password})
        assert answer.status_code == 200, answer.json
        signed_in = Http.__new__(Http)
        signed_in.client, signed_in.token = self.client, answer.json["access_token"]
        return signed_in


def _first_sign_in(gw, created: dict) -> Http:
    pending = Http(gw).sign_in(created["username"], created["one_time_password"])
    changed = pending.call("POST", "/api/v1/auth/password", json={
        "current_password": created["one_time_password"], "new_password": "a quiet blue harbour"})
    assert changed.status_code == 200, changed.json
    return Http(gw, changed.json["access_token"])


def _create(http: Http, provider_id: str, role: str = "provider_adviser"):
    return http.call("POST", f"/api/v1/providers/{provider_id}/users", json={
        "username": f"p.{uuid.uuid4().hex[:8]}", "name": "Kim Sample", "role": role})


class Providers:
    """The referrals service as the gateway asks it about providers: P1 and P2 exist."""

    @staticmethod
    def GetProvider(request, timeout=None):  # noqa: N802 (a gRPC stub's method name)
        if request.provider_id not in (P1, P2):
            raise NotFound("provider not found")
        return SimpleNamespace(provider_id=request.provider_id)


@pytest.fixture
def gateway(gateway):
    gateway.clients.referrals = Providers()
    return gateway


def test_only_a_known_provider_of_the_right_shape_names_a_provider():
    gw = SimpleNamespace(clients=SimpleNamespace(referrals=Providers()))
    assert known_provider(gw, P1) == P1
    with pytest.raises(NotFound):
        known_provider(gw, str(uuid.uuid4()))
    for wrong in ("P1", P1.upper(), P1.replace("-", ""), "", "../users"):
        with pytest.raises(NotFound):
            known_provider(gw, wrong)


def test_a_providers_manager_manages_their_own_providers_users_only(gateway):
    operator = Http(gateway).sign_in("operator", OPERATOR_PASSWORD)
    created = _create(operator, P1, "provider_manager")
    assert created.status_code == 201, created.json
    assert created.json["provider_id"] == P1 and created.json["must_change_password"]
    manager = _first_sign_in(gateway, created.json)
    me = manager.call("GET", "/api/v1/me").json
    assert me["provider_id"] == P1 and me["privileges"] == ["change_own_password", "manage_users"]
    adviser = _create(manager, P1)
    assert adviser.status_code == 201 and adviser.json["role"] == "provider_adviser"
    assert _create(manager, P1, "housing_officer").status_code == 422
    assert _create(manager, P2).status_code == 404
    assert manager.call("GET", f"/api/v1/providers/{P2}/users").status_code == 404
    assert manager.call("GET", f"/api/v1/providers/{P1}/users").json["total"] == 2
    assert manager.call("GET", "/api/v1/users").status_code == 403
    user_id = adviser.json["id"]
    assert manager.call("POST", f"/api/v1/providers/{P1}/users/{user_id}/disable").json["status"] == "disabled"
    assert manager.call("POST", f"/api/v1/providers/{P1}/users/{user_id}/enable").json["status"] == "active"
    assert manager.call("PATCH", f"/api/v1/providers/{P1}/users/{user_id}", json={"role": "manager"}).status_code == 422
    assert manager.call("POST", f"/api/v1/providers/{P1}/users/{user_id}/password-reset").json["one_time_password"]
    own = manager.call("PATCH", f"/api/v1/providers/{P1}/users/{me['id']}", json={"role": "provider_adviser"})
    assert own.status_code == 403 and own.json["error"]["fields"][0]["field"] == "role"


def test_another_providers_users_are_not_found_and_a_landlords_administrator_is_refused(gateway):
    operator = Http(gateway).sign_in("operator", OPERATOR_PASSWORD)
    theirs = _create(operator, P2).json
    manager = _first_sign_in(gateway, _create(operator, P1, "provider_manager").json)
    for path in (f"/api/v1/providers/{P1}/users/{theirs['id']}", f"/api/v1/providers/{P2}/users/{theirs['id']}"):
        assert manager.call("GET", path).status_code == 404
        assert manager.call("POST", path + "/disable").status_code == 404
    landlord = operator.call("POST", "/api/v1/landlords", json={"name": "Northfield Homes", "admin": {
        "username": "nf.admin", "password": "correct horse battery", "name": "Alex Sample"}})
    assert landlord.status_code == 201, landlord.json
    admin = Http(gateway).sign_in("nf.admin", "correct horse battery")
    assert _create(admin, P1).status_code == 403
    assert admin.call("GET", f"/api/v1/providers/{P1}/users").status_code == 403
    assert admin.call("GET", f"/api/v1/users/{theirs['id']}").status_code == 404
    refused = admin.call("POST", "/api/v1/users", json={"username": "nf.adviser", "name": "Ad Viser",
                                                        "role": "provider_adviser", "all_areas": True})
    assert refused.status_code == 422
