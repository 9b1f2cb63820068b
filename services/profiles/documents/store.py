"""Storage of documents on a person's record (SQLAlchemy Core). Every query is
filtered by the landlord here; PostgreSQL row-level security is the second wall."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from .domain import Document
from .tables import person_documents

_METADATA_COLUMNS = [c for c in person_documents.columns if c.name != "content"]


class DocumentRepository:
    def __init__(self, session: Session, landlord_id: str):
        self.session = session
        self.landlord_id = landlord_id

    def add(self, document: Document) -> None:
        if document.landlord_id != self.landlord_id:
            raise ValueError("document belongs to another landlord")
        values = {c.name: getattr(document, c.name) for c in person_documents.columns}
        self.session.execute(insert(person_documents).values(**values))

    def list_for_person(self, person_id: str) -> list[Document]:
        """The person's documents, newest first, without their content."""
        rows = self.session.execute(
            select(*_METADATA_COLUMNS).where(*self._person(person_id))
            .order_by(person_documents.c.uploaded_at.desc(), person_documents.c.document_id.desc())
        ).mappings()
        return [_document(row) for row in rows]

    def get(self, person_id: str, document_id: str, *, with_content: bool = False) -> Document | None:
        columns = person_documents.columns if with_content else _METADATA_COLUMNS
        row = self.session.execute(
            select(*columns).where(*self._person(person_id), person_documents.c.document_id == document_id)
        ).mappings().first()
        return _document(row) if row else None

    def save_details(self, document: Document) -> None:
        """Write back what an edit may change: title, summary, updated_at."""
        self.session.execute(
            update(person_documents)
            .where(*self._person(document.person_id), person_documents.c.document_id == document.document_id)
            .values(title=document.title, summary=document.summary, updated_at=document.updated_at))

    def remove(self, person_id: str, document_id: str) -> bool:
        result = self.session.execute(
            delete(person_documents).where(*self._person(person_id), person_documents.c.document_id == document_id))
        return result.rowcount > 0

    def _person(self, person_id: str) -> tuple:
        return (person_documents.c.landlord_id == self.landlord_id, person_documents.c.person_id == person_id)


def _document(row) -> Document:
    values = {c.name: row[c.name] for c in _METADATA_COLUMNS}
    for name in ("uploaded_at", "updated_at"):  # SQLite gives back naive datetimes
        if values[name].tzinfo is None:
            values[name] = values[name].replace(tzinfo=dt.timezone.utc)
    content = row.get("content")
    return Document(**values, content=bytes(content) if content is not None else None)
