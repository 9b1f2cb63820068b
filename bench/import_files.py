"""The import bench's files: feed v1 CSV and XLSX of generated residents (labelled as a new
landlord's default option lists are, so nothing is rejected), a re-run of a CSV with every
Nth row changed, and a multipart/form-data body streamed from disk (a 150 MB file is never
held in memory)."""
from __future__ import annotations

import csv
import datetime as dt
import io
import os
import secrets
from pathlib import Path
from typing import BinaryIO, Callable, Iterable

from services.common.sample_residents import FEED_COLUMNS, feed_rows, write_csv

RERUN_SURNAME = "Rerunwick"  # no generated surname has it (services/common/sample_words.py)
XLSX_MEDIA = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def write_feed_csv(path: Path, count: int, *, seed: int, landlord_code: str,
                   change: Callable[[dict], dict] | None = None) -> int:
    """`count` residents as a feed v1 CSV (UTF-8, header first), each row through `change` first where
    given; the number of rows written."""
    rows = feed_rows(count, seed=seed, landlord_code=landlord_code)
    return write_csv(path, map(change, rows) if change else rows)


def write_xlsx(path: Path, rows: Iterable[dict[str, str]]) -> int:
    """Rows as a one-sheet workbook in openpyxl's write-only mode (streamed, flat memory): the header,
    then one row each; dates of birth as date cells, as a housing system's export has them."""
    import openpyxl
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Residents")
    sheet.append(list(FEED_COLUMNS))
    dob = FEED_COLUMNS.index("date_of_birth")
    written = 0
    for row in rows:
        cells: list = [row[c] for c in FEED_COLUMNS]
        if cells[dob]:
            cells[dob] = dt.date.fromisoformat(cells[dob])
        sheet.append(cells)
        written += 1
    book.save(path)
    return written


def write_xlsx_feed(path: Path, csv_twin: Path, count: int, *, seed: int, landlord_code: str) -> int:
    """The same residents as a workbook (uploaded) and as CSV (for the COPY baseline)."""
    write_feed_csv(csv_twin, count, seed=seed, landlord_code=landlord_code)
    return write_xlsx(path, feed_rows(count, seed=seed, landlord_code=landlord_code))


def write_changed(source: Path, out: Path, *, every: int = 20, surname: str = RERUN_SURNAME) -> int:
    """`source` again with the surname of every `every`th data row (the 20th, 40th, ...) set to `surname`
    (which no generated person has, so a text search counts them); the number of rows changed."""
    changed = 0
    with open(source, encoding="utf-8", newline="") as f, open(out, "w", encoding="utf-8", newline="") as g:
        reader, writer = csv.reader(f), csv.writer(g)
        header = next(reader)
        writer.writerow(header)
        at = header.index("surname")
        for number, row in enumerate(reader, 1):
            if number % every == 0 and row[at] != surname:
                row[at] = surname
                changed += 1
            writer.writerow(row)
    return changed


def count_rows(path: Path) -> int:
    """Data rows of a CSV (its records, less the header)."""
    with open(path, encoding="utf-8", newline="") as f:
        return sum(1 for _ in csv.reader(f)) - 1


class MultipartUpload(io.RawIOBase):
    """A multipart/form-data body (plain fields, then one file) read from disk as it is sent: give it to
    http.client as the body with `headers()` (a Content-Length, so no chunked encoding)."""

    def __init__(self, path: Path, fields: dict[str, str], *, file_field: str = "file",
                 media_type: str = "text/csv"):
        boundary = f"tracker-bench-{secrets.token_hex(12)}"
        head = "".join(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
                       for name, value in fields.items())
        head += (f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; '
                 f'filename="{Path(path).name}"\r\nContent-Type: {media_type}\r\n\r\n')
        tail = f"\r\n--{boundary}--\r\n".encode()
        self._parts: list[BinaryIO] = [io.BytesIO(head.encode()), open(path, "rb"), io.BytesIO(tail)]
        self.length = len(head.encode()) + os.path.getsize(path) + len(tail)
        self.content_type = f"multipart/form-data; boundary={boundary}"

    def headers(self) -> dict[str, str]:
        return {"Content-Type": self.content_type, "Content-Length": str(self.length)}

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        out = b""
        while self._parts and (size < 0 or len(out) < size):
            data = self._parts[0].read(-1 if size < 0 else size - len(out))
            if data:
                out += data
            else:
                self._parts.pop(0).close()
        return out

    def close(self) -> None:
        for part in self._parts:
            part.close()
        self._parts = []
        super().close()
