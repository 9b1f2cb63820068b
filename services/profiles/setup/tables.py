"""The tables of a landlord's profile set-up (SQLAlchemy Core): option lists, options (tenancy types with
their reference settings), custom field definitions and profile settings. Every query filters on the
landlord (store.py); PostgreSQL row-level security is the second wall."""
from __future__ import annotations

from sqlalchemy import (BigInteger, Boolean, Column, DateTime, Index, Integer, PrimaryKeyConstraint, String, Table, Text,
                        UniqueConstraint, false)

from ..tables import metadata

option_lists = Table(
    "option_lists", metadata,
    Column("landlord_id", String(36), nullable=False),
    Column("list_name", String(60), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("landlord_id", "list_name"),
)
options = Table(
    "options", metadata,
    Column("option_id", String(36), primary_key=True),
    Column("landlord_id", String(36), nullable=False),
    Column("list_name", String(60), nullable=False),
    Column("label", String(200), nullable=False),
    Column("label_key", String(200), nullable=False),
    Column("position", Integer, nullable=False),
    Column("archived", Boolean, nullable=False, server_default=false()),
    Column("code", String(40), nullable=False, server_default=""),
    Column("option_group", String(40), nullable=False, server_default=""),
    Column("fed_by_import", Boolean, nullable=True),
    Column("ref_prefix", String(20), nullable=True),
    Column("ref_digits", Integer, nullable=True),
    Column("next_number", BigInteger, nullable=True),
    UniqueConstraint("landlord_id", "list_name", "label_key", name="uq_options_label"),
    Index("ix_options_list", "landlord_id", "list_name", "position"),
)
custom_fields = Table(
    "custom_fields", metadata,
    Column("field_id", String(36), primary_key=True),
    Column("landlord_id", String(36), nullable=False),
    Column("key", String(40), nullable=False),
    Column("label", String(200), nullable=False),
    Column("label_key", String(200), nullable=False),
    Column("type", String(20), nullable=False),
    Column("position", Integer, nullable=False),
    Column("archived", Boolean, nullable=False, server_default=false()),
    Column("applies_to", String(20), nullable=False, server_default="person"),
    Column("index_generation", Integer, nullable=False, server_default="0"),
    UniqueConstraint("landlord_id", "key", name="uq_custom_fields_key"),
    UniqueConstraint("landlord_id", "applies_to", "label_key", name="uq_custom_fields_label"),
)
profile_settings = Table(
    "profile_settings", metadata,
    Column("landlord_id", String(36), primary_key=True),
    Column("age_bands", Text, nullable=False),
    Column("personal_ref_mode", String(20), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("setup_version", BigInteger, nullable=False, server_default="0"),  # moves with every set-up change
)
