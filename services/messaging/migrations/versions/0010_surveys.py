"""surveys: a survey's method, and the satisfaction score on its communication records

Revision ID: 0010
"""
import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"


def upgrade() -> None:
    op.add_column("communication_records", sa.Column("satisfaction", sa.Integer))
    op.add_column("messages", sa.Column("survey_method", sa.String(20), nullable=False, server_default=""))


def downgrade() -> None:
    op.drop_column("messages", "survey_method")
    op.drop_column("communication_records", "satisfaction")
