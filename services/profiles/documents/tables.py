"""The table of documents on a person's record (SQLAlchemy Core). Every query filters on the landlord
(store.py); PostgreSQL row-level security is the second wall."""
from __future__ import annotations

from sqlalchemy import BigInteger, Column, DateTime, ForeignKey, Index, LargeBinary, String, Table, Text

from ..tables import metadata

person_documents = Table(
    "person_documents", metadata,
    Column("document_id", String(36), primary_key=True),
    Column("landlord_id", String(36), nullable=False),
    Column("person_id", String(36), ForeignKey("people.person_id", ondelete="CASCADE"), nullable=False),
    Column("title", String(200), nullable=False),
    Column("summary", Text, nullable=False),
    Column("file_name", String(255), nullable=False),
    Column("content_type", String(100), nullable=False),
    Column("size_bytes", BigInteger, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("content", LargeBinary, nullable=False),
    Column("uploaded_at", DateTime(timezone=True), nullable=False),
    Column("uploaded_by", String(36), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Index("ix_person_documents_landlord_person", "landlord_id", "person_id"),
)
