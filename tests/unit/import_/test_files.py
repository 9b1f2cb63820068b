"""Reading uploaded feed files: CSV and XLSX as streams of rows, and every way a file can be bad."""
import datetime as dt
import importlib
import io
import zipfile

import openpyxl
import pytest

from services.common.person_fields import LONGEST_TEXT

files = importlib.import_module("services.import.files")
FileProblem = files.FileProblem

HEADER = "personal_ref,first_name,surname,date_of_birth,mobile,email\r\n"


def read(data: bytes | str, **kw):
    return files.read_csv(io.BytesIO(data.encode() if isinstance(data, str) else data), **kw)


def rows(data: bytes | str, **kw) -> list:
    return list(read(data, **kw).rows)


def problem(call) -> str:
    with pytest.raises(FileProblem) as raised:
        call()
    return raised.value.message


def workbook(rows_, edit=None) -> io.BytesIO:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows_:
        sheet.append(row)
    if edit:
        edit(sheet)
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    return out


def rezipped(source: io.BytesIO, replace: dict[str, bytes]) -> io.BytesIO:
    """The same zip with some entries' content replaced."""
    out = io.BytesIO()
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for entry in old.infolist():
            new.writestr(entry.filename, replace.get(entry.filename, old.read(entry.filename)))
    out.seek(0)
    return out


# -- CSV: encodings ------------------------------------------------------------------------------------------------

def test_csv_with_a_bom_and_crlf_gives_rows_numbered_as_a_spreadsheet_shows_them():
    data = b"\xef\xbb\xbf" + (HEADER + "R000001,Ann,Smith,1980-05-17,07700 900001,ann@example.org\r\n"
                               "R000002,Bob,Jones,,07700 900002,\r\n").encode()
    table = read(data)
    assert table.header.columns[0] == "personal_ref"  # the BOM is not part of the first name
    got = list(table.rows)
    assert [r.number for r in got] == [2, 3]
    assert got[0].values == {"personal_ref": "R000001", "first_name": "Ann", "surname": "Smith",
                             "date_of_birth": "1980-05-17", "mobile": "07700 900001", "email": "ann@example.org"}
    assert got[1].values["date_of_birth"] == "" and got[1].problems == ()


@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"])
def test_csv_line_endings_of_every_kind(eol):
    data = eol.join(["personal_ref,first_name,surname", "R1,Ann,Smith", "R2,Bob,Jones"]) + eol
    assert [(r.number, r.values["first_name"]) for r in rows(data)] == [(2, "Ann"), (3, "Bob")]


def test_quoted_values_keep_their_newlines_commas_and_quotes_and_rows_count_records_not_lines():
    data = ('personal_ref,first_name,surname,address1\r\n'
            'R1,Ann,Smith,"Flat 1,\r\nRiver House"\r\n'
            'R2,"Bob ""Bobby""",Jones,"1 High Street\nLeeds\nWest Yorkshire"\r\n'
            'R3,Cat,Brown,\r\n')
    got = rows(data)
    assert [r.number for r in got] == [2, 3, 4]
    assert got[0].values["address1"] == "Flat 1,\r\nRiver House"
    assert got[1].values["first_name"] == 'Bob "Bobby"'
    assert got[1].values["address1"] == "1 High Street\nLeeds\nWest Yorkshire"


def test_windows_1252_bytes_are_refused_with_the_byte_and_its_offset():
    data = "personal_ref,first_name,surname\r\nR1,Zoë,Smith\r\n".encode("cp1252")
    message = problem(lambda: rows(data))
    offset = data.index(b"\xeb")
    assert message.startswith(f"the file is not UTF-8 text (byte 0xEB at offset {offset}): save it as CSV UTF-8")


def test_windows_1252_is_read_only_when_chosen():
    data = "personal_ref,first_name,surname\r\nR1,Zoë,O’Brien\r\n".encode("cp1252")
    assert rows(data, encoding="cp1252")[0].values == {"personal_ref": "R1", "first_name": "Zoë",
                                                       "surname": "O’Brien"}
    bad = b"personal_ref,first_name,surname\r\nR1,Ann,Sm\x81th\r\n"  # 0x81 means nothing in Windows-1252
    assert "not Windows-1252 text (byte 0x81 at offset" in problem(lambda: rows(bad, encoding="cp1252"))
    with pytest.raises(ValueError):
        read(b"personal_ref\r\n", encoding="latin-1")


def test_a_utf8_bom_wins_over_a_chosen_windows_1252():
    data = b"\xef\xbb\xbf" + "personal_ref,first_name,surname\r\nR1,Zoë,Smith\r\n".encode()
    assert rows(data, encoding="cp1252")[0].values["first_name"] == "Zoë"


