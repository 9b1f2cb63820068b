"""Roles, privileges and who may grant what (seed 002 section 1).

Only holders of "manage users" create or edit users; nobody gives a role or a
privilege beyond their own; unless they may work in every area, they create and
edit users only in their own areas.

A provider's users (its managers and advisers) belong to the provider, never to a landlord:
landlord roles are given only to a landlord's users, provider roles only to a provider's. The
platform operator creates a provider's users (its first manager); a provider's manager then
manages the users of their own provider, giving provider roles only."""
from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Iterable

from services.common.errors import FieldProblem

if TYPE_CHECKING:
    from .domain import User


class Privilege(str, enum.Enum):
    MANAGE_USERS = "manage_users"
    MANAGE_SETUP = "manage_setup"  # option lists, custom fields, defaults
    EDIT_PROFILES = "edit_profiles"
    VIEW_EQUALITY_DATA = "view_equality_data"  # special-category data
    EDIT_EQUALITY_DATA = "edit_equality_data"
    RUN_IMPORTS = "run_imports"
    SEND_MESSAGES = "send_messages"
    EXPORT_DATA = "export_data"
    VIEW_REPORTS = "view_reports"
    CHANGE_OWN_PASSWORD = "change_own_password"


class Role(str, enum.Enum):
    PLATFORM_OPERATOR = "platform_operator"
    SITE_ADMINISTRATOR = "site_administrator"
    MANAGER = "manager"
    HOUSING_OFFICER = "housing_officer"
    READ_ONLY = "read_only"
    PROVIDER_MANAGER = "provider_manager"  # manages an outside organisation's users
    PROVIDER_ADVISER = "provider_adviser"  # an outside organisation's adviser


P = Privilege
ROLE_PRIVILEGES: dict[Role, frozenset[Privilege]] = {
    Role.PLATFORM_OPERATOR: frozenset({P.CHANGE_OWN_PASSWORD}),
    Role.SITE_ADMINISTRATOR: frozenset(Privilege),
    Role.MANAGER: frozenset(Privilege) - {P.MANAGE_USERS, P.MANAGE_SETUP},
    Role.HOUSING_OFFICER: frozenset({P.EDIT_PROFILES, P.SEND_MESSAGES, P.VIEW_REPORTS, P.CHANGE_OWN_PASSWORD}),
    Role.READ_ONLY: frozenset({P.VIEW_REPORTS, P.CHANGE_OWN_PASSWORD}),
    Role.PROVIDER_MANAGER: frozenset({P.MANAGE_USERS, P.CHANGE_OWN_PASSWORD}),
    Role.PROVIDER_ADVISER: frozenset({P.CHANGE_OWN_PASSWORD}),
}
PROVIDER_ROLES = (Role.PROVIDER_MANAGER, Role.PROVIDER_ADVISER)
LANDLORD_ROLES = tuple(r for r in Role if r is not Role.PLATFORM_OPERATOR and r not in PROVIDER_ROLES)
# Fields a user may never change on their own record (no self-escalation, no self-lock-out).
SELF_LOCKED = ("role", "extra_privileges", "areas", "all_areas", "status")
EDITABLE = ("name", "initials", "email", "phone", "areas", "all_areas", "role", "extra_privileges")
PROVIDER_EDITABLE = ("name", "initials", "email", "phone", "role")  # a provider's users have no areas or extras


def effective(role: Role, extra: Iterable[Privilege] = ()) -> frozenset[Privilege]:
    return ROLE_PRIVILEGES[role] | frozenset(extra)


