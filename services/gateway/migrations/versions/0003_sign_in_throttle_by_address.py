"""sign-in throttling counts failures per username and source address together
(sign_in_throttle.attempt_key), so nobody locks an officer out from elsewhere; the
counts kept per username alone are dropped (they only ever held a few minutes' locks)

Revision ID: 0003
"""
from alembic import op

revision = "0003"
down_revision = "0002"


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":  # the table's platform wall, for this transaction
        op.execute("SELECT set_config('tracker.platform', 'on', true)")
    op.execute("DELETE FROM sign_in_throttle")
    with op.batch_alter_table("sign_in_throttle") as table:
        table.alter_column("username_key", new_column_name="attempt_key")
