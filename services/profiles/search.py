"""People search: the criteria shape -> index clauses, and the search document.

The criteria JSON shape is the one used everywhere (search, templates, groups,
messaging, reports); later issues add criteria here, nowhere else.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from services.common.criteria import CRITERIA_SCHEMA
from services.common.errors import FieldProblem, collect
from services.common.search import AnyOf, FieldType, Prefix, SearchRequest, Term

from .domain import CURRENT, STATUSES, Person

INDEX = "people"
FIELDS = {
    "personal_ref": FieldType.KEYWORD,
    "first_name": FieldType.KEYWORD,
    "surname": FieldType.KEYWORD,
    "status": FieldType.KEYWORD,
    "created_at": FieldType.DATE,
    "id": FieldType.KEYWORD,
    "sort_first_name": FieldType.KEYWORD,
    "sort_surname": FieldType.KEYWORD,
}
STANDARD_COLUMNS = ("id", "status", "personal_ref", "first_name", "surname")
EXTRA_COLUMNS = ("created_at",)
SORTABLE = ("surname", "first_name", "personal_ref", "created_at", "status")
# Names sort case-insensitively: on a lower-cased copy, since the index has no normalisers (core only).
SORT_KEY = {"surname": "sort_surname", "first_name": "sort_first_name"}
FACETS = ("status",)
DEFAULT_SORT = (("surname", "asc"), ("first_name", "asc"))
MAX_PAGE_SIZE = 500
MAX_DEPTH = 10_000  # pages end within the first 10,000 matches; counts are exact at any size
TEXT_FIELDS = ("first_name", "surname", "personal_ref")

@dataclass(frozen=True)
class Page:
    size: int = 25
    number: int = 1
    sort: Sequence[tuple[str, str]] = ()
    columns: Sequence[str] = ()
    facets: Sequence[str] = ()
    count_only: bool = False


def document(person: Person) -> dict[str, Any]:
    return {
        "id": person.person_id, "personal_ref": person.personal_ref, "first_name": person.first_name,
        "surname": person.surname, "status": person.status, "created_at": person.created_at.isoformat(),
        "sort_first_name": person.first_name.lower(), "sort_surname": person.surname.lower(),
    }


def build_request(criteria: Mapping[str, Any], page: Page) -> SearchRequest:
    """Validate criteria and page; raise InvalidInput naming every bad field."""
    problems: list[FieldProblem] = []
    clauses = _clauses(criteria or {}, problems)
    if not 1 <= page.size <= MAX_PAGE_SIZE:
        problems.append(FieldProblem("page_size", f"must be between 1 and {MAX_PAGE_SIZE}"))
    if page.number < 1:
        problems.append(FieldProblem("page", "must be 1 or more"))
    elif page.number * page.size > MAX_DEPTH and not page.count_only:
        problems.append(FieldProblem("page", f"pages go as deep as the first {MAX_DEPTH:,} people; narrow the criteria"))
    for i, (name, direction) in enumerate(page.sort):
        if name not in SORTABLE:
            problems.append(FieldProblem(f"sort[{i}].field", f"must be one of {', '.join(SORTABLE)}"))
    for i, column in enumerate(page.columns):
        if column not in EXTRA_COLUMNS + STANDARD_COLUMNS:
            problems.append(FieldProblem(f"columns[{i}]", f"unknown column; one of {', '.join(EXTRA_COLUMNS)}"))
    for i, facet in enumerate(page.facets):
        if facet not in FACETS:
            problems.append(FieldProblem(f"facets[{i}]", f"no facet counts for this field; one of {', '.join(FACETS)}"))
    collect(problems)
    return SearchRequest(
        filters=clauses, sort=tuple((SORT_KEY.get(f, f), d) for f, d in (page.sort or DEFAULT_SORT)), offset=(page.number - 1) * page.size,
        limit=page.size, count_only=page.count_only, facets=tuple(page.facets))


def item(doc: Mapping[str, Any], columns: Sequence[str]) -> dict[str, Any]:
    return {name: doc.get(name) for name in (*STANDARD_COLUMNS, *columns)}


def _clauses(criteria: Mapping[str, Any], problems: list[FieldProblem]) -> list:
    clauses = []
    for key in criteria:
        if key not in CRITERIA_SCHEMA["properties"]:
            problems.append(FieldProblem(f"criteria.{key}", "unknown criterion"))
    text = criteria.get("text")
    if text is not None:
        if not isinstance(text, str) or len(text) > 200:
            problems.append(FieldProblem("criteria.text", "must be text of at most 200 characters"))
        else:
            for word in text.split():
                clauses.append(AnyOf([Prefix(f, word) for f in TEXT_FIELDS]))
    for name in ("first_name", "surname"):
        value = criteria.get(name)
        if value is None:
            continue
        if not isinstance(value, str) or not value.strip():
            problems.append(FieldProblem(f"criteria.{name}", "must be non-empty text"))
        else:
            clauses.append(Prefix(name, value.strip()))
    refs = criteria.get("personal_ref")
    if refs is not None:
        if not _strings(refs):
            problems.append(FieldProblem("criteria.personal_ref", "must be a list of references"))
        else:
            clauses.append(Term("personal_ref", list(refs)))
    statuses = criteria.get("status", [CURRENT])
    if not _strings(statuses) or not set(statuses) <= set(STATUSES):
        problems.append(FieldProblem("criteria.status", f"must be a list of: {', '.join(STATUSES)}"))
    else:
        clauses.append(Term("status", list(statuses)))
    return clauses


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)
