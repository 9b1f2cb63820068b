"""Landlords and their users: the rules, with no I/O."""
from __future__ import annotations

import datetime as dt
import re
import secrets
from dataclasses import dataclass

from services.common.errors import FieldProblem, collect
from services.common.ids import new_id

from .privileges import Privilege, Role, effective

USERNAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._@-]{2,63}$")
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE_PATTERN = re.compile(r"^\+?[0-9 ()-]{7,20}$")
INITIALS_PATTERN = re.compile(r"^[A-Za-z]{1,5}$")
OPERATOR_USERNAME = "operator"
ACTIVE, DISABLED, DELETED = "active", "disabled", "deleted"


@dataclass
class Landlord:
    landlord_id: str
    name: str
    created_at: dt.datetime

    @classmethod
    def new(cls, name: str, now: dt.datetime) -> "Landlord":
        name = " ".join((name or "").split())
        if not name:
            collect([FieldProblem("name", "is required")])
        if len(name) > 200:
            collect([FieldProblem("name", "must be at most 200 characters")])
        return cls(new_id(), name, now)


@dataclass
class User:
    user_id: str
    landlord_id: str | None  # None for the platform operator and a provider's users
    username: str
    name: str
    role: Role
    password_hash: str
    status: str = ACTIVE
    created_at: dt.datetime | None = None  # set from its clock by the use case that creates the user
    token_version: int = 1  # bumped to revoke every token issued before
    initials: str = ""
    email: str = ""
    phone: str = ""
    areas: tuple[str, ...] = ()
    all_areas: bool = False
    extra_privileges: frozenset[Privilege] = frozenset()
    must_change_password: bool = False
    last_sign_in_at: dt.datetime | None = None
    provider_id: str | None = None  # set only for a provider's users (provider roles), who have no landlord

    @property
    def privileges(self) -> frozenset[Privilege]:
        return effective(self.role, self.extra_privileges)

    @property
    def is_operator(self) -> bool:
        return self.role is Role.PLATFORM_OPERATOR

    @property
    def is_provider_user(self) -> bool:
        return self.provider_id is not None


def one_time_password() -> str:
    """Given to a new user or on a reset; must be changed at first sign-in."""
    return "-".join(secrets.token_hex(3) for _ in range(4))


def initials_of(name: str) -> str:
    return "".join(part[0] for part in name.split() if part[:1].isalpha())[:5].upper()


def clean_username(username: str, field_name: str = "username") -> tuple[str, list[FieldProblem]]:
    username = (username or "").strip().lower()
    if not USERNAME_PATTERN.match(username):
        return username, [FieldProblem(field_name, "must be 3-64 characters: letters, digits, . _ @ -")]
    return username, []


def profile_problems(values: dict, prefix: str = "") -> list[FieldProblem]:
    """Check the personal details of a user that are present in `values` (normalised in place)."""
    problems = []
    if "name" in values:
        values["name"] = " ".join((values["name"] or "").split())
        if not values["name"]:
            problems.append(FieldProblem(f"{prefix}name", "is required"))
    if values.get("initials"):
        if not INITIALS_PATTERN.match(values["initials"]):
            problems.append(FieldProblem(f"{prefix}initials", "must be 1-5 letters"))
        values["initials"] = values["initials"].upper()
    if values.get("email") and not EMAIL_PATTERN.match(values["email"]):
        problems.append(FieldProblem(f"{prefix}email", "is not an email address"))
    if values.get("phone") and not PHONE_PATTERN.match(values["phone"]):
        problems.append(FieldProblem(f"{prefix}phone", "must be 7-20 digits, spaces, brackets or dashes, optionally after +"))
    if "areas" in values:
        values["areas"] = tuple(dict.fromkeys(" ".join(a.split()) for a in values["areas"]))
        if any(not a or len(a) > 100 for a in values["areas"]):
            problems.append(FieldProblem(f"{prefix}areas", "each area must be 1-100 characters"))
    return problems
