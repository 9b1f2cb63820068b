"""A built report as a file: XLSX (openpyxl's write-only mode: rows go straight to the file) with real
numbers, percentages as numbers formatted to one decimal place and a native Excel bar chart beside the
table, or CSV (UTF-8 with a BOM, so Excel reads it right). Suppressed counts are written as their text
("fewer than 5"), never the number; every text cell is neutralised so no spreadsheet runs it as a formula."""
from __future__ import annotations

import csv
import io
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.chart import BarChart, Reference
from openpyxl.utils import get_column_letter

from services.common.spreadsheet import neutralise

from .domain import Entry, Table

SHEET = "Report"


def _shown(entry: Entry, threshold: int) -> Any:
    return f"fewer than {threshold}" if entry.suppressed else entry.count


def _percent(entry: Entry) -> Any:
    return None if entry.suppressed or entry.percent is None else entry.percent


def rows_of(table: Table, threshold: int, labels: dict[str, str]) -> list[list[Any]]:
    """The table as rows of cells: a header, one row per value, then the totals."""
    rows_label = labels.get(table.rows_by, table.rows_by)
    if not table.columns:
        out: list[list[Any]] = [[rows_label, "People", "% of known"]]
        out += [[v.label, _shown(row[0], threshold), _percent(row[0])] for v, row in zip(table.rows, table.cells)]
        out.append(["Total", _shown(table.total, threshold), None])
        return out
    out = [[f"{rows_label} by {labels.get(table.columns_by, table.columns_by)}",
            *(c.label for c in table.columns), "Total"]]
    for value, row, total in zip(table.rows, table.cells, table.row_totals):
        out.append([value.label, *(_shown(e, threshold) for e in row), _shown(total, threshold)])
    out.append(["Total", *(_shown(e, threshold) for e in table.column_totals), _shown(table.total, threshold)])
    return out


def as_csv(table: Table, threshold: int, labels: dict[str, str]) -> bytes:
    text = io.StringIO()
    writer = csv.writer(text)
    for row in rows_of(table, threshold, labels):
        writer.writerow([neutralise(c) if isinstance(c, str) else "" if c is None else c for c in row])
    return text.getvalue().encode("utf-8-sig")


def as_xlsx(table: Table, threshold: int, labels: dict[str, str]) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(SHEET)
    rows = rows_of(table, threshold, labels)
    for number, row in enumerate(rows):
        cells = []
        for column, value in enumerate(row):
            cell = WriteOnlyCell(sheet, value=neutralise(value) if isinstance(value, str) else value)
            if isinstance(value, str):
                cell.data_type = "s"  # text, never a formula
            elif not table.columns and column == 2 and number:
                cell.number_format = "0.0"
            cells.append(cell)
        sheet.append(cells)
    sheet.add_chart(_chart(table, labels, len(rows)), f"{get_column_letter(len(rows[0]) + 2)}2")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _chart(table: Table, labels: dict[str, str], row_count: int) -> BarChart:
    """A bar chart of the values' counts (one series per column of a cross-tab), the totals left out."""
    chart = BarChart()
    chart.type = "bar"
    chart.title = labels.get(table.rows_by, table.rows_by)
    chart.y_axis.title = "People"
    last_value_row = row_count - 1  # the last row is the totals
    series_columns = 1 if not table.columns else len(table.columns)
    data = Reference(worksheet=None, range_string=f"'{SHEET}'!B1:{get_column_letter(series_columns + 1)}{last_value_row}")
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(worksheet=None, range_string=f"'{SHEET}'!A2:A{last_value_row}"))
    chart.width, chart.height = 18, 9
    return chart
