"""people counts, outbox and processed events

Revision ID: 0001
"""
import sqlalchemy as sa
from alembic import op

from services.common.migrations import create_event_tables, landlord_wall

revision = "0001"
down_revision = None


def upgrade() -> None:
    op.create_table(
        "people_counts",
        sa.Column("landlord_id", sa.String(36), primary_key=True),
        sa.Column("status", sa.String(20), primary_key=True),
        sa.Column("people", sa.BigInteger, nullable=False),
    )
    create_event_tables(op)
    for table in ("people_counts", "outbox", "processed_events"):
        landlord_wall(op, table)
