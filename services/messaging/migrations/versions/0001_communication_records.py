"""communication records (deleted ones kept as tombstones), outbox and processed events

Revision ID: 0001
"""
import sqlalchemy as sa
from alembic import op

from services.common.migrations import create_event_tables, landlord_wall

revision = "0001"
down_revision = None

TZ = sa.DateTime(timezone=True)
ID = sa.String(36)


def upgrade() -> None:
    op.create_table(
        "communication_records",
        sa.Column("communication_id", ID, primary_key=True),
        sa.Column("landlord_id", ID, nullable=False),
        sa.Column("person_id", ID, nullable=False),
        sa.Column("communication_code", sa.String(40), nullable=False),
        sa.Column("outcome_code", sa.String(60), nullable=False),
        sa.Column("date", sa.Date, nullable=False),
        sa.Column("landlord_contact", sa.String(200), nullable=False),
        sa.Column("description", sa.String(200), nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("message_id", sa.String(36), nullable=False),
        sa.Column("version", sa.BigInteger, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("created_by", ID, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
    )
    op.create_index("ix_communication_records_person", "communication_records", ["landlord_id", "person_id", "date"])
    op.create_index("ix_communication_records_date", "communication_records", ["landlord_id", "date"])
    create_event_tables(op)
    for table in ("communication_records", "outbox", "processed_events"):
        landlord_wall(op, table)


def downgrade() -> None:
    for table in ("processed_events", "outbox", "communication_records"):
        op.drop_table(table)
