"""each landlord's message defaults, and whether an email tracks opens

Revision ID: 0008
"""
import sqlalchemy as sa
from alembic import op

from services.common.migrations import landlord_wall

revision = "0008"
down_revision = "0007"


def upgrade() -> None:
    op.add_column("messages", sa.Column("open_tracking", sa.Boolean, nullable=False, server_default=sa.false()))
    op.create_table(
        "message_defaults",
        sa.Column("landlord_id", sa.String(36), primary_key=True),
        sa.Column("sender_name", sa.String(200), nullable=False),
        sa.Column("sender_email", sa.String(254), nullable=False),
        sa.Column("reply_to", sa.String(254), nullable=False),
        sa.Column("reply_to_number", sa.String(20), nullable=False),
        sa.Column("open_tracking", sa.Boolean, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(36), nullable=False),
    )
    landlord_wall(op, "message_defaults")


def downgrade() -> None:
    op.drop_table("message_defaults")
    op.drop_column("messages", "open_tracking")
