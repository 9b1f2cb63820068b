"""Users, roles and privileges through the gateway: what site administrators do,
and the abuse the rules must refuse."""
from __future__ import annotations

import uuid

import requests

from tests.e2e.conftest import ApiClient, new_landlord


def _user(admin: ApiClient, role="housing_officer", **extra) -> dict:
    body = {"username": f"u.{uuid.uuid4().hex[:8]}", "name": "Pat Sample", "role": role, "areas": ["Area A"], **extra}
    answer = admin.post("/api/v1/users", json=body)
    assert answer.status_code == 201, answer.text
    return answer.json()


def _first_sign_in(base: str, created: dict, new_password: str = "a quiet blue harbour") -> ApiClient:
    anonymous = ApiClient(base)
    token = anonymous.post("/api/v1/auth/token", json={"username": created["username"], "password": created["one_time_password"]})
    assert token.status_code == 200 and token.json()["password_change_required"] is True
    pending = ApiClient(base, token.json()["access_token"])
    assert pending.get("/api/v1/reports/people-count").json()["error"]["code"] == "password_change_required"
    assert pending.get("/api/v1/me").status_code == 200
    changed = pending.post("/api/v1/auth/password", json={"current_password": created["one_time_password"], "new_password": new_password})
    assert changed.status_code == 200, changed.text
    assert pending.get("/api/v1/me").status_code == 401, "the one-time token must stop working"
    return ApiClient(base, changed.json()["access_token"])


def test_an_administrator_creates_a_user_who_must_change_the_one_time_password(landlord):
    _, admin = landlord
    created = _user(admin, email="pat@example.org", phone="07700 900123")
    assert created["initials"] == "PS" and created["must_change_password"] and created["read_only_fields"] == ["username"]
    officer = _first_sign_in(admin.base, created)
    me = officer.get("/api/v1/me").json()
    assert me["privileges"] == sorted(["edit_profiles", "send_messages", "view_reports", "change_own_password"])
    assert {"role", "areas", "status"} <= set(me["read_only_fields"])
    assert officer.get("/api/v1/users").status_code == 403
    assert admin.get("/api/v1/users", params={"name": "nobody like this"}).json()["total"] == 0
    found = admin.get("/api/v1/users", params={"name": "PAT sam"}).json()
    assert created["id"] in {u["id"] for u in found["items"]}
    assert all("pat sam" in u["name"].lower() for u in found["items"])
    disabled_only = admin.get("/api/v1/users", params={"status": "disabled"}).json()
    assert disabled_only["total"] == 0


def test_weak_and_breached_passwords_are_refused_with_the_reason(platform, landlord):
    _, admin = landlord
    created = _user(admin)
    token = ApiClient(platform.url).post("/api/v1/auth/token", json={"username": created["username"], "password": created["one_time_password"]})
    pending = ApiClient(platform.url, token.json()["access_token"])
    for weak in ("short", "Password123!", "P@ssw0rd2024", "12345678", created["username"] + "99"):
        answer = pending.post("/api/v1/auth/password", json={"current_password": created["one_time_password"], "new_password": weak})
        assert answer.status_code == 422, weak
        assert answer.json()["error"]["fields"][0]["field"] == "new_password"
    wrong_current = pending.post("/api/v1/auth/password", json={"current_password": "not it at all", "new_password": "a quiet blue harbour"})
    assert wrong_current.status_code == 422 and wrong_current.json()["error"]["fields"][0]["field"] == "current_password"


def test_role_escalation_is_refused(landlord):
    _, admin = landlord
    manager = _first_sign_in(admin.base, _user(admin, role="manager", extra_privileges=["manage_users"]))
    escalate = manager.post("/api/v1/users", json={"username": f"x.{uuid.uuid4().hex[:6]}", "name": "X Y", "role": "site_administrator", "areas": ["Area A"]})
    assert escalate.status_code == 422 and escalate.json()["error"]["fields"][0]["field"] == "role"
    extra = manager.post("/api/v1/users", json={"username": f"x.{uuid.uuid4().hex[:6]}", "name": "X Y", "role": "housing_officer",
                                                "areas": ["Area A"], "extra_privileges": ["manage_setup"]})
    assert extra.status_code == 422 and extra.json()["error"]["fields"][0]["field"] == "extra_privileges"
    operator_role = manager.post("/api/v1/users", json={"username": "x.op1", "name": "X", "role": "platform_operator"})
    assert operator_role.status_code == 422
    me = manager.get("/api/v1/me").json()
    own = manager.request("PATCH", f"/api/v1/users/{me['id']}", json={"extra_privileges": ["manage_setup"]})
    assert own.status_code == 403 and own.json()["error"]["fields"][0]["field"] == "extra_privileges"
    admin_id = admin.get("/api/v1/me").json()["id"]
    assert manager.post(f"/api/v1/users/{admin_id}/password-reset").status_code == 403
    assert manager.post(f"/api/v1/users/{admin_id}/disable").status_code == 403


