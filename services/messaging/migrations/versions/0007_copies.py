"""a copy of what each recipient was sent (compressed), for the message report

Revision ID: 0007
"""
import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"


def upgrade() -> None:
    with op.batch_alter_table("message_recipients") as batch:
        batch.add_column(sa.Column("copy", sa.LargeBinary, nullable=False, server_default=sa.text("''")))


def downgrade() -> None:
    with op.batch_alter_table("message_recipients") as batch:
        batch.drop_column("copy")
