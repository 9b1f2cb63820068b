"""post: a message's mailing (per person or household) and household rules; each letter's address (longer
than an email address), large print, household and the name on it

Revision ID: 0004
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"


def upgrade() -> None:
    op.add_column("messages", sa.Column("mailing", sa.String(10), nullable=False, server_default=""))
    op.add_column("messages", sa.Column("household_rules", sa.Text, nullable=False, server_default="{}"))
    with op.batch_alter_table("message_recipients") as batch:
        batch.alter_column("to_address", type_=sa.String(500), existing_type=sa.String(254), existing_nullable=False)
        batch.add_column(sa.Column("large_print", sa.Boolean, nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("household_id", sa.String(36), nullable=False, server_default=""))
        batch.add_column(sa.Column("mailing_name", sa.String(1000), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("message_recipients") as batch:
        for column in ("mailing_name", "household_id", "large_print"):
            batch.drop_column(column)
        batch.alter_column("to_address", type_=sa.String(254), existing_type=sa.String(500), existing_nullable=False)
    for column in ("household_rules", "mailing"):
        op.drop_column("messages", column)
