"""Sign-in throttling behind a proxy (an ingress): with TRACKER_GATEWAY_TRUSTED_PROXY set, the client's
address is the one the proxy appended to X-Forwarded-For, so guesses from one client lock that client
out, not everybody the proxy carries; without it, a forwarded header is ignored (nobody can pick the
address their guesses count against)."""
from __future__ import annotations

import dataclasses

import pytest

from services.common.devrunner import Platform
from tests.conftest import embedded_settings
from tests.e2e.conftest import ApiClient, new_landlord

GUESSER, OFFICER = "203.0.113.7", "198.51.100.20"  # documentation ranges (RFC 5737)


@pytest.fixture(scope="module")
def behind_proxy(tmp_path_factory):
    settings = dataclasses.replace(embedded_settings(tmp_path_factory.mktemp("var-proxy")),
                                   gateway_trusted_proxy="127.0.0.1")
    platform = Platform(settings, ephemeral_ports=True).start()
    yield platform
    platform.stop()


def _sign_in(base: str, username: str, password: str, forwarded_for: str):
    return ApiClient(base).post("/api/v1/auth/token", json={"username": username, "password": password},
                                headers={"X-Forwarded-For": forwarded_for})


def _landlord(platform) -> tuple[str, str]:
    operator = ApiClient(platform.url).sign_in("operator", platform.gateway.operator_password)
    body, _ = new_landlord(operator)
    username = body["admin"]["username"]
    return username, f"pass-phrase-{username[6:]}"


def test_behind_a_trusted_proxy_the_guessing_client_is_slowed_and_the_officer_signs_in(behind_proxy):
    username, password = _landlord(behind_proxy)
    # a client may put anything first; the proxy appends the address it saw, which is the one that counts
    guesses = [_sign_in(behind_proxy.url, username, "guess-guess-guess", f"{OFFICER}, {GUESSER}").status_code
               for _ in range(12)]
    assert guesses[:5] == [401] * 5 and guesses[-1] == 429, guesses
    assert _sign_in(behind_proxy.url, username, password, OFFICER).status_code == 200
    assert _sign_in(behind_proxy.url, username, password, GUESSER).status_code == 429


def test_without_a_trusted_proxy_a_forwarded_address_is_not_believed(platform, operator):
    body, _ = new_landlord(operator)
    username = body["admin"]["username"]
    guesses = [_sign_in(platform.url, username, "guess-guess-guess", f"192.0.2.{i}").status_code for i in range(12)]
    assert guesses[-1] == 429, "each guess claimed another address, yet they all came from this one"
