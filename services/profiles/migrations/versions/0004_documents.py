"""documents stored on a person's record

Revision ID: 0004
"""
import sqlalchemy as sa
from alembic import op

from services.common.migrations import landlord_wall

revision = "0004"
down_revision = "0003"


def upgrade() -> None:
    op.create_table(
        "person_documents",
        sa.Column("document_id", sa.String(36), primary_key=True),
        sa.Column("landlord_id", sa.String(36), nullable=False),
        sa.Column("person_id", sa.String(36), sa.ForeignKey("people.person_id", ondelete="CASCADE"), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("file_name", sa.String(255), nullable=False),
        sa.Column("content_type", sa.String(100), nullable=False),
        sa.Column("size_bytes", sa.BigInteger, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("content", sa.LargeBinary, nullable=False),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("uploaded_by", sa.String(36), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_person_documents_landlord_person", "person_documents", ["landlord_id", "person_id"])
    landlord_wall(op, "person_documents")
