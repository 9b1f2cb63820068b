"""providers (the platform's), each landlord's choice of them, referrals, outbox and processed events

Revision ID: 0001
"""
import sqlalchemy as sa
from alembic import op

from services.common.migrations import create_event_tables, landlord_wall, platform_wall

revision = "0001"
down_revision = None

TZ = sa.DateTime(timezone=True)
ID = sa.String(36)


def upgrade() -> None:
    op.create_table(
        "providers",
        sa.Column("provider_id", ID, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("name_key", sa.String(200), nullable=False, unique=True),
        sa.Column("services", sa.Text, nullable=False),
        sa.Column("areas", sa.Text, nullable=False),
        sa.Column("contact_email", sa.String(254), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
    )
    op.create_table(
        "landlord_providers",
        sa.Column("landlord_id", ID, nullable=False),
        sa.Column("provider_id", ID, nullable=False),
        sa.PrimaryKeyConstraint("landlord_id", "provider_id"),
    )
    op.create_table(
        "referrals",
        sa.Column("referral_id", ID, primary_key=True),
        sa.Column("landlord_id", ID, nullable=False),
        sa.Column("provider_id", sa.String(36), nullable=False),
        sa.Column("person_id", sa.String(36), nullable=False),
        sa.Column("person", sa.Text, nullable=False),
        sa.Column("wants_support", sa.Boolean, nullable=False),
        sa.Column("no_reason", sa.String(40), nullable=False),
        sa.Column("needs", sa.Text, nullable=False),
        sa.Column("consent", sa.Boolean, nullable=False),
        sa.Column("consent_date", sa.Date),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("referred_on", sa.Date, nullable=False),
        sa.Column("referred_by", ID, nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("version", sa.BigInteger, nullable=False),
        sa.Column("status", sa.String(30), nullable=False),
        sa.Column("request_expires_at", TZ),
        sa.Column("appointments", sa.Text, nullable=False),
        sa.Column("steps", sa.Text, nullable=False),
    )
    op.create_index("ix_referrals_person", "referrals", ["landlord_id", "person_id"])
    op.create_index("ix_referrals_provider", "referrals", ["provider_id", "referred_on"])
    op.create_index("ix_referrals_landlord", "referrals", ["landlord_id", "referred_on"])
    create_event_tables(op)
    platform_wall(op, "providers")
    for table in ("landlord_providers", "referrals", "outbox", "processed_events"):
        landlord_wall(op, table)


def downgrade() -> None:
    for table in ("processed_events", "outbox", "referrals", "landlord_providers", "providers"):
        op.drop_table(table)