def test_users_of_another_area_or_landlord_are_out_of_reach(operator, landlord):
    _, admin = landlord
    manager = _first_sign_in(admin.base, _user(admin, role="manager", extra_privileges=["manage_users"], areas=["Area A"]))
    south = _user(admin, areas=["Area B"])
    assert manager.request("PATCH", f"/api/v1/users/{south['id']}", json={"name": "Renamed"}).status_code == 403
    outside = manager.post("/api/v1/users", json={"username": f"s.{uuid.uuid4().hex[:6]}", "name": "S T", "role": "read_only", "areas": ["Area B"]})
    assert outside.status_code == 422 and outside.json()["error"]["fields"][0]["field"] == "areas"
    north = manager.post("/api/v1/users", json={"username": f"n.{uuid.uuid4().hex[:6]}", "name": "N T", "role": "read_only", "areas": ["Area A"]})
    assert north.status_code == 201
    _, other_admin = new_landlord(operator)
    assert other_admin.get(f"/api/v1/users/{south['id']}").status_code == 404
    assert other_admin.request("PATCH", f"/api/v1/users/{south['id']}", json={"name": "Taken"}).status_code == 404
    assert other_admin.post(f"/api/v1/users/{south['id']}/disable").status_code == 404
    assert admin.get(f"/api/v1/users/{south['id']}").json()["name"] == "Pat Sample"


def test_disabling_deleting_and_resetting_revoke_tokens(landlord):
    _, admin = landlord
    created = _user(admin)
    officer = _first_sign_in(admin.base, created)
    assert officer.get("/api/v1/reports/people-count").status_code == 200
    assert admin.post(f"/api/v1/users/{created['id']}/disable").json()["status"] == "disabled"
    assert officer.get("/api/v1/reports/people-count").status_code == 401
    again = ApiClient(admin.base).post("/api/v1/auth/token", json={"username": created["username"], "password": "a quiet blue harbour"})
    assert again.status_code == 401
    admin.post(f"/api/v1/users/{created['id']}/enable")
    officer = ApiClient(admin.base).sign_in(created["username"], "a quiet blue harbour")
    reset = admin.post(f"/api/v1/users/{created['id']}/password-reset").json()
    assert officer.get("/api/v1/me").status_code == 401
    assert reset["must_change_password"] and reset["one_time_password"]
    assert admin.request("DELETE", f"/api/v1/users/{created['id']}").status_code == 204
    assert admin.get(f"/api/v1/users/{created['id']}").status_code == 404
    me = admin.get("/api/v1/me").json()
    assert admin.request("DELETE", f"/api/v1/users/{me['id']}").status_code == 403
    log = admin.get("/api/v1/audit-log").json()
    actions = [(e["action"], e["target_id"]) for e in log["items"] if e["target_id"] == created["id"]]
    assert [a for a, _ in actions] == ["user.deleted", "user.password_reset", "user.enabled", "user.disabled",
                                      "user.password_changed", "user.created"]
    assert log["items"][0]["actor_name"] == "Sam Sample"


def test_a_thousand_wrong_passwords_are_refused_then_throttled_never_a_500(platform, landlord):
    landlord_body, _ = landlord
    anonymous = ApiClient(platform.url)
    username = landlord_body["admin"]["username"]
    statuses = []
    for _ in range(1000):
        answer = anonymous.post("/api/v1/auth/token", json={"username": username, "password": "guess-guess-guess"})
        statuses.append(answer.status_code)
    assert set(statuses) <= {401, 429}
    assert statuses[:5] == [401] * 5 and statuses.count(429) > 900
    locked = anonymous.post("/api/v1/auth/token", json={"username": username, "password": f"pass-phrase-{username[6:]}"})
    assert locked.status_code == 429 and int(locked.headers["Retry-After"]) >= 1, "the right password waits out the lock too"
    assert "try again in" in locked.json()["error"]["message"]
    nobody = f"nobody.{uuid.uuid4().hex[:6]}"
    unknown = [anonymous.post("/api/v1/auth/token", json={"username": nobody, "password": "guess-guess-guess"}).status_code
               for _ in range(6)]
    assert unknown == [401] * 5 + [429], "unknown usernames are throttled alike, so the answers tell nothing"


def test_bad_user_input_is_named_field_by_field(landlord):
    _, admin = landlord
    bad = admin.post("/api/v1/users", json={"username": "A B", "name": "", "role": "king", "email": "nope", "areas": "Area A"})
    assert bad.status_code == 422
    assert {f["field"] for f in bad.json()["error"]["fields"]} >= {"name", "role", "areas"}
    bad_details = admin.post("/api/v1/users", json={"username": "a b", "name": "Ok Name", "role": "read_only", "email": "nope", "areas": ["Area A"]})
    assert {f["field"] for f in bad_details.json()["error"]["fields"]} == {"username", "email"}
    taken = admin.get("/api/v1/me").json()["username"]
    dup = admin.post("/api/v1/users", json={"username": taken.upper(), "name": "Ok Name", "role": "read_only", "areas": ["Area A"]})
    assert dup.status_code == 409
    assert admin.get("/api/v1/users", params={"colour": "red"}).status_code == 422
    assert admin.get("/api/v1/users", params={"page_size": "lots"}).status_code == 422


