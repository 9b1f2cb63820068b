"""Files of rows, written a row at a time (bounded memory, whatever the number of rows), shared by the services
that hand people a file (reporting's record exports, messaging's mail-merge files): CSV (UTF-8 with a BOM, so
Excel reads it right) or XLSX (one sheet, its title given; openpyxl's write-only mode, dates as dates, numbers
as numbers: see xlsx_rows). Text is neutralised so no spreadsheet runs it as a formula."""
from __future__ import annotations

import csv
import tempfile
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from openpyxl import Workbook

from services.common.errors import InvalidInput
from services.common.spreadsheet import neutralise
from services.common.xlsx_rows import rows_sheet


FORMATS = ("xlsx", "csv")


def chosen_format(given: str) -> str:
    """The file format asked for ("": xlsx), or InvalidInput naming `format`."""
    chosen = (given or "xlsx").strip().lower()
    if chosen not in FORMATS:
        raise InvalidInput.field("format", "must be one of " + ", ".join(FORMATS))
    return chosen


class RowWriter:
    def __init__(self, path: Path, file_format: str, *, sheet_title: str = "People"):
        """`file_format` is "csv" or "xlsx"; `sheet_title` names the XLSX sheet (a CSV file has none)."""
        self.path, self.format = path, file_format
        path.parent.mkdir(parents=True, exist_ok=True)
        if file_format == "csv":
            self._stream = open(path, "w", encoding="utf-8-sig", newline="")
            self._csv = csv.writer(self._stream)
        else:
            self._book = Workbook(write_only=True)
            self._sheet = rows_sheet(self._book, sheet_title)

    def write(self, cells: Sequence[Any]) -> None:
        if self.format == "csv":
            self._csv.writerow(["" if c is None else neutralise(c) if isinstance(c, str) else c for c in cells])
            return
        self._sheet.append(cells)

    def close(self) -> None:
        if self.format == "csv":
            self._stream.close()
        else:
            self._book.save(self.path)


def file_chunks(rows: Iterable[Sequence[Any]], file_format: str, *, sheet_title: str,
                chunk_bytes: int = 64 * 1024) -> Iterator[bytes]:
    """The file of these rows (the header first), a chunk at a time, for streaming it to whoever asked:
    written to a temporary file first, removed once read."""
    with tempfile.TemporaryDirectory(prefix="rows-") as folder:
        path = Path(folder) / f"rows.{file_format}"
        writer = RowWriter(path, file_format, sheet_title=sheet_title)
        for row in rows:
            writer.write(row)
        writer.close()
        with open(path, "rb") as stream:
            while chunk := stream.read(chunk_bytes):
                yield chunk

