"""Equality data (special-category data: ethnicity, disability, religion, sexual
orientation, gender identity, marriage and civil partnership, pregnancy and maternity) is shown only to users with "view equality data" and changed only by
users with "edit equality data". The gateway applies this to every answer, search
and change that carries people's fields, so no route can forget it."""
from __future__ import annotations

from typing import Any, Iterable, Mapping

from services.common.errors import FieldProblem, PermissionDenied
from services.common.person_fields import FIELDS

from .domain import User
from .privileges import Privilege

EQUALITY_FIELDS = frozenset({f.name for f in FIELDS if f.equality} | {"equality_group"})


def may_view(caller: User) -> bool:
    return Privilege.VIEW_EQUALITY_DATA in caller.privileges


def redact(record: Mapping[str, Any], caller: User) -> dict[str, Any]:
    """The record without equality fields, unless the caller may see them."""
    if may_view(caller):
        return dict(record)
    return {k: v for k, v in record.items() if k not in EQUALITY_FIELDS}


def check_use(fields: Iterable[str], caller: User, *, where: str) -> None:
    """Refuse equality fields in criteria, columns or facets from a user who may not see them."""
    if may_view(caller):
        return
    used = sorted(f for f in fields if f.split(".")[-1] in EQUALITY_FIELDS)
    if used:
        raise PermissionDenied("equality data needs the privilege 'view_equality_data'",
                               [FieldProblem(f"{where}.{f}", "needs the privilege 'view_equality_data'") for f in used])


def check_edit(fields: Iterable[str], caller: User) -> None:
    """Refuse changes to equality fields from a user without 'edit equality data'."""
    if Privilege.EDIT_EQUALITY_DATA in caller.privileges:
        return
    used = sorted(set(fields) & EQUALITY_FIELDS)
    if used:
        raise PermissionDenied("changing equality data needs the privilege 'edit_equality_data'",
                               [FieldProblem(f, "is read-only for you: needs 'edit_equality_data'") for f in used])


def read_only_person_fields(caller: User) -> list[str]:
    """Equality fields a front end should grey out for this caller."""
    return [] if Privilege.EDIT_EQUALITY_DATA in caller.privileges else sorted(EQUALITY_FIELDS)
