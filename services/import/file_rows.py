"""A feed file's header and rows, whatever the file's format: the header matched to feed v1
(with a landlord's column mapping), and raw cells turned into `Row`s."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Iterator, Mapping

from services.common.person_fields import LONGEST_TEXT

from .feed import FEED_COLUMNS, REQUIRED

MAX_ROWS = 1_000_000
MAX_COLUMNS = 500
CELL_KEPT = LONGEST_TEXT + 1  # characters of a cell a row keeps: enough to know it is longer than any field takes
SEPARATORS = re.compile(r"[\s_\-]+")


class FileProblem(Exception):
    """The whole file cannot be read: the message says why and what to do, quoting no personal data."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Header:
    columns: tuple[str, ...]  # as the file names them ("column 7" when blank, "Notes (2)" when repeated)
    fields: tuple[str | None, ...]  # the feed v1 field each column gives; None: ignored
    unknown: tuple[str, ...]  # ignored columns no mapping mentions

    @property
    def column_of(self) -> dict[str, str]:
        """feed v1 field -> the file's column name."""
        return {f: c for c, f in zip(self.columns, self.fields) if f}

    @property
    def warnings(self) -> list[str]:
        return [f"columns ignored (not in feed format v1): {', '.join(self.unknown)}"] if self.unknown else []


@dataclass(frozen=True)
class Row:
    number: int  # as a spreadsheet shows it: the header is row 1
    values: dict[str, str]  # feed v1 field -> raw text
    original: dict[str, str]  # every cell by column name (cells beyond the header as "column N"), cut to CELL_KEPT
    problems: tuple[tuple[str, str], ...] = ()  # (column, reason) seen while reading


@dataclass
class Table:
    header: Header
    rows: Iterator[Row]


def normalise(name: str) -> str:
    """"First Name", "first_name", "FIRSTNAME" -> "firstname"."""
    return SEPARATORS.sub("", name).casefold()


KNOWN = {normalise(c): c for c in FEED_COLUMNS} | {f"addressline{n}": f"address{n}" for n in range(1, 5)}


def check_mapping(mapping: Mapping[str, str | None] | None) -> dict[str, str | None]:
    """A column mapping {their column -> feed v1 field, or None: ignore it} keyed by normalised names;
    ValueError when it names a field feed v1 does not have."""
    mapped = {normalise(k): v for k, v in (mapping or {}).items()}
    wrong = sorted(v for v in mapped.values() if v is not None and v not in FEED_COLUMNS)
    if wrong:
        raise ValueError(f"the column mapping names fields not in feed format v1: {', '.join(wrong)}")
    return mapped


def field_of(column: str, mapping: Mapping[str, str | None] | None = None) -> str | None:
    """The feed v1 field a column of this name gives, as `read_header` matches it (None: ignored)."""
    return _field(normalise(column), check_mapping(mapping))


def _field(key: str, mapped: Mapping[str, str | None]) -> str | None:
    return mapped[key] if key in mapped else KNOWN.get(key)


def read_header(cells: list[str], mapping: Mapping[str, str | None] | None = None) -> Header:
    """The header row matched to feed v1 (case, spaces, underscores and hyphens do not count), the
    mapping first. Raises FileProblem: no header, a field given twice, required columns missing."""
    mapped = check_mapping(mapping)
    while cells and not cells[-1].strip():
        cells = cells[:-1]
    if not cells:
        raise FileProblem("the first row is empty: it must name the columns (personal_ref, first_name, surname, ...)")
    if len(cells) > MAX_COLUMNS:
        raise FileProblem(f"the file has more than {MAX_COLUMNS} columns")
    columns: list[str] = []
    fields: list[str | None] = []
    unknown: list[str] = []
    repeats: dict[str, int] = {}
    for number, cell in enumerate(cells, 1):
        name = " ".join(cell.split()) or f"column {number}"
        if len(name) > LONGEST_TEXT:
            raise FileProblem(f"the name of column {number} is longer than {LONGEST_TEXT} characters:"
                              " the first row must name the columns")
        key = normalise(name)
        target = _field(key, mapped)
        if key not in mapped and target is None:
            unknown.append(name)
        repeats[name.casefold()] = repeat = repeats.get(name.casefold(), 0) + 1
        columns.append(name if repeat == 1 else f"{name} ({repeat})")
        fields.append(target)
    twice = [f for f in dict.fromkeys(fields) if f and fields.count(f) > 1]
    if twice:
        where = "; ".join(f"{f} from columns {', '.join(c for c, g in zip(columns, fields) if g == f)}" for f in twice)
        raise FileProblem(f"columns appear more than once: {where}; keep one of each")
    missing = [f for f in REQUIRED if f not in fields]
    if missing:
        raise FileProblem(f"required columns are missing: {', '.join(missing)}")
    return Header(tuple(columns), tuple(fields), tuple(unknown))


def rows_of(header: Header, records: Iterable[tuple[int, list[str], dict[int, str]]], max_rows: int) -> Iterator[Row]:
    """Rows from (number, cells, {cell index: problem}); blank rows are skipped (their numbers still count).
    No cell keeps more than CELL_KEPT characters: the feed rejects a row with a cell longer than any field."""
    width, count = len(header.columns), 0
    for number, cells, found in records:
        if not any(c.strip() for c in cells):
            continue
        cells = [c[:CELL_KEPT] for c in cells]
        count += 1
        if count > max_rows:
            raise FileProblem(f"the file has more than {max_rows:,} rows: split it into smaller files")
        original = dict(zip(header.columns, cells + [""] * (width - len(cells))))
        beyond = {f"column {i + 1}": cells[i] for i in range(width, len(cells)) if cells[i].strip()}
        problems = [(header.columns[i] if i < width else f"column {i + 1}", reason) for i, reason in found.items()]
        if beyond:
            problems.append(("", f"has a value in {list(beyond)[-1]} but the header names {width} columns:"
                                 " is there a comma in a value without quotes around it?"))
        yield Row(number, {f: original[c] for c, f in zip(header.columns, header.fields) if f},
                  original | beyond, tuple(problems))
