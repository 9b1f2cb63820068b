"""Pure parts of the people-search benchmark: criteria with exactly N filters (values
picked at random from each list's labels, so caches do not make it trivial), the
request bodies of each scenario, and percentile maths."""
from __future__ import annotations

import math
import random
from typing import Any, Callable, Sequence

from services.profiles.setup.defaults import DEFAULT_OPTIONS

FACETS = ("tenancy_type", "gender", "age_band", "equality_group", "area")
FILTER_COUNTS = (3, 6, 10)
KINDS = ("count", "page", "facets")
PAGE_SIZE = 25


def _labels(list_name: str) -> tuple[str, ...]:
    return tuple(o.label for o in DEFAULT_OPTIONS[list_name])


def _any_of(list_name: str, most: int, common: tuple[str, ...] = (), p_common: float = 0.7
            ) -> Callable[[random.Random], list[str]]:
    """1..`most` labels ticked at random; with probability p_common the list's common labels
    among them (so ten filters still leave people to count, as real searches mostly do)."""
    labels = _labels(list_name)
    others = tuple(label for label in labels if label not in common)

    def pick(rng: random.Random) -> list[str]:
        chosen = list(common) if common and rng.random() < p_common else []
        extra = rng.randint(0 if chosen else 1, max(0, min(most - len(chosen), len(others))))
        chosen += rng.sample(others, extra)
        return chosen
    return pick


def _age(rng: random.Random) -> dict[str, int]:
    low = rng.choice((16, 18, 25, 30, 40, 50, 60, 65))
    return {"min": low} if rng.random() < 0.6 else {"min": low, "max": low + rng.choice((20, 30, 40))}


def _flag(rng: random.Random) -> bool:
    return rng.random() < 0.75


WHITE_BRITISH = "White: English, Welsh, Scottish, Northern Irish or British"
# In the order they are added: 3 filters are the first three, 6 the first six, 10 all ten.
# Lists are "any of" a few labels, as a user ticks boxes.
FILTERS: tuple[tuple[str, Callable[[random.Random], Any]], ...] = (
    ("tenancy_type", _any_of("tenancy_type", 3, ("General needs",))),
    ("area", _any_of("area", 3)),
    ("age", _age),
    ("gender", _any_of("gender", 2, ("Female",), 0.5)),
    ("has_email", _flag),
    ("ethnicity", _any_of("ethnicity", 8, (WHITE_BRITISH,))),
    ("disability", _any_of("disability", 2, ("No",))),
    ("household_status", _any_of("household_status", 2)),
    ("employment_status", _any_of("employment_status", 5, ("Full-time", "Retired"), 0.6)),
    ("first_language", _any_of("first_language", 6, ("English",), 0.85)),
)


def criteria(n_filters: int, rng: random.Random) -> dict[str, Any]:
    """Criteria with exactly `n_filters` criteria (each one index filter; the platform adds
    status = current and the landlord), values picked with `rng`."""
    if not 1 <= n_filters <= len(FILTERS):
        raise ValueError(f"between 1 and {len(FILTERS)} filters")
    return {name: pick(rng) for name, pick in FILTERS[:n_filters]}


def criteria_sequence(n_filters: int, count: int, seed: int | str) -> list[dict[str, Any]]:
    """The same `count` criteria for the same arguments (gateway and raw get the same sequence)."""
    rng = random.Random(f"search-criteria:{seed}:{n_filters}")
    return [criteria(n_filters, rng) for _ in range(count)]


def gateway_body(kind: str, criteria_: dict[str, Any]) -> dict[str, Any]:
    """POST /api/v1/people/search body of a scenario: count only; first page sorted by surname
    (with the count, which every answer has); or the five facets with the count."""
    if kind == "count":
        return {"criteria": criteria_, "count_only": True}
    if kind == "page":
        return {"criteria": criteria_, "page_size": PAGE_SIZE, "page": 1,
                "sort": [{"field": "surname", "direction": "asc"}]}
    if kind == "facets":
        return {"criteria": criteria_, "count_only": True, "facets": list(FACETS)}
    raise ValueError(f"unknown scenario kind {kind!r}")


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..1): the smallest value with at least q of all at or below it."""
    if not values:
        raise ValueError("no values")
    if not 0 <= q <= 1:
        raise ValueError("q must be between 0 and 1")
    ordered = sorted(values)
    rank = max(1, math.ceil(q * len(ordered)))
    return ordered[rank - 1]


def summary(ms: Sequence[float]) -> dict[str, float]:
    return {"p50_ms": round(percentile(ms, 0.5), 2), "p95_ms": round(percentile(ms, 0.95), 2),
            "max_ms": round(max(ms), 2), "n": len(ms)}


def ratio(gateway_ms: float, raw_ms: float) -> float:
    return round(gateway_ms / raw_ms, 2) if raw_ms > 0 else math.inf
