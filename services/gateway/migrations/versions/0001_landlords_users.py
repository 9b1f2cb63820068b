"""landlords and users

Revision ID: 0001
"""
import sqlalchemy as sa
from alembic import op

from services.common.migrations import landlord_wall

revision = "0001"
down_revision = None


def upgrade() -> None:
    op.create_table(
        "landlords",
        sa.Column("landlord_id", sa.String(36), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "users",
        sa.Column("user_id", sa.String(36), primary_key=True),
        sa.Column("landlord_id", sa.String(36), nullable=True),
        sa.Column("username", sa.String(64), nullable=False, unique=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("role", sa.String(40), nullable=False),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("token_version", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_sign_in_at", sa.DateTime(timezone=True), nullable=True),
    )
    landlord_wall(op, "landlords", column="landlord_id")
    landlord_wall(op, "users")
