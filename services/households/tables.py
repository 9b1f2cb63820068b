"""The households service's tables (SQLAlchemy Core). Every row carries its landlord; every query
filters on it (store.py) and PostgreSQL row-level security is the second wall behind that."""
from __future__ import annotations

from sqlalchemy import (
    BigInteger, Boolean, Column, Date, DateTime, Float, Index, Integer, MetaData, String,
    Table, Text,
)

from services.common.db import outbox_table, processed_events_table

TZ = DateTime(timezone=True)
SERIAL = BigInteger().with_variant(Integer, "sqlite")  # SQLite autoincrements INTEGER primary keys only

metadata = MetaData()
households = Table(
    "households", metadata,
    Column("household_id", String(36), primary_key=True),
    Column("landlord_id", String(36), nullable=False),
    Column("match_key", String(600), nullable=False),  # matching.household_key of its property
    Column("matched_by", String(20), nullable=False),  # property_ref | address
    Column("property_ref", String(100), nullable=False),
    Column("property_ref_key", String(100), nullable=False),  # trimmed, lower case, no spaces
    Column("address_line_1", String(100), nullable=False),
    Column("address_line_2", String(100), nullable=False),
    Column("address_line_3", String(100), nullable=False),
    Column("address_line_4", String(100), nullable=False),
    Column("postcode", String(20), nullable=False),
    Column("postcode_key", String(20), nullable=False),  # upper case, no spaces
    Column("search_words", Text, nullable=False),  # " word word ... ": every word of address, postcode, ref
    Column("sort_address", String(600), nullable=False),
    Column("occupant_count", Integer, nullable=False),
    Column("youngest_date_of_birth", Date, nullable=True),
    Column("tenancy_types", Text, nullable=False),  # "|general needs|sheltered|": of current occupants, lower case
    Column("version", BigInteger, nullable=False),
    Column("property_profile", Text, nullable=False),  # JSON: stored values by custom field id
    Column("household_profile", Text, nullable=False),
    Column("created_at", TZ, nullable=False),
    Column("updated_at", TZ, nullable=False),
    Index("uq_households_key", "landlord_id", "match_key", unique=True),
    # Unique, so PostgreSQL looks a household up by it even when its statistics of a landlord are stale.
    Index("uq_households_landlord", "landlord_id", "household_id", unique=True),
    Index("ix_households_sort", "landlord_id", "sort_address"),
    Index("ix_households_occupants", "landlord_id", "occupant_count"),
    Index("ix_households_updated", "landlord_id", "updated_at"),
    Index("ix_households_youngest", "landlord_id", "youngest_date_of_birth"),
)
residents = Table(
    "household_residents", metadata,
    Column("resident_no", SERIAL, primary_key=True, autoincrement=True),  # storage order: a rebuild reads in it
    Column("landlord_id", String(36), nullable=False),
    Column("person_id", String(36), nullable=False),
    Column("personal_ref", String(100), nullable=False),
    Column("first_name", String(100), nullable=False),
    Column("surname", String(100), nullable=False),
    Column("status", String(20), nullable=False),
    Column("date_of_birth", Date, nullable=True),
    Column("tenancy_type", String(100), nullable=False),
    Column("property_ref", String(100), nullable=False),
    Column("address_line_1", String(100), nullable=False),
    Column("address_line_2", String(100), nullable=False),
    Column("address_line_3", String(100), nullable=False),
    Column("address_line_4", String(100), nullable=False),
    Column("postcode", String(20), nullable=False),
    # The household they live in (current) or last lived in (archived); none without an address.
    Column("household_id", String(36), nullable=True),
    Column("household_key", String(600), nullable=True),  # that household's match key
    Column("updated_at", TZ, nullable=False),
    # The person's version (profiles) these details are of: an older people event is left out. 0: not known.
    Column("person_version", BigInteger, nullable=False, server_default="0"),
    Index("uq_household_residents_person", "landlord_id", "person_id", unique=True),
    Index("ix_household_residents_order", "landlord_id", "resident_no"),
    Index("ix_household_residents_household", "landlord_id", "household_id"),
)
occupancies = Table(
    "household_occupancies", metadata,
    Column("occupancy_id", SERIAL, primary_key=True, autoincrement=True),
    Column("landlord_id", String(36), nullable=False),
    Column("household_id", String(36), nullable=False),
    Column("person_id", String(36), nullable=False),
    Column("joined_at", TZ, nullable=False),
    Column("left_at", TZ, nullable=True),
    Index("ix_household_occupancies_household", "landlord_id", "household_id", "left_at"),
    Index("ix_household_occupancies_person", "landlord_id", "person_id", "left_at"),
)
# Profile values as search filters them: one row per value (per option id for choice fields).
profile_values = Table(
    "household_profile_values", metadata,
    Column("value_id", SERIAL, primary_key=True, autoincrement=True),
    Column("landlord_id", String(36), nullable=False),
    Column("household_id", String(36), nullable=False),
    Column("field_id", String(36), nullable=False),
    Column("text_value", String(400), nullable=True),  # text (lower case) or an option id
    Column("number_value", Float, nullable=True),
    Column("date_value", Date, nullable=True),
    Column("bool_value", Boolean, nullable=True),
    Index("ix_household_profile_values_field", "landlord_id", "field_id", "household_id"),
    Index("ix_household_profile_values_household", "landlord_id", "household_id"),
)
outbox = outbox_table(metadata)
processed_events = processed_events_table(metadata)
