"""Calendar rules every service shares."""
from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from .errors import InvalidInput

# The landlords' calendar: a due date is overdue, and a digest is "today's", by the date in the UK, which is
# an hour ahead of UTC in summer time (BST) and equal to it in winter.
LANDLORD_ZONE = ZoneInfo("Europe/London")


def landlord_today(now: dt.datetime) -> dt.date:
    """The date in the UK at the instant `now` (an aware datetime, e.g. the clock's now())."""
    return now.astimezone(LANDLORD_ZONE).date()


def years_before(day: dt.date, years: int) -> dt.date:
    """The day `years` years before `day` (28 February for a 29 February that year lacks)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def months_before(day: dt.date, months: int) -> dt.date:
    """The day `months` months before `day` (the month's last day where it is shorter: 31 August - 6 is 28 or 29
    February)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    for last in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("every month has a 28th")


def iso_date(value: str | None, name: str, *, required: bool = True) -> dt.date | None:
    """The date written YYYY-MM-DD, or None when blank and not required; else InvalidInput naming `name`."""
    value = (value or "").strip()
    if not value:
        if required:
            raise InvalidInput.field(name, "is required")
        return None
    try:
        parsed = dt.date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        parsed = None
    if parsed is None:
        raise InvalidInput.field(name, "must be a date as YYYY-MM-DD")
    return parsed
