"""Search templates (saved criteria, re-evaluated on every use) and criteria as profiles takes them,
with no I/O (lookups are passed in).

`search_template: [ids]` is replaced by the criteria of those templates as alternatives (any one
matches), recursively; admin group and activity ids are checked. Profiles reads an object as the AND
of its keys and `any_of` as "any one of these objects". An object's own `any_of` is kept: when it has
one, the templates' alternatives are ANDed with it by distributing them into each of its
alternatives, so {"any_of": [X, Y], "search_template": [T]} becomes
{"any_of": [X + {"any_of": [T]}, Y + {"any_of": [T]}]} ((X or Y) and T); without one the templates'
alternatives simply become its `any_of`."""
from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass
from typing import Callable, Iterable

from services.common.criteria import GROUP_IDS, GROUP_KEYS
from services.common.errors import FieldProblem, InvalidInput, collect
from services.common.ids import new_id

from ..domain import NAME_MAX, TEXT_MAX, text

TEMPLATE = "search_template"
ANY_OF = "any_of"


@dataclass
class SearchTemplate:
    search_template_id: str
    landlord_id: str
    name: str
    description: str
    criteria: dict
    created_at: dt.datetime
    created_by: str
    updated_at: dt.datetime

    @classmethod
    def new(cls, *, landlord_id: str, user_id: str, now: dt.datetime, name: str, description: str,
            criteria: dict) -> "SearchTemplate":
        template = cls(new_id(), landlord_id, "", "", {}, now, user_id, now)
        template.change(now=now, name=name, description=description, criteria=criteria)
        return template

    def change(self, *, now: dt.datetime, name: str | None = None, description: str | None = None,
               criteria: dict | None = None) -> None:
        if name is not None:
            self.name = text(name, "name", limit=NAME_MAX, required=True)
        if description is not None:
            self.description = text(description, "description", limit=TEXT_MAX)
        if criteria is not None:
            if not isinstance(criteria, dict):
                raise InvalidInput.field("criteria", "must be an object")
            self.criteria = criteria
        self.updated_at = now


@dataclass(frozen=True)
class Lookups:
    template: Callable[[str], dict | None]  # a template's saved criteria, None when there is no such template
    admin_groups: Callable[[set[str]], set[str]]  # which of these admin group ids exist
    activities: Callable[[set[str]], set[str]]  # which of these activity ids exist


def mentions_groups(criteria) -> bool:
    """Whether criteria use any key the groups service must expand or check (also nested in any_of)."""
    if not isinstance(criteria, dict):
        return False
    nested = criteria.get(ANY_OF) if isinstance(criteria.get(ANY_OF), list) else []
    return any(k in criteria for k in GROUP_KEYS) or any(mentions_groups(item) for item in nested)


def expand(criteria: dict, lookups: Lookups, *, within: Iterable[str] = ()) -> dict:
    """The criteria with every search template replaced by its criteria (as they are now). `within`:
    templates being expanded already (a template's own id when it is saved), so a loop is refused.
    InvalidInput naming `criteria.<key>` for unknown templates, loops, unknown group or activity ids."""
    if not isinstance(criteria, dict):
        raise InvalidInput.field("criteria", "must be an object")
    wanted: dict[str, set[str]] = {}
    expanded = _walk(copy.deepcopy(criteria), lookups, tuple(within), wanted)
    _check_ids(wanted, lookups)
    return expanded


def _walk(obj: dict, lookups: Lookups, stack: tuple[str, ...], wanted: dict[str, set[str]]) -> dict:
    for name, what in GROUP_IDS.items():
        if name in obj:
            wanted.setdefault(name, set()).update(_ids(obj[name], name, what))
    participated = obj.get("participated")
    if isinstance(participated, dict) and "activity" in participated:
        wanted.setdefault("participated.activity", set()).update(
            _ids(participated["activity"], "participated.activity", "activity"))
    if isinstance(obj.get(ANY_OF), list):
        obj[ANY_OF] = [_walk(item, lookups, stack, wanted) if isinstance(item, dict) else item for item in obj[ANY_OF]]
    if TEMPLATE in obj:
        alternatives = []
        for template_id in _ids(obj.pop(TEMPLATE), TEMPLATE, "search template"):
            if template_id in stack:
                raise InvalidInput.field(f"criteria.{TEMPLATE}", "search templates refer to each other in a loop: "
                                         "a template cannot include itself")
            saved = lookups.template(template_id)
            if saved is None:
                raise InvalidInput.field(f"criteria.{TEMPLATE}", f"no search template {template_id}")
            alternatives.append(_walk(copy.deepcopy(saved), lookups, stack + (template_id,), wanted))
        obj = _and(obj, alternatives)
    return obj


def _and(obj: dict, alternatives: list[dict]) -> dict:
    """`obj` AND (any one of `alternatives`)."""
    if not alternatives:
        return obj
    existing = obj.get(ANY_OF)
    if not isinstance(existing, list) or not existing:
        obj[ANY_OF] = alternatives
    else:
        obj[ANY_OF] = [_and(copy.deepcopy(item), alternatives) if isinstance(item, dict) else item for item in existing]
    return obj


def _ids(value, name: str, what: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
        raise InvalidInput.field(f"criteria.{name}", f"must be a list of {what} ids")
    return list(dict.fromkeys(value))


def _check_ids(wanted: dict[str, set[str]], lookups: Lookups) -> None:
    problems = []
    for name, ids in wanted.items():
        what = GROUP_IDS.get(name, "activity")  # participated.activity names activities
        found = lookups.admin_groups(ids) if what == "admin group" else lookups.activities(ids)
        problems.extend(FieldProblem(f"criteria.{name}", f"no {what} {i}") for i in sorted(ids - found))
    collect(problems)
