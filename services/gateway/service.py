"""Use cases of the gateway: signing in, landlords and their first administrators."""
from __future__ import annotations

import datetime as dt
import uuid

from services.common.errors import PermissionDenied, Unauthenticated
from services.common.uow import UnitOfWork

from . import auth
from .domain import OPERATOR_USERNAME, Landlord, Role, User, check_new_user, password_problems
from .store import LandlordRepository, UserRepository

BAD_SIGN_IN = "the username or password is not right"


def sign_in(uow: UnitOfWork, tokens: auth.TokenIssuer, *, username: str, password: str) -> str:
    """A token for the user; one message for every failure, so it never tells whether a username exists."""
    users = UserRepository(uow.session)
    user = users.by_username((username or "").strip().lower())
    ok = auth.verify_password(user.password_hash if user else None, password or "")
    if not ok or user.status != "active":
        raise Unauthenticated(BAD_SIGN_IN)
    rehash = auth.hash_password(password) if auth.needs_rehash(user.password_hash) else None
    users.signed_in(user.user_id, dt.datetime.now(dt.timezone.utc), rehash)
    uow.commit()
    return tokens.issue(user_id=user.user_id, landlord_id=user.landlord_id, token_version=user.token_version)


def authenticate(uow: UnitOfWork, *, claims: dict) -> User:
    """The active user behind a token's claims (already verified), or Unauthenticated."""
    user = UserRepository(uow.session).get(claims["sub"])
    if user is None or user.status != "active" or user.token_version != claims["ver"] \
            or (user.landlord_id or "") != claims.get("lid", ""):
        raise Unauthenticated("the token is no longer valid; sign in again")
    return user


def ensure_operator(uow: UnitOfWork, *, password: str) -> None:
    """Create the platform operator, or set its password to the configured one."""
    problems = password_problems(password, OPERATOR_USERNAME, "TRACKER_OPERATOR_PASSWORD")
    if problems:
        raise ValueError(f"{problems[0].field} {problems[0].reason}")
    users = UserRepository(uow.session)
    operator = users.by_username(OPERATOR_USERNAME)
    if operator is None:
        users.add(User(str(uuid.uuid4()), None, OPERATOR_USERNAME, "Platform operator", Role.PLATFORM_OPERATOR,
                       auth.hash_password(password)))
    elif not auth.verify_password(operator.password_hash, password):
        users.set_password(operator.user_id, auth.hash_password(password))
    uow.commit()


def create_landlord(uow: UnitOfWork, *, caller: User, name: str, admin_username: str, admin_password: str,
                    admin_name: str) -> tuple[Landlord, User]:
    if not caller.is_operator:
        raise PermissionDenied("only platform operators create landlords")
    now = dt.datetime.now(dt.timezone.utc)
    landlord = Landlord.new(name, now)
    username, full_name = check_new_user(admin_username, admin_name, admin_password, prefix="admin.")
    admin = User(str(uuid.uuid4()), landlord.landlord_id, username, full_name, Role.SITE_ADMINISTRATOR,
                 auth.hash_password(admin_password), created_at=now)
    LandlordRepository(uow.session).add(landlord)
    UserRepository(uow.session).add(admin, username_field="admin.username")
    uow.commit()
    return landlord, admin


def list_landlords(uow: UnitOfWork, *, caller: User) -> list[Landlord]:
    if not caller.is_operator:
        raise PermissionDenied("only platform operators list landlords")
    return LandlordRepository(uow.session).list()
