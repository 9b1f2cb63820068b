"""each landlord's own communication codes and their outcome codes (made from the product's when first changed
or used)

Revision ID: 0012
"""
import sqlalchemy as sa
from alembic import op

from services.common.migrations import landlord_wall

revision = "0012"
down_revision = "0011"


def upgrade() -> None:
    op.create_table(
        "communication_code_lists",
        sa.Column("landlord_id", sa.String(36), primary_key=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "communication_codes",
        sa.Column("landlord_id", sa.String(36), nullable=False),
        sa.Column("code", sa.String(40), nullable=False),
        sa.Column("label", sa.String(60), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("archived", sa.Boolean, nullable=False),
        sa.PrimaryKeyConstraint("landlord_id", "code"),
    )
    op.create_table(
        "outcome_codes",
        sa.Column("landlord_id", sa.String(36), nullable=False),
        sa.Column("communication_code", sa.String(40), nullable=False),
        sa.Column("code", sa.String(60), nullable=False),
        sa.Column("label", sa.String(60), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("archived", sa.Boolean, nullable=False),
        sa.PrimaryKeyConstraint("landlord_id", "communication_code", "code"),
    )
    for table in ("communication_code_lists", "communication_codes", "outcome_codes"):
        landlord_wall(op, table)


def downgrade() -> None:
    for table in ("outcome_codes", "communication_codes", "communication_code_lists"):
        op.drop_table(table)
