"""the version of each person's search document (people.index_version), counted up with every
change to the person or to what households and groups say about them; the index refuses a
write older than the version it holds

Revision ID: 0007
"""
import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"


def upgrade() -> None:
    op.add_column("people", sa.Column("index_version", sa.BigInteger, nullable=False, server_default="1"))
