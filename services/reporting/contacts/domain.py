"""A month's contacts with no I/O: each communication record as reporting keeps it (its newest version, a
deletion kept as a tombstone), and the contacts report made from a month's counts, with small counts
hidden as in every other report."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Mapping

from services.common.errors import InvalidInput

from ..reports.domain import Breakdown, Cell, hide_small, percent, suppressed

MONTH = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True)
class ContactState:
    communication_id: str
    version: int
    person_id: str
    communication_code: str
    communication_label: str
    outcome_code: str
    date: dt.date
    deleted: bool


@dataclass(frozen=True)
class CodeCount:
    label: str
    records: int
    people: int


@dataclass(frozen=True)
class ContactsReport:
    month: str
    records: Cell
    people: Cell
    records_by_code: Breakdown
    people_by_code: Breakdown
    threshold: int


def month_of(given: str, today: dt.date) -> tuple[str, dt.date, dt.date]:
    """The month asked for (YYYY-MM; "" is this month), its first day and the first day of the next."""
    given = (given or "").strip() or today.strftime("%Y-%m")
    found = MONTH.match(given)
    if not found or not 1 <= int(found.group(2)) <= 12 or not 1900 <= int(found.group(1)) <= 9998:
        raise InvalidInput.field("month", "must be a month as YYYY-MM (1900-01 to 9998-12)")
    first = dt.date(int(found.group(1)), int(found.group(2)), 1)
    following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return given, first, following


def _breakdown(name: str, label: str, by_code: Mapping[str, CodeCount], count, base: int, threshold: int) -> Breakdown:
    cells = tuple(Cell(code, c.label, count(c), percent(count(c), base)) for code, c in sorted(
        by_code.items(), key=lambda item: (-count(item[1]), item[1].label)))
    return suppressed(Breakdown(name, label, cells, Cell("", "Not known", 0), base, several=name == "people"),
                      threshold)


def contacts_report(month: str, by_code: Mapping[str, CodeCount], records: int, people: int,
                    threshold: int) -> ContactsReport:
    return ContactsReport(
        month, hide_small(Cell("records", "Communication records", records), threshold),
        hide_small(Cell("people", "People contacted", people), threshold),
        _breakdown("records", "Records by communication code", by_code, lambda c: c.records, records, threshold),
        _breakdown("people", "People contacted by communication code", by_code, lambda c: c.people, people,
                   threshold),
        threshold)
