"""import runs, rejected rows, settings, column mappings, staged feed records, outbox and processed events

Revision ID: 0001
"""
import sqlalchemy as sa
from alembic import op

from services.common.migrations import create_event_tables, landlord_wall

revision = "0001"
down_revision = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "import_runs",
        sa.Column("run_id", sa.String(36), primary_key=True),
        sa.Column("landlord_id", sa.String(36), nullable=False),
        sa.Column("source", sa.String(10), nullable=False),
        sa.Column("mode", sa.String(10), nullable=False),
        sa.Column("preview", sa.Boolean, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("phase", sa.String(20), nullable=False),
        sa.Column("file_name", sa.String(255), nullable=False),
        sa.Column("started_by", sa.String(36), nullable=False),
        sa.Column("mapping", sa.Text, nullable=True),
        sa.Column("feed_run_id", sa.String(100), nullable=True),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("started_at", TZ, nullable=True),
        sa.Column("finished_at", TZ, nullable=True),
        sa.Column("counts", sa.Text, nullable=False),
        sa.Column("rows_total", sa.BigInteger, nullable=False),
        sa.Column("rows_done", sa.BigInteger, nullable=False),
        sa.Column("problem", sa.Text, nullable=False),
        sa.Column("warnings", sa.Text, nullable=False),
        sa.Column("samples", sa.Text, nullable=False),
        sa.Column("expected_records", sa.BigInteger, nullable=True),
        sa.Column("staged_records", sa.BigInteger, nullable=False),
        sa.Column("claimed_by", sa.String(100), nullable=True),
        sa.Column("heartbeat_at", TZ, nullable=True),
    )
    op.create_index("ix_import_runs_landlord_created", "import_runs", ["landlord_id", "created_at"])
    op.create_index("uq_import_runs_feed_run", "import_runs", ["landlord_id", "feed_run_id"], unique=True)
    op.create_index("ix_import_runs_status", "import_runs", ["status"])
    op.create_table(
        "import_rejected_rows",
        sa.Column("run_id", sa.String(36), nullable=False),
        sa.Column("row", sa.BigInteger, nullable=False),
        sa.Column("landlord_id", sa.String(36), nullable=False),
        sa.Column("columns", sa.Text, nullable=False),
        sa.Column("reasons", sa.Text, nullable=False),
        sa.Column("original", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("run_id", "row"),
    )
    op.create_table(
        "import_settings",
        sa.Column("landlord_id", sa.String(36), primary_key=True),
        sa.Column("add_unknown_options", sa.Text, nullable=False),
    )
    op.create_table(
        "import_column_mappings",
        sa.Column("landlord_id", sa.String(36), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("columns", sa.Text, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
        sa.PrimaryKeyConstraint("landlord_id", "name"),
    )
    op.create_table(
        "import_feed_records",
        sa.Column("run_id", sa.String(36), nullable=False),
        sa.Column("sequence", sa.BigInteger, nullable=False),
        sa.Column("landlord_id", sa.String(36), nullable=False),
        sa.Column("record", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("run_id", "sequence"),
    )
    create_event_tables(op)
    for table in ("import_runs", "import_rejected_rows", "import_settings", "import_column_mappings",
                  "import_feed_records", "outbox", "processed_events"):
        landlord_wall(op, table)
