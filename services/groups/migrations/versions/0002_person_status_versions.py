"""person_status_versions: the version of the person whose status (archived or current) groups last took from
tracker.people.v1, so a status older than it (a late, redelivered or out-of-order event) is ignored. People whose
status was taken before this revision have no version: the next event about them is taken.

Revision ID: 0002
"""
import sqlalchemy as sa
from alembic import op

from services.common.migrations import landlord_wall

revision = "0002"
down_revision = "0001"

ID = sa.String(36)


def upgrade() -> None:
    op.create_table(
        "person_status_versions",
        sa.Column("landlord_id", ID, nullable=False),
        sa.Column("person_id", ID, nullable=False),
        sa.Column("version", sa.BigInteger, nullable=False),
        sa.PrimaryKeyConstraint("landlord_id", "person_id"),
    )
    landlord_wall(op, "person_status_versions")


def downgrade() -> None:
    op.drop_table("person_status_versions")
