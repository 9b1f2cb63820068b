"""A message's attachment, with no I/O: at most one per message, told from its bytes. An email carries it
to every recipient; a letter keeps the template document the post room merged with the mailing list, for
the record. Only documents and pictures: nothing a mail client would run, and no archive hiding one."""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from services.common.errors import FieldProblem, collect
from services.common.file_types import detect_content_type, sanitise_file_name

MAX_BYTES = 5 * 1024 * 1024  # what mail servers everywhere take once encoded (base64 adds a third)
DOCUMENTS = {
    "application/pdf", "application/rtf", "text/plain", "application/msword",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.ms-excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.ms-powerpoint", "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
    "application/vnd.oasis.opendocument.presentation",
}
PICTURES = {"image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp", "image/tiff"}
LETTER_TEMPLATES = {"application/pdf", "application/rtf", "application/msword", "application/vnd.oasis.opendocument.text",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


@dataclass(frozen=True)
class Attachment:
    file_name: str
    content_type: str
    size_bytes: int
    sha256: str
    uploaded_at: dt.datetime
    uploaded_by: str
    content: bytes = b""  # empty when only described


def new_attachment(*, channel: str, file_name: str, content: bytes, user_id: str, now: dt.datetime) -> Attachment:
    """The file, checked for the message's channel, or InvalidInput naming `file`: an email's is a document
    or a picture, a letter's the template document (a word-processor file or a PDF); a text has none."""
    problems: list[FieldProblem] = []
    kind = detect_content_type(content) if content else ""
    if channel == "text":
        problems.append(FieldProblem("file", "a text message has no attachment"))
    elif not content:
        problems.append(FieldProblem("file", "is empty: choose a file with something in it"))
    elif len(content) > MAX_BYTES:
        problems.append(FieldProblem("file", f"is {len(content) / 1024 / 1024:.1f} MiB: an attachment is at most "
                                             f"{MAX_BYTES // (1024 * 1024)} MiB"))
    elif channel == "post" and kind not in LETTER_TEMPLATES:
        problems.append(FieldProblem("file", f"is {kind}: a letter's template is a Word, OpenDocument, RTF or PDF "
                                             "document"))
    elif kind not in DOCUMENTS | PICTURES:
        problems.append(FieldProblem("file", f"is {kind}: an email may carry a document (PDF, Word, Excel, "
                                             "PowerPoint, OpenDocument, RTF, text) or a picture, nothing else"))
    collect(problems)
    return Attachment(sanitise_file_name(file_name), kind, len(content), hashlib.sha256(content).hexdigest(), now,
                      user_id, content)
