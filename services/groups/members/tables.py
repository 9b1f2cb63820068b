"""Who is in which group (SQLAlchemy Core, on the service's metadata): members of admin groups, people
in activity groups, the people profiles says are archived and the version of each person's status."""
from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Column, Index, Integer, PrimaryKeyConstraint, String, Table

from ..tables import TZ, metadata

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

# People profiles says are archived (from tracker.people.v1): left out when an activity group is resolved.
archived_people = Table(
    "archived_people", metadata,
    Column("landlord_id", String(36), nullable=False),
    Column("person_id", String(36), nullable=False),
    PrimaryKeyConstraint("landlord_id", "person_id"),
)

# The version of the person (from tracker.people.v1) whose status was last taken: an older one is ignored.
person_status_versions = Table(
    "person_status_versions", metadata,
    Column("landlord_id", String(36), nullable=False),
    Column("person_id", String(36), nullable=False),
    Column("version", BigInteger, nullable=False),
    PrimaryKeyConstraint("landlord_id", "person_id"),
)
