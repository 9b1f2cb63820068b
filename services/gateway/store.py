"""Storage of landlords and users."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, DateTime, Integer, MetaData, String, Table, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from services.common.errors import AlreadyExists

from .domain import Landlord, Role, User

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
)


def _utc(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


class LandlordRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, landlord: Landlord) -> None:
        self.session.execute(insert(landlords).values(
            landlord_id=landlord.landlord_id, name=landlord.name, created_at=landlord.created_at))

    def list(self) -> list[Landlord]:
        rows = self.session.execute(select(landlords).order_by(func.lower(landlords.c.name))).mappings()
        return [Landlord(r["landlord_id"], r["name"], _utc(r["created_at"])) for r in rows]


class UserRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, user: User, username_field: str = "username") -> None:
        if self.by_username(user.username) is not None:
            raise AlreadyExists.field(username_field, "is already taken")
        try:
            with self.session.begin_nested():
                self.session.execute(insert(users).values(
                    user_id=user.user_id, landlord_id=user.landlord_id, username=user.username, name=user.name,
                    role=user.role.value, password_hash=user.password_hash, status=user.status,
                    token_version=user.token_version, created_at=user.created_at))
        except IntegrityError:
            raise AlreadyExists.field(username_field, "is already taken") from None

    def by_username(self, username: str) -> User | None:
        row = self.session.execute(select(users).where(users.c.username == username)).mappings().first()
        return _user(row) if row else None

    def get(self, user_id: str) -> User | None:
        row = self.session.execute(select(users).where(users.c.user_id == user_id)).mappings().first()
        return _user(row) if row else None

    def set_password(self, user_id: str, password_hash: str) -> None:
        self.session.execute(update(users).where(users.c.user_id == user_id).values(
            password_hash=password_hash, token_version=users.c.token_version + 1))

    def signed_in(self, user_id: str, when: dt.datetime, password_hash: str | None = None) -> None:
        values = {"last_sign_in_at": when}
        if password_hash:
            values["password_hash"] = password_hash
        self.session.execute(update(users).where(users.c.user_id == user_id).values(**values))


def _user(row) -> User:
    return User(user_id=row["user_id"], landlord_id=row["landlord_id"], username=row["username"], name=row["name"],
                role=Role(row["role"]), password_hash=row["password_hash"], status=row["status"],
                created_at=_utc(row["created_at"]), token_version=row["token_version"])
