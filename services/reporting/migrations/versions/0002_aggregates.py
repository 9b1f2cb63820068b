"""aggregate_counts (counts of current people by every characteristic, and of occupied properties),
counted_people and counted_households (each one's newest state counted), monthly_counts (the counts at
each month's end), report_settings (the disclosure threshold), saved_reports, dashboards and export_jobs;
people_counts folds into
aggregate_counts as the "status" characteristic. Run `python -m services.reporting recount` after
upgrading a platform that already has people: it fills the new tables from profiles and households.

Revision ID: 0002
"""
import sqlalchemy as sa
from alembic import op

from services.common.migrations import landlord_wall

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    op.create_table(
        "aggregate_counts",
        sa.Column("landlord_id", sa.String(36), nullable=False),
        sa.Column("characteristic", sa.String(80), nullable=False),
        sa.Column("value", sa.String(60), nullable=False),
        sa.Column("total", sa.BigInteger, nullable=False),
        sa.PrimaryKeyConstraint("landlord_id", "characteristic", "value"),
    )
    op.create_table(
        "counted_people",
        sa.Column("landlord_id", sa.String(36), nullable=False),
        sa.Column("person_id", sa.String(36), nullable=False),
        sa.Column("version", sa.BigInteger, nullable=False),
        sa.Column("state", sa.Text, nullable=False),
        sa.Column("facts", sa.Text, nullable=False),
        sa.Column("next_birthday", sa.Date, nullable=True),
        sa.PrimaryKeyConstraint("landlord_id", "person_id"),
    )
    op.create_index("ix_counted_people_next_birthday", "counted_people", ["next_birthday"])
    op.create_table(
        "counted_households",
        sa.Column("landlord_id", sa.String(36), nullable=False),
        sa.Column("household_id", sa.String(36), nullable=False),
        sa.Column("version", sa.BigInteger, nullable=False),
        sa.Column("facts", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("landlord_id", "household_id"),
    )
    op.create_table(
        "report_settings",
        sa.Column("landlord_id", sa.String(36), primary_key=True),
        sa.Column("threshold", sa.Integer, nullable=False),
        sa.Column("benchmark_group", sa.String(60), nullable=True),
    )
    op.create_table(
        "monthly_counts",
        sa.Column("landlord_id", sa.String(36), nullable=False),
        sa.Column("month", sa.String(7), nullable=False),
        sa.Column("characteristic", sa.String(80), nullable=False),
        sa.Column("value", sa.String(60), nullable=False),
        sa.Column("total", sa.BigInteger, nullable=False),
        sa.PrimaryKeyConstraint("landlord_id", "month", "characteristic", "value"),
    )
    op.create_table(
        "saved_reports",
        sa.Column("report_id", sa.String(36), primary_key=True),
        sa.Column("landlord_id", sa.String(36), nullable=False),
        sa.Column("owner_id", sa.String(36), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("definition", sa.Text, nullable=False),
        sa.Column("shared", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_saved_reports_landlord_name", "saved_reports", ["landlord_id", "name"])
    op.create_table(
        "dashboards",
        sa.Column("landlord_id", sa.String(36), nullable=False),
        sa.Column("user_id", sa.String(36), nullable=False),
        sa.Column("widgets", sa.Text, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("landlord_id", "user_id"),
    )
    op.create_table(
        "export_jobs",
        sa.Column("job_id", sa.String(36), primary_key=True),
        sa.Column("landlord_id", sa.String(36), nullable=False),
        sa.Column("user_id", sa.String(36), nullable=False),
        sa.Column("file_format", sa.String(10), nullable=False),
        sa.Column("criteria", sa.Text, nullable=False),
        sa.Column("columns", sa.Text, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("total", sa.BigInteger, nullable=False),
        sa.Column("rows_written", sa.BigInteger, nullable=False),
        sa.Column("problem", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("claimed_by", sa.String(100), nullable=True),
        sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_export_jobs_status", "export_jobs", ["status"])
    for table in ("aggregate_counts", "counted_people", "counted_households", "report_settings", "monthly_counts",
                  "saved_reports", "dashboards", "export_jobs"):
        landlord_wall(op, table)
    op.drop_table("people_counts")
