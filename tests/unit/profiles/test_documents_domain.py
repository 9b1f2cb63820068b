"""Documents on a person's record: the rules, and the content type found from
the bytes (real magic numbers, real Office files built in memory)."""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import struct
import zipfile

import openpyxl
import pytest

from services.common.errors import InvalidInput
from services.common.file_types import detect_content_type, sanitise_file_name
from services.profiles.documents.domain import MAX_SIZE_BYTES, SUMMARY_MAX, TITLE_MAX, Document

NOW = dt.datetime(2026, 11, 23, 10, 0, tzinfo=dt.timezone.utc)
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
OOXML_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/{part}" ContentType="application/vnd.openxmlformats-officedocument.{main}"/>
</Types>"""


def _zip(members: dict[str, bytes | str], stored_first: str | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if stored_first:  # ODF: the mimetype member comes first, uncompressed
            archive.writestr(stored_first, members.pop(stored_first), compress_type=zipfile.ZIP_STORED)
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _docx(with_content_types: bool = True) -> bytes:
    members = {"word/document.xml": "<w:document/>", "_rels/.rels": "<Relationships/>"}
    if with_content_types:
        members["[Content_Types].xml"] = OOXML_TYPES.format(
            part="word/document.xml", main="wordprocessingml.document.main+xml")
    return _zip(members)


def _xlsx() -> bytes:
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "rent arrears"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _pptx() -> bytes:
    return _zip({"[Content_Types].xml": OOXML_TYPES.format(
        part="ppt/presentation.xml", main="presentationml.presentation.main+xml"), "ppt/presentation.xml": "<p/>"})


def _compound_file(stream: str) -> bytes:
    """A minimal OLE2 compound file (512-byte sectors): FAT in sector 0, directory in sector 1."""
    free, end_of_chain, fat_sector = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIII", header, 0x2C, 1, 1, 0, 4096, end_of_chain, 0, end_of_chain, 0)
    struct.pack_into("<109I", header, 0x4C, 0, *([free] * 108))
    fat = struct.pack("<128I", fat_sector, end_of_chain, *([free] * 126))
    directory = bytearray(512)
    for index, (name, kind) in enumerate((("Root Entry", 5), (stream, 2))):
        encoded = name.encode("utf-16-le") + b"\x00\x00"
        entry = index * 128
        directory[entry:entry + len(encoded)] = encoded
        struct.pack_into("<HB", directory, entry + 64, len(encoded), kind)
    return bytes(header) + fat + bytes(directory)


def _bmp() -> bytes:
    pixels = b"\x00\x00\xff\x00"  # one red pixel, padded to 4 bytes
    info = struct.pack("<IiiHHIIiiII", 40, 1, 1, 1, 24, 0, len(pixels), 2835, 2835, 0, 0)
    return b"BM" + struct.pack("<IHHI", 14 + len(info) + len(pixels), 0, 0, 14 + len(info)) + info + pixels


@pytest.mark.parametrize("data, expected", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01", "image/png"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01", "image/jpeg"),
    (b"\xff\xd8\xff\xe1\x00\x18Exif\x00\x00", "image/jpeg"),
    (b"GIF89a\x01\x00\x01\x00\x80\x00\x00", "image/gif"),
    (b"GIF87a\x01\x00\x01\x00\x00\x00\x00", "image/gif"),
    (b"RIFF\x24\x00\x00\x00WEBPVP8 \x18\x00\x00\x00", "image/webp"),
    (b"RIFF\x24\x00\x00\x00WAVEfmt ", "application/octet-stream"),
    (b"II*\x00\x08\x00\x00\x00", "image/tiff"),
    (b"MM\x00*\x00\x00\x00\x08", "image/tiff"),
    (_bmp(), "image/bmp"),
    (b"BM is also how a plain note can start", "text/plain"),
    (b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} Hello}", "application/rtf"),
    (_docx(), DOCX),
    (_docx(with_content_types=False), DOCX),
    (_xlsx(), XLSX),
    (_pptx(), PPTX),
    (_zip({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<office/>"}, "mimetype"),
     "application/vnd.oasis.opendocument.text"),
    (_zip({"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<o/>"}, "mimetype"),
     "application/vnd.oasis.opendocument.spreadsheet"),
    (_zip({"mimetype": "text/html", "index.html": "<p>"}, "mimetype"), "application/zip"),
    (_zip({"notes/readme.txt": "hello"}), "application/zip"),
    (b"PK\x03\x04 a damaged zip", "application/zip"),
    (_compound_file("WordDocument"), "application/msword"),
    (_compound_file("Workbook"), "application/vnd.ms-excel"),
    (_compound_file("PowerPoint Document"), "application/vnd.ms-powerpoint"),
    (_compound_file("Something Else"), "application/x-ole-storage"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 truncated", "application/x-ole-storage"),
    ("Dear tenant,\nYour rent is £95 a week. Ça va?\n".encode(), "text/plain"),
    (b"\xef\xbb\xbfname,rent\nJo,95\n", "text/plain"),
    (b"<html><script>alert(1)</script></html>", "text/plain"),
    (b"caf\xe9 in Latin-1", "application/octet-stream"),
    (b"text with a \x00 NUL byte", "application/octet-stream"),
    (b"\x7fELF\x02\x01\x01\x00", "application/octet-stream"),
    (bytes(range(256)), "application/octet-stream"),
])
def test_content_type_comes_from_the_bytes(data, expected):
    assert detect_content_type(data) == expected


def test_a_zip_member_too_large_to_be_a_content_types_part_is_read_only_in_part():
    bomb = _zip({"[Content_Types].xml": " " * (8 * 1024 * 1024) + "wordprocessingml.document.main+xml"})
    assert detect_content_type(bomb) == "application/zip"


def _upload(**overrides) -> Document:
    values = {"landlord_id": "L1", "person_id": "P1", "title": "Tenancy agreement", "summary": "Signed copy",
              "file_name": "agreement.pdf", "content": b"%PDF-1.4 hello", "uploaded_by": "U1", "now": NOW}
    return Document.upload(**{**values, **overrides})


def _problems(error: InvalidInput) -> dict[str, str]:
    return {p.field: p.reason for p in error.fields}


def test_an_upload_keeps_what_the_document_is():
    document = _upload(title="  Tenancy   agreement ", summary="  Signed copy \n", file_name="notes.txt")
    assert document.title == "Tenancy agreement" and document.summary == "Signed copy"
    assert document.content_type == "application/pdf", "the bytes decide, not the name"
    assert document.file_name == "notes.txt"
    assert document.size_bytes == len(b"%PDF-1.4 hello")
    assert document.sha256 == hashlib.sha256(b"%PDF-1.4 hello").hexdigest()
    assert document.uploaded_at == document.updated_at == NOW and document.uploaded_by == "U1"
    assert len(document.document_id) == 36


def test_every_bad_field_is_named_at_once():
    with pytest.raises(InvalidInput) as refused:
        _upload(title="   ", summary="x" * (SUMMARY_MAX + 1), content=b"")
    assert set(_problems(refused.value)) == {"title", "summary", "file"}
    assert "empty" in _problems(refused.value)["file"]


@pytest.mark.parametrize("title, ok", [("x", True), ("x" * TITLE_MAX, True), ("x" * (TITLE_MAX + 1), False)])
def test_title_is_one_to_two_hundred_characters(title, ok):
    if ok:
        assert _upload(title=title).title == title
    else:
        with pytest.raises(InvalidInput) as refused:
            _upload(title=title)
        assert set(_problems(refused.value)) == {"title"}


def test_summary_is_optional_and_at_most_two_thousand_characters():
    assert _upload(summary="").summary == ""
    assert _upload(summary="y" * SUMMARY_MAX).summary == "y" * SUMMARY_MAX


def test_size_limit_is_ten_mebibytes():
    assert MAX_SIZE_BYTES == 10 * 1024 * 1024
    assert _upload(content=b"a" * MAX_SIZE_BYTES).size_bytes == MAX_SIZE_BYTES
    with pytest.raises(InvalidInput) as refused:
        _upload(content=b"a" * (MAX_SIZE_BYTES + 1))
    assert _problems(refused.value) == {"file": "must be at most 10 MiB"}


def test_the_gateway_refuses_what_the_profiles_service_refuses():
    from services.gateway.schemas.documents import MAX_DOCUMENT_BYTES
    assert MAX_DOCUMENT_BYTES == MAX_SIZE_BYTES


def test_an_edit_changes_only_what_it_is_given_and_checks_it():
    document = _upload()
    later = NOW + dt.timedelta(hours=1)
    document.edit(title=" New  title ", summary=None, now=later)
    assert (document.title, document.summary, document.updated_at) == ("New title", "Signed copy", later)
    document.edit(title=None, summary="", now=later)
    assert document.summary == ""
    with pytest.raises(InvalidInput) as refused:
        document.edit(title="", summary="z" * (SUMMARY_MAX + 1), now=later)
    assert set(_problems(refused.value)) == {"title", "summary"}
    assert document.title == "New title", "a refused edit changes nothing"


@pytest.mark.parametrize("given, kept", [
    ("report.pdf", "report.pdf"),
    ("C:\\Users\\sam\\Documents\\letter.docx", "letter.docx"),
    ("../../etc/passwd", "passwd"),
    ("..hidden", "hidden"),
    ("bad\r\nname\x00.txt", "badname.txt"),
    ('quote"and<angle>?.txt', "quoteandangle.txt"),
    ("  spaced\u00a0  out .pdf ", "spaced out .pdf"),
    ("Zoë's café notes.txt", "Zoë's café notes.txt"),
    ("right\u202eto-left.txt", "rightto-left.txt"),
    ("", "document"),
    (None, "document"),
    ("/", "document"),
])
def test_file_names_are_made_safe(given, kept):
    assert sanitise_file_name(given) == kept


def test_a_long_file_name_is_cut_keeping_its_extension():
    name = sanitise_file_name("a" * 300 + ".xlsx")
    assert len(name) == 200 and name.endswith("a.xlsx")
