"""household_residents.person_version: the person's version (profiles) a resident's details are of

People events may arrive out of order (a bulk batch on its own lane, a redelivery): one of an older version
than the resident kept is left out. Residents kept before this revision have 0 (not known): any event is newer.

Revision ID: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    op.add_column("household_residents", sa.Column("person_version", sa.BigInteger, nullable=False,
                                                   server_default="0"))
