"""activities, activity members, participation records, admin groups and members, search templates,
person versions, archived people, outbox and processed events

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
        "activities",
        sa.Column("activity_id", ID, primary_key=True),
        sa.Column("landlord_id", ID, nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("name_key", sa.String(200), nullable=False),
        sa.Column("type", sa.String(100), nullable=False),
        sa.Column("start_date", sa.String(10), nullable=False),
        sa.Column("end_date", sa.String(10), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("unspecified", sa.Boolean, nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("created_by", ID, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
    )
    op.create_index("ix_activities_landlord_name", "activities", ["landlord_id", "name_key"])
    op.create_table(
        "activity_members",
        sa.Column("activity_id", ID, nullable=False),
        sa.Column("person_id", ID, nullable=False),
        sa.Column("landlord_id", ID, nullable=False),
        sa.Column("manual", sa.Boolean, nullable=False),
        sa.Column("records", sa.Integer, nullable=False),
        sa.Column("linked_at", TZ, nullable=False),
        sa.Column("linked_by", ID, nullable=False),
        sa.PrimaryKeyConstraint("activity_id", "person_id"),
    )
    op.create_index("ix_activity_members_person", "activity_members", ["landlord_id", "person_id"])
    op.create_table(
        "participation_records",
        sa.Column("participation_id", ID, primary_key=True),
        sa.Column("landlord_id", ID, nullable=False),
        sa.Column("person_id", ID, nullable=False),
        sa.Column("activity_id", ID, nullable=False),
        sa.Column("date", sa.String(10), nullable=False),
        sa.Column("role", sa.String(200), nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("created_by", ID, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
    )
    op.create_index("ix_participation_person", "participation_records", ["landlord_id", "person_id", "date"])
    op.create_index("ix_participation_activity", "participation_records", ["landlord_id", "activity_id", "date"])
    op.create_table(
        "admin_groups",
        sa.Column("group_id", ID, primary_key=True),
        sa.Column("landlord_id", ID, nullable=False),
        sa.Column("reference", sa.String(200), nullable=False),
        sa.Column("reference_key", sa.String(200), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("activity_id", ID, nullable=False),
        sa.Column("member_count", sa.BigInteger, nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("created_by", ID, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
    )
    op.create_index("uq_admin_groups_reference", "admin_groups", ["landlord_id", "reference_key"], unique=True)
    op.create_table(
        "admin_group_members",
        sa.Column("group_id", ID, nullable=False),
        sa.Column("person_id", ID, nullable=False),
        sa.Column("landlord_id", ID, nullable=False),
        sa.Column("added_at", TZ, nullable=False),
        sa.Column("added_by", ID, nullable=False),
        sa.PrimaryKeyConstraint("group_id", "person_id"),
    )
    op.create_index("ix_admin_group_members_newest", "admin_group_members", ["group_id", "added_at"])
    op.create_index("ix_admin_group_members_person", "admin_group_members", ["landlord_id", "person_id"])
    op.create_table(
        "search_templates",
        sa.Column("search_template_id", ID, primary_key=True),
        sa.Column("landlord_id", ID, nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("name_key", sa.String(200), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("criteria", sa.Text, nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("created_by", ID, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
    )
    op.create_index("uq_search_templates_name", "search_templates", ["landlord_id", "name_key"], unique=True)
    op.create_table(
        "person_versions",
        sa.Column("landlord_id", ID, nullable=False),
        sa.Column("person_id", ID, nullable=False),
        sa.Column("version", sa.BigInteger, nullable=False),
        sa.PrimaryKeyConstraint("landlord_id", "person_id"),
    )
    op.create_table(
        "archived_people",
        sa.Column("landlord_id", ID, nullable=False),
        sa.Column("person_id", ID, nullable=False),
        sa.PrimaryKeyConstraint("landlord_id", "person_id"),
    )
    create_event_tables(op)
    for table in ("activities", "activity_members", "participation_records", "admin_groups", "admin_group_members",
                  "search_templates", "person_versions", "archived_people", "outbox", "processed_events"):
        landlord_wall(op, table)
