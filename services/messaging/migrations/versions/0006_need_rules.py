"""each landlord's rules for communication needs a channel cannot meet

Revision ID: 0006
"""
import sqlalchemy as sa
from alembic import op

from services.common.migrations import landlord_wall

revision = "0006"
down_revision = "0005"


def upgrade() -> None:
    op.create_table(
        "need_rules",
        sa.Column("landlord_id", sa.String(36), nullable=False),
        sa.Column("need", sa.String(200), nullable=False),
        sa.Column("channel", sa.String(10), nullable=False),
        sa.Column("action", sa.String(30), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(36), nullable=False),
        sa.PrimaryKeyConstraint("landlord_id", "need", "channel"),
    )
    landlord_wall(op, "need_rules")


def downgrade() -> None:
    op.drop_table("need_rules")
