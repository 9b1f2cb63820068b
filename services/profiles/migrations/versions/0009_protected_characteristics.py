"""people.gender_identity, people.marriage_civil_partnership and people.pregnancy_maternity: the three
protected characteristics of the Equality Act 2010 the record lacked (option ids, like the other option
fields; a landlord's lists for them read as their defaults until first written)

Revision ID: 0009
"""
import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"

COLUMNS = ("gender_identity", "marriage_civil_partnership", "pregnancy_maternity")


def upgrade() -> None:
    for name in COLUMNS:
        op.add_column("people", sa.Column(name, sa.String(36), nullable=True))

