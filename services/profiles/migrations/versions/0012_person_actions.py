"""person_actions: each person's open follow-up actions (their due dates) as messaging last told them, for people
search's "action" criterion (open, overdue, due until a date)

Revision ID: 0012
"""
import sqlalchemy as sa
from alembic import op

from services.common.migrations import landlord_wall

revision = "0012"
down_revision = "0011"


def upgrade() -> None:
    op.create_table(
        "person_actions",
        sa.Column("landlord_id", sa.String(36), nullable=False),
        sa.Column("person_id", sa.String(36), nullable=False),
        sa.Column("version", sa.BigInteger, nullable=False),
        sa.Column("open_due_dates", sa.Text, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("landlord_id", "person_id"),
    )
    landlord_wall(op, "person_actions")


def downgrade() -> None:
    op.drop_table("person_actions")