def grant_problems(granter: "User", *, role: Role, extra: Iterable[Privilege], areas: Iterable[str],
                   all_areas: bool) -> list[FieldProblem]:
    """What stops `granter` from giving this role, privileges and areas to someone."""
    problems = []
    if role is Role.PLATFORM_OPERATOR:
        problems.append(FieldProblem("role", "platform operators are not users of a landlord"))
    elif role in PROVIDER_ROLES:
        problems.append(FieldProblem("role", "provider roles are for a provider's users, not a landlord's"))
    elif not ROLE_PRIVILEGES[role] <= granter.privileges:
        missing = sorted(p.value for p in ROLE_PRIVILEGES[role] - granter.privileges)
        problems.append(FieldProblem("role", f"carries privileges you do not hold: {', '.join(missing)}"))
    beyond = sorted(p.value for p in set(extra) - granter.privileges)
    if beyond:
        problems.append(FieldProblem("extra_privileges", f"you cannot give privileges you do not hold: {', '.join(beyond)}"))
    if not granter.all_areas:
        if all_areas:
            problems.append(FieldProblem("all_areas", "you work in some areas only, so you cannot give every area"))
        outside = sorted(set(areas) - set(granter.areas))
        if outside:
            problems.append(FieldProblem("areas", f"outside your areas: {', '.join(outside)}"))
        if not list(areas) and not all_areas:
            problems.append(FieldProblem("areas", "name at least one of your areas"))
    return problems


def management_refusal(granter: "User", target: "User") -> str | None:
    """Why `granter` may not manage `target` at all (None when they may)."""
    if Privilege.MANAGE_USERS not in granter.privileges:
        return "only users with the privilege 'manage_users' manage users"
    if granter.landlord_id is None or (target.landlord_id, target.provider_id) != (granter.landlord_id, None):
        return "this user is not one of your landlord's users"
    if not target.privileges <= granter.privileges:
        return "this user holds privileges you do not, so only someone with at least theirs can change them"
    if not granter.all_areas and (target.all_areas or not set(target.areas) <= set(granter.areas)):
        return "this user works outside your areas"
    return None


def read_only_fields(granter: "User", target: "User") -> list[str]:
    """Fields of `target` that `granter` may not change (a front end greys them out)."""
    if target.provider_id is not None:
        return _provider_read_only_fields(granter, target)
    if management_refusal(granter, target) and granter.user_id != target.user_id:
        return ["username", *EDITABLE, "status"]
    locked = {"username"}
    if granter.user_id == target.user_id:
        locked.update(SELF_LOCKED)
        if Privilege.MANAGE_USERS not in granter.privileges:
            locked.update(EDITABLE)
            locked.difference_update(("name", "initials", "email", "phone"))
    if not granter.all_areas:
        locked.add("all_areas")
    return sorted(locked)


def provider_grant_problems(granter: "User", *, provider_id: str, role: Role) -> list[FieldProblem]:
    """What stops `granter` from giving `role` to a user of the provider `provider_id`: only provider roles,
    given by the platform operator or by a manager of that provider holding at least the role's privileges."""
    if role not in PROVIDER_ROLES:
        return [FieldProblem("role", f"a provider's users have provider roles only: "
                                     f"{', '.join(r.value for r in PROVIDER_ROLES)}")]
    if granter.is_operator:
        return []
    if granter.provider_id != provider_id or Privilege.MANAGE_USERS not in granter.privileges:
        return [FieldProblem("role", "only the platform operator or this provider's managers give its roles")]
    if not ROLE_PRIVILEGES[role] <= granter.privileges:
        missing = sorted(p.value for p in ROLE_PRIVILEGES[role] - granter.privileges)
        return [FieldProblem("role", f"carries privileges you do not hold: {', '.join(missing)}")]
    return []


def provider_management_refusal(granter: "User", target: "User") -> str | None:
    """Why `granter` may not manage `target`, a provider's user, at all (None when they may): the platform
    operator manages every provider's users; a provider's manager only their own provider's, up to their own
    privileges; a landlord's users never."""
    if target.provider_id is None:
        return "this user is not a provider's user"
    if granter.is_operator:
        return None
    if granter.provider_id != target.provider_id:
        return "this user is not one of your provider's users"
    if Privilege.MANAGE_USERS not in granter.privileges:
        return "only users with the privilege 'manage_users' manage users"
    if not target.privileges <= granter.privileges:
        return "this user holds privileges you do not, so only someone with at least theirs can change them"
    return None


def _provider_read_only_fields(granter: "User", target: "User") -> list[str]:
    if granter.user_id == target.user_id:
        return sorted({"username", "role", "status"})
    if provider_management_refusal(granter, target):
        return sorted({"username", *PROVIDER_EDITABLE, "status"})
    return ["username"]
