"""The first worksheet of an uploaded .xlsx workbook as a stream of rows, however long its cells.

The zip is checked before anything opens it. openpyxl reads the package's small parts (content
types, the workbook, the styles that say which numbers are dates); the shared strings and the
worksheet, where cells are, are parsed here with expat a chunk at a time, keeping at most
`CELL_KEPT` characters of any one cell: the rest is dropped as it streams past, so a cell of
150 MiB costs no more memory than a short one (the feed rejects its row as too long). Each cell
is then read by openpyxl's own worksheet parser, given as a small element with its kept text,
so types, dates and formulas read as openpyxl reads them. Formulas are never evaluated; XML
with a DTD (entity bombs, external entities) is refused.
"""
from __future__ import annotations

import datetime as dt
import zipfile
from dataclasses import dataclass
from typing import BinaryIO, Iterator, Mapping
from xml.etree.ElementTree import Element, SubElement
from xml.parsers import expat

import openpyxl
from openpyxl.reader.excel import ExcelReader
from openpyxl.styles.stylesheet import apply_stylesheet
from openpyxl.worksheet._reader import WorkSheetParser
from openpyxl.xml.constants import SHARED_STRINGS, SHEET_MAIN_NS

from .file_rows import CELL_KEPT, MAX_ROWS, FileProblem, Row, Table, check_mapping, read_header, rows_of

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP = (b"PK\x03\x04", b"PK\x05\x06")
FORMULA_CELL = "contains a formula; paste values only"
ERROR_CELL = "contains an error value: correct or clear the cell"
DAMAGED = "the workbook cannot be read (it may be damaged): open it in Excel and save it again as .xlsx"
FEED_BYTES = 64 * 1024  # fed to expat at a time
MAX_HELD = 1024 * 1024  # bytes expat may hold undelivered (one tag's attributes) before the part counts as damaged
MAX_CELL_PARTS = 1000  # elements inside one cell (rich-text runs) before the workbook counts as damaged
_NAME = {n: f"{SHEET_MAIN_NS}}}{n}" for n in ("si", "r", "t", "row", "c", "v", "f")}  # as expat names them
SI, RUN, T, ROW, C = (_NAME[n] for n in ("si", "r", "t", "row", "c"))
CELL_TEXTS = frozenset("{" + _NAME[n] for n in ("v", "f", "t"))  # elements whose text is a cell's content


@dataclass(frozen=True)
class XlsxLimits:
    max_entries: int = 10_000
    max_uncompressed: int = 200 * 1024 * 1024  # all entries together, as the zip declares them
    max_ratio: int = 100  # uncompressed / compressed, for entries of at least ratio_from bytes
    ratio_from: int = 1024 * 1024


def read_xlsx(stream: BinaryIO, *, mapping: Mapping[str, str | None] | None = None, max_rows: int = MAX_ROWS,
              limits: XlsxLimits = XlsxLimits()) -> Table:
    """The first worksheet of an .xlsx workbook (a seekable file), its first row the header."""
    check_mapping(mapping)
    check_workbook(stream, limits)
    if not openpyxl.DEFUSEDXML:
        raise RuntimeError("defusedxml is not installed (or OPENPYXL_DEFUSEDXML is off): XLSX cannot be read safely")
    stream.seek(0)
    archive = zipfile.ZipFile(stream)  # check_workbook opened it already
    try:
        records = _records(stream, archive)
        first = next(records, None)
        if first is None:
            raise FileProblem("the file is empty: the first worksheet has no rows")
        header = read_header(first[1] if first[0] == 1 else [], mapping)  # rows above the first are empty
    except FileProblem:
        archive.close()
        raise
    except Exception:  # openpyxl and expat fail in many ways on a damaged workbook; none may crash the import
        archive.close()
        raise FileProblem(DAMAGED) from None
    return Table(header, _closing(rows_of(header, records, max_rows), archive))


