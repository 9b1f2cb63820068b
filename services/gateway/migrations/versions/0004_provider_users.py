"""a provider's users: users.provider_id (set only for provider roles, whose landlord_id is then null), and the
audit log of what happens to them (audit_log.provider_id; its landlord_id null for those entries: with the
landlord wall, such rows are seen only at platform level). A provider adviser made as a landlord's user before
providers existed could do nothing (no referrals yet) and has no provider to move to: such accounts are
deleted (their tokens revoked); the operator makes them again under their provider.

Revision ID: 0004
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":  # the tables' landlord walls, for this transaction
        op.execute("SELECT set_config('tracker.platform', 'on', true)")
    op.add_column("users", sa.Column("provider_id", sa.String(36), nullable=True))
    op.create_index("ix_users_provider_name", "users", ["provider_id", "name"])
    op.execute("UPDATE users SET status = 'deleted', token_version = token_version + 1"
               " WHERE role = 'provider_adviser' AND landlord_id IS NOT NULL")
    op.add_column("audit_log", sa.Column("provider_id", sa.String(36), nullable=True))
    with op.batch_alter_table("audit_log") as table:
        table.alter_column("landlord_id", existing_type=sa.String(36), nullable=True)
    op.create_index("ix_audit_log_provider_id", "audit_log", ["provider_id", "id"])
