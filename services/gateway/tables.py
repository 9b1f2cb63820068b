"""The gateway's tables (SQLAlchemy Core): landlords, users (a landlord's or a provider's), the audit log and
sign-in throttling."""
from __future__ import annotations

from sqlalchemy import Boolean, Column, DateTime, Integer, MetaData, String, Table, Text

metadata = MetaData()
landlords = Table(
    "landlords", metadata,
    Column("landlord_id", String(36), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
users = Table(
    "users", metadata,
    Column("user_id", String(36), primary_key=True),
    Column("landlord_id", String(36), nullable=True),
    Column("username", String(64), nullable=False, unique=True),
    Column("name", String(200), nullable=False),
    Column("role", String(40), nullable=False),
    Column("password_hash", String(200), nullable=False),
    Column("status", String(20), nullable=False),
    Column("token_version", Integer, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("last_sign_in_at", DateTime(timezone=True), nullable=True),
    Column("initials", String(5), nullable=False, server_default=""),
    Column("email", String(254), nullable=False, server_default=""),
    Column("phone", String(20), nullable=False, server_default=""),
    Column("areas", Text, nullable=False, server_default="[]"),
    Column("all_areas", Boolean, nullable=False, server_default="false"),
    Column("extra_privileges", Text, nullable=False, server_default="[]"),
    Column("must_change_password", Boolean, nullable=False, server_default="false"),
    Column("provider_id", String(36), nullable=True),  # a provider's users only (then landlord_id is null)
)
audit_log = Table(
    "audit_log", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("landlord_id", String(36), nullable=True),  # null for what happens to a provider's users
    Column("provider_id", String(36), nullable=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("actor_id", String(36), nullable=False),
    Column("actor_name", String(200), nullable=False),
    Column("action", String(60), nullable=False),
    Column("target_id", String(36), nullable=False),
    Column("target_name", String(200), nullable=False),
    Column("details", Text, nullable=False),
)
sign_in_throttle = Table(
    "sign_in_throttle", metadata,
    Column("attempt_key", String(64), primary_key=True),  # sha256 of the username typed (known or not) and the address
    Column("failures", Integer, nullable=False),
    Column("last_failed_at", DateTime(timezone=True), nullable=False),
    Column("locked_until", DateTime(timezone=True), nullable=True),
)
