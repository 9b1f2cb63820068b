"""person_contacts.satisfaction: a survey's satisfaction score (0-10) on the communication record, where one was
given, for people search's "contacted" criteria with a satisfaction range (records kept before have none)

Revision ID: 0011
"""
import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"


def upgrade() -> None:
    op.add_column("person_contacts", sa.Column("satisfaction", sa.Integer, nullable=True))


def downgrade() -> None:
    op.drop_column("person_contacts", "satisfaction")
