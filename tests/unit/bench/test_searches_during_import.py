"""The import bench's searches during an import (bench/searches_during_import.py): the same criteria for the
same seed, 3 and 6 filters alternately, and figures that put the gateway beside the raw query."""
from __future__ import annotations

from bench import searches_during_import as during


def test_the_searches_are_the_same_for_the_same_seed_and_alternate_three_and_six_filters():
    first, again = during.searches(6, "c"), during.searches(6, "c")
    assert first == again and first != during.searches(6, "other")
    assert [len(criteria) for criteria in first] == [3, 6, 3, 6, 3, 6]


def test_figures_put_the_gateway_beside_the_raw_query():
    pairs = [(float(n), float(n) / 2) for n in range(1, 101)]
    found = during.figures(pairs)
    assert (found["gateway"]["p50_ms"], found["gateway"]["p95_ms"], found["raw"]["p95_ms"]) == (50.0, 95.0, 47.5)
    assert found["ratio_p95"] == 2.0 and found["gateway"]["n"] == 100
    assert during.figures([]) is None


def test_the_report_line_shows_during_and_idle_and_says_when_none_answered():
    found = {"searches_per_s": 4.0, "filters": "3 and 6", "failures": 1,
             "during": during.figures([(40.0, 20.0), (60.0, 30.0)]), "idle": during.figures([(30.0, 20.0)])}
    text = during.line("c", found)
    assert "2 of them: gateway p50 40.0 ms, p95 60.0 ms" in text and "idle after: gateway p50 30.0" in text
    assert text.endswith("1 failed")
    assert "none answered (3 failed)" in during.line("c", {"during": None, "failures": 3})
