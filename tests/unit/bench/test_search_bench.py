"""The pure parts of the people-search benchmark: criteria, request bodies, percentiles,
the load plan, and the fast document path against the platform's own."""
from __future__ import annotations

import datetime as dt
import random
import uuid

import pytest

from bench import search_criteria as sc
from bench import search_data as sd
from services.common.person_fields import OPTION_LISTS
from services.profiles.search import Page, build_request
from services.profiles.setup.defaults import DEFAULT_OPTIONS
from services.profiles.setup.domain import Catalogue, Option

TODAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    rng = random.Random(7)
    return Catalogue(options={
        name: [Option(str(uuid.UUID(int=rng.getrandbits(128), version=4)), name, d.label, i, code=d.code,
                      group=d.group, attributes=d.attributes)
               for i, d in enumerate(DEFAULT_OPTIONS.get(name, ()), start=1)]
        for name in OPTION_LISTS}, custom_fields={})


@pytest.mark.parametrize("n", sc.FILTER_COUNTS)
def test_criteria_have_exactly_n_filters_and_the_platform_accepts_them(n, catalogue):
    for criteria in sc.criteria_sequence(n, 200, seed="t"):
        assert len(criteria) == n
        request = build_request(criteria, Page(count_only=True), catalogue, TODAY)
        assert len(request.filters) == n + 1  # and status = current, which the platform adds


def test_smaller_counts_are_prefixes_of_the_filter_order():
    names = [name for name, _ in sc.FILTERS]
    for n in sc.FILTER_COUNTS:
        assert list(sc.criteria(n, random.Random(1))) == names[:n]
    with pytest.raises(ValueError):
        sc.criteria(len(sc.FILTERS) + 1, random.Random(1))


def test_same_seed_same_sequence_and_values_vary():
    first = sc.criteria_sequence(6, 100, seed=3)
    assert first == sc.criteria_sequence(6, 100, seed=3)
    assert first != sc.criteria_sequence(6, 100, seed=4)
    assert len({repr(c) for c in first}) > 90


def test_option_values_are_labels_of_the_lists():
    for criteria in sc.criteria_sequence(10, 300, seed=5):
        for name, value in criteria.items():
            if isinstance(value, list):
                labels = {o.label for o in DEFAULT_OPTIONS[name]}
                assert value and set(value) <= labels and len(set(value)) == len(value)


def test_gateway_bodies():
    c = {"area": ["Area A"]}
    assert sc.gateway_body("count", c) == {"criteria": c, "count_only": True}
    assert sc.gateway_body("page", c)["page_size"] == 25
    assert sc.gateway_body("page", c)["sort"] == [{"field": "surname", "direction": "asc"}]
    assert sc.gateway_body("facets", c)["facets"] == list(sc.FACETS) and len(sc.FACETS) == 5
    with pytest.raises(ValueError):
        sc.gateway_body("other", c)


def test_percentiles_nearest_rank():
    values = list(range(1, 101))  # 1..100
    random.Random(0).shuffle(values)
    assert sc.percentile(values, 0.5) == 50
    assert sc.percentile(values, 0.95) == 95
    assert sc.percentile(values, 1.0) == 100
    assert sc.percentile(values, 0.0) == 1
    assert sc.percentile([7.0], 0.95) == 7.0
    assert sc.percentile([1, 2, 3, 4], 0.5) == 2
    with pytest.raises(ValueError):
        sc.percentile([], 0.5)
    summary = sc.summary([float(v) for v in values])
    assert (summary["p50_ms"], summary["p95_ms"], summary["max_ms"], summary["n"]) == (50, 95, 100, 100)
    assert sc.ratio(30.0, 20.0) == 1.5


def test_load_plan_splits_the_big_landlord_into_parts():
    from bench.search_load import plan
    landlords = plan(10, 100_000, 1_000_000, 100_000)
    assert [l["size"] for l in landlords] == [100_000] * 10 + [1_000_000]
    assert sum(p["count"] for l in landlords for p in l["parts"]) == 2_000_000
    codes = [p["code"] for l in landlords for p in l["parts"]]
    assert len(codes) == len(set(codes)) == 20
    assert [p["count"] for p in plan(0, 1, 250, 100)[0]["parts"]] == [100, 100, 50]


def test_fast_documents_are_the_platforms_documents(catalogue):
    now = dt.datetime(2026, 11, 23, 9, 30, tzinfo=dt.timezone.utc)
    people = list(sd.people(1500, seed=2, landlord_code="T"))
    sd.check_parity(people, sd.DocumentMaker(catalogue, now), "landlord-1")


def test_people_have_the_extra_characteristics():
    people = list(sd.people(5000, seed=9, landlord_code="T"))
    share = {name: sum(name in p for p in people) / len(people)
             for name in ("religion", "first_language", "benefits", "communication_needs", "employment_status")}
    assert 0.4 < share["religion"] < 0.9 and 0.7 < share["first_language"] < 0.95
    assert 0.2 < share["benefits"] < 0.8 and 0.02 < share["communication_needs"] < 0.3
    assert {p["area"] for p in people} <= {"Area A", "Area B", "Area C", "Area D"}
    assert {p["household_status"] for p in people} == {"Head", "Joint", "Other"}
