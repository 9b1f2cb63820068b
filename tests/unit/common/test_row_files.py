"""Files of rows written a row at a time (services.common.row_files): dates as dates and numbers as numbers in
XLSX, text neutralised against formulas in both formats, the XLSX sheet titled as asked."""
import csv
import datetime as dt
import io

import openpyxl
import pytest

from services.common.row_files import RowWriter


@pytest.mark.parametrize("file_format", ["xlsx", "csv"])
def test_rows_are_written_as_they_come_with_formulas_neutralised(tmp_path, file_format):
    path = tmp_path / f"out.{file_format}"
    writer = RowWriter(path, file_format)
    writer.write(["personal_ref", "date_of_birth", "age", "surname"])
    writer.write(["R1", "1980-05-17", 46, "=HYPERLINK(\"x\")"])
    writer.write(["R2", None, None, "Sample"])
    writer.close()
    if file_format == "csv":
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
        assert rows[1] == ["R1", "1980-05-17", "46", "'=HYPERLINK(\"x\")"] and rows[2] == ["R2", "", "", "Sample"]
    else:
        rows = list(openpyxl.load_workbook(path).active.iter_rows(values_only=True))
        assert rows[1] == ("R1", dt.datetime(1980, 5, 17), 46, "'=HYPERLINK(\"x\")") and rows[2][:2] == ("R2", None)


def test_an_xlsx_row_keeps_every_kind_of_value_and_leaves_out_what_xml_cannot_hold(tmp_path):
    path = tmp_path / "out.xlsx"
    writer = RowWriter(path, "xlsx")
    wide = [f"c{n}" for n in range(30)]  # past column Z
    writer.write(wide)
    writer.write([True, False, 2.5, float("inf"), "2021-02-30", "  padded ", "bell\x07here", "+447700900123",
                  "x" * 40000, "2026-12-04", 7700900123, "\x07=HYPERLINK(\"x\")"])
    writer.close()
    sheet = openpyxl.load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == tuple(wide)
    assert rows[1][:9] == (True, False, 2.5, None, "2021-02-30", "  padded ", "bellhere", "'+447700900123",
                           "x" * 32767)
    assert rows[1][9:12] == (dt.datetime(2026, 12, 4), 7700900123, "'=HYPERLINK(\"x\")")
    assert sheet.cell(2, 10).number_format == "yyyy-mm-dd"


def test_xlsx_text_keeps_markup_characters_and_every_script_as_written(tmp_path):
    path = tmp_path / "out.xlsx"
    writer = RowWriter(path, "xlsx")
    written = ["Flat 2 & 3 <rear>", 'Ffion "Ffi" O\'Brien-Ŵyn', "Siân Llŷr", "<!--sheet rows-->", "😀 ok ]]>"]
    writer.write(written)
    writer.close()
    assert list(openpyxl.load_workbook(path).active.iter_rows(values_only=True)) == [tuple(written)]


def test_an_xlsx_file_with_no_rows_opens_as_an_empty_sheet(tmp_path):
    path = tmp_path / "out.xlsx"
    writer = RowWriter(path, "xlsx")
    writer.close()
    sheet = openpyxl.load_workbook(path).active
    assert sheet.title == "People" and list(sheet.iter_rows(values_only=True)) == []


def test_an_xlsx_sheet_has_the_title_it_is_given(tmp_path):
    path = tmp_path / "out.xlsx"
    writer = RowWriter(path, "xlsx", sheet_title="Mail merge")
    writer.write(["personal_ref", "first_name"])
    writer.close()
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Mail merge"] and book.active.title == "Mail merge"
