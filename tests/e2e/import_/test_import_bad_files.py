"""Bad feed files through the REST API, in both modes (issue 6): wrong encodings, a BOM, missing
and extra columns, personal references repeated inside one file, impossible dates, corrupt and
password-protected workbooks, empty and header-only files, formulas in cells. Each gets a clear
message, as a user sees it:

- file level: a 422 naming `file` with a reason a person can act on (the header is read at upload),
  or a run that ends `failed` with a `problem` (the file breaks further down, found by the check
  pass); either way nothing is applied: a count-only search shows the same total as before and
  the landlord's import runs list no completed run for the file;
- row level: the row in the rejected-rows report (row number, column, reason, the original
  values), every other row applied.

Not here: the 1,000,000-row file. Uploading one would take minutes; the reader's row limit
(`files.MAX_ROWS`, "the file has more than 1,000,000 rows: split it into smaller files", raised from
the middle of the rows, so such a run fails in its check pass before anything is applied) is
covered by tests/unit/import_/test_files.py and test_files_xlsx.py (test_the_row_limit_counts_data_rows and
test_the_row_limit_applies_to_workbooks_too).

Synthetic data only."""
from __future__ import annotations

import io
import struct
import zipfile

import openpyxl
import pytest

from tests.e2e.conftest import ApiClient, new_landlord
from tests.e2e.imports_api import (FEED_COLUMNS, IMPORTS, assert_counts, count_people, error_fields, feed_csv,
                                   feed_person, run_to_completion, search_refs, upload_file,
                                   wait_count, wait_finished)

SEED = feed_person("S000001", "Sid", "Seeded", 1)
FORMULA = "starts with = + - or @ and could run as a spreadsheet formula: remove that character"
NO_SUCH_DAY = "is not a real date (no such day)"
DAMAGED = "the workbook cannot be read (it may be damaged): open it in Excel and save it again as .xlsx"
PASSWORD = "password-protected or old .xls workbooks cannot be read: save as .xlsx without a password"


# -- files ---------------------------------------------------------------------------------------------------------

def _rows(prefix: str, count: int, **values) -> list[dict]:
    return [feed_person(f"{prefix}{n:06d}", f"Person{n}", "Example", n, **values) for n in range(1, count + 1)]


