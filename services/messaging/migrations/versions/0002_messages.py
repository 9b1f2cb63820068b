"""messages sent through the platform and the people on each one's list

Revision ID: 0002
"""
import sqlalchemy as sa
from alembic import op

from services.common.migrations import landlord_wall

revision = "0002"
down_revision = "0001"

TZ = sa.DateTime(timezone=True)
ID = sa.String(36)
TEXT_COLUMNS = (("description", 200), ("sender_name", 200), ("sender_email", 254), ("reply_to", 254),
                ("subject", 200))
PERSON_COLUMNS = (("name", 401), ("state", 10), ("reason", 40), ("to_address", 254), ("contact_name", 254),
                  ("title", 200), ("first_name", 200), ("surname", 200), ("personal_ref", 30),
                  ("communication_id", 36), ("error", 500))


def upgrade() -> None:
    op.create_table(
        "messages",
        sa.Column("message_id", ID, primary_key=True),
        sa.Column("landlord_id", ID, nullable=False),
        sa.Column("channel", sa.String(10), nullable=False),
        sa.Column("reference", sa.String(300), nullable=False),
        *(sa.Column(name, sa.String(size), nullable=False) for name, size in TEXT_COLUMNS),
        sa.Column("html", sa.Text, nullable=False),
        sa.Column("greeting", sa.String(20), nullable=False),
        sa.Column("landlord_contact", sa.String(200), nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("created_by", ID, nullable=False),
        sa.Column("sent_at", TZ),
    )
    op.create_index("ix_messages_status", "messages", ["status"])
    op.create_table(
        "message_recipients",
        sa.Column("message_id", ID, nullable=False),
        sa.Column("person_id", ID, nullable=False),
        sa.Column("landlord_id", ID, nullable=False),
        *(sa.Column(name, sa.String(size), nullable=False) for name, size in PERSON_COLUMNS),
        sa.PrimaryKeyConstraint("message_id", "person_id"),
    )
    op.create_index("ix_message_recipients_state", "message_recipients", ["message_id", "state"])
    for table in ("messages", "message_recipients"):
        landlord_wall(op, table)


def downgrade() -> None:
    for table in ("message_recipients", "messages"):
        op.drop_table(table)
