"""The whole platform in one process per mode (embedded defaults, and the real
engines), reached over HTTP as a front end would."""
from __future__ import annotations

import time
import uuid
from dataclasses import replace

import pytest
import requests

from services.common.devrunner import Platform
from tests.conftest import MODES, settings_for


class ApiClient:
    def __init__(self, base: str, token: str | None = None):
        self.base = base
        self.token = token

    def request(self, method: str, path: str, **kwargs) -> requests.Response:
        headers = kwargs.pop("headers", {})
        if self.token:
            headers.setdefault("Authorization", f"Bearer {self.token}")
        return requests.request(method, self.base + path, headers=headers, timeout=30, **kwargs)

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, **kw):
        return self.request("POST", path, **kw)

    def patch(self, path, **kw):
        return self.request("PATCH", path, **kw)

    def put(self, path, **kw):
        return self.request("PUT", path, **kw)

    def delete(self, path, **kw):
        return self.request("DELETE", path, **kw)

    def sign_in(self, username: str, password: str) -> "ApiClient":
        answer = self.post("/api/v1/auth/token", json={"username": username, "password": password})
        assert answer.status_code == 200, answer.text
        return ApiClient(self.base, answer.json()["access_token"])


@pytest.fixture(scope="session", params=MODES)
def platform(request, tmp_path_factory):
    # its own Kafka topics and consumer groups: events the other tiers left on the shared broker are not its backlog
    settings = replace(settings_for(request.param, tmp_path_factory.mktemp(f"var-{request.param}")),
                       kafka_namespace=f"e2e-{uuid.uuid4().hex[:8]}.")
    running = Platform(settings, ephemeral_ports=True).start()
    running.mode = request.param
    yield running
    running.stop()


@pytest.fixture
def anonymous(platform) -> ApiClient:
    return ApiClient(platform.url)


@pytest.fixture
def operator(anonymous) -> ApiClient:
    return anonymous.sign_in("operator", "sturdy-lantern-harbour-42")


def new_landlord(operator: ApiClient) -> tuple[dict, ApiClient]:
    """A fresh landlord and its site administrator, signed in."""
    suffix = uuid.uuid4().hex[:8]
    username, password = f"admin.{suffix}", f"pass-phrase-{suffix}"
    answer = operator.post("/api/v1/landlords", json={
        "name": f"Test Homes {suffix}", "admin": {"username": username, "password": password, "name": "Sam Sample"}})
    assert answer.status_code == 201, answer.text
    return answer.json(), ApiClient(operator.base).sign_in(username, password)


@pytest.fixture
def landlord(operator):
    return new_landlord(operator)


def first_sign_in(base: str, created: dict) -> ApiClient:
    """A user just created with a one-time password, signed in after changing it."""
    pending = ApiClient(base).sign_in(created["username"], created["one_time_password"])
    changed = pending.post("/api/v1/auth/password", json={"current_password": created["one_time_password"],
                                                         "new_password": "a steady green lantern"})
    assert changed.status_code == 200, changed.text
    return ApiClient(base, changed.json()["access_token"])


def new_provider_user(operator: ApiClient, role: str = "provider_manager") -> ApiClient:
    """A user of a fresh provider (the operator makes both), signed in."""
    provider = operator.post("/api/v1/providers", json={"name": f"Test Provider {uuid.uuid4().hex[:8]}",
                                                        "contact_email": "provider@example.org"})
    assert provider.status_code == 201, provider.text
    created = operator.post(f"/api/v1/providers/{provider.json()['id']}/users", json={
        "username": f"pu.{uuid.uuid4().hex[:8]}", "name": "Pat Provider", "role": role})
    assert created.status_code == 201, created.text
    return first_sign_in(operator.base, created.json())


def eventually(check, timeout: float = 30.0, interval: float = 0.1):
    """Poll `check` until it returns a truthy value; the last value otherwise."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(interval)
