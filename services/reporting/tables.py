"""The reporting service's tables (SQLAlchemy Core): the aggregates, the state of each person and household
they were counted from, and the service's outbox and processed events. Every row carries its landlord."""
from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Column, Date, DateTime, Index, Integer, MetaData, PrimaryKeyConstraint, String, Table, Text

from services.common.db import outbox_table, processed_events_table

metadata = MetaData()
counts = Table(  # how many current people (properties, for "properties") count towards each fact
    "aggregate_counts", metadata,
    Column("landlord_id", String(36), nullable=False),
    Column("characteristic", String(80), nullable=False),  # a field name, "custom.<key>", "age", "status"...
    Column("value", String(60), nullable=False),  # an option id, an age, "*" (known)...
    Column("total", BigInteger, nullable=False),
    PrimaryKeyConstraint("landlord_id", "characteristic", "value"),
)
counted_people = Table(  # each person as last counted: the newest version seen and the facts it gave
    "counted_people", metadata,
    Column("landlord_id", String(36), nullable=False),
    Column("person_id", String(36), nullable=False),
    Column("version", BigInteger, nullable=False),
    Column("state", Text, nullable=False),  # JSON: status, date_of_birth, chosen
    Column("status", String(20), nullable=False),  # the state's status, for joins (the benchmark's contact rate)
    Column("facts", Text, nullable=False),  # JSON list of [characteristic, value]
    Column("next_birthday", Date, nullable=True),  # when the age they count under next changes
    PrimaryKeyConstraint("landlord_id", "person_id"),
    Index("ix_counted_people_next_birthday", "next_birthday"),
)
counted_households = Table(
    "counted_households", metadata,
    Column("landlord_id", String(36), nullable=False),
    Column("household_id", String(36), nullable=False),
    Column("version", BigInteger, nullable=False),
    Column("facts", Text, nullable=False),
    PrimaryKeyConstraint("landlord_id", "household_id"),
)
report_settings = Table(
    "report_settings", metadata,
    Column("landlord_id", String(36), primary_key=True),
    Column("threshold", Integer, nullable=False),  # counts from 1 to threshold - 1 are never shown
    Column("benchmark_group", String(60), nullable=True),  # the benchmark group the landlord has joined
)
monthly_counts = Table(  # the counts as they stood at the end of each month (the current month: as of now)
    "monthly_counts", metadata,
    Column("landlord_id", String(36), nullable=False),
    Column("month", String(7), nullable=False),  # yyyy-mm
    Column("characteristic", String(80), nullable=False),
    Column("value", String(60), nullable=False),
    Column("total", BigInteger, nullable=False),
    PrimaryKeyConstraint("landlord_id", "month", "characteristic", "value"),
)
saved_reports = Table(
    "saved_reports", metadata,
    Column("report_id", String(36), primary_key=True),
    Column("landlord_id", String(36), nullable=False),
    Column("owner_id", String(36), nullable=False),
    Column("name", String(100), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("definition", Text, nullable=False),  # JSON
    Column("shared", Boolean, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Index("ix_saved_reports_landlord_name", "landlord_id", "name"),
)
dashboards = Table(  # a user's own dashboard (a user without a row sees the standard one)
    "dashboards", metadata,
    Column("landlord_id", String(36), nullable=False),
    Column("user_id", String(36), nullable=False),
    Column("widgets", Text, nullable=False),  # JSON list, in order
    Column("updated_at", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("landlord_id", "user_id"),
)
export_jobs = Table(
    "export_jobs", metadata,
    Column("job_id", String(36), primary_key=True),
    Column("landlord_id", String(36), nullable=False),
    Column("user_id", String(36), nullable=False),
    Column("file_format", String(10), nullable=False),
    Column("criteria", Text, nullable=False),  # JSON: expanded when the job started
    Column("columns", Text, nullable=False),  # JSON list
    Column("status", String(20), nullable=False),
    Column("total", BigInteger, nullable=False),
    Column("rows_written", BigInteger, nullable=False),
    Column("problem", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True), nullable=True),
    Column("claimed_by", String(100), nullable=True),
    Column("heartbeat_at", DateTime(timezone=True), nullable=True),
    Index("ix_export_jobs_status", "status"),
)
outbox = outbox_table(metadata)
processed_events = processed_events_table(metadata)
counted_contacts = Table(  # each communication record as last seen (a deleted one kept as a tombstone)
    "counted_contacts", metadata,
    Column("landlord_id", String(36), nullable=False),
    Column("communication_id", String(36), nullable=False),
    Column("version", BigInteger, nullable=False),
    Column("person_id", String(36), nullable=False),
    Column("communication_code", String(40), nullable=False),
    Column("communication_label", String(60), nullable=False),
    Column("outcome_code", String(60), nullable=False),
    Column("date", Date, nullable=False),
    Column("deleted", Boolean, nullable=False),
    PrimaryKeyConstraint("landlord_id", "communication_id"),
    Index("ix_counted_contacts_date", "landlord_id", "date"),
)
