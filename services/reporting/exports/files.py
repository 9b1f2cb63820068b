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
        # plain values: openpyxl gives a date the yyyy-mm-dd format; neutralised text never starts with "=",
        # so none is written as a formula (a cell object per value would halve the rows per second)
        self._sheet.append([(dt.date.fromisoformat(value) if ISO_DATE.match(value) else neutralise(value))
                            if isinstance(value, str) else value for value in cells])

    def close(self) -> None:
        if self.format == "csv":
            self._stream.close()
        else:
            self._book.save(self.path)
