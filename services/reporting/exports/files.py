"""Export files, written a row at a time (bounded memory, whatever the number of people): CSV (UTF-8 with a
BOM, so Excel reads it right) or XLSX (openpyxl's write-only mode, dates as dates, numbers as numbers).
Text is neutralised so no spreadsheet runs it as a formula."""
from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path
from typing import Any, Sequence

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from services.common.spreadsheet import neutralise

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class RowWriter:
    def __init__(self, path: Path, file_format: str):
        self.path, self.format = path, file_format
        path.parent.mkdir(parents=True, exist_ok=True)
        if file_format == "csv":
            self._stream = open(path, "w", encoding="utf-8-sig", newline="")
            self._csv = csv.writer(self._stream)
        else:
            self._book = Workbook(write_only=True)
            self._sheet = self._book.create_sheet("People")

    def write(self, cells: Sequence[Any]) -> None:
        if self.format == "csv":
            self._csv.writerow(["" if c is None else neutralise(c) if isinstance(c, str) else c for c in cells])
            return
        row = []
        for value in cells:
            if isinstance(value, str) and ISO_DATE.match(value):
                cell = WriteOnlyCell(self._sheet, value=dt.date.fromisoformat(value))
                cell.number_format = "yyyy-mm-dd"
            else:
                cell = WriteOnlyCell(self._sheet, value=neutralise(value) if isinstance(value, str) else value)
                if isinstance(value, str):
                    cell.data_type = "s"  # text, never a formula
            row.append(cell)
        self._sheet.append(row)

    def close(self) -> None:
        if self.format == "csv":
            self._stream.close()
        else:
            self._book.save(self.path)
