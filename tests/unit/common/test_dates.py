"""The landlords' calendar: the date in the UK at an instant (an hour ahead of UTC in summer time, equal to it
in winter, changing on the last Sundays of March and October), and days some months or years before."""
import datetime as dt

import pytest

from services.common.dates import landlord_today, months_before, years_before

UTC = dt.timezone.utc


def _utc(*parts) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=UTC)


@pytest.mark.parametrize("instant, day", [
    (_utc(2026, 6, 30, 22, 59), dt.date(2026, 6, 30)),  # 23:59 BST
    (_utc(2026, 6, 30, 23, 0), dt.date(2026, 7, 1)),  # midnight BST
    (_utc(2026, 6, 15, 23, 30), dt.date(2026, 6, 16)),  # summer: 00:30 the next day in London
    (_utc(2026, 12, 15, 23, 30), dt.date(2026, 12, 15)),  # winter: London is on UTC
    (_utc(2026, 12, 31, 23, 59), dt.date(2026, 12, 31)),
    (_utc(2027, 1, 1, 0, 0), dt.date(2027, 1, 1)),
])
def test_the_date_in_london_is_bst_in_summer_and_utc_in_winter(instant, day):
    assert landlord_today(instant) == day


def test_the_spring_clock_change_on_29_march_2026():
    # clocks go forward at 01:00 UTC: 00:30 UTC is 00:30 GMT, 01:30 UTC is 02:30 BST, both on the 29th
    assert landlord_today(_utc(2026, 3, 29, 0, 30)) == dt.date(2026, 3, 29)
    assert landlord_today(_utc(2026, 3, 29, 1, 30)) == dt.date(2026, 3, 29)
    assert landlord_today(_utc(2026, 3, 28, 23, 30)) == dt.date(2026, 3, 28), "still GMT the night before"
    assert landlord_today(_utc(2026, 3, 29, 23, 30)) == dt.date(2026, 3, 30), "BST that night"


def test_the_autumn_clock_change_on_25_october_2026():
    # clocks go back at 01:00 UTC: 23:30 UTC on the 24th is 00:30 BST on the 25th; 23:30 UTC on the 25th is GMT
    assert landlord_today(_utc(2026, 10, 24, 23, 30)) == dt.date(2026, 10, 25)
    assert landlord_today(_utc(2026, 10, 25, 0, 30)) == dt.date(2026, 10, 25)  # 01:30 BST
    assert landlord_today(_utc(2026, 10, 25, 1, 30)) == dt.date(2026, 10, 25)  # 01:30 GMT, the second time
    assert landlord_today(_utc(2026, 10, 25, 23, 30)) == dt.date(2026, 10, 25)
    assert landlord_today(_utc(2026, 10, 25, 23, 59, 59)) == dt.date(2026, 10, 25)
    assert landlord_today(_utc(2026, 10, 26, 0, 0)) == dt.date(2026, 10, 26)


def test_an_instant_in_another_zone_is_the_same_instant():
    new_york = dt.timezone(dt.timedelta(hours=-4))
    assert landlord_today(dt.datetime(2026, 6, 30, 19, 30, tzinfo=new_york)) == dt.date(2026, 7, 1)  # 23:30 UTC


@pytest.mark.parametrize("day, months, before", [
    (dt.date(2026, 6, 15), 0, dt.date(2026, 6, 15)),
    (dt.date(2026, 6, 15), 1, dt.date(2026, 5, 15)),
    (dt.date(2026, 1, 15), 1, dt.date(2025, 12, 15)),
    (dt.date(2026, 1, 31), 13, dt.date(2024, 12, 31)),
    (dt.date(2026, 6, 15), 12, dt.date(2025, 6, 15)),
    (dt.date(2026, 1, 15), 25, dt.date(2023, 12, 15)),
    (dt.date(2026, 8, 31), 6, dt.date(2026, 2, 28)),
    (dt.date(2028, 8, 31), 6, dt.date(2028, 2, 29)),  # a leap year
    (dt.date(2026, 3, 31), 1, dt.date(2026, 2, 28)),
    (dt.date(2026, 5, 31), 1, dt.date(2026, 4, 30)),
    (dt.date(2026, 7, 31), 1, dt.date(2026, 6, 30)),
    (dt.date(2026, 3, 30), 1, dt.date(2026, 2, 28)),
    (dt.date(2026, 3, 28), 1, dt.date(2026, 2, 28)),
    (dt.date(2026, 2, 28), 1, dt.date(2026, 1, 28)),
    (dt.date(2024, 2, 29), 12, dt.date(2023, 2, 28)),
    (dt.date(2024, 2, 29), 48, dt.date(2020, 2, 29)),
])
def test_months_before_keeps_the_day_or_takes_the_months_last(day, months, before):
    assert months_before(day, months) == before


def test_years_before_a_29_february_is_the_28th_when_that_year_has_none():
    assert years_before(dt.date(2028, 2, 29), 1) == dt.date(2027, 2, 28)
    assert years_before(dt.date(2028, 2, 29), 4) == dt.date(2024, 2, 29)
    assert years_before(dt.date(2026, 6, 15), 18) == dt.date(2008, 6, 15)
