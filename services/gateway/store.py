"""Storage of landlords, users, the audit log and sign-in throttling."""
from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from services.common.db import as_utc
from services.common.errors import AlreadyExists

from .domain import Landlord, User
from .privileges import Privilege, Role

from .tables import audit_log, landlords, sign_in_throttle, users



class LandlordRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, landlord: Landlord) -> None:
        self.session.execute(insert(landlords).values(
            landlord_id=landlord.landlord_id, name=landlord.name, created_at=landlord.created_at))

    def get(self, landlord_id: str) -> Landlord | None:
        row = self.session.execute(select(landlords).where(landlords.c.landlord_id == landlord_id)).mappings().first()
        return Landlord(row["landlord_id"], row["name"], as_utc(row["created_at"])) if row else None

    def list(self) -> list[Landlord]:
        rows = self.session.execute(select(landlords).order_by(func.lower(landlords.c.name))).mappings()
        return [Landlord(r["landlord_id"], r["name"], as_utc(r["created_at"])) for r in rows]


class UserRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, user: User, username_field: str = "username") -> None:
        if self.by_username(user.username) is not None:
            raise AlreadyExists.field(username_field, "is already taken")
        try:
            with self.session.begin_nested():
                self.session.execute(insert(users).values(**_row(user)))
        except IntegrityError:
            raise AlreadyExists.field(username_field, "is already taken") from None

    def save(self, user: User) -> None:
        values = _row(user)
        del values["user_id"]
        self.session.execute(update(users).where(users.c.user_id == user.user_id).values(**values))

    def by_username(self, username: str) -> User | None:
        row = self.session.execute(select(users).where(users.c.username == username)).mappings().first()
        return _user(row) if row else None

    def get(self, user_id: str) -> User | None:
        row = self.session.execute(select(users).where(users.c.user_id == user_id)).mappings().first()
        return _user(row) if row else None

    def of_landlord(self, landlord_id: str) -> list[User]:
        """Every user of the landlord, whatever their status."""
        return [_user(r) for r in self.session.execute(select(users).where(users.c.landlord_id == landlord_id))
                .mappings()]

    def search(self, landlord_id: str | None, *, provider_id: str | None = None, name: str = "",
               statuses: tuple[str, ...], offset: int, limit: int) -> tuple[int, list[User]]:
        """Users of the landlord (or, given `provider_id`, of that provider) whose name or username contains
        `name` (case-insensitive), by name."""
        owner = users.c.provider_id == provider_id if provider_id else users.c.landlord_id == landlord_id
        where = [owner, users.c.status.in_(statuses)]
        if name:
            pattern = "%" + name.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            where.append(or_(func.lower(users.c.name).like(pattern, escape="\\"),
                             users.c.username.like(pattern, escape="\\")))
        total = self.session.execute(select(func.count()).select_from(users).where(*where)).scalar_one()
        rows = self.session.execute(select(users).where(*where).order_by(func.lower(users.c.name), users.c.username)
                                    .offset(offset).limit(limit)).mappings()
        return total, [_user(r) for r in rows]


class AuditLog:
    def __init__(self, session: Session):
        self.session = session

    def record(self, *, landlord_id: str | None, at: dt.datetime, actor: User, action: str, target_id: str,
               target_name: str, details: dict | None = None, provider_id: str | None = None) -> None:
        """One entry of a landlord's log, or (no landlord, `provider_id` given) of a provider's."""
        self.session.execute(insert(audit_log).values(
            landlord_id=landlord_id, provider_id=provider_id, at=at, actor_id=actor.user_id,
            actor_name=actor.name, action=action, target_id=target_id, target_name=target_name,
            details=json.dumps(details or {}, sort_keys=True)))

    def page(self, landlord_id: str, *, offset: int, limit: int) -> tuple[int, list[dict]]:
        where = audit_log.c.landlord_id == landlord_id
        total = self.session.execute(select(func.count()).select_from(audit_log).where(where)).scalar_one()
        rows = self.session.execute(select(audit_log).where(where).order_by(audit_log.c.id.desc())
                                    .offset(offset).limit(limit)).mappings()
        return total, [{**r, "at": as_utc(r["at"]), "details": json.loads(r["details"])} for r in rows]


class SignInThrottle:
    """Failures per username typed (known or not, so the answer never tells which) and source address."""

    def __init__(self, session: Session):
        self.session = session

    def get(self, key: str):
        return self.session.execute(select(sign_in_throttle).where(sign_in_throttle.c.attempt_key == key)).mappings().first()

    def failed(self, key: str, failures: int, now: dt.datetime, locked_until: dt.datetime | None) -> None:
        values = {"failures": failures, "last_failed_at": now, "locked_until": locked_until}
        try:
            with self.session.begin_nested():
                self.session.execute(insert(sign_in_throttle).values(attempt_key=key, **values))
        except IntegrityError:  # already there (perhaps from a sign-in at the same moment)
            self.session.execute(update(sign_in_throttle).where(sign_in_throttle.c.attempt_key == key).values(**values))

    def clear(self, key: str) -> None:
        self.session.execute(sign_in_throttle.delete().where(sign_in_throttle.c.attempt_key == key))


def _row(user: User) -> dict:
    return {
        "user_id": user.user_id, "landlord_id": user.landlord_id, "username": user.username, "name": user.name,
        "role": user.role.value, "password_hash": user.password_hash, "status": user.status,
        "token_version": user.token_version, "created_at": user.created_at, "last_sign_in_at": user.last_sign_in_at,
        "initials": user.initials, "email": user.email, "phone": user.phone, "areas": json.dumps(list(user.areas)),
        "all_areas": user.all_areas, "extra_privileges": json.dumps(sorted(p.value for p in user.extra_privileges)),
        "must_change_password": user.must_change_password, "provider_id": user.provider_id,
    }


def _user(row) -> User:
    return User(
        user_id=row["user_id"], landlord_id=row["landlord_id"], username=row["username"], name=row["name"],
        role=Role(row["role"]), password_hash=row["password_hash"], status=row["status"],
        created_at=as_utc(row["created_at"]), token_version=row["token_version"], initials=row["initials"],
        email=row["email"], phone=row["phone"], areas=tuple(json.loads(row["areas"])), all_areas=bool(row["all_areas"]),
        extra_privileges=frozenset(Privilege(p) for p in json.loads(row["extra_privileges"])),
        must_change_password=bool(row["must_change_password"]), last_sign_in_at=as_utc(row["last_sign_in_at"]),
        provider_id=row["provider_id"])

