"""The messaging service's tables (SQLAlchemy Core). Every row carries its landlord; every query filters
on it (store.py) and PostgreSQL row-level security is the second wall behind that."""
from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Column, Date, DateTime, Index, MetaData, String, Table, Text

from services.common.db import outbox_table, processed_events_table

TZ = DateTime(timezone=True)
ID = String(36)

metadata = MetaData()
communication_records = Table(
    "communication_records", metadata,
    Column("communication_id", ID, primary_key=True),
    Column("landlord_id", ID, nullable=False),
    Column("person_id", ID, nullable=False),
    Column("communication_code", String(40), nullable=False),
    Column("outcome_code", String(60), nullable=False),
    Column("date", Date, nullable=False),
    Column("landlord_contact", String(200), nullable=False),
    Column("description", String(200), nullable=False),
    Column("notes", Text, nullable=False),
    Column("message_id", String(36), nullable=False),  # "" for a contact recorded by hand
    Column("version", BigInteger, nullable=False),
    # a deleted record stays as a tombstone (its version, code, outcome, date and person; its words cleared), so
    # the recount of those who keep records from the events tells a deletion from a record never heard of
    Column("deleted", Boolean, nullable=False),
    Column("created_at", TZ, nullable=False),
    Column("created_by", ID, nullable=False),
    Column("updated_at", TZ, nullable=False),
    Index("ix_communication_records_person", "landlord_id", "person_id", "date"),
    Index("ix_communication_records_date", "landlord_id", "date"),
)
outbox = outbox_table(metadata)
processed_events = processed_events_table(metadata)
