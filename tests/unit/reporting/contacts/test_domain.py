"""The contacts report's months and arithmetic: a month is YYYY-MM (this month when not given); percentages
of the month's records (or people) rounded half-up to one place; small counts hidden, and a second one
where the total would give the first away."""
import datetime as dt

import pytest

from services.common.errors import InvalidInput
from services.reporting.contacts.domain import CodeCount, contacts_report, month_of


def test_months_run_from_their_first_day_to_the_next_months():
    assert month_of("", dt.date(2026, 12, 4)) == ("2026-12", dt.date(2026, 12, 1), dt.date(2027, 1, 1))
    assert month_of("2027-02", dt.date(2026, 12, 4))[1:] == (dt.date(2027, 2, 1), dt.date(2027, 3, 1))
    for bad in ("2027-13", "2027-2", "27-02", "1899-12", "9999-12"):
        with pytest.raises(InvalidInput) as refused:
            month_of(bad, dt.date(2026, 12, 4))
        assert refused.value.fields[0].field == "month"


def test_counts_and_percentages_with_a_hidden_cell_and_the_one_that_would_give_it_away():
    by_code = {"phoned": CodeCount("Phoned", 20, 15), "visited": CodeCount("Visited", 9, 9),
               "mailed": CodeCount("Mailed", 3, 3)}
    report = contacts_report("2027-03", by_code, 32, 20, threshold=5)
    records = {c.value: (c.suppressed, c.percent) for c in report.records_by_code.cells}
    assert records == {"phoned": (False, 62.5), "visited": (True, None), "mailed": (True, None)}
    people = {c.value: (c.suppressed, c.percent) for c in report.people_by_code.cells}
    assert people == {"phoned": (False, 75.0), "visited": (True, None), "mailed": (True, None)}
    assert report.people_by_code.several and not report.records.suppressed and report.people.count == 20
    quiet = contacts_report("2027-04", {"phoned": CodeCount("Phoned", 3, 3)}, 3, 3, threshold=5)
    assert quiet.records.suppressed and quiet.people.suppressed
