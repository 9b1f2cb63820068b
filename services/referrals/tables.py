"""The referrals service's tables (SQLAlchemy Core). Providers are the platform's (no landlord: only
platform-level transactions see them); a landlord's choice of providers and its referrals carry the landlord,
which the repositories filter on and PostgreSQL row-level security walls (migrations/versions/0001). A
referral is kept whole in its row: its person as the provider sees them, its appointments and its steps."""
from __future__ import annotations

from sqlalchemy import (BigInteger, Boolean, Column, Date, DateTime, Index, MetaData, PrimaryKeyConstraint, String,
                        Table, Text)

from services.common.db import outbox_table, processed_events_table

TZ = DateTime(timezone=True)
ID = String(36)
metadata = MetaData()

providers = Table(
    "providers", metadata,
    Column("provider_id", ID, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("name_key", String(200), nullable=False, unique=True),  # casefolded: one provider of a name
    Column("services", Text, nullable=False),  # JSON list
    Column("areas", Text, nullable=False),  # JSON list
    Column("contact_email", String(254), nullable=False),
    Column("created_at", TZ, nullable=False),
)
landlord_providers = Table(
    "landlord_providers", metadata,
    Column("landlord_id", ID, nullable=False),
    Column("provider_id", ID, nullable=False),
    PrimaryKeyConstraint("landlord_id", "provider_id"),
)
referrals = Table(
    "referrals", metadata,
    Column("referral_id", ID, primary_key=True),
    Column("landlord_id", ID, nullable=False),
    Column("provider_id", String(36), nullable=False),  # "" for a "no"
    Column("person_id", String(36), nullable=False),
    Column("person", Text, nullable=False),  # JSON: name and contact details as the provider sees them
    Column("wants_support", Boolean, nullable=False),
    Column("no_reason", String(40), nullable=False),
    Column("needs", Text, nullable=False),  # JSON list of codes
    Column("consent", Boolean, nullable=False),
    Column("consent_date", Date),
    Column("notes", Text, nullable=False),
    Column("referred_on", Date, nullable=False),
    Column("referred_by", ID, nullable=False),
    Column("created_at", TZ, nullable=False),
    Column("version", BigInteger, nullable=False),
    Column("status", String(30), nullable=False),  # as the domain works it out, for filtering
    Column("request_expires_at", TZ),
    Column("appointments", Text, nullable=False),  # JSON list, in the order booked
    Column("steps", Text, nullable=False),  # JSON list, in the journey's order
    Index("ix_referrals_person", "landlord_id", "person_id"),
    Index("ix_referrals_provider", "provider_id", "referred_on"),
    Index("ix_referrals_landlord", "landlord_id", "referred_on"),
)
outbox = outbox_table(metadata)
processed_events = processed_events_table(metadata)