def test_the_operator_adds_an_administrator_who_must_change_the_password(operator, landlord):
    landlord_body, admin = landlord
    added = operator.post(f"/api/v1/landlords/{landlord_body['id']}/administrators",
                          json={"username": f"second.{uuid.uuid4().hex[:6]}", "name": "Robin Sample"})
    assert added.status_code == 201, added.text
    second = _first_sign_in(admin.base, added.json())
    assert second.get("/api/v1/me").json()["role"] == "site_administrator"
    assert operator.post("/api/v1/landlords/00000000-0000-0000-0000-000000000000/administrators",
                         json={"username": "ghost.admin", "name": "Ghost"}).status_code == 404
    assert admin.post(f"/api/v1/landlords/{landlord_body['id']}/administrators",
                      json={"username": "self.made", "name": "Self"}).status_code == 403
    assert any(e["action"] == "user.created" and e["actor_name"] == "Platform operator"
               for e in admin.get("/api/v1/audit-log").json()["items"])


def test_areas_come_from_the_landlords_area_list(landlord):
    _, admin = landlord
    unknown = admin.post("/api/v1/users", json={"username": f"a.{uuid.uuid4().hex[:6]}", "name": "Ar Ea",
                                                "role": "read_only", "areas": ["Narnia"]})
    assert unknown.status_code == 422 and unknown.json()["error"]["fields"][0]["field"] == "areas"
    created = admin.post("/api/v1/users", json={"username": f"a.{uuid.uuid4().hex[:6]}", "name": "Ar Ea",
                                                "role": "read_only", "areas": ["area a", "AREA B"]})
    assert created.status_code == 201 and created.json()["areas"] == ["Area A", "Area B"], "spelt as the list spells them"
    area_b = next(o for o in admin.get("/api/v1/option-lists/area").json()["items"] if o["label"] == "Area B")
    admin.patch(f"/api/v1/option-lists/area/options/{area_b['id']}", json={"archived": True})
    kept = admin.patch(f"/api/v1/users/{created.json()['id']}", json={"areas": ["Area B", "Area C"]})
    assert kept.status_code == 200, "a user keeps an archived area they already work in"
    refused = admin.post("/api/v1/users", json={"username": f"a.{uuid.uuid4().hex[:6]}", "name": "Ar Ea",
                                                "role": "read_only", "areas": ["Area B"]})
    assert refused.status_code == 422 and "archived" in refused.json()["error"]["fields"][0]["reason"]


def test_changing_a_user_with_nulls_is_refused_naming_every_field_that_cannot_be_null(landlord):
    _, admin = landlord
    created = _user(admin, email="pat@example.org")
    nulls = {name: None for name in ("name", "initials", "email", "phone", "role", "areas", "all_areas",
                                     "extra_privileges")}
    answer = admin.patch(f"/api/v1/users/{created['id']}", json=nulls)
    assert answer.status_code == 422, answer.text
    assert {f["field"]: f["reason"] for f in answer.json()["error"]["fields"]} == {
        name: "cannot be null" for name in nulls}
    kept = admin.get(f"/api/v1/users/{created['id']}").json()
    assert (kept["name"], kept["email"], kept["role"]) == ("Pat Sample", "pat@example.org", "housing_officer")


def test_a_one_time_password_token_still_reads_the_public_routes(landlord):
    _, admin = landlord
    created = _user(admin)
    token = ApiClient(admin.base).post("/api/v1/auth/token", json={
        "username": created["username"], "password": created["one_time_password"]}).json()["access_token"]
    pending = ApiClient(admin.base, token)
    for path in ("/healthz", "/readyz", "/metrics", "/api/v1/openapi.json"):
        assert pending.get(path).status_code == 200, path
    assert pending.get("/api/v1/reports/people-count").status_code == 403


class _FromAddress(requests.adapters.HTTPAdapter):
    """Requests sent from another loopback address (127.0.0.0/8 is all this machine)."""

    def __init__(self, address: str):
        self._address = address
        super().__init__()

    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, source_address=(self._address, 0), **kwargs)


def test_guessing_from_one_address_does_not_lock_the_user_out_of_theirs(platform, landlord):
    landlord_body, _ = landlord
    username = landlord_body["admin"]["username"]
    elsewhere = requests.Session()
    elsewhere.mount("http://", _FromAddress("127.0.0.2"))
    guesses = [elsewhere.post(f"{platform.url}/api/v1/auth/token", timeout=30,
                              json={"username": username, "password": "guess-guess-guess"}).status_code
               for _ in range(12)]
    assert guesses[:5] == [401] * 5 and guesses[-1] == 429, guesses
    own = ApiClient(platform.url).post("/api/v1/auth/token", json={"username": username,
                                                                   "password": f"pass-phrase-{username[6:]}"})
    assert own.status_code == 200, own.text
    still = elsewhere.post(f"{platform.url}/api/v1/auth/token", timeout=30,
                           json={"username": username, "password": f"pass-phrase-{username[6:]}"})
    assert still.status_code == 429, "the guessing address waits out its lock, even with the right password"
