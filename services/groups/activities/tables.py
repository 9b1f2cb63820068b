"""The tables of activities and participation records (SQLAlchemy Core), on the service's metadata.
Who is in each activity group is in members/tables.py."""
from __future__ import annotations

from sqlalchemy import Boolean, Column, Index, String, Table, Text

from ..tables import TZ, metadata

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
