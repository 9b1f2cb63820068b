"""Equal outcomes' arithmetic: rates half-up to one decimal place, and no rate from a hidden count."""
from services.reporting.outcomes import domain
from services.reporting.reports.domain import FacetValue as F


def test_rates_by_value_beside_everyones_and_no_rate_from_a_small_count():
    found = domain.outcomes("area", (60, [F("a", "Area A", 30), F("b", "Area B", 27), F(None, "Not known", 3)]),
                            (23, [F("a", "Area A", 20), F("b", "Area B", 3)]), 5)
    rows = {r.label: r for r in found.rows}
    assert rows["Area A"].rate == 66.7 and rows["Area A"].with_outcome == domain.Figure(20)
    assert rows["Area B"].rate is None and rows["Area B"].with_outcome.suppressed  # 3 of 27: never shown
    assert rows["Not known"].people.suppressed and rows["Not known"].with_outcome == domain.Figure(0)
    assert rows["Not known"].rate is None  # from 3 people: it would tell
    assert (found.overall.people.count, found.overall.with_outcome.count, found.overall.rate) == (60, 23, 38.3)


def test_a_value_nobody_holds_has_no_rate():
    found = domain.outcomes("area", (10, [F("a", "Area A", 10), F("b", "Area B", 0)]), (5, [F("a", "Area A", 5)]), 5)
    assert [r.rate for r in found.rows] == [50.0, None]
