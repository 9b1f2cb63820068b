"""The tables of what households, groups, messaging and referrals tell profiles (SQLAlchemy Core): households
(version, occupants, youngest date of birth, custom values), which household each person lives in, each
person's groups, communication records, each person's open follow-up actions, and referrals. Every query filters on
the landlord (store.py); PostgreSQL row-level security is the second wall."""
from __future__ import annotations

from sqlalchemy import (BigInteger, Boolean, Column, Date, DateTime, Index, Integer, PrimaryKeyConstraint, String, Table,
                        Text)

from ..tables import metadata

household_facts = Table(
    "household_facts", metadata,
    Column("landlord_id", String(36), nullable=False),
    Column("household_id", String(36), nullable=False),
    Column("version", BigInteger, nullable=False),
    Column("occupant_count", Integer, nullable=False),
    Column("youngest_date_of_birth", Date, nullable=True),
    Column("occupant_ids", Text, nullable=False),  # JSON list of person ids
    Column("updated_at", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("landlord_id", "household_id"),
)
household_custom_values = Table(  # one row per value; a multi-choice field has one row per option id
    "household_custom_values", metadata,
    Column("landlord_id", String(36), nullable=False),
    Column("household_id", String(36), nullable=False),
    Column("field_id", String(36), nullable=False),
    Column("value", String(1000), nullable=False),
    PrimaryKeyConstraint("landlord_id", "household_id", "field_id", "value"),
    Index("ix_household_custom_values_field", "landlord_id", "field_id"),
)
person_households = Table(
    "person_households", metadata,
    Column("landlord_id", String(36), nullable=False),
    Column("person_id", String(36), nullable=False),
    Column("household_id", String(36), nullable=False),
    PrimaryKeyConstraint("landlord_id", "person_id"),
    Index("ix_person_households_household", "landlord_id", "household_id"),
)
person_groups = Table(
    "person_groups", metadata,
    Column("landlord_id", String(36), nullable=False),
    Column("person_id", String(36), nullable=False),
    Column("version", BigInteger, nullable=False),
    Column("admin_group_ids", Text, nullable=False),  # JSON lists
    Column("activity_ids", Text, nullable=False),
    Column("participations", Text, nullable=False),  # JSON [[activity id, ISO date], ...]
    Column("updated_at", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("landlord_id", "person_id"),
)
person_contacts = Table(  # each communication record as messaging last told it (deleted ones kept as tombstones)
    "person_contacts", metadata,
    Column("landlord_id", String(36), nullable=False),
    Column("communication_id", String(36), nullable=False),
    Column("version", BigInteger, nullable=False),
    Column("person_id", String(36), nullable=False),
    Column("communication_code", String(40), nullable=False),
    Column("outcome_code", String(60), nullable=False),
    Column("date", Date, nullable=False),
    Column("deleted", Boolean, nullable=False),
    Column("satisfaction", Integer, nullable=True),  # a survey's satisfaction score, 0-10; None where none was given
    PrimaryKeyConstraint("landlord_id", "communication_id"),
    Index("ix_person_contacts_person", "landlord_id", "person_id"),
)
person_actions = Table(  # each person's open follow-up actions as messaging last told them
    "person_actions", metadata,
    Column("landlord_id", String(36), nullable=False),
    Column("person_id", String(36), nullable=False),
    Column("version", BigInteger, nullable=False),
    Column("open_due_dates", Text, nullable=False),  # JSON list of ISO dates, earliest first (repeats kept)
    Column("updated_at", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("landlord_id", "person_id"),
)
person_referrals = Table(  # each referral as the referrals service last told it (deleted ones kept as tombstones)
    "person_referrals", metadata,
    Column("landlord_id", String(36), nullable=False),
    Column("referral_id", String(36), nullable=False),
    Column("version", BigInteger, nullable=False),
    Column("person_id", String(36), nullable=False),  # "" for a self-referral not yet matched to a profile
    Column("provider_id", String(36), nullable=False),  # "" for a "no"
    Column("wants_support", Boolean, nullable=False),
    Column("referred_on", Date, nullable=False),
    Column("job_started_on", Date, nullable=True),  # the journey's job_started step
    Column("deleted", Boolean, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("landlord_id", "referral_id"),
    Index("ix_person_referrals_person", "landlord_id", "person_id"),
)
