"""An .xlsx worksheet read as a stream: one huge cell (a shared string, as Excel writes text; an inline
string, as openpyxl does; a number) costs no more memory than a short one and is kept cut, for the
feed to reject its row. Synthetic data only."""
import importlib
import io
import os
import sys
import tracemalloc
import zipfile

import openpyxl
import pytest

from services.common.person_fields import LONGEST_TEXT

workbook = importlib.import_module("services.import.workbook")
tables = importlib.import_module("services.import.file_rows")
HUGE = 12 * 1024 * 1024
MAIN = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def noise(size: int, alphabet: bytes = b"ab") -> bytes:
    """Random characters that compress no better than a real cell (the zip checks refuse a bomb's ratios)."""
    return os.urandom(size).translate(bytes(alphabet[b % len(alphabet)] for b in range(256)))


def with_cell(kind: str, content: bytes) -> io.BytesIO:
    """A workbook whose row 2 has `content` as its first_name: a shared string, an inline string or a number."""
    book = openpyxl.Workbook()
    book.active.append(["personal_ref", "first_name", "surname"])
    book.active.append(["R1", "PLACEHOLDER", "Smith"])
    book.active.append(["R2", "Bob", "Jones"])
    plain = io.BytesIO()
    book.save(plain)
    inline = b'<c r="B2" t="inlineStr"><is><t>PLACEHOLDER</t></is></c>'
    cell = {"shared": b'<c r="B2" t="s"><v>0</v></c>', "inline": b'<c r="B2" t="inlineStr"><is><t>' + content +
            b"</t></is></c>", "number": b'<c r="B2"><v>' + content + b"</v></c>"}[kind]
    out = io.BytesIO()
    with zipfile.ZipFile(plain) as old, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for entry in old.infolist():
            data = old.read(entry.filename)
            if entry.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(inline, cell)
            elif kind == "shared" and entry.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                                    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
            new.writestr(entry, data)
        if kind == "shared":
            new.writestr("xl/sharedStrings.xml", b"<sst " + MAIN + b"><si><t>" + content + b"</t></si></sst>")
    out.seek(0)
    return out


def read_in_bounded_memory(data: io.BytesIO) -> tuple[list, int]:
    switch = sys.getswitchinterval()
    sys.setswitchinterval(30)  # tracemalloc counts every thread: keep a platform another test left running still
    tracemalloc.start()
    try:
        rows = list(workbook.read_xlsx(data).rows)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        sys.setswitchinterval(switch)
    return rows, peak


@pytest.mark.parametrize("kind", ["shared", "inline", "number"])
def test_a_huge_cell_is_read_in_bounded_memory_and_kept_cut(kind):
    content = noise(HUGE, b"0123456789" if kind == "number" else b"ab")
    data = with_cell(kind, content)
    assert len(data.getvalue()) < HUGE // 2, "the workbook itself is smaller"
    rows, peak = read_in_bounded_memory(data)
    assert [r.number for r in rows] == [2, 3]
    first_name = rows[0].original["first_name"]
    assert len(first_name) == tables.CELL_KEPT == LONGEST_TEXT + 1 and first_name == content[:len(first_name)].decode()
    assert rows[0].values["first_name"] == first_name and rows[0].problems == ()  # the feed rejects it
    assert rows[1].values == {"personal_ref": "R2", "first_name": "Bob", "surname": "Jones"}
    assert peak < 4 * 1024 * 1024, f"{peak:,} bytes: the cell was held whole"


def test_a_cell_of_exactly_the_longest_field_is_read_whole():
    text = noise(LONGEST_TEXT)
    rows = list(workbook.read_xlsx(with_cell("shared", text)).rows)
    assert rows[0].original["first_name"] == text.decode()


def test_a_tag_too_long_to_be_a_spreadsheets_is_damage_not_memory():
    data = with_cell("inline", b"Ann</t></is></c><c r=\"C2\" x=\"" + noise(3 * 1024 * 1024) + b"\"><v>1</v></c><c><is><t>")
    with pytest.raises(tables.FileProblem, match="cannot be read"):
        list(workbook.read_xlsx(data).rows)


def test_rows_numbered_again_are_read_once_as_openpyxl_reads_them():
    sheet = (b"<worksheet " + MAIN + b"><sheetData>"
             b'<row r="1"><c r="A1" t="inlineStr"><is><t>personal_ref</t></is></c>'
             b'<c r="B1" t="inlineStr"><is><t>first_name</t></is></c><c r="C1" t="inlineStr"><is><t>surname</t></is></c></row>'
             b'<row r="2"><c r="A2"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>'
             b'<row><c><v>3</v></c></row></sheetData></worksheet>')
    plain = with_cell("inline", b"x")
    out = io.BytesIO()
    with zipfile.ZipFile(plain) as old, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for entry in old.infolist():
            new.writestr(entry, sheet if entry.filename == "xl/worksheets/sheet1.xml" else old.read(entry.filename))
    out.seek(0)
    assert [(r.number, r.values["personal_ref"]) for r in workbook.read_xlsx(out).rows] == [(2, "1"), (3, "3")]
