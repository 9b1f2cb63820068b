"""The platform's clock (DESIGN.md convention 11): `now()` and `today()` come from the clock
each service's bootstrap passes in, so age bands, dates checked against today and generated
demo data agree on any date, and tests move time instead of sleeping.

`TRACKER_CLOCK_OFFSET_DAYS` runs a whole platform's calendar that many days from the
machine's (for demos and for proving the platform works on any date); 0 in production.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Clock:
    """The machine's time, moved by `offset`. Time keeps flowing; only the calendar moves."""
    offset: dt.timedelta = dt.timedelta(0)

    def now(self) -> dt.datetime:
        """The current instant, in UTC."""
        return dt.datetime.now(dt.timezone.utc) + self.offset

    def today(self) -> dt.date:
        """Today's date in UTC (the date age bands and date checks are worked out on)."""
        return self.now().date()


class FixedClock(Clock):
    """A clock that stands still at `at` until a test moves it: inject one into `bootstrap.build` and
    `move()` it where a test would otherwise sleep (every holder of the clock sees the new time)."""

    def __init__(self, at: dt.datetime = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)):
        super().__init__()
        self._at = at  # not a dataclass field, so settable on this subclass of a frozen dataclass

    def now(self) -> dt.datetime:
        return self._at

    def move(self, by: dt.timedelta) -> "FixedClock":
        """Move this clock on by `by` (back, if negative); returns it."""
        self._at += by
        return self

    __eq__ = object.__eq__
    __hash__ = object.__hash__

    def __repr__(self) -> str:
        return f"FixedClock({self._at.isoformat()})"


SYSTEM = Clock()


def shifted(days: int) -> Clock:
    """The machine's clock moved `days` days (SYSTEM for 0)."""
    return Clock(dt.timedelta(days=days)) if days else SYSTEM
