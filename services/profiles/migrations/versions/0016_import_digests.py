"""people.import_digest: a digest of the record the import last applied to the person (with the set-up's version
it was read under). A re-run lists most people as they were: their rows are answered "unchanged" from this
column alone, without loading the person, locking them or reading their values again.

Revision ID: 0016
"""
import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"


def upgrade() -> None:
    with op.batch_alter_table("people") as table:
        table.add_column(sa.Column("import_digest", sa.String(32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("people") as table:
        table.drop_column("import_digest")
