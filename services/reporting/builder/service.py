"""Use cases of the report builder: counts come from people search (exact aggregations), one search for a
breakdown and one more per row for a cross-tab; the threshold from the aggregates' settings."""
from __future__ import annotations

from typing import Any, Callable, Mapping

from services.common.errors import FieldProblem, InvalidInput, collect
from services.common.spreadsheet import XLSX
from services.common.person_fields import NOT_KNOWN
from services.common.uow import UnitOfWork

from ..reports import domain as reports
from ..reports.service import threshold_of
from . import domain, workbook
from .domain import Table


def _check(rows: str, columns: str, set_up: reports.Catalogue) -> None:
    known, problems = reports.characteristics(set_up), []
    for field, name in (("rows", rows), ("columns", columns)):
        if (name or field == "rows") and name not in known:
            problems.append(FieldProblem(field, "is not a characteristic reports break people down by"))
    if columns and columns == rows:
        problems.append(FieldProblem("columns", "must be another characteristic than rows"))
    collect(problems)


def labels(set_up: reports.Catalogue) -> dict[str, str]:
    return dict(reports.labels(set_up))


def build(uow: Callable[..., UnitOfWork], landlord_id: str, profiles, *, criteria: Mapping[str, Any], rows: str,
          columns: str = "") -> tuple[Table, int, dict[str, str]]:
    """The table as it may be shown, the threshold it was suppressed by, and the characteristics' labels."""
    set_up = profiles.catalogue()
    _check(rows, columns, set_up)
    homes = {name for name, _, _ in set_up.home_custom_lists}
    total, facets = profiles.facet_counts(criteria, [rows, columns] if columns else [rows])
    if not columns:
        table = domain.one_way(rows, total, facets[rows], criteria, homes)
    else:
        by_row = {}
        for value in facets[rows]:
            label = value.label if value.value is not None else NOT_KNOWN
            row = domain.within(criteria, domain.value_criteria(rows, label, homes))
            by_row[value.value] = profiles.facet_counts(row, [columns])[1][columns]
        table = domain.two_way(rows, columns, total, facets[rows], facets[columns], by_row, criteria, homes)
    with uow(landlord_id, read_only=True) as unit:
        threshold = threshold_of(unit)
    return domain.suppressed(table, threshold), threshold, labels(set_up)


FORMATS = {"xlsx": (workbook.as_xlsx, XLSX), "csv": (workbook.as_csv, "text/csv; charset=utf-8")}


def export(uow: Callable[..., UnitOfWork], landlord_id: str, profiles, *, criteria: Mapping[str, Any], rows: str,
           columns: str = "", file_format: str) -> tuple[bytes, str, str]:
    """The built table as a file: its bytes, media type and a file name."""
    if file_format not in FORMATS:
        raise InvalidInput.field("format", f"must be one of {', '.join(FORMATS)}")
    table, threshold, labels = build(uow, landlord_id, profiles, criteria=criteria, rows=rows, columns=columns)
    write, media_type = FORMATS[file_format]
    name = "report-" + "-by-".join(c.replace(".", "-") for c in (rows, columns) if c) + f".{file_format}"
    return write(table, threshold, labels), media_type, name
