"""Use cases of managing users (seed 002 section 1): site administrators manage their landlord's users; the
platform operator and a provider's managers manage a provider's users (provider roles only). Neither side
reaches the other's users: a landlord's never see a provider's, a provider's manager only their own provider's
(another provider's users are not found)."""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from services.common.errors import FieldProblem, NotFound, PermissionDenied, collect
from services.common.ids import new_id
from services.common.uow import UnitOfWork

from . import auth
from .domain import ACTIVE, DELETED, DISABLED, User, clean_username, initials_of, one_time_password, profile_problems
from .privileges import (PROVIDER_EDITABLE, Privilege, grant_problems, management_refusal, provider_grant_problems,
                         provider_management_refusal, read_only_fields)
from .store import AuditLog, UserRepository

STATUSES = (ACTIVE, DISABLED)


def _require_manager(caller: User) -> None:
    if Privilege.MANAGE_USERS not in caller.privileges:
        raise PermissionDenied("only users with the privilege 'manage_users' manage users")


def get_user(uow: UnitOfWork, *, caller: User, user_id: str) -> User:
    """A user of the caller's landlord (deleted users are gone for everyone)."""
    user = UserRepository(uow.session).get(user_id)
    if user is None or caller.landlord_id is None or user.landlord_id != caller.landlord_id or user.status == DELETED:
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
    user = User(new_id(), caller.landlord_id, username, values["name"], values["role"],
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
    _refuse_locked(caller, target, changes)
    changes = dict(changes)
    problems = profile_problems(changes)
    merged = replace(target, **{k: v for k, v in changes.items() if k != "extra_privileges"},
                     extra_privileges=frozenset(changes.get("extra_privileges", target.extra_privileges)))
    if {"role", "extra_privileges", "areas", "all_areas"} & changes.keys():
        problems += grant_problems(caller, role=merged.role, extra=merged.extra_privileges, areas=merged.areas,
                                   all_areas=merged.all_areas)
    collect(problems)
    return _save_changes(uow, caller, target, merged, changes)


def _refuse_locked(caller: User, target: User, changes: dict[str, Any], editable: tuple[str, ...] | None = None
                   ) -> None:
    """PermissionDenied naming every field changed that the caller may not change (or that is not `editable`)."""
    locked = set(read_only_fields(caller, target)) | (set(changes) - set(editable) if editable else set())
    problems = [FieldProblem(f, "is read-only for you") for f in changes if f in locked]
    if problems:
        raise PermissionDenied("; ".join(f"{p.field}: {p.reason}" for p in problems), problems)


def _save_changes(uow: UnitOfWork, caller: User, target: User, merged: User, changes: dict[str, Any]) -> User:
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
    return _set_status(uow, caller, _managed(uow, caller, user_id), status)


def _set_status(uow: UnitOfWork, caller: User, target: User, status: str) -> User:
    if target.user_id == caller.user_id:
        raise PermissionDenied("you cannot disable or delete yourself")
    user = replace(target, status=status, token_version=target.token_version + 1)
    UserRepository(uow.session).save(user)
    _audit(uow, caller, {ACTIVE: "user.enabled", DISABLED: "user.disabled", DELETED: "user.deleted"}[status], user)
    uow.commit()
    return user


def reset_password(uow: UnitOfWork, *, caller: User, user_id: str) -> tuple[User, str]:
    return _reset_password(uow, caller, _managed(uow, caller, user_id))


def _reset_password(uow: UnitOfWork, caller: User, target: User) -> tuple[User, str]:
    if target.user_id == caller.user_id:
        raise PermissionDenied("change your own password with POST /api/v1/auth/password")
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
    """In the log of the target's landlord, or of their provider."""
    AuditLog(uow.session).record(landlord_id=target.landlord_id, provider_id=target.provider_id, at=uow.clock.now(),
                                 actor=caller, action=action, target_id=target.user_id, target_name=target.name,
                                 details=details)


def _provider_scope(caller: User, provider_id: str) -> None:
    """The platform operator reaches every provider's users, a provider's user only their own provider's (any
    other provider is not found for them); a landlord's users none."""
    if caller.is_operator or (caller.provider_id is not None and caller.provider_id == provider_id):
        return
    if caller.provider_id is None:
        raise PermissionDenied("only the platform operator and a provider's managers manage a provider's users")
    raise NotFound("provider not found")


def get_provider_user(uow: UnitOfWork, *, caller: User, provider_id: str, user_id: str) -> User:
    """A user of the provider (deleted users are gone for everyone)."""
    _provider_scope(caller, provider_id)
    user = UserRepository(uow.session).get(user_id)
    if user is None or user.provider_id != provider_id or user.status == DELETED:
        raise NotFound("user not found")
    return user


def _managed_provider_user(uow: UnitOfWork, caller: User, provider_id: str, user_id: str) -> User:
    target = get_provider_user(uow, caller=caller, provider_id=provider_id, user_id=user_id)
    refusal = provider_management_refusal(caller, target)
    if refusal:
        raise PermissionDenied(refusal)
    return target


def find_provider_users(uow: UnitOfWork, *, caller: User, provider_id: str, name: str, statuses: tuple[str, ...],
                        page: int, page_size: int):
    _provider_scope(caller, provider_id)
    if not caller.is_operator:
        _require_manager(caller)
    return UserRepository(uow.session).search(None, provider_id=provider_id, name=name.strip(), statuses=statuses,
                                              offset=(page - 1) * page_size, limit=page_size)


def create_provider_user(uow: UnitOfWork, *, caller: User, provider_id: str, values: dict[str, Any]
                         ) -> tuple[User, str]:
    """A user of the provider (a provider role, no landlord) with a one-time password, changed at first sign-in."""
    _provider_scope(caller, provider_id)
    username, problems = clean_username(values.get("username", ""))
    values = dict(values)
    problems += profile_problems(values)
    problems += provider_grant_problems(caller, provider_id=provider_id, role=values["role"])
    collect(problems)
    password = one_time_password()
    user = User(new_id(), None, username, values["name"], values["role"], auth.hash_password(password),
                created_at=uow.clock.now(), initials=values.get("initials") or initials_of(values["name"]),
                email=values.get("email") or "", phone=values.get("phone") or "", must_change_password=True,
                provider_id=provider_id)
    UserRepository(uow.session).add(user)
    _audit(uow, caller, "user.created", user, {"role": user.role.value})
    uow.commit()
    return user, password


def update_provider_user(uow: UnitOfWork, *, caller: User, provider_id: str, user_id: str,
                         changes: dict[str, Any]) -> User:
    """Change the fields given (a provider's users have no areas or extra privileges); refuses, naming them,
    any the caller may not change."""
    if user_id == caller.user_id:
        target = get_provider_user(uow, caller=caller, provider_id=provider_id, user_id=user_id)
    else:
        target = _managed_provider_user(uow, caller, provider_id, user_id)
    _refuse_locked(caller, target, changes, PROVIDER_EDITABLE)
    changes = dict(changes)
    problems = profile_problems(changes)
    if "role" in changes:
        problems += provider_grant_problems(caller, provider_id=provider_id, role=changes["role"])
    collect(problems)
    return _save_changes(uow, caller, target, replace(target, **changes), changes)


def set_provider_user_status(uow: UnitOfWork, *, caller: User, provider_id: str, user_id: str, status: str) -> User:
    """Disable or enable (or delete) a provider's user; their tokens stop working at once."""
    return _set_status(uow, caller, _managed_provider_user(uow, caller, provider_id, user_id), status)


def reset_provider_user_password(uow: UnitOfWork, *, caller: User, provider_id: str, user_id: str
                                 ) -> tuple[User, str]:
    return _reset_password(uow, caller, _managed_provider_user(uow, caller, provider_id, user_id))
