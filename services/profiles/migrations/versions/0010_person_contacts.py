"""person_contacts: each communication record as messaging last told it (a deleted one kept as a tombstone),
for people search's "contacted" criteria

Revision ID: 0010
"""
import sqlalchemy as sa
from alembic import op

from services.common.migrations import landlord_wall

revision = "0010"
down_revision = "0009"


def upgrade() -> None:
    op.create_table(
        "person_contacts",
        sa.Column("landlord_id", sa.String(36), nullable=False),
        sa.Column("communication_id", sa.String(36), nullable=False),
        sa.Column("version", sa.BigInteger, nullable=False),
        sa.Column("person_id", sa.String(36), nullable=False),
        sa.Column("communication_code", sa.String(40), nullable=False),
        sa.Column("outcome_code", sa.String(60), nullable=False),
        sa.Column("date", sa.Date, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.PrimaryKeyConstraint("landlord_id", "communication_id"),
    )
    op.create_index("ix_person_contacts_person", "person_contacts", ["landlord_id", "person_id"])
    landlord_wall(op, "person_contacts")


def downgrade() -> None:
    op.drop_table("person_contacts")
