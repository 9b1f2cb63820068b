"""The gateway's composition root: its clock is the one `build` is given, so time moves when a test moves it."""
import datetime as dt

import pytest

from services.common.clock import FixedClock
from services.gateway import bootstrap, service
from tests.conftest import embedded_settings

OPERATOR_PASSWORD = "sturdy-lantern-harbour-42"


@pytest.fixture
def gateway(tmp_path):
    clock = FixedClock(dt.datetime(2031, 2, 28, 23, 59, tzinfo=dt.timezone.utc))
    gw = bootstrap.build(embedded_settings(tmp_path), addresses={}, clock=clock)
    gw.migrate()
    with gw.uow(platform=True) as uow:
        service.ensure_operator(uow, password=OPERATOR_PASSWORD)
    yield gw, clock
    gw.stop()


def test_tokens_the_gateway_issues_expire_when_its_clock_passes_their_lifetime(gateway):
    gw, clock = gateway
    http = gw.app.test_client()
    signed_in = http.post("/api/v1/auth/token", json={"username": "operator", "password": OPERATOR_PASSWORD})
    assert signed_in.status_code == 200, signed_in.json
    token = {"Authorization": f"Bearer {signed_in.json['access_token']}"}
    assert signed_in.json["expires_in"] == gw.settings.token_ttl_seconds
    assert http.get("/api/v1/me", headers=token).status_code == 200

    clock.move(dt.timedelta(seconds=gw.settings.token_ttl_seconds - 1))
    assert http.get("/api/v1/me", headers=token).status_code == 200
    clock.move(dt.timedelta(seconds=1))
    expired = http.get("/api/v1/me", headers=token)
    assert expired.status_code == 401 and "expired" in expired.json["error"]["message"]


def test_what_the_gateway_records_is_dated_by_its_clock(gateway):
    gw, clock = gateway
    with gw.uow(platform=True) as uow:
        operator = service.UserRepository(uow.session).by_username("operator")
    assert operator.created_at == clock.now()
