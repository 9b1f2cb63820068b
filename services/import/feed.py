"""Feed format v1: the record layout housing systems publish (Kafka records and
file rows alike), read into the person fields profiles' UpsertPeople takes.

Pure rules, no I/O but the rejected-rows report written to a stream the caller
gives. Profiles still checks every value against its own rules (emails, phones,
postcodes, option labels...); this module does what only the feed knows: the
column layout, trimming, dates as files write them, formulas, and personal
references repeated inside one run. Reasons never quote a value (they may be
logged or shown in run status); the values travel beside them in `RowProblem`.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import re
from dataclasses import dataclass, field
from typing import BinaryIO, Iterable, Iterator, Mapping, Sequence

from services.common.feed_format import FEED_COLUMNS
from services.common.person_fields import BY_NAME, LONGEST_TEXT, Kind
from services.common.spreadsheet import FORMULA_START, neutralise

REQUIRED = ("personal_ref", "first_name", "surname")
PERSON_FIELD = {c: c for c in FEED_COLUMNS} | {f"address{n}": f"address_line_{n}" for n in range(1, 5)}
FEED_COLUMN = {p: c for c, p in PERSON_FIELD.items()}
DATE_COLUMNS = tuple(c for c in FEED_COLUMNS if BY_NAME[PERSON_FIELD[c]].kind == Kind.DATE)
OPTION_COLUMNS = tuple(c for c in FEED_COLUMNS if BY_NAME[PERSON_FIELD[c]].kind == Kind.OPTION)
EQUALITY_COLUMNS = tuple(c for c in FEED_COLUMNS if BY_NAME[PERSON_FIELD[c]].equality)  # need the equality privileges

# A plain number or phone number may start with + or - ("+44 7700 900123", "-3.5"); a lone "-" too (a common
# "none" placeholder, kept as written). Anything else starting with = + - @ could run as a spreadsheet formula.
HARMLESS = re.compile(r"^(?:[+-]?\(?\d[\d ().\-/]*|-+)$")
DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")
FORMULA_REASON = "starts with = + - or @ and could run as a spreadsheet formula: remove that character"
TOO_LONG = f"is longer than {LONGEST_TEXT} characters, more than any field takes: shorten it"
CUT = "…[cut]"  # ends a value the rejected-rows report keeps only the start of


@dataclass(frozen=True)
class RowProblem:
    """Why one row (or one column of it) was rejected, with the row's original values."""
    row: int  # 1 = the header; Kafka records: their position in the run
    column: str  # as the file names it; "" for the row as a whole
    reason: str  # never quotes a value
    values: Mapping[str, str]  # column -> original text, for the rejected-rows report


@dataclass(frozen=True)
class Checked:
    """One row read: the person fields to upsert, or the problems that reject it."""
    row: int
    person: dict[str, str] | None  # person field -> text (labels for options, ISO dates); None when rejected
    problems: tuple[RowProblem, ...] = ()
    values: Mapping[str, str] = field(default_factory=dict)  # the original values

    @property
    def accepted(self) -> bool:
        return self.person is not None


def iso_date(text: str) -> str:
    """yyyy-mm-dd (an ISO date-time gives its date), dd/mm/yyyy or d/m/yyyy -> yyyy-mm-dd; ValueError(reason)."""
    match = DMY.match(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
    elif (match := ISO.match(text)):
        year, month, day = (int(g) for g in match.groups())
    else:
        raise ValueError("is not a date: write it as yyyy-mm-dd or dd/mm/yyyy")
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        raise ValueError("is not a real date (no such day)") from None


def cut(text: str) -> str:
    """A value as the import keeps and reports it: at most LONGEST_TEXT characters, then CUT if there was more."""
    return text if len(text) <= LONGEST_TEXT else text[:LONGEST_TEXT] + CUT


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_START) and not HARMLESS.match(text)


def clean(text: str) -> str:
    """Trimmed, with the apostrophe our own reports put before = + - @ taken off again."""
    text = text.strip()
    if text.startswith("'") and text[1:2] in FORMULA_START:
        text = text[1:]
    return text


def person_from(row: int, values: Mapping[str, str], *, original: Mapping[str, str] | None = None,
                columns: Mapping[str, str] | None = None,
                found: Iterable[tuple[str, str]] = ()) -> Checked:
    """One feed v1 row (feed column -> raw text) as person fields. `columns` names each feed column as the
    file does (for problems); `found` holds (column, reason) problems the file reader already saw."""
    original = values if original is None else original
    columns = columns or {}
    problems = [RowProblem(row, column, reason, original) for column, reason in found]
    seen = {p.column for p in problems}
    problems += [RowProblem(row, column, TOO_LONG, original) for column, text in original.items()
                 if len(text) > LONGEST_TEXT and column not in seen]
    seen = {p.column for p in problems}
    person: dict[str, str] = {}
    for name in FEED_COLUMNS:
        column = columns.get(name, name)
        text = clean(values.get(name) or "")
        if column in seen:
            continue
        if not text:
            if name in REQUIRED:
                problems.append(RowProblem(row, column, "is required", original))
            continue
        if is_formula_like(text):
            problems.append(RowProblem(row, column, FORMULA_REASON, original))
            continue
        if name in DATE_COLUMNS:
            try:
                text = iso_date(text)
            except ValueError as error:
                problems.append(RowProblem(row, column, str(error), original))
                continue
        person[PERSON_FIELD[name]] = text
    return Checked(row, None if problems else person, tuple(problems), original)


def validate(rows: Iterable, columns: Mapping[str, str] | None = None) -> Iterator[Checked]:
    """Rows of a file reader (number, values, original, problems) checked one by one, and the second and
    later rows with a personal reference already seen in this run rejected (the first row claims the
    reference even when it is rejected itself). References compare exactly, after trimming."""
    first_row: dict[str, int] = {}
    for row in rows:
        checked = person_from(row.number, row.values, original=row.original, columns=columns, found=row.problems)
        ref = clean(row.values.get("personal_ref") or "")
        if ref and not is_formula_like(ref):
            earlier = first_row.setdefault(ref, row.number)
            if earlier != row.number:
                column = (columns or {}).get("personal_ref", "personal_ref")
                problem = RowProblem(row.number, column, f"the same personal_ref is also on row {earlier}",
                                     checked.values)
                checked = Checked(row.number, None, checked.problems + (problem,), checked.values)
        yield checked


def write_rejected_rows(out: BinaryIO, columns: Sequence[str], problems: Iterable[RowProblem]) -> int:
    """The rejected-rows report as CSV (UTF-8 with a BOM, so Excel reads it right): row, column, reason,
    then the original columns (each cut to what a field takes). A row with several problems is one line (columns and reasons joined by "; ",
    problems of one row must come together). Returns the number of rows written."""
    text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="")
    writer = csv.writer(text)
    writer.writerow([neutralise(c) for c in ("row", "column", "reason", *columns)])
    known, written = set(columns), 0
    for row, group in itertools.groupby(problems, key=lambda p: p.row):
        group = list(group)
        values = group[0].values
        cells = [values.get(c, "") for c in columns] + [v for c, v in values.items() if c not in known]
        cells = [cut(c) for c in cells]
        writer.writerow([str(row), neutralise("; ".join(dict.fromkeys(p.column for p in group if p.column))),
                         neutralise("; ".join(p.reason for p in group)), *(neutralise(c) for c in cells)])
        written += 1
    text.flush()
    text.detach()
    return written
