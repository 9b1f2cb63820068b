"""Landlords, users, roles and privileges: the rules, with no I/O."""
from __future__ import annotations

import datetime as dt
import enum
import re
import uuid
from dataclasses import dataclass, field

from services.common.errors import FieldProblem, collect

PASSWORD_MIN = 8
PASSWORD_MAX = 256  # NIST SP 800-63B: allow at least 64
USERNAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._@-]{2,63}$")
OPERATOR_USERNAME = "operator"


class Privilege(str, enum.Enum):
    MANAGE_USERS = "manage_users"
    MANAGE_SETUP = "manage_setup"
    EDIT_PROFILES = "edit_profiles"
    VIEW_EQUALITY_DATA = "view_equality_data"
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
    PROVIDER_ADVISER = "provider_adviser"


ROLE_PRIVILEGES: dict[Role, frozenset[Privilege]] = {
    Role.PLATFORM_OPERATOR: frozenset({Privilege.CHANGE_OWN_PASSWORD}),
    Role.SITE_ADMINISTRATOR: frozenset(Privilege),
    Role.MANAGER: frozenset(Privilege) - {Privilege.MANAGE_USERS, Privilege.MANAGE_SETUP},
    Role.HOUSING_OFFICER: frozenset({Privilege.EDIT_PROFILES, Privilege.SEND_MESSAGES, Privilege.VIEW_REPORTS,
                                     Privilege.CHANGE_OWN_PASSWORD}),
    Role.READ_ONLY: frozenset({Privilege.VIEW_REPORTS, Privilege.CHANGE_OWN_PASSWORD}),
    Role.PROVIDER_ADVISER: frozenset({Privilege.CHANGE_OWN_PASSWORD}),
}


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
        return cls(str(uuid.uuid4()), name, now)


@dataclass
class User:
    user_id: str
    landlord_id: str | None  # None only for the platform operator
    username: str
    name: str
    role: Role
    password_hash: str
    status: str = "active"
    created_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.timezone.utc))
    token_version: int = 1  # bumped to revoke every token issued before

    @property
    def privileges(self) -> frozenset[Privilege]:
        return ROLE_PRIVILEGES[self.role]

    @property
    def is_operator(self) -> bool:
        return self.role is Role.PLATFORM_OPERATOR


def check_new_user(username: str, name: str, password: str, prefix: str = "") -> tuple[str, str]:
    """Normalise and validate a new user's username and name, and their password."""
    username = (username or "").strip().lower()
    name = " ".join((name or "").split())
    problems = []
    if not USERNAME_PATTERN.match(username):
        problems.append(FieldProblem(f"{prefix}username", "must be 3-64 characters: letters, digits, . _ @ -"))
    if not name:
        problems.append(FieldProblem(f"{prefix}name", "is required"))
    problems += password_problems(password, username, f"{prefix}password")
    collect(problems)
    return username, name


def password_problems(password: str, username: str, field_name: str = "password") -> list[FieldProblem]:
    """NIST SP 800-63B: length rules only, no composition rules."""
    password = password or ""
    if len(password) < PASSWORD_MIN:
        return [FieldProblem(field_name, f"must be at least {PASSWORD_MIN} characters (15 or more is advised)")]
    if len(password) > PASSWORD_MAX:
        return [FieldProblem(field_name, f"must be at most {PASSWORD_MAX} characters")]
    if username and password.lower() == username.lower():
        return [FieldProblem(field_name, "must not be the username")]
    return []
