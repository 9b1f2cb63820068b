"""language variants of a message, and the one each recipient gets

Revision ID: 0009
"""
import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"


def upgrade() -> None:
    op.add_column("messages", sa.Column("variants", sa.Text, nullable=False, server_default="[]"))
    with op.batch_alter_table("message_recipients") as batch:
        batch.add_column(sa.Column("language", sa.String(100), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("message_recipients") as batch:
        batch.drop_column("language")
    op.drop_column("messages", "variants")
