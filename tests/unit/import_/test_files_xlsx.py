"""Reading feed workbooks (.xlsx) and big CSV files in services/import/files.py: cells as the feed
expects them, formulas and errors as row problems, damaged, encrypted and zip-bomb workbooks refused
before they are opened, memory bounded while a large file streams. CSV rules: test_files.py."""
import datetime as dt
import inspect
import io
import struct
import sys
import tracemalloc
import zipfile

import openpyxl
import pytest

from tests.unit.import_.test_files import HEADER, FileProblem, files, problem, rezipped, workbook


class Generated(io.RawIOBase):
    """A CSV made as it is read, so the test never holds the whole file either."""

    def __init__(self, count: int):
        self.lines = (line.encode() for line in self._lines(count))
        self.pending = b""
        self.given = 0

    @staticmethod
    def _lines(count):
        yield HEADER
        for i in range(1, count + 1):
            yield f"R{i:06d},Person{i},Surname{i},1980-01-{i % 28 + 1:02d},07700 900{i % 1000:03d},p{i}@example.org\r\n"

    def readable(self):
        return True

    def readinto(self, buffer):
        while len(self.pending) < len(buffer):
            line = next(self.lines, None)
            if line is None:
                break
            self.pending += line
        n = min(len(buffer), len(self.pending))
        buffer[:n], self.pending = self.pending[:n], self.pending[n:]
        self.given += n
        return n


def test_a_20000_row_csv_streams_in_bounded_memory():
    source = Generated(20_000)
    table = files.read_csv(io.BufferedReader(source, buffer_size=files.CHUNK))
    assert inspect.isgenerator(table.rows)
    first = next(table.rows)
    assert first.number == 2 and first.values["personal_ref"] == "R000001"
    assert source.given <= 2 * files.CHUNK  # the first row came before the rest of the file was read
    switch = sys.getswitchinterval()
    sys.setswitchinterval(30)  # tracemalloc counts every thread: keep a platform another test left running still
    tracemalloc.start()
    try:
        count, last = 1, first
        for last in table.rows:
            count += 1
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        sys.setswitchinterval(switch)
    assert count == 20_000 and last.number == 20_001 and last.values["email"] == "p20000@example.org"
    assert source.given > 1_500_000  # the file is about 1.7 MB ...
    assert peak < 1_000_000  # ... and never all in memory


# -- XLSX ----------------------------------------------------------------------------------------------------------

def test_openpyxl_parses_workbooks_with_defusedxml():
    assert openpyxl.DEFUSEDXML is True


def test_xlsx_cells_become_text_as_the_feed_expects():
    data = workbook([
        ["Personal ref", "First name", "Surname", "Date of birth", "Phone", "Mobile", "Title", "Area"],
        ["R1", "Ann", "Smith", dt.date(1980, 5, 17), 1134960000, "07700 900001", None, 3.0],
        [12345, "Bob", "Jones", dt.datetime(1975, 1, 2, 0, 0), 2.5, True, "Mr", None],
        ["R3", "Cat", "Brown", dt.datetime(1990, 3, 4, 10, 30), 1e20, False, "", 0.1 + 0.2],
    ])
    table = files.read_xlsx(data)
    got = list(table.rows)
    assert [r.number for r in got] == [2, 3, 4]
    assert got[0].values == {"personal_ref": "R1", "first_name": "Ann", "surname": "Smith",
                             "date_of_birth": "1980-05-17", "phone": "1134960000", "mobile": "07700 900001",
                             "title": "", "area": "3"}
    assert got[1].values["personal_ref"] == "12345" and got[1].values["date_of_birth"] == "1975-01-02"
    assert got[1].values["phone"] == "2.5" and got[1].values["mobile"] == "TRUE"
    assert got[2].values["date_of_birth"] == "1990-03-04T10:30:00"
    assert got[2].values["phone"] == "1e+20" and got[2].values["area"] == "0.3" and got[2].values["mobile"] == "FALSE"


def test_formula_cells_are_never_evaluated_and_are_a_row_problem():
    data = workbook([["personal_ref", "first_name", "surname", "email"],
                     ["R1", "Ann", "=UPPER(\"smith\")", "ann@example.org"],
                     ["R2", "Bob", "Jones", '=HYPERLINK("http://example.org","x")']])
    got = list(files.read_xlsx(data).rows)
    assert got[0].problems == (("surname", "contains a formula; paste values only"),)
    assert got[0].values["surname"] == '=UPPER("smith")'  # its text, for the rejected-rows report
    assert got[1].problems == (("email", "contains a formula; paste values only"),)


def test_error_cells_are_a_row_problem():
    data = workbook([["personal_ref", "first_name", "surname"], ["R1", "Ann", "#N/A"]])
    row = next(files.read_xlsx(data).rows)
    assert row.problems == (("surname", "contains an error value: correct or clear the cell"),)


def test_xlsx_gaps_between_rows_keep_the_row_numbers():
    def edit(sheet):
        sheet["A5"], sheet["B5"], sheet["C5"] = "R5", "Eve", "Evans"
    data = workbook([["personal_ref", "first_name", "surname"], ["R2", "Ann", "Smith"]], edit)
    assert [r.number for r in files.read_xlsx(data).rows] == [2, 5]


def test_rows_beyond_a_wrong_stored_size_are_still_read():
    data = workbook([["personal_ref", "first_name", "surname"]] + [[f"R{i}", "Ann", "Smith"] for i in range(5)])
    sheet = zipfile.ZipFile(data).read("xl/worksheets/sheet1.xml")
    assert b'<dimension ref="A1:C6"' in sheet
    data = rezipped(data, {"xl/worksheets/sheet1.xml": sheet.replace(b"A1:C6", b"A1:C2")})
    assert len(list(files.read_xlsx(data).rows)) == 5


