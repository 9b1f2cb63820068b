"""The landlord's staff as follow-up actions need them: who an action may be assigned to (an active user of
the caller's landlord in a landlord role: not a provider's adviser), whose actions a manager sees (the users
working in any of their areas; everyone, when they work in every area), and each user's name and initials as
actions show them. The gateway owns users, so these checks are made here before messaging is called."""
from __future__ import annotations

from services.common.errors import InvalidInput
from services.common.uow import UnitOfWork

from .domain import ACTIVE, User
from .privileges import Role
from .store import UserRepository

STAFF_ROLES = frozenset({Role.SITE_ADMINISTRATOR, Role.MANAGER, Role.HOUSING_OFFICER, Role.READ_ONLY})
MANAGERS = frozenset({Role.SITE_ADMINISTRATOR, Role.MANAGER})


def everyone(uow: UnitOfWork, landlord_id: str) -> dict[str, User]:
    """Every user of the landlord (any status) by id."""
    return {u.user_id: u for u in UserRepository(uow.session).of_landlord(landlord_id)}


def is_staff(user: User | None, landlord_id: str) -> bool:
    return (user is not None and user.landlord_id == landlord_id and user.status == ACTIVE
            and user.role in STAFF_ROLES)


def assignee(known: dict[str, User], landlord_id: str, user_id: str, field: str = "assigned_to") -> str:
    """The user id, if an action may be assigned to them; else InvalidInput naming `field`."""
    if not is_staff(known.get(user_id), landlord_id):
        raise InvalidInput.field(field, "must be an active staff user of your landlord")
    return user_id


def team(known: dict[str, User], caller: User) -> list[str]:
    """Whose actions the caller sees as theirs: their own, and a manager's team's (the active staff working in
    any of their areas, or all of them for a manager of every area)."""
    if caller.role not in MANAGERS:
        return [caller.user_id]
    mine = set(caller.areas)
    return sorted({caller.user_id} | {u.user_id for u in known.values() if is_staff(u, caller.landlord_id) and (
        caller.all_areas or u.all_areas or mine & set(u.areas))})


def initials(user: User | None) -> str:
    if user is None:
        return ""
    return user.initials or "".join(word[0] for word in user.name.split()[:3]).upper()
