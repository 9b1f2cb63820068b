"""The groups service's tables (SQLAlchemy Core). Every row carries its landlord; the repositories
filter by it and PostgreSQL row-level security is the second wall (migrations/versions/0001)."""
from __future__ import annotations

from sqlalchemy import (
    BigInteger, Boolean, Column, DateTime, Index, Integer, MetaData, PrimaryKeyConstraint, String, Table, Text,
)

from services.common.db import outbox_table, processed_events_table

TZ = DateTime(timezone=True)
metadata = MetaData()

activities = Table(
    "activities", metadata,
    Column("activity_id", String(36), primary_key=True),
    Column("landlord_id", String(36), nullable=False),
    Column("name", String(200), nullable=False),
    Column("name_key", String(200), nullable=False),  # casefolded, for "name contains"
    Column("type", String(100), nullable=False),
    Column("start_date", String(10), nullable=False),  # ISO date or ""
    Column("end_date", String(10), nullable=False),
    Column("description", Text, nullable=False),
    Column("unspecified", Boolean, nullable=False),
    Column("created_at", TZ, nullable=False),
    Column("created_by", String(36), nullable=False),
    Column("updated_at", TZ, nullable=False),
    Index("ix_activities_landlord_name", "landlord_id", "name_key"),
)

# Who is in each activity group: linked by hand (`manual`) and/or by participation records (`records`).
# A row exists while either holds.
activity_members = Table(
    "activity_members", metadata,
    Column("activity_id", String(36), nullable=False),
    Column("person_id", String(36), nullable=False),
    Column("landlord_id", String(36), nullable=False),
    Column("manual", Boolean, nullable=False),
    Column("records", Integer, nullable=False),
    Column("linked_at", TZ, nullable=False),
    Column("linked_by", String(36), nullable=False),
    PrimaryKeyConstraint("activity_id", "person_id"),
    Index("ix_activity_members_person", "landlord_id", "person_id"),
)

participation_records = Table(
    "participation_records", metadata,
    Column("participation_id", String(36), primary_key=True),
    Column("landlord_id", String(36), nullable=False),
    Column("person_id", String(36), nullable=False),
    Column("activity_id", String(36), nullable=False),
    Column("date", String(10), nullable=False),  # ISO date
    Column("role", String(200), nullable=False),
    Column("notes", Text, nullable=False),
    Column("created_at", TZ, nullable=False),
    Column("created_by", String(36), nullable=False),
    Column("updated_at", TZ, nullable=False),
    Index("ix_participation_person", "landlord_id", "person_id", "date"),
    Index("ix_participation_activity", "landlord_id", "activity_id", "date"),
)

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

admin_group_members = Table(
    "admin_group_members", metadata,
    Column("group_id", String(36), nullable=False),
    Column("person_id", String(36), nullable=False),
    Column("landlord_id", String(36), nullable=False),
    Column("added_at", TZ, nullable=False),
    Column("added_by", String(36), nullable=False),
    PrimaryKeyConstraint("group_id", "person_id"),  # keyset pages of a group by person id
    Index("ix_admin_group_members_newest", "group_id", "added_at"),
    Index("ix_admin_group_members_person", "landlord_id", "person_id"),
)

search_templates = Table(
    "search_templates", metadata,
    Column("search_template_id", String(36), primary_key=True),
    Column("landlord_id", String(36), nullable=False),
    Column("name", String(200), nullable=False),
    Column("name_key", String(200), nullable=False),  # casefolded: unique within the landlord
    Column("description", Text, nullable=False),
    Column("criteria", Text, nullable=False),  # JSON object
    Column("created_at", TZ, nullable=False),
    Column("created_by", String(36), nullable=False),
    Column("updated_at", TZ, nullable=False),
    Index("uq_search_templates_name", "landlord_id", "name_key", unique=True),
)

# The version of each person's PersonGroupsChanged (grows by one with every event about them).
person_versions = Table(
    "person_versions", metadata,
    Column("landlord_id", String(36), nullable=False),
    Column("person_id", String(36), nullable=False),
    Column("version", BigInteger, nullable=False),
    PrimaryKeyConstraint("landlord_id", "person_id"),
)

# People profiles says are archived (from tracker.people.v1): left out when an activity group is resolved.
archived_people = Table(
    "archived_people", metadata,
    Column("landlord_id", String(36), nullable=False),
    Column("person_id", String(36), nullable=False),
    PrimaryKeyConstraint("landlord_id", "person_id"),
)

outbox = outbox_table(metadata)
processed_events = processed_events_table(metadata)

LANDLORD_TABLES = ("activities", "activity_members", "participation_records", "admin_groups", "admin_group_members",
                   "search_templates", "person_versions", "archived_people", "outbox", "processed_events")
