"""Reporting rules with no I/O: how events move the aggregates."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CountChange:
    """Add `delta` people to the count of `status`."""
    status: str
    delta: int


def person_created(status: str) -> list[CountChange]:
    return [CountChange(status or "current", +1)]
