"""a list's recipients look-ups by a text's provider id and number index only texts handed over

The two indexes served delivery reports and replies, which only ever look for texts handed over to the
provider (a provider id); indexing only those rows keeps every other recipient (an email's, a letter's,
everyone as a list is built) out of them.

Revision ID: 0013
"""
import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"

HANDED_OVER = sa.text("provider_ref <> ''")


def upgrade() -> None:
    for column in ("provider_ref", "to_address"):
        op.drop_index(f"ix_message_recipients_{column}", "message_recipients")
        op.create_index(f"ix_message_recipients_{column}", "message_recipients", [column],
                        postgresql_where=HANDED_OVER, sqlite_where=HANDED_OVER)


def downgrade() -> None:
    for column in ("provider_ref", "to_address"):
        op.drop_index(f"ix_message_recipients_{column}", "message_recipients")
        op.create_index(f"ix_message_recipients_{column}", "message_recipients", [column])