def check_workbook(stream: BinaryIO, limits: XlsxLimits = XlsxLimits()) -> None:
    """Refuse what should not be opened: not a zip, encrypted, or too big once unpacked."""
    stream.seek(0)
    magic = stream.read(8)
    stream.seek(0)
    if not magic:
        raise FileProblem("the file is empty")
    if magic.startswith(OLE2):
        raise FileProblem("password-protected or old .xls workbooks cannot be read: save as .xlsx without a password")
    if not magic.startswith(ZIP):
        raise FileProblem("the file is not an .xlsx workbook")
    try:
        entries = zipfile.ZipFile(stream).infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        raise FileProblem(DAMAGED) from None
    if len(entries) > limits.max_entries:
        raise FileProblem(f"the workbook has more than {limits.max_entries:,} parts: it cannot be read")
    if sum(e.file_size for e in entries) > limits.max_uncompressed:
        raise FileProblem(f"the workbook unpacks to more than {limits.max_uncompressed // 2**20:,} MiB:"
                          " split it into smaller files")
    if any(e.file_size >= limits.ratio_from and e.file_size > limits.max_ratio * max(e.compress_size, 1)
           for e in entries):
        raise FileProblem("the workbook is compressed beyond what a spreadsheet can be: it cannot be read")
    if any(e.flag_bits & 0x1 for e in entries):
        raise FileProblem("password-protected or old .xls workbooks cannot be read: save as .xlsx without a password")
    if "[Content_Types].xml" not in {e.filename for e in entries}:
        raise FileProblem("the file is not an .xlsx workbook")


def cell_text(value) -> str:
    """A cell as the feed reads it: ISO dates, whole numbers without ".0", TRUE/FALSE, "" when empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else format(value, ".15g")
    return str(value)


# -- the package (openpyxl) ----------------------------------------------------------------------------------------

def _records(stream: BinaryIO, archive: zipfile.ZipFile) -> Iterator[tuple[int, list[str], dict[int, str]]]:
    """(row number, cell texts, {cell index: problem}) of the first worksheet's rows that have a number
    above the one before (as openpyxl reads them)."""
    reader = ExcelReader(stream, read_only=True, data_only=False, keep_links=False)
    reader.archive = archive
    reader.read_manifest()
    reader.read_workbook()
    apply_stylesheet(archive, reader.wb)
    sheets = [rel.target for _, rel in reader.parser.find_sheets()
              if rel.target in reader.valid_files and "chartsheet" not in rel.Type]
    if not sheets:
        raise FileProblem("the workbook has no worksheet")
    strings_part = reader.package.find(SHARED_STRINGS)
    strings = _shared_strings(archive, strings_part.PartName[1:]) if strings_part is not None else []
    book = reader.wb
    cells = WorkSheetParser(None, strings, data_only=False, epoch=book.epoch, date_formats=book._date_formats,
                            timedelta_formats=book._timedelta_formats)
    return _sheet_records(archive, sheets[0], cells)


def _closing(rows: Iterator[Row], archive: zipfile.ZipFile) -> Iterator[Row]:
    try:
        yield from rows
    except FileProblem:
        raise
    except Exception:  # damage found while streaming the sheet
        raise FileProblem(DAMAGED) from None
    finally:
        archive.close()


# -- shared strings and the worksheet (expat) ----------------------------------------------------------------------

class _Kept:
    """A cell's text, up to CELL_KEPT characters (enough to know it is longer than any field takes)."""
    __slots__ = ("parts", "size")

    def __init__(self):
        self.parts: list[str] = []
        self.size = 0

    def add(self, data: str) -> str:
        piece = data[:CELL_KEPT - self.size] if self.size < CELL_KEPT else ""
        if piece:
            self.parts.append(piece)
            self.size += len(piece)
        return piece

    @property
    def full(self) -> bool:
        return self.size >= CELL_KEPT

    def text(self) -> str:
        return "".join(self.parts)


def _refuse(*_) -> None:
    raise FileProblem(DAMAGED)  # a workbook's XML never has a DTD: entity bombs and external entities have one


