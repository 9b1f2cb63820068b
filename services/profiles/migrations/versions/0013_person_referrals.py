"""person_referrals: each referral as the referrals service last told it (deleted ones kept as tombstones), for
people search's "referred" and "not_referred" criteria (to a provider, since a date, wanting support, in work)

Revision ID: 0013
"""
import sqlalchemy as sa
from alembic import op

from services.common.migrations import landlord_wall

revision = "0013"
down_revision = "0012"


def upgrade() -> None:
    op.create_table(
        "person_referrals",
        sa.Column("landlord_id", sa.String(36), nullable=False),
        sa.Column("referral_id", sa.String(36), nullable=False),
        sa.Column("version", sa.BigInteger, nullable=False),
        sa.Column("person_id", sa.String(36), nullable=False),
        sa.Column("provider_id", sa.String(36), nullable=False),
        sa.Column("wants_support", sa.Boolean, nullable=False),
        sa.Column("referred_on", sa.Date, nullable=False),
        sa.Column("job_started_on", sa.Date, nullable=True),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("landlord_id", "referral_id"),
    )
    op.create_index("ix_person_referrals_person", "person_referrals", ["landlord_id", "person_id"])
    landlord_wall(op, "person_referrals")


def downgrade() -> None:
    op.drop_table("person_referrals")
