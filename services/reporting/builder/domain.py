"""The report builder's arithmetic with no I/O: a breakdown of a population by one characteristic, or a
cross-tab of two, from exact search counts; percentages of known; disclosure control that holds across
rows and columns; and, for every cell and total, the people search criteria that find the people behind
it (so a drill-down's count always equals the cell).

- One characteristic: each value's count and its percentage of the known (people with a value).
- Two: rows by the first, columns by the second; a cell's percentage is of its row's known (the row's
  people with a known column value). Row and column totals, and the grand total, are people counts.
- Suppression: a count from 1 to threshold - 1 is hidden; then, until none is left, wherever a row or a
  column has exactly one hidden cell, its smallest other non-zero cell is hidden too, so no row or column
  total gives a hidden cell away by subtraction. A hidden cell has no percentage.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Mapping, Sequence

from services.common.person_fields import FIELDS, NOT_KNOWN, Kind

from ..reports.domain import FacetValue, percent


@dataclass(frozen=True)
class Value:
    value: str | None  # an option id, band or group; None: Not known
    label: str


@dataclass(frozen=True)
class Entry:
    count: int
    percent: float | None = None
    suppressed: bool = False
    criteria: Mapping[str, Any] | None = None  # who is behind it, as people search takes it


@dataclass(frozen=True)
class Table:
    rows_by: str
    columns_by: str | None
    rows: tuple[Value, ...]
    columns: tuple[Value, ...]  # empty for one characteristic
    cells: tuple[tuple[Entry, ...], ...]  # [row][column]; one column (the count) for one characteristic
    row_totals: tuple[Entry, ...]
    column_totals: tuple[Entry, ...]
    total: Entry


SINGLE_VALUED = frozenset(f.name for f in FIELDS if f.kind in (Kind.OPTION, Kind.STATUS)) | {"age_band", "equality_group"}
GROUP_CRITERIA = {"admin_group": "admin_groups", "activity": "activities"}  # criterion -> people search's facet
IN_NONE = "In none"


@dataclass(frozen=True)
class Dimension:
    """A characteristic a table breaks people down by, and how its values become people search criteria."""
    name: str  # a characteristic, "custom.<key>", or "admin_group" / "activity" (membership, by id)
    home: bool = False  # a custom field of people's properties and households
    none_of: tuple[str, ...] = ()  # admin_group / activity: every id held in the population

    @property
    def facet(self) -> str:
        return GROUP_CRITERIA.get(self.name, self.name)

    def criteria(self, value: Value) -> dict[str, Any]:
        """The people search criterion for the people holding one value."""
        if self.name in GROUP_CRITERIA:
            if value.value is not None:
                return {self.name: [value.value]}
            return {f"not_{self.name}": list(self.none_of)} if self.none_of else {}
        return value_criteria(self.name, _label(value), self.home)


def value_criteria(characteristic: str, label: str, home: bool = False) -> dict[str, Any]:
    """The people search criterion for the people holding one value (by its label) of a characteristic
    (`home`: a custom field of people's properties and households)."""
    if characteristic.startswith("custom."):
        custom = {"custom": {characteristic[len("custom."):]: [label]}}
        return {"household": custom} if home else custom
    return {characteristic: [label]}


def _joined(held: Mapping[str, Any], wanted: Mapping[str, Any]) -> dict[str, Any] | None:
    """Two objects of criteria as one, or None where both name the same thing differently."""
    joined = dict(held)
    for key, value in wanted.items():
        if key not in joined or joined[key] == value:
            joined[key] = value
        elif isinstance(joined[key], Mapping) and isinstance(value, Mapping) and _joined(joined[key], value) is not None:
            joined[key] = _joined(joined[key], value)
        else:
            return None
    return joined


def within(criteria: Mapping[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    """`criteria` narrowed by `extra`: both must hold. Where both name a single-valued field, the labels both
    give; where both name anything else (a field holding several values, a group), the extra condition joins
    as one more alternative-free `any_of`, so a person must meet both."""
    merged = dict(criteria)
    for key, wanted in extra.items():
        held = merged.get(key)
        if held is None or held == wanted:
            merged[key] = wanted
        elif key == "any_of" and isinstance(held, list) and isinstance(wanted, list):  # (a or b) and (c or d)
            merged[key] = [within(a, b) for a in held for b in wanted]
        elif isinstance(held, Mapping) and isinstance(wanted, Mapping) and _joined(held, wanted) is not None:
            merged[key] = _joined(held, wanted)  # "custom", "household" naming other fields
        elif key in SINGLE_VALUED and isinstance(held, list) and isinstance(wanted, list):
            merged[key] = [label for label in held if label in wanted]
        else:
            merged["any_of"] = [within(a, {key: wanted}) for a in merged.get("any_of") or [{}]]
    return merged


def _values(facet: Sequence[FacetValue]) -> tuple[Value, ...]:
    known = [Value(v.value, v.label) for v in facet if v.value is not None]
    return (*known, Value(None, next((v.label for v in facet if v.value is None), NOT_KNOWN)))


def _count(facet: Sequence[FacetValue], value: Value) -> int:
    return next((v.count for v in facet if v.value == value.value), 0)


def _label(value: Value) -> str:
    return value.label if value.value is not None else NOT_KNOWN


def one_way(rows_by: Dimension, total: int, facet: Sequence[FacetValue], criteria: Mapping[str, Any]) -> Table:
    """A population broken down by one characteristic."""
    rows = _values(facet)
    known = total - _count(facet, rows[-1])
    cells = tuple((Entry(_count(facet, r), percent(_count(facet, r), known) if r.value is not None else None,
                         criteria=within(criteria, rows_by.criteria(r))),) for r in rows)
    return Table(rows_by.name, None, rows, (), cells, tuple(c[0] for c in cells), (), Entry(total, criteria=criteria))


def two_way(rows_by: Dimension, columns_by: Dimension, total: int, row_facet: Sequence[FacetValue],
            column_facet: Sequence[FacetValue], by_row: Mapping[str | None, Sequence[FacetValue]],
            criteria: Mapping[str, Any]) -> Table:
    """A cross-tab: `by_row` holds, for each row value, the column counts of that row's people."""
    rows, columns = _values(row_facet), _values(column_facet)
    row_criteria = {r: within(criteria, rows_by.criteria(r)) for r in rows}
    cells = []
    for r in rows:
        facet = by_row.get(r.value, ())
        known = _count(row_facet, r) - _count(facet, columns[-1])
        cells.append(tuple(Entry(_count(facet, c), percent(_count(facet, c), known) if c.value is not None else None,
                                 criteria=within(row_criteria[r], columns_by.criteria(c))) for c in columns))
    row_totals = tuple(Entry(_count(row_facet, r), criteria=row_criteria[r]) for r in rows)
    column_totals = tuple(Entry(_count(column_facet, c), criteria=within(criteria, columns_by.criteria(c)))
                          for c in columns)
    return Table(rows_by.name, columns_by.name, rows, columns, tuple(cells), row_totals, column_totals,
                 Entry(total, criteria=criteria))


def _hide(entry: Entry) -> Entry:
    return replace(entry, suppressed=True, percent=None)


def suppressed(table: Table, threshold: int) -> Table:
    """The table as it may be shown (see the module's rules)."""
    small = lambda e: 0 < e.count < threshold  # noqa: E731
    grid = [[_hide(e) if small(e) else e for e in row] for row in table.cells]
    row_totals = [_hide(e) if small(e) else e for e in table.row_totals]
    column_totals = [_hide(e) if small(e) else e for e in table.column_totals]
    lines = [[(i, j) for j in range(len(grid[i]))] for i in range(len(grid))]
    if table.columns:
        lines += [[(i, j) for i in range(len(grid))] for j in range(len(grid[0]) if grid else 0)]
    else:
        lines = [[(i, 0) for i in range(len(grid))]]  # one characteristic: the column of counts
    changed = True
    while changed:
        changed = False
        for line in lines:
            hidden = [p for p in line if grid[p[0]][p[1]].suppressed]
            if len(hidden) == 1:
                shown = [p for p in line if not grid[p[0]][p[1]].suppressed and grid[p[0]][p[1]].count > 0]
                if shown:
                    i, j = min(shown, key=lambda p: grid[p[0]][p[1]].count)
                    grid[i][j] = _hide(grid[i][j])
                    changed = True
    if not table.columns:
        row_totals = [row[0] for row in grid]
    total = _hide(table.total) if small(table.total) else table.total
    return replace(table, cells=tuple(tuple(r) for r in grid), row_totals=tuple(row_totals),
                   column_totals=tuple(column_totals), total=total)

