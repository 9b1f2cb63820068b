"""Alembic migrations, one history per service (services/<service>/migrations/).

In PostgreSQL the migrations run as the owner role; the services run as a role
that owns nothing, so it can neither change the schema nor bypass row-level security.
"""
from __future__ import annotations

from pathlib import Path

from alembic import command, context
from alembic.config import Config
import sqlalchemy as sa
from sqlalchemy import create_engine, pool

SERVICES_DIR = Path(__file__).resolve().parent.parent
WALL = ("(landlord_id = current_setting('tracker.landlord_id', true)"
        " OR current_setting('tracker.platform', true) = 'on')")


def upgrade(service: str, url: str) -> None:
    """Bring the service's database to the newest schema."""
    config = Config()
    config.set_main_option("script_location", str(SERVICES_DIR / service / "migrations"))
    config.attributes["url"] = url
    command.upgrade(config, "head")


def run_env() -> None:
    """The body of every service's migrations/env.py."""
    url = context.config.attributes["url"]
    engine = create_engine(url, poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(connection=connection, render_as_batch=url.startswith("sqlite"))
        with context.begin_transaction():
            context.run_migrations()
            if connection.dialect.name == "postgresql":
                # The migration bookkeeping has no landlord: row-level security with no policy hides it
                # from the services' role, while the owner (not forced) still reads it to migrate.
                connection.exec_driver_sql("ALTER TABLE alembic_version ENABLE ROW LEVEL SECURITY")
    engine.dispose()


def landlord_wall(op, table: str, column: str = "landlord_id") -> None:
    """Row-level security on `table` (PostgreSQL only; a no-op on SQLite): rows of
    other landlords are invisible, even to the table's owner, unless a transaction
    explicitly works at platform level."""
    if op.get_bind().dialect.name != "postgresql":
        return
    condition = WALL.replace("landlord_id", column, 1)
    op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
    op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
    op.execute(f"CREATE POLICY landlord_wall ON {table} USING {condition} WITH CHECK {condition}")


def platform_wall(op, table: str) -> None:
    """Row-level security for a platform-wide table (no landlord): only transactions
    that explicitly work at platform level see its rows (PostgreSQL only)."""
    if op.get_bind().dialect.name != "postgresql":
        return
    condition = "(current_setting('tracker.platform', true) = 'on')"
    op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
    op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
    op.execute(f"CREATE POLICY platform_wall ON {table} USING {condition} WITH CHECK {condition}")


def create_event_tables(op) -> None:
    """The outbox and processed_events tables every service has (version 1 of their shape)."""
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.String(36), nullable=False, unique=True),
        sa.Column("landlord_id", sa.String(36), nullable=False),
        sa.Column("topic", sa.String(200), nullable=False),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("envelope", sa.LargeBinary, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_outbox_published_at", "outbox", ["published_at"])
    op.create_table(
        "processed_events",
        sa.Column("consumer", sa.String(100), primary_key=True),
        sa.Column("event_id", sa.String(36), primary_key=True),
        sa.Column("landlord_id", sa.String(36), nullable=False),
        sa.Column("processed_at", sa.DateTime(timezone=True), nullable=False),
    )