def test_offsets_and_characters_across_chunk_boundaries():
    pad = "R{0},Ann,Smith\r\n"
    body = "".join(pad.format(f"{i:06d}") for i in range(files.CHUNK // len(pad.format("000000")) + 10))
    head = "personal_ref,first_name,surname\r\n"
    # "é" (2 bytes) cut in half by the first chunk's end
    cut = files.CHUNK - 1 - len(head.encode())
    data = (head + body[:cut] + "é" + body[cut:]).encode()
    assert data[files.CHUNK - 1:files.CHUNK + 1] == "é".encode()
    assert len(rows(data)) > 1000
    broken = data[:files.CHUNK + 100] + b"\xff" + data[files.CHUNK + 100:]
    assert f"byte 0xFF at offset {files.CHUNK + 100})" in problem(lambda: rows(broken))


def test_utf16_and_workbooks_uploaded_as_csv_are_named():
    assert "UTF-16" in problem(lambda: read("personal_ref\r\n".encode("utf-16")))
    assert "workbook, not CSV" in problem(lambda: read(workbook([["personal_ref"]]).getvalue()))


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_named_too(codec):
    for name in ("Ann", "Zoë"):  # ASCII, and a character UTF-8 cannot read ("ë" is 0xEB 0x00 in UTF-16LE)
        text = f"personal_ref,first_name,surname\r\nR1,{name},Smith\r\n"
        assert problem(lambda: read(text.encode(codec))) == "the file is UTF-16 text: save it as CSV UTF-8"


def test_nul_bytes_in_utf8_text_are_not_taken_for_utf16():
    assert rows(b"personal_ref,first_name,surname\r\nR1,A\x00n,Smith\r\n")[0].values["first_name"] == "A\x00n"
    assert "UTF-16" not in problem(lambda: read(b"\x00" * 64))


# -- CSV: shape ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf"])
def test_an_empty_file(data):
    assert problem(lambda: read(data)) == "the file is empty"


def test_a_blank_first_row_is_no_header():
    assert "the first row is empty" in problem(lambda: read("\r\npersonal_ref,first_name,surname\r\n"))


def test_a_header_only_file_has_no_rows_and_that_is_fine():
    table = read("personal_ref,first_name,surname\r\n")
    assert list(table.rows) == [] and table.header.warnings == []


def test_missing_required_columns_are_named():
    message = problem(lambda: read("first_name,email\r\nAnn,ann@example.org\r\n"))
    assert message == "required columns are missing: personal_ref, surname"


def test_header_names_ignore_case_spaces_underscores_and_hyphens():
    table = read("PERSONAL REF, First_Name ,Sur-name,Date of Birth,Address Line 1,ADDRESS2\r\n"
                 "R1,Ann,Smith,,1 Road,\r\n")
    assert table.header.fields == ("personal_ref", "first_name", "surname", "date_of_birth", "address1", "address2")
    assert table.header.columns[1] == "First_Name"
    assert table.header.column_of["surname"] == "Sur-name"


def test_unknown_columns_are_a_warning_and_kept_only_in_the_original_values():
    table = read("personal_ref,first_name,surname,Notes,Rent balance\r\nR1,Ann,Smith,likes gardening,12.50\r\n")
    assert table.header.unknown == ("Notes", "Rent balance")
    assert table.header.warnings == ["columns ignored (not in feed format v1): Notes, Rent balance"]
    row = next(table.rows)
    assert "Notes" not in row.values and row.original["Notes"] == "likes gardening"


def test_a_column_mapping_renames_their_columns_and_can_silence_others():
    mapping = {"Tenant ID": "personal_ref", "forename": "first_name", "LAST_NAME": "surname", "Notes": None,
               "DOB": "date_of_birth"}
    table = read("tenant id,Forename,Last Name,Notes,Dob\r\nR1,Ann,Smith,x,17/05/1980\r\n", mapping=mapping)
    assert table.header.unknown == ()
    assert next(table.rows).values == {"personal_ref": "R1", "first_name": "Ann", "surname": "Smith",
                                       "date_of_birth": "17/05/1980"}
    assert table.header.column_of["personal_ref"] == "tenant id"


def test_a_mapping_to_a_field_feed_v1_lacks_is_a_programming_error():
    with pytest.raises(ValueError, match="religion"):
        read("a,b\r\n", mapping={"a": "religion"})


def test_a_field_given_twice_is_refused_naming_the_columns():
    message = problem(lambda: read("personal_ref,First name,first_name,surname\r\n"))
    assert message == "columns appear more than once: first_name from columns First name, first_name; keep one of each"
    mapped = problem(lambda: read("personal_ref,ref,first_name,surname\r\n", mapping={"ref": "personal_ref"}))
    assert "personal_ref from columns personal_ref, ref" in mapped


def test_repeated_and_blank_ignored_columns_get_names_of_their_own():
    table = read("personal_ref,Notes,first_name,,surname,notes\r\nR1,a,Ann,b,Smith,c\r\n")
    assert table.header.columns == ("personal_ref", "Notes", "first_name", "column 4", "surname", "notes (2)")
    assert next(table.rows).original == {"personal_ref": "R1", "Notes": "a", "first_name": "Ann", "column 4": "b",
                                         "surname": "Smith", "notes (2)": "c"}


@pytest.mark.parametrize("sep", [";", "\t"])
def test_semicolons_and_tabs_are_found_in_the_header(sep):
    data = sep.join(["personal_ref", "first_name", "surname"]) + "\r\n" + sep.join(["R1", "Ann, Mrs", "Smith"]) + "\r\n"
    assert rows(data)[0].values == {"personal_ref": "R1", "first_name": "Ann, Mrs", "surname": "Smith"}


def test_a_delimiter_can_be_given():
    assert rows("personal_ref|first_name|surname\r\nR1|Ann|Smith\r\n", delimiter="|")[0].values["surname"] == "Smith"


def test_short_rows_are_padded_long_rows_are_a_row_problem_and_blank_rows_skipped():
    got = rows("personal_ref,first_name,surname,email\r\nR1,Ann\r\n,,,\r\n\r\nR2,Bob,Jones,b@example.org,oops\r\n")
    assert [r.number for r in got] == [2, 5]
    assert got[0].values["email"] == "" and got[0].problems == ()
    assert got[1].problems == (("", "has a value in column 5 but the header names 4 columns: is there a comma in"
                                    " a value without quotes around it?"),)
    assert got[1].original["column 5"] == "oops"


def test_a_csv_cell_longer_than_any_field_is_kept_cut_for_the_feed_to_reject():
    long = "a" * 100_000
    [row] = rows(f"personal_ref,first_name,surname,Notes\r\nR1,{long},Smith,{long}\r\n")
    assert row.original["first_name"] == row.values["first_name"] == long[:LONGEST_TEXT + 1]
    assert row.original["Notes"] == long[:LONGEST_TEXT + 1]


def test_a_column_name_longer_than_any_field_is_no_header():
    assert problem(lambda: rows("personal_ref,first_name,surname," + "n" * 401 + "\r\n")) == \
        "the name of column 4 is longer than 400 characters: the first row must name the columns"


def test_a_broken_quote_is_a_file_problem_naming_the_row():
    message = problem(lambda: rows('personal_ref,first_name,surname\r\nR1,Ann,Smith\r\nR2,"Bob"by,Jones\r\n'))
    assert message.startswith("row 3 cannot be read as CSV")
    assert "row 2 cannot" in problem(lambda: rows('personal_ref,first_name,surname\r\nR1,"Ann,Smith\r\nR2,B,J\r\n'))


def test_a_file_without_line_breaks_is_refused_before_it_fills_memory():
    data = b"personal_ref,first_name,surname" + b",x" * files.MAX_LINE
    assert "longer than" in problem(lambda: read(data))


def test_the_row_limit_counts_data_rows():
    data = HEADER + "".join(f"R{i},Ann,Smith,,,\r\n" for i in range(4))
    assert len(rows(data, max_rows=4)) == 4
    table = read(data, max_rows=3)
    got = []
    with pytest.raises(FileProblem, match="more than 3 rows: split it into smaller files"):
        for row in table.rows:
            got.append(row)
    assert len(got) == 3
    assert files.MAX_ROWS == 1_000_000


# -- either --------------------------------------------------------------------------------------------------------

def test_read_file_goes_by_the_first_bytes_not_the_name():
    xlsx = files.read_file(workbook([["personal_ref", "first_name", "surname"], ["R1", "Ann", "Smith"]]))
    csv_ = files.read_file(io.BytesIO(b"personal_ref,first_name,surname\r\nR1,Ann,Smith\r\n"))
    assert next(xlsx.rows).values == next(csv_.rows).values == {"personal_ref": "R1", "first_name": "Ann",
                                                                 "surname": "Smith"}


def test_cell_text():
    assert [files.cell_text(v) for v in (None, 7, 7.0, -2.0, 7.25, dt.time(9, 5), "x")] == \
        ["", "7", "7", "-2", "7.25", "09:05:00", "x"]
