"""Roles, privileges and who may grant what (seed 002 section 1).

Only holders of "manage users" create or edit users; nobody gives a role or a
privilege beyond their own; unless they may work in every area, they create and
edit users only in their own areas."""
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
    PROVIDER_ADVISER = "provider_adviser"  # an outside organisation's adviser


P = Privilege
ROLE_PRIVILEGES: dict[Role, frozenset[Privilege]] = {
    Role.PLATFORM_OPERATOR: frozenset({P.CHANGE_OWN_PASSWORD}),
    Role.SITE_ADMINISTRATOR: frozenset(Privilege),
    Role.MANAGER: frozenset(Privilege) - {P.MANAGE_USERS, P.MANAGE_SETUP},
    Role.HOUSING_OFFICER: frozenset({P.EDIT_PROFILES, P.SEND_MESSAGES, P.VIEW_REPORTS, P.CHANGE_OWN_PASSWORD}),
    Role.READ_ONLY: frozenset({P.VIEW_REPORTS, P.CHANGE_OWN_PASSWORD}),
    Role.PROVIDER_ADVISER: frozenset({P.CHANGE_OWN_PASSWORD}),
}
LANDLORD_ROLES = tuple(r for r in Role if r is not Role.PLATFORM_OPERATOR)
# Fields a user may never change on their own record (no self-escalation, no self-lock-out).
SELF_LOCKED = ("role", "extra_privileges", "areas", "all_areas", "status")
EDITABLE = ("name", "initials", "email", "phone", "areas", "all_areas", "role", "extra_privileges")


def effective(role: Role, extra: Iterable[Privilege] = ()) -> frozenset[Privilege]:
    return ROLE_PRIVILEGES[role] | frozenset(extra)


def grant_problems(granter: "User", *, role: Role, extra: Iterable[Privilege], areas: Iterable[str],
                   all_areas: bool) -> list[FieldProblem]:
    """What stops `granter` from giving this role, privileges and areas to someone."""
    problems = []
    if role is Role.PLATFORM_OPERATOR:
        problems.append(FieldProblem("role", "platform operators are not users of a landlord"))
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
    if not target.privileges <= granter.privileges:
        return "this user holds privileges you do not, so only someone with at least theirs can change them"
    if not granter.all_areas and (target.all_areas or not set(target.areas) <= set(granter.areas)):
        return "this user works outside your areas"
    return None


def read_only_fields(granter: "User", target: "User") -> list[str]:
    """Fields of `target` that `granter` may not change (a front end greys them out)."""
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
