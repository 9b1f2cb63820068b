"""`make run`'s demo landlord against a whole platform (embedded defaults): created once,
its 3,000 residents imported through the gateway with no rejected row, searchable with
the feed's composition (age bands too, today and with the platform's calendar a year
ahead), and its sign-in reused on the next start."""
from __future__ import annotations

import dataclasses

import pytest

from services.common import demo
from services.common.devrunner import Platform
from services.common.sample_residents import composition, feed_rows
from tests.conftest import embedded_settings
from tests.e2e.conftest import ApiClient, eventually

FACETS = ("gender", "tenancy_type", "age_band")


@pytest.fixture(scope="module", params=[0, 365], ids=["today", "a-year-ahead"])
def running(request, tmp_path_factory):
    settings = dataclasses.replace(embedded_settings(tmp_path_factory.mktemp("var-demo")),
                                   clock_offset_days=request.param)
    platform = Platform(settings, ephemeral_ports=True).start()
    yield platform
    platform.stop()


def facet_counts(answer: dict) -> dict[str, dict[str, int]]:
    return {name: {v["label"].casefold(): v["count"] for v in values if v["count"]}
            for name, values in answer["facets"].items()}


def test_the_demo_is_created_once_loaded_searchable_and_reused(running):
    settings = running.settings
    marker = demo.ensure(settings, running.url, running.gateway.operator_password, wait_seconds=240)
    assert marker is not None and "problem" not in marker, marker
    assert marker["loaded"], marker
    counts = marker["counts"]
    assert counts["rejected"] == 0 and counts["created"] == demo.PEOPLE, counts

    admin = ApiClient(running.url).sign_in(marker["username"], marker["password"])
    body = {"criteria": {}, "page_size": 1, "count_only": True, "facets": list(FACETS)}
    answer = eventually(lambda: (lambda a: a if a["total"] == demo.PEOPLE else None)(
        admin.post("/api/v1/people/search", json=body).json()), timeout=60)
    assert answer, "the demo residents did not all become searchable"
    today = settings.clock().today()
    expected = composition(feed_rows(demo.PEOPLE, seed=demo.SEED, landlord_code=demo.LANDLORD_CODE, today=today),
                           today=today)
    got = facet_counts(answer)
    for name in FACETS:
        assert got[name] == {k.casefold(): v for k, v in expected[name].items()}, name

    # The next start: the same sign-in, from the marker, without asking the platform anything.
    again = demo.ensure(settings, "http://127.0.0.1:9", running.gateway.operator_password)
    assert (again["username"], again["password"]) == (marker["username"], marker["password"])
    # And asking it again creates nothing more.
    demo.ensure(settings, running.url, running.gateway.operator_password)
    operator = ApiClient(running.url).sign_in("operator", running.gateway.operator_password)
    names = [landlord["name"] for landlord in operator.get("/api/v1/landlords").json()["items"]]
    assert names.count(demo.LANDLORD) == 1
