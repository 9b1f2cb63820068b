"""Use cases of the report builder: counts come from people search (exact aggregations), one search for a
breakdown and one more per row for a cross-tab; the threshold from the aggregates' settings."""
from __future__ import annotations

from typing import Any, Callable, Mapping

from services.common.errors import FieldProblem, InvalidInput, collect
from services.common.spreadsheet import XLSX
from services.common.uow import UnitOfWork

from ..reports import domain as reports
from ..reports.domain import FacetValue
from ..reports.service import threshold_of
from . import domain, workbook
from .domain import Dimension, Table


GROUP_LABELS = {"admin_group": "Admin group", "activity": "Activity"}


def _check(rows: str, columns: str, set_up: reports.Catalogue) -> None:
    known, problems = reports.characteristics(set_up) | set(GROUP_LABELS), []
    for field, name in (("rows", rows), ("columns", columns)):
        if (name or field == "rows") and name not in known:
            problems.append(FieldProblem(field, "is not a characteristic reports break people down by, nor "
                                                "admin_group or activity"))
    if columns and columns == rows:
        problems.append(FieldProblem("columns", "must be another characteristic than rows"))
    collect(problems)


def labels(set_up: reports.Catalogue) -> dict[str, str]:
    return dict(reports.labels(set_up)) | GROUP_LABELS


def _named(facet: list[FacetValue], names: Mapping[str, str]) -> list[FacetValue]:
    """A group facet (by id) with each group's name, and its Not known row as the people in none."""
    return [FacetValue(v.value, names.get(v.value, "(deleted)") if v.value is not None else domain.IN_NONE, v.count)
            for v in facet]


def _dimensions(names: list[str], set_up: reports.Catalogue, groups, facets: dict) -> list[Dimension]:
    """Each characteristic asked for, its group facets named (in place in `facets`)."""
    homes = {name for name, _, _ in set_up.home_custom_lists}
    found = []
    for name in names:
        dimension = Dimension(name, home=name in homes)
        if name in GROUP_LABELS:
            facets[dimension.facet] = _named(facets[dimension.facet], groups.names(name))
            held = tuple(v.value for v in facets[dimension.facet] if v.value is not None)
            dimension = Dimension(name, none_of=held)
        found.append(dimension)
    return found


def build(uow: Callable[..., UnitOfWork], landlord_id: str, profiles, groups, *, criteria: Mapping[str, Any],
          rows: str, columns: str = "") -> tuple[Table, int, dict[str, str]]:
    """The table as it may be shown, the threshold it was suppressed by, and the characteristics' labels."""
    set_up = profiles.catalogue()
    _check(rows, columns, set_up)
    asked = [rows, columns] if columns else [rows]
    total, facets = profiles.facet_counts(criteria, [Dimension(n).facet for n in asked])
    dimensions = _dimensions(asked, set_up, groups, facets)
    if not columns:
        table = domain.one_way(dimensions[0], total, facets[dimensions[0].facet], criteria)
    else:
        rows_by, columns_by = dimensions
        by_row = {}
        for value in facets[rows_by.facet]:
            row = domain.within(criteria, rows_by.criteria(domain.Value(value.value, value.label)))
            found = profiles.facet_counts(row, [columns_by.facet])[1][columns_by.facet]
            by_row[value.value] = _named(found, {v.value: v.label for v in facets[columns_by.facet]}) \
                if columns_by.name in GROUP_LABELS else found
        table = domain.two_way(rows_by, columns_by, total, facets[rows_by.facet], facets[columns_by.facet], by_row,
                               criteria)
    with uow(landlord_id, read_only=True) as unit:
        threshold = threshold_of(unit)
    return domain.suppressed(table, threshold), threshold, labels(set_up)


FORMATS = {"xlsx": (workbook.as_xlsx, XLSX), "csv": (workbook.as_csv, "text/csv; charset=utf-8")}


def export(uow: Callable[..., UnitOfWork], landlord_id: str, profiles, groups, *, criteria: Mapping[str, Any],
           rows: str, columns: str = "", file_format: str) -> tuple[bytes, str, str]:
    """The built table as a file: its bytes, media type and a file name."""
    if file_format not in FORMATS:
        raise InvalidInput.field("format", f"must be one of {', '.join(FORMATS)}")
    table, threshold, labels = build(uow, landlord_id, profiles, groups, criteria=criteria, rows=rows,
                                     columns=columns)
    write, media_type = FORMATS[file_format]
    name = "report-" + "-by-".join(c.replace(".", "-") for c in (rows, columns) if c) + f".{file_format}"
    return write(table, threshold, labels), media_type, name
