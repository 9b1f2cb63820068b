"""custom_fields.index_generation: counted up when a custom field's type changes (allowed while
nobody has a value), so its values go to a new search index field; an index field keeps the
type it was first mapped with

Revision ID: 0008
"""
import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"


def upgrade() -> None:
    op.add_column("custom_fields", sa.Column("index_generation", sa.Integer, nullable=False, server_default="0"))
