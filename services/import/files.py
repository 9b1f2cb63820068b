"""Uploaded feed files (CSV, XLSX) read as a stream of rows, never whole into memory.

`read_file` / `read_csv` / `read_xlsx` read the header at once (raising `FileProblem`
for what makes the whole file unreadable) and give a `Table` whose `rows` is a
generator of `Row`s: number (the header is row 1), the feed v1 fields' raw text,
the original cells, and problems seen while reading (formula cells). A
`FileProblem` can also come from the middle of the rows (a bad byte, a broken
quote, the row limit): callers stage rows and apply nothing until the end.
"""
from __future__ import annotations

import codecs
import csv
import itertools
import re
from typing import BinaryIO, Iterable, Iterator, Mapping

from .file_rows import (MAX_COLUMNS, MAX_ROWS, FileProblem, Header, Row, Table, check_mapping, field_of, normalise,
                     read_header, rows_of)
from .workbook import FORMULA_CELL, OLE2, ZIP, XlsxLimits, cell_text, check_workbook, read_xlsx

__all__ = ["CHUNK", "ENCODINGS", "FORMULA_CELL", "MAX_COLUMNS", "MAX_LINE", "MAX_ROWS", "FileProblem", "Header",
           "Row", "Table", "XlsxLimits", "cell_text", "check_mapping", "check_workbook", "field_of", "normalise",
           "read_csv", "read_file", "read_header", "read_xlsx"]

CHUNK = 64 * 1024
MAX_LINE = 1024 * 1024  # characters without a line break
ENCODINGS = {"utf-8": "UTF-8", "cp1252": "Windows-1252"}
DELIMITERS = (",", ";", "\t")
UTF16 = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
EOL = re.compile(r"\r\n|\n|\r")


# -- CSV -----------------------------------------------------------------------------------------------------------

def read_csv(stream: BinaryIO, *, mapping: Mapping[str, str | None] | None = None, encoding: str = "utf-8",
             delimiter: str | None = None, max_rows: int = MAX_ROWS) -> Table:
    """A CSV file in UTF-8 (a BOM is fine), or in Windows-1252 only when the caller says so (nothing is
    guessed). The delimiter is found in the header line (comma, semicolon or tab) unless given."""
    check_mapping(mapping)
    if encoding not in ENCODINGS:
        raise ValueError(f"encoding must be one of {', '.join(ENCODINGS)}")
    head = stream.read(CHUNK)
    offset = 0
    if head.startswith(codecs.BOM_UTF8):
        head, offset, encoding = head[3:], 3, "utf-8"  # a BOM says UTF-8 whatever was chosen
    elif head.startswith(UTF16) or _utf16_without_bom(head):
        raise FileProblem("the file is UTF-16 text: save it as CSV UTF-8")
    elif head.startswith(OLE2) or head.startswith(ZIP):
        raise FileProblem("the file is a workbook, not CSV text: upload it as .xlsx or save it as CSV UTF-8")
    lines = _lines(_decoded(stream, head, offset, encoding))
    first = next(lines, None)
    if first is None:
        raise FileProblem("the file is empty")
    sep = delimiter or max(DELIMITERS, key=lambda d: (first.count(d), d == ","))
    records = csv.reader(itertools.chain([first], lines), delimiter=sep, strict=True)
    header = read_header(_next_record(records, 1) or [], mapping)
    return Table(header, rows_of(header, _csv_records(records), max_rows))


def _utf16_without_bom(head: bytes) -> bool:
    """UTF-16 text without a BOM: a header line (ASCII) in UTF-16 has a NUL in every other byte (the odd ones in
    little-endian, the even ones in big-endian); UTF-8 and Windows-1252 text has none."""
    sample = head[:256]
    sample = sample[:len(sample) - len(sample) % 2]
    if len(sample) < 8:
        return False
    half = len(sample) // 4
    return (sample[0::2].count(0) > half) != (sample[1::2].count(0) > half)


def _decoded(stream: BinaryIO, chunk: bytes, offset: int, encoding: str) -> Iterator[str]:
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    while True:
        pending = len(decoder.getstate()[0])
        try:
            text = decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as error:
            byte = error.object[error.start]
            where = offset - pending + error.start
            hint = " (or upload it with encoding cp1252 if an older program made it)" if encoding == "utf-8" else ""
            raise FileProblem(f"the file is not {ENCODINGS[encoding]} text (byte 0x{byte:02X} at offset {where}):"
                              f" save it as CSV UTF-8{hint}") from None
        if text:
            yield text
        if not chunk:
            return
        offset += len(chunk)
        chunk = stream.read(CHUNK)


def _lines(texts: Iterable[str]) -> Iterator[str]:
    """Lines with their endings (\\r\\n, \\n or \\r), however the chunks cut them."""
    rest = ""
    for text in texts:
        rest += text
        start = 0
        for end in EOL.finditer(rest):
            if end.group() == "\r" and end.end() == len(rest):
                break  # perhaps the first half of \r\n
            yield rest[start:end.end()]
            start = end.end()
        rest = rest[start:]
        if len(rest) > MAX_LINE:
            raise FileProblem(f"a line is longer than {MAX_LINE:,} characters: is this a CSV file?")
    if rest:
        yield rest


def _next_record(records, number: int) -> list[str] | None:
    try:
        return next(records, None)
    except csv.Error as error:
        raise FileProblem(f"row {number} cannot be read as CSV ({error}): check the quotes around its values") from None


def _csv_records(records) -> Iterator[tuple[int, list[str], dict[int, str]]]:
    for number in itertools.count(2):
        cells = _next_record(records, number)
        if cells is None:
            return
        yield number, cells, {}


# -- either --------------------------------------------------------------------------------------------------------

def read_file(stream: BinaryIO, *, mapping: Mapping[str, str | None] | None = None, max_rows: int = MAX_ROWS,
              encoding: str = "utf-8", delimiter: str | None = None, limits: XlsxLimits = XlsxLimits()) -> Table:
    """A seekable upload read as XLSX or CSV by its first bytes (its name is not trusted)."""
    magic = stream.read(8)
    stream.seek(0)
    if magic.startswith(ZIP) or magic.startswith(OLE2):
        return read_xlsx(stream, mapping=mapping, max_rows=max_rows, limits=limits)
    return read_csv(stream, mapping=mapping, encoding=encoding, delimiter=delimiter, max_rows=max_rows)
