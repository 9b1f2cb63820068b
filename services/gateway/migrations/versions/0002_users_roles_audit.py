"""users' details, areas and privileges; the audit log; sign-in throttling

Revision ID: 0002
"""
import sqlalchemy as sa
from alembic import op

from services.common.migrations import landlord_wall, platform_wall

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    for column in (
        sa.Column("initials", sa.String(5), nullable=False, server_default=""),
        sa.Column("email", sa.String(254), nullable=False, server_default=""),
        sa.Column("phone", sa.String(20), nullable=False, server_default=""),
        sa.Column("areas", sa.Text, nullable=False, server_default="[]"),
        sa.Column("all_areas", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("extra_privileges", sa.Text, nullable=False, server_default="[]"),
        sa.Column("must_change_password", sa.Boolean, nullable=False, server_default=sa.false()),
    ):
        op.add_column("users", column)
    op.execute("UPDATE users SET all_areas = true WHERE role IN ('site_administrator', 'platform_operator')")
    op.create_index("ix_users_landlord_name", "users", ["landlord_id", "name"])
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("landlord_id", sa.String(36), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_id", sa.String(36), nullable=False),
        sa.Column("actor_name", sa.String(200), nullable=False),
        sa.Column("action", sa.String(60), nullable=False),
        sa.Column("target_id", sa.String(36), nullable=False),
        sa.Column("target_name", sa.String(200), nullable=False),
        sa.Column("details", sa.Text, nullable=False),
    )
    op.create_index("ix_audit_log_landlord_id", "audit_log", ["landlord_id", "id"])
    op.create_table(
        "sign_in_throttle",
        sa.Column("username_key", sa.String(64), primary_key=True),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("last_failed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
    )
    landlord_wall(op, "audit_log")
    platform_wall(op, "sign_in_throttle")
