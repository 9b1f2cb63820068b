"""counted_contacts: each communication record as last seen on tracker.messaging.v1 (a deleted one kept as
a tombstone with its version, so a late older event cannot bring it back), for the contacts report

Revision ID: 0003
"""
import sqlalchemy as sa
from alembic import op

from services.common.migrations import landlord_wall

revision = "0003"
down_revision = "0002"


def upgrade() -> None:
    op.create_table(
        "counted_contacts",
        sa.Column("landlord_id", sa.String(36), nullable=False),
        sa.Column("communication_id", sa.String(36), nullable=False),
        sa.Column("version", sa.BigInteger, nullable=False),
        sa.Column("person_id", sa.String(36), nullable=False),
        sa.Column("communication_code", sa.String(40), nullable=False),
        sa.Column("communication_label", sa.String(60), nullable=False),
        sa.Column("outcome_code", sa.String(60), nullable=False),
        sa.Column("date", sa.Date, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.PrimaryKeyConstraint("landlord_id", "communication_id"),
    )
    op.create_index("ix_counted_contacts_date", "counted_contacts", ["landlord_id", "date"])
    landlord_wall(op, "counted_contacts")


def downgrade() -> None:
    op.drop_table("counted_contacts")
