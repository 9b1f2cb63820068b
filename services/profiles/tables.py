"""The person record's tables (SQLAlchemy Core): people, their multi-option and custom values, their
change history, and the service's outbox. Every row carries its landlord; every query filters on it
(store.py) and PostgreSQL row-level security is the second wall behind that. The set-up, documents and
facts tables (setup/tables.py, documents/tables.py, facts/tables.py) share this `metadata`."""
from __future__ import annotations

from sqlalchemy import (
    BigInteger, Column, Date, DateTime, ForeignKey, Index, MetaData, PrimaryKeyConstraint, String, Table, Text,
    UniqueConstraint,
)

from services.common.db import outbox_table, processed_events_table
from services.common.person_fields import FIELDS, Kind

OPTION_COLUMNS = tuple(f.name for f in FIELDS if f.kind == Kind.OPTION)  # one column each: the option id
TEXT_COLUMNS = {"property_ref": 30, "address_line_1": 100, "address_line_2": 100, "address_line_3": 100,
                "address_line_4": 100, "postcode": 10, "phone": 20, "mobile": 20, "email": 254,
                "alt_contact_name": 200, "alt_contact_address": 400, "alt_contact_phone": 20,
                "alt_contact_email": 254}
metadata = MetaData()
people = Table(
    "people", metadata,
    Column("person_id", String(36), primary_key=True),
    Column("landlord_id", String(36), nullable=False),
    Column("personal_ref", String(30), nullable=False),
    Column("first_name", String(100), nullable=False),
    Column("surname", String(100), nullable=False),
    Column("status", String(20), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("created_by", String(36), nullable=False),
    Column("updated_by", String(36), nullable=True),
    Column("date_of_birth", Date, nullable=True),
    *(Column(name, String(36), nullable=True) for name in OPTION_COLUMNS),  # option ids
    *(Column(name, String(size), nullable=True) for name, size in TEXT_COLUMNS.items()),
    Column("imported_fields", Text, nullable=False, server_default="[]"),  # JSON list of field names
    Column("import_digest", String(32), nullable=True),  # what the import last applied (importing.py); None after
    # any other change of the record
    UniqueConstraint("landlord_id", "personal_ref", name="uq_people_landlord_ref"),
    Index("ix_people_landlord_person", "landlord_id", "person_id"),  # pages of a landlord's people in id order
    Index("ix_people_landlord_surname", "landlord_id", "surname"),
    Index("ix_people_landlord_property", "landlord_id", "property_ref"),
)
search_versions = Table(  # the version of each person's search document: counted up by every change to the person
    # or to what households and groups say about them, in the same transaction (search/store.py); a narrow row of
    # its own, so counting up rewrites three columns, not the person's row and every index of people
    "search_versions", metadata,
    Column("landlord_id", String(36), nullable=False),
    Column("person_id", String(36), ForeignKey("people.person_id", ondelete="CASCADE"), nullable=False),
    Column("version", BigInteger, nullable=False, server_default="1"),
    PrimaryKeyConstraint("landlord_id", "person_id"),
)
person_options = Table(  # multi-option fields: one row per chosen option
    "person_options", metadata,
    Column("landlord_id", String(36), nullable=False),
    Column("person_id", String(36), ForeignKey("people.person_id", ondelete="CASCADE"), nullable=False),
    Column("field", String(40), nullable=False),
    Column("option_id", String(36), nullable=False),
    PrimaryKeyConstraint("person_id", "field", "option_id"),
)
person_custom_values = Table(  # one row per value; a multi-choice field has one row per option id
    "person_custom_values", metadata,
    Column("landlord_id", String(36), nullable=False),
    Column("person_id", String(36), ForeignKey("people.person_id", ondelete="CASCADE"), nullable=False),
    Column("field_id", String(36), nullable=False),
    Column("value", String(1000), nullable=False),
    PrimaryKeyConstraint("person_id", "field_id", "value"),
)
person_changes = Table(
    "person_changes", metadata,
    Column("change_id", String(36), primary_key=True),
    Column("landlord_id", String(36), nullable=False),
    Column("person_id", String(36), nullable=False),
    Column("changed_at", DateTime(timezone=True), nullable=False),
    Column("changed_by", String(36), nullable=False),
    Column("source", String(20), nullable=False),  # "user" | "import"
    Column("field", String(80), nullable=False),
    Column("old_value", Text, nullable=True),
    Column("new_value", Text, nullable=True),
)
outbox = outbox_table(metadata)
processed_events = processed_events_table(metadata)
