"""The groups service's tables (SQLAlchemy Core): admin groups, the version of each person's groups
event, the outbox and processed events; each area's own in its tables.py (activities/, members/,
templates/), on this metadata. Every row carries its landlord; the repositories filter by it and
PostgreSQL row-level security is the second wall (migrations/versions/0001)."""
from __future__ import annotations

from sqlalchemy import BigInteger, Column, DateTime, Index, MetaData, PrimaryKeyConstraint, String, Table, Text

from services.common.db import outbox_table, processed_events_table

TZ = DateTime(timezone=True)
metadata = MetaData()

admin_groups = Table(
    "admin_groups", metadata,
    Column("group_id", String(36), primary_key=True),
    Column("landlord_id", String(36), nullable=False),
    Column("reference", String(200), nullable=False),
    Column("reference_key", String(200), nullable=False),  # casefolded: unique within the landlord
    Column("description", Text, nullable=False),
    Column("activity_id", String(36), nullable=False),  # the landlord's Unspecified activity
    Column("member_count", BigInteger, nullable=False),
    Column("created_at", TZ, nullable=False),
    Column("created_by", String(36), nullable=False),
    Column("updated_at", TZ, nullable=False),
    Index("uq_admin_groups_reference", "landlord_id", "reference_key", unique=True),
)

# The version of each person's PersonGroupsChanged (grows by one with every event about them).
person_versions = Table(
    "person_versions", metadata,
    Column("landlord_id", String(36), nullable=False),
    Column("person_id", String(36), nullable=False),
    Column("version", BigInteger, nullable=False),
    PrimaryKeyConstraint("landlord_id", "person_id"),
)

outbox = outbox_table(metadata)
processed_events = processed_events_table(metadata)

LANDLORD_TABLES = ("activities", "activity_members", "participation_records", "admin_groups", "admin_group_members",
                   "search_templates", "person_versions", "archived_people", "person_status_versions", "outbox",
                   "processed_events")