def _workbook(rows: list[dict], edit=None) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(FEED_COLUMNS)
    for row in rows:
        sheet.append([row.get(c, "") for c in FEED_COLUMNS])
    if edit:
        edit(sheet)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _rezipped(workbook: bytes, entry: str, content: bytes) -> bytes:
    """The same workbook with one part's content replaced."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(workbook)) as old, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info.filename, content if info.filename == entry else old.read(info.filename))
    return out.getvalue()


_SECTOR, _FREE, _END, _FAT = 512, 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD


def _directory_entry(name: str, kind: int, start: int = _END, size: int = 0, right: int = _FREE,
                     child: int = _FREE) -> bytes:
    encoded = (name + "\0").encode("utf-16-le") if name else b""
    return struct.pack("<64sHBBIII16sIQQIQ", encoded, len(encoded), kind, 1 if name else 0, _FREE, right, child, b"",
                       0, 0, 0, start, size)


def _password_protected_workbook() -> bytes:
    """What Excel saves for an .xlsx with a password: not a zip but an OLE2 compound file (MS-CFB, version 3)
    holding the streams EncryptionInfo and EncryptedPackage. Minimal, made by hand: the header (magic
    d0cf11e0a1b11ae1), one FAT sector, one directory sector, then the two streams of 4,096 bytes each
    (at the mini-stream cutoff, so in ordinary sectors). `file` calls it "CDFV2 Encrypted"."""
    size = 8 * _SECTOR
    info = struct.pack("<HHI", 4, 4, 0x40).ljust(size, b"\0")  # version 4.4: agile encryption (then its XML)
    package = struct.pack("<Q", 2048).ljust(size, b"\x5a")  # the encrypted zip's size, then its bytes
    chains = [_FAT, _END] + [*range(3, 10), _END] + [*range(11, 18), _END]
    fat = struct.pack(f"<{_SECTOR // 4}I", *chains, *[_FREE] * (_SECTOR // 4 - len(chains)))
    directory = (_directory_entry("Root Entry", 5, child=1)
                 + _directory_entry("EncryptionInfo", 2, start=2, size=size, right=2)
                 + _directory_entry("EncryptedPackage", 2, start=10, size=size) + _directory_entry("", 0))
    header = struct.pack("<8s16sHHHHH6s9I109I", bytes.fromhex("d0cf11e0a1b11ae1"), b"", 0x3E, 3, 0xFFFE, 9, 6, b"",
                         0, 1, 1, 0, 0x1000, _END, 0, _END, 0, 0, *[_FREE] * 108)
    return header + fat + directory + info + package


# -- file level ----------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seeded(platform) -> tuple[ApiClient, dict]:
    """One landlord for the file-level cases, with one person imported (so "nothing applied" has a total to keep)
    and its completed run."""
    operator = ApiClient(platform.url).sign_in("operator", platform.gateway.operator_password)
    _, admin = new_landlord(operator)
    run = run_to_completion(admin, feed_csv([SEED]))
    assert wait_count(admin, 1) == 1
    return admin, run


def _assert_nothing_applied(admin: ApiClient, seed_run: dict, file_name: str) -> None:
    assert count_people(admin) == 1, "the total is still the seeded person alone"
    runs = admin.get(IMPORTS, params={"page_size": 200})
    assert runs.status_code == 200, runs.text
    completed = [r for r in runs.json()["items"] if r["status"] == "completed"]
    assert [r["id"] for r in completed] == [seed_run["id"]], f"{file_name}: no completed run but the seed's"


UTF16_TEXT = "personal_ref,first_name,surname\r\nB000001,Zoë,Example\r\n"
NO_SURNAME = feed_csv(_rows("B", 2), [c for c in FEED_COLUMNS if c != "surname"])
GOOD_WORKBOOK = _workbook(_rows("B", 3))

REFUSED = {
    "utf-16 (with its BOM, as Excel's Unicode Text)": (
        UTF16_TEXT.encode("utf-16"), "people.csv", "the file is UTF-16 text: save it as CSV UTF-8"),
    "utf-16 little-endian without a BOM": (
        UTF16_TEXT.encode("utf-16-le"), "people.csv", "the file is UTF-16 text: save it as CSV UTF-8"),
    "utf-16 big-endian without a BOM": (
        UTF16_TEXT.encode("utf-16-be"), "people.csv", "the file is UTF-16 text: save it as CSV UTF-8"),
    "a header without surname": (NO_SURNAME, "people.csv", "required columns are missing: surname"),
    "an empty file": (b"", "people.csv", "the file is empty"),
    "a zip of garbage": (b"PK\x03\x04" + bytes(range(256)) * 8, "people.xlsx", DAMAGED),
    "a truncated workbook": (GOOD_WORKBOOK[:len(GOOD_WORKBOOK) // 2], "people.xlsx", DAMAGED),
    "a workbook whose sheet is not XML": (
        _rezipped(GOOD_WORKBOOK, "xl/worksheets/sheet1.xml", b"\x00garbage\xff" * 50), "people.xlsx", DAMAGED),
    "a password-protected workbook": (_password_protected_workbook(), "people.xlsx", PASSWORD),
}


@pytest.mark.parametrize("case", list(REFUSED))
def test_a_file_that_cannot_be_read_is_refused_at_upload_naming_file(seeded, case):
    admin, seed_run = seeded
    content, name, reason = REFUSED[case]
    name = f"{case}-{name}"
    answer = upload_file(admin, content, name=name)
    assert answer.status_code == 422, answer.text
    assert error_fields(answer) == {"file": reason}, answer.text
    assert name not in [r["file_name"] for r in admin.get(IMPORTS, params={"page_size": 200}).json()["items"]]
    _assert_nothing_applied(admin, seed_run, name)


def _failed(admin: ApiClient, content: bytes, name: str) -> dict:
    answer = upload_file(admin, content, name=name)
    assert answer.status_code == 202, f"the header is fine, so the upload is taken: {answer.text}"
    run = wait_finished(admin, answer.json()["id"])
    assert run["status"] == "failed", run
    assert run["finished_at"] and run["problem"], run
    assert_counts(run, created=0, updated=0, unchanged=0, archived=0)
    return run


def test_windows_1252_bytes_after_the_first_64_kib_fail_the_run_and_apply_nothing(seeded):
    admin, seed_run = seeded
    rows = _rows("W", 1200)
    rows[900]["first_name"] = "Renée"  # "é" as Windows-1252 writes it: the byte 0xE9, no UTF-8 sequence
    content = feed_csv(rows).replace("é".encode(), b"\xe9")
    offset = content.index(b"\xe9")
    assert offset > 64 * 1024 and content.count(b"\xe9") == 1
    run = _failed(admin, content, "windows-1252.csv")
    assert run["problem"].startswith(f"the file is not UTF-8 text (byte 0xE9 at offset {offset}): "
                                     "save it as CSV UTF-8"), run["problem"]
    assert count_people(admin, {"personal_ref": [r["personal_ref"] for r in rows[:5]]}) == 0, \
        "nobody from the file's first rows was created"
    _assert_nothing_applied(admin, seed_run, "windows-1252.csv")


def test_a_windows_1252_file_imports_when_the_upload_says_so(landlord):
    _, admin = landlord
    rows = [feed_person("K000001", "Renée", "Ó Briain", 1), feed_person("K000002", "Ben", "Example", 2)]
    content = feed_csv(rows).decode().encode("cp1252")
    run = run_to_completion(admin, content, encoding="cp1252")
    assert_counts(run, rows_read=2, accepted=2, created=2) and run["encoding"] == "cp1252"
    found = search_refs(admin, ["K000001"])
    assert (found["K000001"]["first_name"], found["K000001"]["surname"]) == ("Renée", "Ó Briain")
    wrong = upload_file(admin, content, "delta", encoding="latin-9")
    assert wrong.status_code == 422 and "encoding" in error_fields(wrong)


def test_a_workbook_damaged_after_its_header_fails_the_run_and_applies_nothing(seeded):
    admin, seed_run = seeded
    rows = _rows("X", 1500)
    workbook = _workbook(rows)
    sheet = zipfile.ZipFile(io.BytesIO(workbook)).read("xl/worksheets/sheet1.xml")
    assert len(sheet) > 200_000
    cut = _rezipped(workbook, "xl/worksheets/sheet1.xml", sheet[:len(sheet) * 3 // 4] + b"\x00\xff<<")
    run = _failed(admin, cut, "cut-off.xlsx")
    assert run["problem"] == DAMAGED
    assert count_people(admin, {"personal_ref": [r["personal_ref"] for r in rows[:5]]}) == 0
    _assert_nothing_applied(admin, seed_run, "cut-off.xlsx")


# -- files that import ---------------------------------------------------------------------------------------------
