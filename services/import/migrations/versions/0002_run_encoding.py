"""the encoding a file run's CSV is read with

Revision ID: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    op.add_column("import_runs", sa.Column("encoding", sa.String(20), nullable=False, server_default="utf-8"))
