"""Use cases of the gateway: signing in, passwords, landlords and their first administrators."""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import replace

from services.common.db import as_utc
from services.common.errors import (FieldProblem, InvalidInput, NotFound, PermissionDenied, TooManyAttempts,
                                    Unauthenticated, collect)
from services.common.ids import new_id
from services.common.uow import UnitOfWork

from . import auth, passwords
from .domain import (ACTIVE, OPERATOR_USERNAME, Landlord, User, clean_username, initials_of, one_time_password,
                     profile_problems)
from .privileges import Role
from .store import AuditLog, LandlordRepository, SignInThrottle, UserRepository

BAD_SIGN_IN = "the username or password is not right"
FREE_FAILURES = 5  # then every failure locks the username, from that address, for a growing while
LOCK_AFTER = 10  # failures in a row, then a long lock
LONG_LOCK = dt.timedelta(minutes=15)


def lock_for(failures: int) -> dt.timedelta | None:
    if failures < FREE_FAILURES:
        return None
    if failures < LOCK_AFTER:
        return dt.timedelta(seconds=2 ** (failures - FREE_FAILURES))
    return LONG_LOCK


def attempt_key(username: str, source_address: str) -> str:
    """What failures are counted by: the username typed and the address it came from, together."""
    return hashlib.sha256(f"{username}\n{source_address}".encode()).hexdigest()


def sign_in(uow: UnitOfWork, tokens: auth.TokenIssuer, *, username: str, password: str,
            source_address: str) -> tuple[str, User]:
    """A token for the user. Every failure gives the same answer, and failures are
    throttled per username typed (known or not, so the answer never tells whether a
    username exists) and source address: guessing from one address slows that address
    down, while the user still signs in from their own."""
    now = uow.clock.now()
    typed = (username or "").strip().lower()
    key = attempt_key(typed, source_address)
    throttle = SignInThrottle(uow.session)
    state = throttle.get(key)
    locked_until = state and state["locked_until"]
    if locked_until and as_utc(locked_until) > now:
        wait = max(1, int((as_utc(locked_until) - now).total_seconds()) + 1)
        raise TooManyAttempts(f"too many failed sign-ins for this username from here: try again in {wait} seconds", wait)
    users = UserRepository(uow.session)
    user = users.by_username(typed)
    ok = auth.verify_password(user.password_hash if user else None, password or "")
    if not ok or user.status != ACTIVE:
        failures = (state["failures"] if state else 0) + 1
        pause = lock_for(failures)
        throttle.failed(key, failures, now, now + pause if pause else None)
        uow.commit()
        raise Unauthenticated(BAD_SIGN_IN)
    if state:
        throttle.clear(key)
    user.last_sign_in_at = now
    if auth.needs_rehash(user.password_hash):
        user.password_hash = auth.hash_password(password)
    users.save(user)
    uow.commit()
    return _token(tokens, user), user


def authenticate(uow: UnitOfWork, *, claims: dict) -> User:
    """The active user behind a token's claims (already verified), or Unauthenticated."""
    user = UserRepository(uow.session).get(claims["sub"])
    if user is None or user.status != ACTIVE or user.token_version != claims["ver"] \
            or (user.landlord_id or "") != claims.get("lid", "") \
            or (user.provider_id or "") != claims.get("pid", ""):
        raise Unauthenticated("the token is no longer valid; sign in again")
    return user


def change_own_password(uow: UnitOfWork, tokens: auth.TokenIssuer, *, caller: User, current_password: str,
                        new_password: str) -> str:
    """Set a new password; every token issued before stops working. Returns a fresh token."""
    if not auth.verify_password(caller.password_hash, current_password or ""):
        raise InvalidInput.field("current_password", "is not your current password")
    if new_password == current_password:
        collect([FieldProblem("new_password", "must differ from the current password")])
    landlord = LandlordRepository(uow.session).get(caller.landlord_id) if caller.landlord_id else None
    collect(passwords.problems(new_password, field="new_password", username=caller.username, name=caller.name,
                               landlord_name=landlord.name if landlord else ""))
    user = replace(caller, password_hash=auth.hash_password(new_password), must_change_password=False,
                   token_version=caller.token_version + 1)
    UserRepository(uow.session).save(user)
    if user.landlord_id or user.provider_id:
        AuditLog(uow.session).record(landlord_id=user.landlord_id, provider_id=user.provider_id, at=uow.clock.now(),
                                     actor=user, action="user.password_changed",
                                     target_id=user.user_id, target_name=user.name)
    uow.commit()
    return _token(tokens, user)