def _parse(source: BinaryIO, handler) -> Iterator[None]:
    """Parse one XML part with `handler`'s start, end and text methods, yielding after every chunk."""
    parser = expat.ParserCreate(namespace_separator="}")
    parser.StartDoctypeDeclHandler = parser.EntityDeclHandler = parser.ExternalEntityRefHandler = _refuse
    parser.StartElementHandler, parser.EndElementHandler = handler.start, handler.end
    parser.CharacterDataHandler = handler.text
    fed = 0
    with source:
        while chunk := source.read(FEED_BYTES):
            parser.Parse(chunk, False)
            fed += len(chunk)
            if fed - parser.CurrentByteIndex > MAX_HELD:
                raise FileProblem(DAMAGED)
            yield
        parser.Parse(b"", True)
        yield


class _SharedStrings:
    def __init__(self):
        self.strings: list[str] = []
        self.path: list[str] = []
        self.kept = _Kept()

    def start(self, name, attrs):
        self.path.append(name)
        if name == SI:
            self.kept = _Kept()

    def end(self, name):
        self.path.pop()
        if name == SI:
            self.strings.append(self.kept.text().replace("x005F_", ""))  # as openpyxl reads them

    def text(self, data):
        path = self.path  # the plain text of <si><t> and of its rich-text runs <si><r><t>, not phonetic hints
        if path and path[-1] == T and (path[-2:-1] == [SI] or path[-3:-1] == [SI, RUN]):
            self.kept.add(data)


def _shared_strings(archive: zipfile.ZipFile, name: str) -> list[str]:
    handler = _SharedStrings()
    for _ in _parse(archive.open(name), handler):
        pass
    return handler.strings


class _Sheet:
    def __init__(self, cells: WorkSheetParser):
        self.cells = cells
        self.rows: list[tuple[int, list]] = []  # read and not yet given
        self.row: list | None = None  # (column, text, problem) of the row being read
        self.last = 0
        self.open: list[Element] = []  # the cell being read and its open elements
        self.kept = _Kept()
        self.parts = 0

    def start(self, name, attrs):
        if self.open:
            self.parts += 1
            if self.parts > MAX_CELL_PARTS:
                raise FileProblem(DAMAGED)
            self.open.append(SubElement(self.open[-1], "{" + name, attrs))
        elif name == C and self.row is not None:
            self.open, self.kept, self.parts = [Element("{" + name, attrs)], _Kept(), 0
        elif name == ROW:
            number = attrs.get("r")  # numbered as openpyxl numbers rows
            self.cells.row_counter = int(float(number)) if number else self.cells.row_counter + 1
            self.cells.col_counter = 0
            self.row = []

    def end(self, name):
        if self.open:
            cell = self.open.pop()
            if not self.open:
                self.row.append(_cell(self.cells, cell, self.kept))
        elif name == ROW and self.row is not None:
            if self.cells.row_counter > self.last:
                self.rows.append((self.cells.row_counter, self.row))
                self.last = self.cells.row_counter
            self.row = None

    def text(self, data):
        if self.open and self.open[-1].tag in CELL_TEXTS:
            piece = self.kept.add(data)
            if piece:
                self.open[-1].text = (self.open[-1].text or "") + piece


def _cell(cells: WorkSheetParser, element: Element, kept: _Kept) -> tuple[int, str, str | None]:
    """(column, text, problem) of one cell; a cell longer than any field takes is its kept text, unread."""
    if kept.full:
        where = {"r": element.get("r")} if element.get("r") else {}
        return cells.parse_cell(Element(element.tag, where))["column"], kept.text(), None
    cell = cells.parse_cell(element)
    kind, value = cell["data_type"], cell["value"]
    if kind == "f":
        return cell["column"], str(getattr(value, "text", value)), FORMULA_CELL
    if kind == "e":
        return cell["column"], str(value), ERROR_CELL
    return cell["column"], cell_text(value), None


def _sheet_records(archive: zipfile.ZipFile, name: str, cells: WorkSheetParser
                   ) -> Iterator[tuple[int, list[str], dict[int, str]]]:
    sheet = _Sheet(cells)
    for _ in _parse(archive.open(name), sheet):
        for number, row in sheet.rows:
            texts = [""] * max((column for column, _, _ in row), default=0)
            found = {}
            for column, text, problem in row:
                texts[column - 1] = text
                if problem:
                    found[column - 1] = problem
            yield number, texts, found
        sheet.rows.clear()
