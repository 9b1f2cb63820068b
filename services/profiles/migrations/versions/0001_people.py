"""people, outbox and processed events

Revision ID: 0001
"""
import sqlalchemy as sa
from alembic import op

from services.common.migrations import create_event_tables, landlord_wall

revision = "0001"
down_revision = None


def upgrade() -> None:
    op.create_table(
        "people",
        sa.Column("person_id", sa.String(36), primary_key=True),
        sa.Column("landlord_id", sa.String(36), nullable=False),
        sa.Column("personal_ref", sa.String(30), nullable=False),
        sa.Column("first_name", sa.String(100), nullable=False),
        sa.Column("surname", sa.String(100), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(36), nullable=False),
        sa.UniqueConstraint("landlord_id", "personal_ref", name="uq_people_landlord_ref"),
    )
    op.create_index("ix_people_landlord_surname", "people", ["landlord_id", "surname"])
    create_event_tables(op)
    for table in ("people", "outbox", "processed_events"):
        landlord_wall(op, table)
