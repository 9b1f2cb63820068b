"""what households and groups tell profiles, for people search: households (version,
occupants, youngest date of birth, custom values), where each person lives, and each
person's admin groups, activity groups and participation

Revision ID: 0006
"""
import sqlalchemy as sa
from alembic import op

from services.common.migrations import landlord_wall

revision = "0006"
down_revision = "0005"


def upgrade() -> None:
    op.create_table(
        "household_facts",
        sa.Column("landlord_id", sa.String(36), nullable=False),
        sa.Column("household_id", sa.String(36), nullable=False),
        sa.Column("version", sa.BigInteger, nullable=False),
        sa.Column("occupant_count", sa.Integer, nullable=False),
        sa.Column("youngest_date_of_birth", sa.Date, nullable=True),
        sa.Column("occupant_ids", sa.Text, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("landlord_id", "household_id"),
    )
    op.create_table(
        "household_custom_values",
        sa.Column("landlord_id", sa.String(36), nullable=False),
        sa.Column("household_id", sa.String(36), nullable=False),
        sa.Column("field_id", sa.String(36), nullable=False),
        sa.Column("value", sa.String(1000), nullable=False),
        sa.PrimaryKeyConstraint("landlord_id", "household_id", "field_id", "value"),
    )
    op.create_index("ix_household_custom_values_field", "household_custom_values", ["landlord_id", "field_id"])
    op.create_table(
        "person_households",
        sa.Column("landlord_id", sa.String(36), nullable=False),
        sa.Column("person_id", sa.String(36), nullable=False),
        sa.Column("household_id", sa.String(36), nullable=False),
        sa.PrimaryKeyConstraint("landlord_id", "person_id"),
    )
    op.create_index("ix_person_households_household", "person_households", ["landlord_id", "household_id"])
    op.create_table(
        "person_groups",
        sa.Column("landlord_id", sa.String(36), nullable=False),
        sa.Column("person_id", sa.String(36), nullable=False),
        sa.Column("version", sa.BigInteger, nullable=False),
        sa.Column("admin_group_ids", sa.Text, nullable=False),
        sa.Column("activity_ids", sa.Text, nullable=False),
        sa.Column("participations", sa.Text, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("landlord_id", "person_id"),
    )
    for table in ("household_facts", "household_custom_values", "person_households", "person_groups"):
        landlord_wall(op, table)
