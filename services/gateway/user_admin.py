"""Use cases of site administrators managing their landlord's users (seed 002 section 1)."""
from __future__ import annotations

import uuid
from dataclasses import replace
from typing import Any

from services.common.errors import FieldProblem, NotFound, PermissionDenied, collect
from services.common.uow import UnitOfWork

from . import auth
from .domain import ACTIVE, DELETED, DISABLED, User, clean_username, initials_of, one_time_password, profile_problems
from .privileges import Privilege, grant_problems, management_refusal, read_only_fields
from .store import AuditLog, UserRepository

STATUSES = (ACTIVE, DISABLED)


def _require_manager(caller: User) -> None:
    if Privilege.MANAGE_USERS not in caller.privileges:
        raise PermissionDenied("only users with the privilege 'manage_users' manage users")


def get_user(uow: UnitOfWork, *, caller: User, user_id: str) -> User:
    """A user of the caller's landlord (deleted users are gone for everyone)."""
    user = UserRepository(uow.session).get(user_id)
    if user is None or user.landlord_id != caller.landlord_id or user.status == DELETED:
        raise NotFound("user not found")
    return user


def _managed(uow: UnitOfWork, caller: User, user_id: str) -> User:
    _require_manager(caller)
    target = get_user(uow, caller=caller, user_id=user_id)
    refusal = management_refusal(caller, target)
    if refusal:
        raise PermissionDenied(refusal)
    return target


def find_users(uow: UnitOfWork, *, caller: User, name: str, statuses: tuple[str, ...], page: int, page_size: int):
    _require_manager(caller)
    return UserRepository(uow.session).search(caller.landlord_id, name=name.strip(), statuses=statuses,
                                              offset=(page - 1) * page_size, limit=page_size)


def create_user(uow: UnitOfWork, *, caller: User, values: dict[str, Any]) -> tuple[User, str]:
    """A new user with a one-time password, which they must change at first sign-in."""
    _require_manager(caller)
    username, problems = clean_username(values.get("username", ""))
    values = dict(values, areas=values.get("areas") or ())
    problems += profile_problems(values)
    problems += grant_problems(caller, role=values["role"], extra=values.get("extra_privileges", ()),
                               areas=values["areas"], all_areas=values.get("all_areas", False))
    collect(problems)
    password = one_time_password()
    user = User(str(uuid.uuid4()), caller.landlord_id, username, values["name"], values["role"],
                auth.hash_password(password), created_at=uow.clock.now(),
                initials=values.get("initials") or initials_of(values["name"]),
                email=values.get("email") or "", phone=values.get("phone") or "", areas=values["areas"],
                all_areas=values.get("all_areas", False), extra_privileges=frozenset(values.get("extra_privileges", ())),
                must_change_password=True)
    UserRepository(uow.session).add(user)
    _audit(uow, caller, "user.created", user, {"role": user.role.value, "areas": list(user.areas),
                                               "all_areas": user.all_areas,
                                               "extra_privileges": sorted(p.value for p in user.extra_privileges)})
    uow.commit()
    return user, password


def update_user(uow: UnitOfWork, *, caller: User, user_id: str, changes: dict[str, Any]) -> User:
    """Change the fields given; refuses, naming them, any the caller may not change."""
    is_self = user_id == caller.user_id
    target = get_user(uow, caller=caller, user_id=user_id) if is_self else _managed(uow, caller, user_id)
    locked = set(read_only_fields(caller, target))
    problems = [FieldProblem(f, "is read-only for you") for f in changes if f in locked]
    if problems:
        raise PermissionDenied("; ".join(f"{p.field}: {p.reason}" for p in problems), problems)
    changes = dict(changes)
    problems = profile_problems(changes)
    merged = replace(target, **{k: v for k, v in changes.items() if k != "extra_privileges"},
                     extra_privileges=frozenset(changes.get("extra_privileges", target.extra_privileges)))
    if {"role", "extra_privileges", "areas", "all_areas"} & changes.keys():
        problems += grant_problems(caller, role=merged.role, extra=merged.extra_privileges, areas=merged.areas,
                                   all_areas=merged.all_areas)
    collect(problems)
    if merged.privileges != target.privileges:
        merged = replace(merged, token_version=target.token_version + 1)  # new privileges take effect at once
    UserRepository(uow.session).save(merged)
    _audit(uow, caller, "user.updated", merged, {"fields": sorted(changes)})
    uow.commit()
    return merged


def set_status(uow: UnitOfWork, *, caller: User, user_id: str, status: str) -> User:
    """Disable, enable or delete a user. A disabled or deleted user's tokens stop working at once;
    a deleted user's name stays on the records they made."""
    if user_id == caller.user_id:
        raise PermissionDenied("you cannot disable or delete yourself")
    target = _managed(uow, caller, user_id)
    user = replace(target, status=status, token_version=target.token_version + 1)
    UserRepository(uow.session).save(user)
    _audit(uow, caller, {ACTIVE: "user.enabled", DISABLED: "user.disabled", DELETED: "user.deleted"}[status], user)
    uow.commit()
    return user


def reset_password(uow: UnitOfWork, *, caller: User, user_id: str) -> tuple[User, str]:
    if user_id == caller.user_id:
        raise PermissionDenied("change your own password with POST /api/v1/auth/password")
    target = _managed(uow, caller, user_id)
    password = one_time_password()
    user = replace(target, password_hash=auth.hash_password(password), must_change_password=True,
                   token_version=target.token_version + 1)
    UserRepository(uow.session).save(user)
    _audit(uow, caller, "user.password_reset", user)
    uow.commit()
    return user, password


def audit_page(uow: UnitOfWork, *, caller: User, page: int, page_size: int):
    _require_manager(caller)
    return AuditLog(uow.session).page(caller.landlord_id, offset=(page - 1) * page_size, limit=page_size)


def _audit(uow: UnitOfWork, caller: User, action: str, target: User, details: dict | None = None) -> None:
    AuditLog(uow.session).record(landlord_id=caller.landlord_id, at=uow.clock.now(), actor=caller, action=action,
                                 target_id=target.user_id, target_name=target.name, details=details)

