"""The import service's tables (SQLAlchemy Core): runs, rejected rows, settings, column and value
mappings, the feed records staged while a Kafka run arrives, and the service's outbox. Every row
carries its landlord."""
from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Column, DateTime, Index, MetaData, PrimaryKeyConstraint, String, Table, Text

from services.common.db import outbox_table, processed_events_table

metadata = MetaData()
import_runs = Table(
    "import_runs", metadata,
    Column("run_id", String(36), primary_key=True),
    Column("landlord_id", String(36), nullable=False),
    Column("source", String(10), nullable=False),
    Column("mode", String(10), nullable=False),
    Column("preview", Boolean, nullable=False),
    Column("status", String(20), nullable=False),
    Column("phase", String(20), nullable=False),
    Column("file_name", String(255), nullable=False),
    Column("started_by", String(36), nullable=False),
    Column("mapping", Text, nullable=True),  # JSON: the column mapping the run reads its file with
    Column("feed_run_id", String(100), nullable=True),
    Column("encoding", String(20), nullable=False, server_default="utf-8"),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("started_at", DateTime(timezone=True), nullable=True),
    Column("finished_at", DateTime(timezone=True), nullable=True),
    Column("counts", Text, nullable=False),  # JSON
    Column("rows_total", BigInteger, nullable=False),
    Column("rows_done", BigInteger, nullable=False),
    Column("problem", Text, nullable=False),
    Column("warnings", Text, nullable=False),  # JSON list
    Column("samples", Text, nullable=False),  # JSON
    Column("expected_records", BigInteger, nullable=True),
    Column("staged_records", BigInteger, nullable=False),
    Column("claimed_by", String(100), nullable=True),
    Column("heartbeat_at", DateTime(timezone=True), nullable=True),
    Index("ix_import_runs_landlord_created", "landlord_id", "created_at"),
    Index("uq_import_runs_feed_run", "landlord_id", "feed_run_id", unique=True),
    Index("ix_import_runs_status", "status"),
)
rejected_rows = Table(
    "import_rejected_rows", metadata,
    Column("run_id", String(36), nullable=False),
    Column("row", BigInteger, nullable=False),
    Column("landlord_id", String(36), nullable=False),
    Column("columns", Text, nullable=False),  # JSON list, as the file names them ("" = the row as a whole)
    Column("reasons", Text, nullable=False),  # JSON list, one per column
    Column("original", Text, nullable=False),  # JSON object: column -> the value as given (feed.cut)
    PrimaryKeyConstraint("run_id", "row"),
)
import_settings = Table(
    "import_settings", metadata,
    Column("landlord_id", String(36), primary_key=True),
    Column("add_unknown_options", Text, nullable=False),  # JSON list of option list names
)
column_mappings = Table(
    "import_column_mappings", metadata,
    Column("landlord_id", String(36), nullable=False),
    Column("name", String(100), nullable=False),
    Column("columns", Text, nullable=False),  # JSON: their column -> feed v1 column, or null to ignore it
    Column("updated_at", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("landlord_id", "name"),
)
value_mappings = Table(
    "import_value_mappings", metadata,
    Column("landlord_id", String(36), nullable=False),
    Column("field", String(40), nullable=False),  # a feed v1 option column
    Column("value_key", Text, nullable=False),  # value_mappings.key(feed_value): how values match
    Column("feed_value", Text, nullable=False),
    Column("option", Text, nullable=False),  # the option's label
    PrimaryKeyConstraint("landlord_id", "field", "value_key"),
)
feed_records = Table(
    "import_feed_records", metadata,
    Column("run_id", String(36), nullable=False),
    Column("sequence", BigInteger, nullable=False),
    Column("landlord_id", String(36), nullable=False),
    Column("record", Text, nullable=False),  # JSON: feed v1 column -> text
    PrimaryKeyConstraint("run_id", "sequence"),
)
outbox = outbox_table(metadata)
processed_events = processed_events_table(metadata)
