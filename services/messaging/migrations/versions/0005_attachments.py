"""a message's attachment: an email's file, or a letter's template document

Revision ID: 0005
"""
import sqlalchemy as sa
from alembic import op

from services.common.migrations import landlord_wall

revision = "0005"
down_revision = "0004"


def upgrade() -> None:
    op.create_table(
        "message_attachments",
        sa.Column("message_id", sa.String(36), primary_key=True),
        sa.Column("landlord_id", sa.String(36), nullable=False),
        sa.Column("file_name", sa.String(200), nullable=False),
        sa.Column("content_type", sa.String(120), nullable=False),
        sa.Column("size_bytes", sa.Integer, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("content", sa.LargeBinary, nullable=False),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("uploaded_by", sa.String(36), nullable=False),
    )
    landlord_wall(op, "message_attachments")


def downgrade() -> None:
    op.drop_table("message_attachments")
