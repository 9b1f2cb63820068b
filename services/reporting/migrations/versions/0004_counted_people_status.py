"""counted_people.status: each counted person's status beside their state, so the benchmark's contact rate
counts current people contacted with one join (filled from the state JSON of the people already counted)

Revision ID: 0004
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"


def upgrade() -> None:
    with op.batch_alter_table("counted_people") as table:
        table.add_column(sa.Column("status", sa.String(20), nullable=False, server_default=""))
    if op.get_bind().dialect.name == "postgresql":
        op.execute("SELECT set_config('tracker.platform', 'on', true)")  # every landlord's rows (row-level security)
        op.execute("UPDATE counted_people SET status = COALESCE(state::json ->> 'status', '')")
    else:
        op.execute("UPDATE counted_people SET status = COALESCE(json_extract(state, '$.status'), '')")


def downgrade() -> None:
    with op.batch_alter_table("counted_people") as table:
        table.drop_column("status")
