"""value mappings: a feed's spelling of an option value -> one of the landlord's options, per field

Revision ID: 0003
"""
import sqlalchemy as sa
from alembic import op

from services.common.migrations import landlord_wall

revision = "0003"
down_revision = "0002"


def upgrade() -> None:
    op.create_table(
        "import_value_mappings",
        sa.Column("landlord_id", sa.String(36), nullable=False),
        sa.Column("field", sa.String(40), nullable=False),
        sa.Column("value_key", sa.Text, nullable=False),
        sa.Column("feed_value", sa.Text, nullable=False),
        sa.Column("option", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("landlord_id", "field", "value_key"),
    )
    landlord_wall(op, "import_value_mappings")