def test_xlsx_header_rules_are_the_csv_ones():
    assert "required columns are missing: surname" == problem(
        lambda: files.read_xlsx(workbook([["personal_ref", "first_name", "Notes"], ["R1", "Ann", "x"]])))
    table = files.read_xlsx(workbook([["PERSONAL_REF", "first name", "surname", "Notes"]]))
    assert list(table.rows) == [] and table.header.unknown == ("Notes",)


def test_an_empty_worksheet_and_an_empty_file():
    assert "the first worksheet has no rows" in problem(lambda: files.read_xlsx(workbook([])))
    assert problem(lambda: files.read_xlsx(io.BytesIO(b""))) == "the file is empty"


def test_the_row_limit_applies_to_workbooks_too():
    data = workbook([["personal_ref", "first_name", "surname"]] + [[f"R{i}", "Ann", "Smith"] for i in range(3)])
    with pytest.raises(FileProblem, match="more than 2 rows"):
        list(files.read_xlsx(data, max_rows=2).rows)


def test_password_protected_and_old_xls_workbooks_are_named():
    ole2 = io.BytesIO(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024)
    expected = "password-protected or old .xls workbooks cannot be read: save as .xlsx without a password"
    assert problem(lambda: files.read_xlsx(ole2)) == expected
    assert problem(lambda: files.read_file(io.BytesIO(ole2.getvalue()))) == expected


def test_a_zip_with_an_encrypted_entry_is_refused():
    data = bytearray(workbook([["personal_ref", "first_name", "surname"]]).getvalue())
    central = data.index(b"PK\x01\x02")
    data[central + 8] |= 0x1  # general purpose flag: encrypted
    assert "password-protected" in problem(lambda: files.read_xlsx(io.BytesIO(bytes(data))))


def test_corrupt_workbooks_are_a_file_problem_not_a_crash():
    good = workbook([["personal_ref", "first_name", "surname"], ["R1", "Ann", "Smith"]]).getvalue()
    damaged = "the workbook cannot be read (it may be damaged): open it in Excel and save it again as .xlsx"
    assert problem(lambda: files.read_xlsx(io.BytesIO(good[: len(good) // 2]))) == damaged
    assert problem(lambda: files.read_xlsx(io.BytesIO(b"PK\x03\x04" + b"\x00" * 200))) == damaged
    broken_sheet = rezipped(io.BytesIO(good), {"xl/worksheets/sheet1.xml": b"<worksheet><sheetData><row"})
    with pytest.raises(FileProblem, match="cannot be read"):
        list(files.read_xlsx(broken_sheet).rows)
    no_workbook = io.BytesIO()
    with zipfile.ZipFile(no_workbook, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    assert problem(lambda: files.read_xlsx(no_workbook)) == "the file is not an .xlsx workbook"
    assert problem(lambda: files.read_xlsx(io.BytesIO(b"personal_ref,first_name\r\n"))) == \
        "the file is not an .xlsx workbook"


def test_a_zip_of_too_many_entries_is_refused_before_opening():
    many = io.BytesIO()
    with zipfile.ZipFile(many, "w") as archive:
        for i in range(10_001):
            archive.writestr(f"x/{i}.xml", "")
    assert "more than 10,000 parts" in problem(lambda: files.read_xlsx(many))


def test_a_huge_declared_size_is_refused_before_opening():
    data = bytearray(workbook([["personal_ref", "first_name", "surname"]]).getvalue())
    central = data.index(b"PK\x01\x02")
    data[central + 24:central + 28] = struct.pack("<I", 4_000_000_000)  # uncompressed size of the first entry
    assert "unpacks to more than 200 MiB" in problem(lambda: files.read_xlsx(io.BytesIO(bytes(data))))
    small = files.XlsxLimits(max_uncompressed=1000)
    assert "more than 0 MiB" in problem(lambda: files.read_xlsx(workbook([["personal_ref"]]), limits=small))


def test_an_entry_compressed_like_a_bomb_is_refused():
    bomb = rezipped(workbook([["personal_ref", "first_name", "surname"]]),
                    {"xl/worksheets/sheet1.xml": b"<worksheet>" + b" " * (4 * 1024 * 1024) + b"</worksheet>"})
    assert "compressed beyond" in problem(lambda: files.read_xlsx(bomb))


def test_an_ordinary_large_workbook_passes_the_zip_checks():
    data = workbook([["personal_ref", "first_name", "surname", "tenancy_type", "area"]]
                    + [[f"R{i:06d}", "Ann", "Smith", "General needs", None] for i in range(5_000)])
    files.check_workbook(data)
    assert sum(1 for _ in files.read_xlsx(data).rows) == 5_000


def test_xml_entity_bombs_are_refused_by_defusedxml():
    laughs = (b'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">'
              + b"".join(b'<!ENTITY %c "&%c;&%c;&%c;&%c;&%c;&%c;&%c;&%c;&%c;&%c;">' % ((98 + i,) + (97 + i,) * 10)
                         for i in range(8))
              + b']><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                b'<row r="1"><c r="A1" t="inlineStr"><is><t>&i;</t></is></c></row></sheetData></worksheet>')
    data = workbook([["personal_ref", "first_name", "surname"], ["R1", "Ann", "Smith"]])
    bomb = rezipped(data, {"xl/worksheets/sheet1.xml": laughs})
    with pytest.raises(FileProblem, match="cannot be read"):
        list(files.read_xlsx(bomb).rows)
