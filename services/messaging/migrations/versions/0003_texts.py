"""text messages: their content and number, each recipient's parts and provider id, and text credits

Revision ID: 0003
"""
import sqlalchemy as sa
from alembic import op

from services.common.migrations import landlord_wall

revision = "0003"
down_revision = "0002"

TZ = sa.DateTime(timezone=True)
ID = sa.String(36)


def upgrade() -> None:
    op.add_column("messages", sa.Column("text", sa.Text, nullable=False, server_default=""))
    op.add_column("messages", sa.Column("reply_to_number", sa.String(20), nullable=False, server_default=""))
    op.add_column("message_recipients", sa.Column("segments", sa.Integer, nullable=False, server_default="0"))
    op.add_column("message_recipients", sa.Column("provider_ref", sa.String(64), nullable=False, server_default=""))
    op.create_index("ix_message_recipients_provider_ref", "message_recipients", ["provider_ref"])
    op.create_index("ix_message_recipients_to_address", "message_recipients", ["to_address"])
    op.create_table(
        "text_credits",
        sa.Column("landlord_id", ID, primary_key=True),
        sa.Column("balance", sa.BigInteger, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
    )
    op.create_table(
        "text_credit_movements",
        sa.Column("movement_id", ID, primary_key=True),
        sa.Column("landlord_id", ID, nullable=False),
        sa.Column("number", sa.BigInteger, nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("credits", sa.BigInteger, nullable=False),
        sa.Column("balance_after", sa.BigInteger, nullable=False),
        sa.Column("message_id", sa.String(36), nullable=False),
        sa.Column("note", sa.String(200), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("created_by", sa.String(36), nullable=False),
    )
    op.create_index("ix_text_credit_movements_landlord", "text_credit_movements", ["landlord_id", "number"],
                    unique=True)
    for table in ("text_credits", "text_credit_movements"):
        landlord_wall(op, table)


def downgrade() -> None:
    op.drop_table("text_credit_movements")
    op.drop_table("text_credits")
    op.drop_index("ix_message_recipients_to_address", "message_recipients")
    op.drop_index("ix_message_recipients_provider_ref", "message_recipients")
    for table, column in (("message_recipients", "provider_ref"), ("message_recipients", "segments"),
                          ("messages", "reply_to_number"), ("messages", "text")):
        op.drop_column(table, column)
