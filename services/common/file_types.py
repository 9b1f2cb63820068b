"""What an uploaded file is, from its bytes alone (magic numbers, the members of a zip, the directory of an
OLE2 compound file), never from its name; and a file name made safe to offer back on download. Shared by
documents on people's records and messages' attachments."""
from __future__ import annotations

import io
import re
import struct
import unicodedata
import zipfile

FILE_NAME_MAX = 200
DEFAULT_FILE_NAME = "document"
OCTET_STREAM = "application/octet-stream"
OLE_STORAGE = "application/x-ole-storage"
_UNSAFE_IN_NAMES = set('"<>:|?*')


def sanitise_file_name(name: str | None) -> str:
    """The last part of a path, without control or format characters, path
    separators or leading dots; at most FILE_NAME_MAX characters, keeping the extension."""
    name = unicodedata.normalize("NFC", name or "")
    name = re.split(r"[/\\]", name)[-1]
    name = "".join(" " if unicodedata.category(ch)[0] == "Z" else ch for ch in name
                   if unicodedata.category(ch)[0] != "C" and ch not in _UNSAFE_IN_NAMES)
    name = " ".join(name.split()).lstrip(". ")
    if len(name) > FILE_NAME_MAX:
        stem, dot, extension = name.rpartition(".")
        keep = len(extension) + 1 if dot and len(extension) <= 10 else 0
        name = name[:FILE_NAME_MAX - keep].rstrip() + (name[-keep:] if keep else "")
    return name or DEFAULT_FILE_NAME


# --- what the bytes are ------------------------------------------------------------------------

_MAGIC = [
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
    (b"{\\rtf", "application/rtf"),
]
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
_BMP_HEADER_SIZES = {12, 40, 52, 56, 64, 108, 124}
_OOXML_MAIN = {  # the main part's content type in [Content_Types].xml -> the document's type
    "wordprocessingml.document.main+xml": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "spreadsheetml.sheet.main+xml": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "presentationml.presentation.main+xml":
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/vnd.ms-word.document.macroEnabled.main+xml": "application/vnd.ms-word.document.macroEnabled.12",
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml": "application/vnd.ms-excel.sheet.macroEnabled.12",
}
_OOXML_MEMBERS = {  # when [Content_Types].xml says nothing we know: the main part's usual name
    "word/document.xml": _OOXML_MAIN["wordprocessingml.document.main+xml"],
    "xl/workbook.xml": _OOXML_MAIN["spreadsheetml.sheet.main+xml"],
    "ppt/presentation.xml": _OOXML_MAIN["presentationml.presentation.main+xml"],
}
_ODF_MIMETYPE = re.compile(rb"application/vnd\.oasis\.opendocument\.[a-z\-]{1,40}")
_PART_MAX = 1024 * 1024  # read at most this much of one zip member (a zip bomb gets no further)
_OLE_STREAMS = {"WordDocument": "application/msword", "Workbook": "application/vnd.ms-excel",
                "Book": "application/vnd.ms-excel", "PowerPoint Document": "application/vnd.ms-powerpoint"}


def detect_content_type(data: bytes) -> str:
    """The media type of `data`, from its bytes alone; application/octet-stream when unsure."""
    for magic, media_type in _MAGIC:
        if data.startswith(magic):
            return media_type
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if _is_bmp(data):
        return "image/bmp"
    if data.startswith(_ZIP_MAGICS):
        return _zip_type(data)
    if data.startswith(_OLE_MAGIC):
        return _ole_type(data)
    if _is_text(data):
        return "text/plain"
    return OCTET_STREAM


def _is_bmp(data: bytes) -> bool:
    if len(data) < 26 or data[:2] != b"BM" or data[6:10] != b"\x00\x00\x00\x00":
        return False
    return struct.unpack_from("<I", data, 14)[0] in _BMP_HEADER_SIZES


def _is_text(data: bytes) -> bool:
    if b"\x00" in data:
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _zip_type(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                declared = _read_member(archive, "mimetype").strip()
                if _ODF_MIMETYPE.fullmatch(declared):
                    return declared.decode("ascii")
            if "[Content_Types].xml" in names:
                types = _read_member(archive, "[Content_Types].xml")
                for main, media_type in _OOXML_MAIN.items():
                    if main.encode() in types:
                        return media_type
            for member, media_type in _OOXML_MEMBERS.items():
                if member in names:
                    return media_type
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError, ValueError, OSError):
        pass  # a damaged or encrypted zip is still a zip
    return "application/zip"


def _read_member(archive: zipfile.ZipFile, name: str) -> bytes:
    with archive.open(name) as member:
        return member.read(_PART_MAX)


def _ole_type(data: bytes) -> str:
    """Word, Excel or PowerPoint (97-2003) by the streams in the compound file's
    directory; application/x-ole-storage when it cannot be told cheaply."""
    try:
        names = _ole_directory_names(data)
    except (struct.error, IndexError, ValueError):
        return OLE_STORAGE
    for stream, media_type in _OLE_STREAMS.items():
        if stream in names:
            return media_type
    return OLE_STORAGE


def _ole_directory_names(data: bytes) -> set[str]:
    sector_size = 1 << struct.unpack_from("<H", data, 0x1E)[0]
    if sector_size not in (512, 4096):
        raise ValueError("not a compound file sector size")
    fat_count, first_directory = struct.unpack_from("<I", data, 0x2C)[0], struct.unpack_from("<I", data, 0x30)[0]
    fat_sectors = [s for s in struct.unpack_from("<109I", data, 0x4C)[:fat_count] if s < 0xFFFFFFFA]
    fat: list[int] = []
    for sector in fat_sectors:  # the header's 109 FAT sectors (about 7 MiB of 512-byte sectors; beyond: not told)
        start = (sector + 1) * sector_size
        fat.extend(struct.unpack_from(f"<{sector_size // 4}I", data, start))
    names: set[str] = set()
    sector, seen = first_directory, 0
    while sector < 0xFFFFFFFA and seen < 4096:
        start = (sector + 1) * sector_size
        for entry in range(start, start + sector_size, 128):
            length = struct.unpack_from("<H", data, entry + 64)[0]
            if 2 <= length <= 64:
                names.add(data[entry:entry + length - 2].decode("utf-16-le", "replace"))
        sector, seen = fat[sector], seen + 1
    return names
