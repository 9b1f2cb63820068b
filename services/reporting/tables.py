"""The reporting service's tables (SQLAlchemy Core): the aggregates, and the service's outbox and
processed events."""
from __future__ import annotations

from sqlalchemy import BigInteger, Column, MetaData, String, Table

from services.common.db import outbox_table, processed_events_table

metadata = MetaData()
people_counts = Table(
    "people_counts", metadata,
    Column("landlord_id", String(36), primary_key=True),
    Column("status", String(20), primary_key=True),
    Column("people", BigInteger, nullable=False),
)
outbox = outbox_table(metadata)
processed_events = processed_events_table(metadata)
