"""The XLSX sheet of services.common.row_files, shared by the services that write files of rows (reporting's
record exports, messaging's mail-merge files): openpyxl's write-only worksheet (openpyxl makes the workbook,
its styles, the sheet's own parts before and after its rows, and the file) with one change: the rows are
written as XML text to a file of their own, not as a Cell object and five nested lxml writes per value, and
put in their place, inside <sheetData>, when the sheet is closed. The sheet reads back in openpyxl exactly as
a plain write-only sheet does (text, numbers, yes/no, dates with a date format); the writer runs several
times as fast (bench/export_writer.py measures it).

Values are the row's cells: text, whole and fractional numbers, yes/no, None (no cell), and text that is
an ISO date (a date cell). Text a spreadsheet could run as a formula is neutralised; control characters
that XML cannot hold are left out (openpyxl would refuse the whole file); & < > are escaped."""
from __future__ import annotations

import datetime as dt
import math
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any, Sequence

from lxml.etree import Comment
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from services.common.spreadsheet import neutralise

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MAX_TEXT = 32767  # Excel's limit on one cell's text; openpyxl cuts text there too
ROWS_HERE = "sheet rows"  # a comment openpyxl writes inside <sheetData>; the rows replace it on closing
ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


class RowsSheet(WriteOnlyWorksheet):
    """A write-only sheet whose rows are XML text in a file of their own (openpyxl's `_write_rows` generator
    and `close` are the two things replaced; openpyxl is pinned in requirements.lock and
    tests/unit/common/test_row_files.py reads files back)."""

    def __init__(self, parent, title):
        super().__init__(parent, title)
        self._letters: list[str] = []
        self._date_style = str(WriteOnlyCell(self, value=dt.date(2000, 1, 1)).style_id)  # yyyy-mm-dd
        self._rows_file = tempfile.TemporaryFile()  # gone when closed, whatever happens

    def _write_rows(self):
        xf = self._writer.xf.send(True)
        with xf.element("sheetData"):
            xf.write(Comment(ROWS_HERE))
            index = 1
            try:
                while True:
                    self._rows_file.write(self._row(index, (yield)).encode())
                    index += 1
            except GeneratorExit:
                pass
        self._writer.xf.send(None)

    def close(self):
        rows_begun = self._rows is not None  # openpyxl writes an empty <sheetData> itself when none came
        super().close()  # openpyxl writes the sheet around the rows' place
        with self._rows_file as rows:
            if not rows_begun:
                return
            sheet = Path(self._writer.out)
            before, after = sheet.read_bytes().split(f"<!--{ROWS_HERE}-->".encode(), 1)  # kilobytes, not rows
            with sheet.open("wb") as out:
                out.write(before)
                rows.seek(0)
                shutil.copyfileobj(rows, out, 1 << 20)
                out.write(after)

    def _row(self, index: int, values: Sequence[Any]) -> str:
        number = str(index)
        while len(self._letters) < len(values):
            self._letters.append(get_column_letter(len(self._letters) + 1))
        cells = [f'<row r="{number}">']
        for letter, value in zip(self._letters, values):
            if value is None:
                continue
            ref = letter + number
            if isinstance(value, str):
                if ISO_DATE.match(value):
                    try:
                        serial = to_excel(dt.date.fromisoformat(value))
                    except ValueError:  # shaped like a date but not one (2021-02-30): kept as text
                        pass
                    else:
                        cells.append(f'<c r="{ref}" s="{self._date_style}" t="n"><v>{serial}</v></c>')
                        continue
                text = neutralise(ILLEGAL_CHARACTERS_RE.sub("", value))[:MAX_TEXT]  # left out first, then checked
                space = ' xml:space="preserve"' if text != text.strip() else ""
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t{space}>{text.translate(ESCAPES)}</t></is></c>')
            elif isinstance(value, bool):
                cells.append(f'<c r="{ref}" t="b"><v>{1 if value else 0}</v></c>')
            elif isinstance(value, float) and not math.isfinite(value):
                continue  # no number to show; openpyxl writes these as empty too
            else:
                cells.append(f'<c r="{ref}" t="n"><v>{"%.16g" % value}</v></c>')
        cells.append("</row>")
        return "".join(cells)


def rows_sheet(book, title: str) -> RowsSheet:
    sheet = RowsSheet(parent=book, title=title)
    book._add_sheet(sheet)
    return sheet
