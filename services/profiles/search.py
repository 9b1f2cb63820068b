"""People search: the criteria shape -> index clauses, pages, sorting and facets.

The criteria JSON shape (services/common/criteria.py) is the one used everywhere
(search, templates, groups, messaging, reports). Labels come in, option ids go
to the index, labels go back out. Derived values (age, age band, equality group)
are computed on the day asked.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from services.common.errors import FieldProblem, collect
from services.common.person_fields import ADDRESS_LINES, BY_NAME, FIELDS, NOT_KNOWN, Kind
from services.common.search import RangeBucket, RangeFacet, SearchRequest

from .criteria import Translator, years_before
from .search_document import FLAGS, INDEX, address, document, index_fields
from .setup.domain import Catalogue, age_band, age_on
from .values import labels

STANDARD_COLUMNS = ("id", "status", "personal_ref", "first_name", "surname", "address")
FIELD_COLUMNS = tuple(f.name for f in FIELDS) + ("age", "age_band", "equality_group", "created_at", "updated_at") + FLAGS
SORT_KEY = {"surname": "sort_surname", "first_name": "sort_first_name", "age": "date_of_birth"}
SORTABLE = ("surname", "first_name", "personal_ref", "status", "created_at", "updated_at", "date_of_birth", "age",
            "postcode", "property_ref")
OPTION_FACETS = tuple(f.name for f in FIELDS if f.kind in (Kind.OPTION, Kind.OPTIONS, Kind.STATUS))
FACETS = OPTION_FACETS + ("age_band", "equality_group") + FLAGS
DEFAULT_SORT = (("surname", "asc"), ("first_name", "asc"))
MAX_PAGE_SIZE = 500
MAX_DEPTH = 10_000  # pages end within the first 10,000 matches; counts are exact at any size
AGE_BAND_FACET = "age_band"


@dataclass(frozen=True)
class Page:
    size: int = 25
    number: int = 1
    sort: Sequence[tuple[str, str]] = ()
    columns: Sequence[str] = ()
    facets: Sequence[str] = ()
    count_only: bool = False


def criteria_filters(criteria: Mapping[str, Any], catalogue: Catalogue, today: dt.date) -> list:
    """The index clauses of the criteria (ages as of `today`, the service clock's); raises InvalidInput naming
    every bad criterion."""
    translator = Translator(catalogue, today)
    clauses = translator.clauses(criteria or {})
    collect(translator.problems)
    return clauses


def build_request(criteria: Mapping[str, Any], page: Page, catalogue: Catalogue, today: dt.date) -> SearchRequest:
    """Validate criteria and page (ages as of `today`, the service clock's); raise InvalidInput naming every bad field."""
    translator = Translator(catalogue, today)
    clauses = translator.clauses(criteria or {})
    problems: list[FieldProblem] = translator.problems
    if not 1 <= page.size <= MAX_PAGE_SIZE:
        problems.append(FieldProblem("page_size", f"must be between 1 and {MAX_PAGE_SIZE}"))
    if page.number < 1:
        problems.append(FieldProblem("page", "must be 1 or more"))
    elif page.number * page.size > MAX_DEPTH and not page.count_only:
        problems.append(FieldProblem("page", f"pages go as deep as the first {MAX_DEPTH:,} people; narrow the criteria"))
    sort = []
    for i, (name, direction) in enumerate(page.sort or DEFAULT_SORT):
        if name not in SORTABLE:
            problems.append(FieldProblem(f"sort[{i}].field", f"must be one of {', '.join(SORTABLE)}"))
        elif name == "age":  # older people have earlier birth dates
            sort.append(("date_of_birth", "desc" if direction == "asc" else "asc"))
        else:
            sort.append((SORT_KEY.get(name, name), direction))
    custom_columns = {f"custom.{k}" for k in catalogue.custom_fields}
    for i, column in enumerate(page.columns):
        if column not in FIELD_COLUMNS and column not in custom_columns and column not in STANDARD_COLUMNS:
            problems.append(FieldProblem(f"columns[{i}]", "unknown column: a person's field, a derived value or custom.<key>"))
    term_facets, range_facets = [], []
    for i, facet in enumerate(page.facets):
        definition = catalogue.custom_fields.get(facet.removeprefix("custom."))
        if facet == AGE_BAND_FACET:
            range_facets.append(_age_band_facet(catalogue, today))
        elif facet in FACETS or (facet.startswith("custom.") and definition
                                 and definition.type in ("choice", "multi_choice", "yes_no")):
            term_facets.append(facet_field(facet, catalogue))
        else:
            problems.append(FieldProblem(f"facets[{i}]", "no facet counts for this field: an option field, "
                                         "age_band, equality_group, a has_ flag or a custom choice field"))
    collect(problems)
    return SearchRequest(
        filters=clauses, sort=tuple(sort), offset=(page.number - 1) * page.size, limit=page.size,
        count_only=page.count_only, facets=tuple(dict.fromkeys(term_facets)), range_facets=tuple(range_facets),
        source=_source(page.columns, catalogue))


def _source(columns: Sequence[str], catalogue: Catalogue) -> tuple[str, ...]:
    """Only the document fields the rows need."""
    wanted = ["id", "status", "personal_ref", "first_name", "surname", *ADDRESS_LINES, "postcode"]
    for column in columns:
        if column in ("age", "age_band"):
            wanted.append("date_of_birth")
        elif column == "equality_group":
            wanted.append("ethnicity")
        elif column.startswith("custom."):
            wanted.append(catalogue.custom_fields[column.removeprefix("custom.")].index_field)
        elif column != "address":
            wanted.append(column)
    return tuple(dict.fromkeys(wanted))


def _age_band_facet(catalogue: Catalogue, today: dt.date) -> RangeFacet:
    buckets = []
    for band in catalogue.settings.age_bands:
        # age >= min  <=>  born on or before today - min years; age <= max <=> born after today - (max+1) years
        lt = years_before(today, band.min_age) + dt.timedelta(days=1)
        gte = years_before(today, band.max_age + 1) + dt.timedelta(days=1) if band.max_age is not None else None
        buckets.append(RangeBucket(band.label, gte=gte.isoformat() if gte else None, lt=lt.isoformat()))
    return RangeFacet(AGE_BAND_FACET, "date_of_birth", tuple(buckets))


def item(doc: Mapping[str, Any], columns: Sequence[str], catalogue: Catalogue, today: dt.date) -> dict[str, Any]:
    """One row of the results: the standard columns and those asked for, as labels."""
    row = {name: doc.get(name) for name in STANDARD_COLUMNS}
    row["address"] = address(doc)
    dob = dt.date.fromisoformat(doc["date_of_birth"]) if doc.get("date_of_birth") else None
    for column in columns:
        if column in ("age", "age_band"):
            age = age_on(dob, today)
            row[column] = age if column == "age" else age_band(age, catalogue.settings.age_bands)
        elif column == "equality_group":
            option = catalogue.option(doc.get("ethnicity") or "")
            row[column] = (option.group or None) if option else None
        elif column.startswith("custom."):
            definition = catalogue.custom_fields[column.removeprefix("custom.")]
            value = doc.get(definition.index_field)
            if definition.type == "choice":
                value = catalogue.label(value)
            elif definition.type == "multi_choice":
                value = labels(value, catalogue)
            row[column] = value
        elif column in BY_NAME and BY_NAME[column].kind == Kind.OPTION:
            row[column] = catalogue.label(doc.get(column))
        elif column in BY_NAME and BY_NAME[column].kind == Kind.OPTIONS:
            row[column] = labels(doc.get(column), catalogue)
        elif column != "address":
            row[column] = doc.get(column)
    return row


def facet_answer(name: str, counts: Mapping[str, int], missing: int, catalogue: Catalogue) -> list[dict[str, Any]]:
    """Counts per option of a facet, in the list's order, then "Not known"."""
    out: list[dict[str, Any]] = []
    if name == "equality_group":
        groups: dict[str, int] = {}
        for option in catalogue.options.get("ethnicity", ()):
            key = option.group or NOT_KNOWN
            groups[key] = groups.get(key, 0) + counts.get(option.option_id, 0)
        missing += groups.pop(NOT_KNOWN, 0)
        out = [{"value": g, "label": g, "count": groups.get(g, 0)} for g in ("White British", "BME")]
    elif name == "status":
        out = [{"value": s, "label": s.capitalize(), "count": counts.get(s, 0)} for s in ("current", "archived")]
        return out
    elif name in FLAGS or (name.startswith("custom.") and catalogue.custom_fields[name[7:]].type == "yes_no"):
        out = [{"value": v, "label": label, "count": counts.get(v, 0)} for v, label in (("true", "Yes"), ("false", "No"))]
    elif name == AGE_BAND_FACET:
        out = [{"value": b.label, "label": b.label, "count": counts.get(b.label, 0)} for b in catalogue.settings.age_bands]
    else:
        list_name = BY_NAME[name].option_list if name in BY_NAME else catalogue.custom_fields[name[7:]].list_name
        for option in catalogue.options.get(list_name, ()):
            count = counts.get(option.option_id, 0)
            if count or not option.archived:
                out.append({"value": option.option_id, "label": option.label, "count": count})
    out.append({"value": None, "label": NOT_KNOWN, "count": missing})
    return out


def facet_field(name: str, catalogue: Catalogue) -> str:
    """The index field (or range facet name) a requested facet's counts come from."""
    if name == "equality_group":
        return "ethnicity"
    if name.startswith("custom."):
        return catalogue.custom_fields[name[7:]].index_field
    return name


__all__ = ["INDEX", "Page", "build_request", "criteria_filters", "item", "facet_answer", "facet_field", "document", "index_fields"]
