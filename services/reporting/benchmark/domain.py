"""Benchmark groups with no I/O. Landlords who opt in to the same group each see their own figures beside
the group's median and quartiles for the same measures: each characteristic's data completeness (the share
of current people whose value is known), its profile (each value's share of the known), the
participation rate (the share of current people taking part in any activity) and the contact rate (the
share of current people with a communication record in the last twelve months). Values are
compared by their label, since each landlord has its own options. Only these figures cross landlords,
never a record, and a figure of the group is shown only when at least five landlords contribute to it.
"""
from __future__ import annotations

import datetime as dt
import re
import statistics
from dataclasses import dataclass
from typing import Iterable, Mapping

from services.common.dates import years_before
from services.common.errors import InvalidInput

from ..domain import ACTIVITY, KNOWN
from ..reports.domain import Catalogue, ProfileReport, percent, profile_report

MIN_CONTRIBUTORS = 5
GROUP = re.compile(r"^[a-z0-9][a-z0-9-]{1,58}[a-z0-9]$")
COMPLETENESS, PROFILE, PARTICIPATION, CONTACT = "completeness", "profile", "participation", "contact"
CONTACTS = "contacts"  # the contact rate's characteristic

Key = tuple[str, str, str]  # (kind, characteristic, value label; "" for completeness)


@dataclass(frozen=True)
class Measure:
    kind: str
    characteristic: str
    label: str  # the value's label (profile), or "" (completeness, participation)
    own: float | None
    contributors: int
    median: float | None = None  # None: fewer than five landlords contribute
    lower_quartile: float | None = None
    upper_quartile: float | None = None


def check_group(name: str) -> str:
    name = (name or "").strip().lower()
    if not GROUP.match(name):
        raise InvalidInput.field("group", "name the group with 3 to 60 lower-case letters, digits and hyphens, "
                                          "e.g. north-west-associations")
    return name


def contact_window_start(today: dt.date) -> dt.date:
    """The first day counted by the contact rate: the same day a year back (the 28th for a 29 February)."""
    return years_before(today, 1)


def measures(counts: Mapping, catalogue: Catalogue, contacted: int | None = None) -> dict[Key, float]:
    """A landlord's measures, from its counts and how many current people were contacted in the window
    (unsuppressed: only medians and quartiles leave the landlord)."""
    report: ProfileReport = profile_report(counts, catalogue, threshold=1)  # 1: nothing hidden here
    total = report.current_people.count
    found: dict[Key, float] = {}
    if total:
        found[(PARTICIPATION, ACTIVITY, "")] = percent(counts.get((ACTIVITY, KNOWN), 0), total)
        if contacted is not None:
            found[(CONTACT, CONTACTS, "")] = percent(min(contacted, total), total)
    for breakdown in report.breakdowns:
        if total:
            found[(COMPLETENESS, breakdown.characteristic, "")] = percent(breakdown.known or 0, total)
        for cell in breakdown.cells:
            if breakdown.known:
                found[(PROFILE, breakdown.characteristic, cell.label)] = cell.percent
    return found


def compare(own: Mapping[Key, float], group: Iterable[Mapping[Key, float]]) -> list[Measure]:
    """Each of the landlord's measures beside the group's (its own among them), in the landlord's order."""
    everyone = list(group)
    out = []
    for key, value in own.items():
        values = sorted(m[key] for m in everyone if m.get(key) is not None)
        if len(values) >= MIN_CONTRIBUTORS:
            q1, median, q3 = statistics.quantiles(values, n=4, method="inclusive")
            out.append(Measure(*key, own=value, contributors=len(values), median=round(median, 1),
                               lower_quartile=round(q1, 1), upper_quartile=round(q3, 1)))
        else:
            out.append(Measure(*key, own=value, contributors=len(values)))
    return out
