"""Documents on a person's record: the rules. The content type is told from the bytes alone
(services/common/file_types.py), never from the file's name: the name is kept only to offer it back
when the document is downloaded."""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from services.common.errors import FieldProblem, collect
from services.common.file_types import detect_content_type, sanitise_file_name
from services.common.ids import new_id

TITLE_MAX = 200
SUMMARY_MAX = 2000
MAX_SIZE_BYTES = 10 * 1024 * 1024  # 10 MiB; the gateway refuses larger uploads before they get here


@dataclass
class Document:
    document_id: str
    landlord_id: str
    person_id: str
    title: str
    summary: str
    file_name: str
    content_type: str
    size_bytes: int
    sha256: str
    uploaded_at: dt.datetime
    uploaded_by: str
    updated_at: dt.datetime
    content: bytes | None = None  # None when listed: only a download carries the bytes

    @classmethod
    def upload(cls, *, landlord_id: str, person_id: str, title: str, summary: str, file_name: str,
               content: bytes, uploaded_by: str, now: dt.datetime) -> "Document":
        """A new document; raises InvalidInput naming every bad field."""
        title, summary = _clean_title(title), _clean_summary(summary)
        problems = _text_problems(title, summary)
        if not content:
            problems.append(FieldProblem("file", "is empty: choose a file with something in it"))
        elif len(content) > MAX_SIZE_BYTES:
            problems.append(FieldProblem("file", f"must be at most {MAX_SIZE_BYTES // (1024 * 1024)} MiB"))
        collect(problems)
        return cls(new_id(), landlord_id, person_id, title, summary, sanitise_file_name(file_name),
                   detect_content_type(content), len(content), hashlib.sha256(content).hexdigest(),
                   now, uploaded_by, now, content)

    def edit(self, *, title: str | None, summary: str | None, now: dt.datetime) -> None:
        """Change the title and/or the summary (None leaves one as it is)."""
        new_title = self.title if title is None else _clean_title(title)
        new_summary = self.summary if summary is None else _clean_summary(summary)
        collect(_text_problems(new_title, new_summary))
        self.title, self.summary, self.updated_at = new_title, new_summary, now


def _clean_title(title: str | None) -> str:
    return " ".join((title or "").split())


def _clean_summary(summary: str | None) -> str:
    return (summary or "").strip()


def _text_problems(title: str, summary: str) -> list[FieldProblem]:
    problems = []
    if not title:
        problems.append(FieldProblem("title", "is required"))
    elif len(title) > TITLE_MAX:
        problems.append(FieldProblem("title", f"must be at most {TITLE_MAX} characters"))
    if len(summary) > SUMMARY_MAX:
        problems.append(FieldProblem("summary", f"must be at most {SUMMARY_MAX} characters"))
    return problems
