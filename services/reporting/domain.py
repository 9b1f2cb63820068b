"""Reporting rules with no I/O: how events move the aggregates."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True)
class CountChange:
    """Add `delta` people to the count of `status`."""
    status: str
    delta: int


def person_created(status: str) -> list[CountChange]:
    return [CountChange(status or "current", +1)]


def status_changed(new_status: str) -> list[CountChange]:
    """A person moved between current and archived (the only two statuses)."""
    old_status = "current" if new_status == "archived" else "archived"
    return [CountChange(old_status, -1), CountChange(new_status, +1)]


def summed(changes: Iterable[CountChange]) -> list[CountChange]:
    """One change per status: the sum of these."""
    totals: Counter = Counter()
    for change in changes:
        totals[change.status] += change.delta
    return [CountChange(status, delta) for status, delta in sorted(totals.items())]
