"""Creating a landlord sets up its profiles at once (ProfileSetup.SetUpLandlord, in the new landlord's
call context), so no later search has to write its default option lists; were profiles away, the
landlord is created all the same."""
from __future__ import annotations

from types import SimpleNamespace

from services.common import context
from services.common.errors import Unavailable

OPERATOR_PASSWORD = "sturdy-lantern-harbour-42"


class FakeSetup:
    def __init__(self, error: Exception | None = None):
        self.error = error
        self.landlords: list[str] = []

    def SetUpLandlord(self, request, timeout=None):
        self.landlords.append(context.current().landlord_id)
        if self.error:
            raise self.error
        return request


def _create(gw, name: str):
    http = gw.app.test_client()
    token = http.post("/api/v1/auth/token", json={"username": "operator", "password": OPERATOR_PASSWORD}).json
    return http.post("/api/v1/landlords", headers={"Authorization": f"Bearer {token['access_token']}"}, json={
        "name": name, "admin": {"username": f"{name.split()[0].lower()}.admin", "password": "correct horse battery",
                                "name": "Alex Sample"}})


def test_a_new_landlord_gets_its_profiles_set_up_in_its_own_context(gateway, monkeypatch):
    setup = FakeSetup()
    monkeypatch.setattr(gateway.clients, "setup", SimpleNamespace(SetUpLandlord=setup.SetUpLandlord))
    answer = _create(gateway, "Northfield Homes")
    assert answer.status_code == 201, answer.json
    assert setup.landlords == [answer.json["id"]]


def test_a_landlord_is_created_even_while_profiles_is_away(gateway, monkeypatch):
    setup = FakeSetup(Unavailable("profiles is away"))
    monkeypatch.setattr(gateway.clients, "setup", SimpleNamespace(SetUpLandlord=setup.SetUpLandlord))
    answer = _create(gateway, "Southfield Homes")
    assert answer.status_code == 201, answer.json
    assert setup.landlords == [answer.json["id"]]
