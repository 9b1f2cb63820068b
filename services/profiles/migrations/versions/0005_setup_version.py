"""profile_settings.setup_version: moves with every set-up change, so cached
catalogues know when to reload

Revision ID: 0005
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"


def upgrade() -> None:
    with op.batch_alter_table("profile_settings") as batch:
        batch.add_column(sa.Column("setup_version", sa.BigInteger, nullable=False, server_default="0"))
