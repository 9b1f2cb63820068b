"""each landlord's contacts: the staff names offered as who made a contact

Revision ID: 0011
"""
import sqlalchemy as sa
from alembic import op

from services.common.migrations import landlord_wall

revision = "0011"
down_revision = "0010"


def upgrade() -> None:
    op.create_table(
        "landlord_contacts",
        sa.Column("contact_id", sa.String(36), primary_key=True),
        sa.Column("landlord_id", sa.String(36), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("archived", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(36), nullable=False),
    )
    op.create_index("ix_landlord_contacts_landlord", "landlord_contacts", ["landlord_id"])
    landlord_wall(op, "landlord_contacts")


def downgrade() -> None:
    op.drop_table("landlord_contacts")
