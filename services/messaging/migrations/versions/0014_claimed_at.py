"""when each recipient being sent was claimed: the send job takes over only claims older than its lease

A send job that stops mid-batch leaves its claimed recipients; another job (a replica, or the same one
restarted) records them as sent, not confirmed, once the claim is older than the lease, and never a claim
a live job holds. Rows claimed before this revision have no time: they count as old.

Revision ID: 0014
"""
import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"


def upgrade() -> None:
    op.add_column("message_recipients", sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    op.drop_column("message_recipients", "claimed_at")