def _token(tokens: auth.TokenIssuer, user: User) -> str:
    return tokens.issue(user_id=user.user_id, landlord_id=user.landlord_id, token_version=user.token_version,
                        provider_id=user.provider_id)


def ensure_operator(uow: UnitOfWork, *, password: str) -> None:
    """Create the platform operator, or set its password to the configured one."""
    problems = passwords.problems(password, field="TRACKER_OPERATOR_PASSWORD", username=OPERATOR_USERNAME)
    if problems:
        raise ValueError(f"{problems[0].field} {problems[0].reason}")
    users = UserRepository(uow.session)
    operator = users.by_username(OPERATOR_USERNAME)
    if operator is None:
        users.add(User(new_id(), None, OPERATOR_USERNAME, "Platform operator", Role.PLATFORM_OPERATOR,
                       auth.hash_password(password), created_at=uow.clock.now(), all_areas=True))
    elif not auth.verify_password(operator.password_hash, password):
        users.save(replace(operator, password_hash=auth.hash_password(password), token_version=operator.token_version + 1))
    uow.commit()


def create_landlord(uow: UnitOfWork, *, caller: User, name: str, admin_username: str, admin_password: str,
                    admin_name: str) -> tuple[Landlord, User]:
    if not caller.is_operator:
        raise PermissionDenied("only platform operators create landlords")
    now = uow.clock.now()
    username, problems = clean_username(admin_username, "admin.username")
    details = {"name": admin_name}
    problems += profile_problems(details, prefix="admin.")
    problems += passwords.problems(admin_password, field="admin.password", username=username,
                                   name=details["name"], landlord_name=name)
    try:
        landlord = Landlord.new(name, now)
    except InvalidInput as error:
        problems = error.fields + problems
    collect(problems)
    admin = User(new_id(), landlord.landlord_id, username, details["name"], Role.SITE_ADMINISTRATOR,
                 auth.hash_password(admin_password), created_at=now, all_areas=True)
    LandlordRepository(uow.session).add(landlord)
    UserRepository(uow.session).add(admin, username_field="admin.username")
    audit = AuditLog(uow.session)
    audit.record(landlord_id=landlord.landlord_id, at=now, actor=caller, action="landlord.created",
                 target_id=landlord.landlord_id, target_name=landlord.name)
    audit.record(landlord_id=landlord.landlord_id, at=now, actor=caller, action="user.created", target_id=admin.user_id,
                 target_name=admin.name, details={"role": admin.role.value})
    uow.commit()
    return landlord, admin


def add_administrator(uow: UnitOfWork, *, caller: User, landlord_id: str, username: str, name: str,
                      email: str = "") -> tuple[User, str]:
    """Another site administrator for a landlord (e.g. when theirs has left), with a one-time password."""
    if not caller.is_operator:
        raise PermissionDenied("only platform operators add administrators to a landlord")
    landlord = LandlordRepository(uow.session).get(landlord_id)
    if landlord is None:
        raise NotFound("landlord not found")
    username, problems = clean_username(username)
    details = {"name": name, "email": email}
    problems += profile_problems(details)
    collect(problems)
    password = one_time_password()
    now = uow.clock.now()
    admin = User(new_id(), landlord_id, username, details["name"], Role.SITE_ADMINISTRATOR,
                 auth.hash_password(password), created_at=now, all_areas=True, email=details["email"] or "",
                 initials=initials_of(details["name"]), must_change_password=True)
    UserRepository(uow.session).add(admin)
    AuditLog(uow.session).record(landlord_id=landlord_id, at=now, actor=caller, action="user.created",
                                 target_id=admin.user_id, target_name=admin.name, details={"role": admin.role.value})
    uow.commit()
    return admin, password


def list_landlords(uow: UnitOfWork, *, caller: User) -> list[Landlord]:
    if not caller.is_operator:
        raise PermissionDenied("only platform operators list landlords")
    return LandlordRepository(uow.session).list()
