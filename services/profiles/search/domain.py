"""People search: the criteria shape -> index clauses, pages, sorting and facets;
the index's answer -> the rows and facet counts users see.

The criteria JSON shape (services/common/criteria.py) is the one used everywhere
(search, templates, groups, messaging, reports). Labels come in, option ids go
to the index, labels go back out. Derived values (age, age band, equality group)
are computed on the day asked.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any, Callable, Mapping, Sequence

from services.common.errors import FieldProblem, collect
from services.common.person_fields import ADDRESS_LINES, BY_NAME, FIELDS, NOT_KNOWN, Kind
from services.common.search import RangeBucket, RangeFacet, SearchRequest, SearchResult, SortKey

from .criteria import Translator, birth_dates
from .document import FLAGS, INDEX, address, document, index_fields
from ..setup.domain import Catalogue, age_band, age_on
from ..values import labels

STANDARD_COLUMNS = ("id", "status", "personal_ref", "first_name", "surname", "address")
FIELD_COLUMNS = tuple(f.name for f in FIELDS) + ("age", "age_band", "equality_group", "created_at", "updated_at") + FLAGS
SORT_KEY = {"surname": "sort_surname", "first_name": "sort_first_name", "age": "date_of_birth"}
SORTABLE = ("surname", "first_name", "personal_ref", "status", "created_at", "updated_at", "date_of_birth", "age",
            "postcode", "property_ref")
OPTION_FACETS = tuple(f.name for f in FIELDS if f.kind in (Kind.OPTION, Kind.OPTIONS, Kind.STATUS))
GROUP_FACETS = ("admin_groups", "activities")  # by group or activity id (labels are groups' to give)
FACETS = OPTION_FACETS + ("age_band", "equality_group") + FLAGS + GROUP_FACETS
DEFAULT_SORT = (SortKey("surname"), SortKey("first_name"))
MAX_PAGE_SIZE = 500
MAX_DEPTH = 10_000  # pages end within the first 10,000 matches; counts are exact at any size
AGE_BAND_FACET = "age_band"


@dataclass(frozen=True)
class Page:
    size: int = 25
    number: int = 1
    sort: Sequence[SortKey] = ()  # by the fields users know (surname, age...)
    columns: Sequence[str] = ()
    facets: Sequence[str] = ()
    count_only: bool = False


@dataclass(frozen=True)
class Row:
    """One person of a page: the standard columns, then the other columns asked for, (name, value) in the
    order asked, values as users see them (labels, ISO dates, numbers, yes/no, lists of labels, None)."""
    id: str
    status: str
    personal_ref: str
    first_name: str
    surname: str
    address: str
    columns: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class FacetCount:
    value: str | None  # option id, band, group, "true"/"false"; None for "Not known"
    label: str
    count: int


@dataclass(frozen=True)
class Found:
    """A search's answer: the exact total, the page's rows, and the counts of each facet asked for."""
    total: int
    rows: list[Row]
    facets: dict[str, list[FacetCount]]


def _translated(criteria: Mapping[str, Any], catalogue: Catalogue, today: dt.date,
                landlord_date: dt.date | None) -> tuple[list, list[FieldProblem]]:
    translator = Translator(catalogue, today, landlord_date)
    return translator.clauses(criteria or {}), translator.problems


def criteria_filters(criteria: Mapping[str, Any], catalogue: Catalogue, today: dt.date, *,
                     landlord_date: dt.date | None = None) -> list:
    """The index clauses of the criteria (ages as of `today`, the service clock's; overdue actions as of
    `landlord_date`, the date in the UK, `today` if not given); raises InvalidInput naming every bad criterion."""
    clauses, problems = _translated(criteria, catalogue, today, landlord_date)
    collect(problems)
    return clauses


def build_request(criteria: Mapping[str, Any], page: Page, catalogue: Catalogue, today: dt.date, *,
                  landlord_date: dt.date | None = None) -> SearchRequest:
    """Validate criteria and page (dates as criteria_filters takes them); raise InvalidInput naming every bad field."""
    clauses, problems = _translated(criteria, catalogue, today, landlord_date)
    if not 1 <= page.size <= MAX_PAGE_SIZE:
        problems.append(FieldProblem("page_size", f"must be between 1 and {MAX_PAGE_SIZE}"))
    if page.number < 1:
        problems.append(FieldProblem("page", "must be 1 or more"))
    elif page.number * page.size > MAX_DEPTH and not page.count_only:
        problems.append(FieldProblem("page", f"pages go as deep as the first {MAX_DEPTH:,} people; narrow the criteria"))
    sort = []
    for i, key in enumerate(page.sort or DEFAULT_SORT):
        if key.field not in SORTABLE:
            problems.append(FieldProblem(f"sort[{i}].field", f"must be one of {', '.join(SORTABLE)}"))
        elif key.field == "age":  # older people have earlier birth dates
            sort.append(SortKey("date_of_birth", descending=not key.descending))
        else:
            sort.append(replace(key, field=SORT_KEY.get(key.field, key.field)))
    problems += _column_problems(page.columns, catalogue)
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
                                         "age_band, equality_group, a has_ flag, a custom choice field, "
                                         "admin_groups or activities"))
    collect(problems)
    return SearchRequest(
        filters=clauses, sort=tuple(sort), offset=(page.number - 1) * page.size, limit=page.size,
        count_only=page.count_only, facets=tuple(dict.fromkeys(term_facets)), range_facets=tuple(range_facets),
        source=_source(page.columns, catalogue))


def rows_scan(criteria: Mapping[str, Any], columns: Sequence[str], catalogue: Catalogue,
              today: dt.date, *, landlord_date: dt.date | None = None) -> tuple[list, tuple[str, ...]]:
    """Everyone the criteria pick as rows with these columns: the index clauses and the document fields the
    rows need (dates as criteria_filters takes them); raises InvalidInput naming every bad criterion and column."""
    clauses, problems = _translated(criteria, catalogue, today, landlord_date)
    problems += _column_problems(columns, catalogue)
    collect(problems)
    return clauses, _source(columns, catalogue, standard=STANDARD_COLUMNS[:5])


def _column_problems(columns: Sequence[str], catalogue: Catalogue) -> list[FieldProblem]:
    custom_columns = {f"custom.{k}" for k in catalogue.custom_fields}
    return [FieldProblem(f"columns[{i}]", "unknown column: a person's field, a derived value or custom.<key>")
            for i, column in enumerate(columns)
            if column not in FIELD_COLUMNS and column not in custom_columns and column not in STANDARD_COLUMNS]


def _source(columns: Sequence[str], catalogue: Catalogue,
            standard: Sequence[str] = STANDARD_COLUMNS) -> tuple[str, ...]:
    """Only the document fields rows need: those of the `standard` columns and of the columns asked for."""
    wanted = [*standard]
    for column in ("address", *columns) if "address" in standard else columns:
        if column in ("age", "age_band"):
            wanted.append("date_of_birth")
        elif column == "equality_group":
            wanted.append("ethnicity")
        elif column.startswith("custom."):
            wanted.append(catalogue.custom_fields[column.removeprefix("custom.")].index_field)
        elif column == "address":
            wanted += [*ADDRESS_LINES, "postcode"]
        else:
            wanted.append(column)
    return tuple(dict.fromkeys(w for w in wanted if w != "address"))


def _age_band_facet(catalogue: Catalogue, today: dt.date) -> RangeFacet:
    buckets = []
    for band in catalogue.settings.age_bands:
        earliest, latest = birth_dates(today, band.min_age, band.max_age)
        buckets.append(RangeBucket(band.label, gte=earliest.isoformat() if earliest else None,
                                   lt=(latest + dt.timedelta(days=1)).isoformat()))
    return RangeFacet(AGE_BAND_FACET, "date_of_birth", tuple(buckets))


def found(result: SearchResult, page: Page, catalogue: Catalogue, today: dt.date) -> Found:
    """The index's answer as users see it: rows of labels, and each facet asked for counted per option."""
    facets = {}
    for name in page.facets:
        field = facet_field(name, catalogue)
        facets[name] = facet_answer(name, result.facets.get(field, {}), result.missing.get(field, 0), catalogue)
    read = rows_reader(page.columns, catalogue, today)
    return Found(result.total, [read(doc) for doc in result.items], facets)


def row(doc: Mapping[str, Any], columns: Sequence[str], catalogue: Catalogue, today: dt.date) -> Row:
    """One row of the results: the standard columns and those asked for, as labels."""
    return rows_reader(columns, catalogue, today)(doc)


def rows_reader(columns: Sequence[str], catalogue: Catalogue, today: dt.date) -> Callable[[Mapping[str, Any]], Row]:
    """row() for many documents: how to read each column is worked out once, before the first."""
    readers = tuple((column, _reader(column, catalogue, today)) for column in dict.fromkeys(columns)
                    if column not in STANDARD_COLUMNS)  # every row has those

    def read(doc: Mapping[str, Any]) -> Row:
        get = doc.get
        return Row(id=get("id") or "", status=get("status") or "", personal_ref=get("personal_ref") or "",
                   first_name=get("first_name") or "", surname=get("surname") or "", address=address(doc),
                   columns=tuple((column, value(doc)) for column, value in readers))
    return read


def values_reader(columns: Sequence[str], catalogue: Catalogue,
                  today: dt.date) -> Callable[[Mapping[str, Any]], list]:
    """A row as a list, for many documents at once: [id, status, personal_ref, first_name, surname, [the value
    of each column in the order given]] (the address only when it is one of them)."""
    readers = tuple(address if column == "address" else _reader(column, catalogue, today) for column in columns)

    def read(doc: Mapping[str, Any]) -> list:
        get = doc.get
        return [get("id") or "", get("status") or "", get("personal_ref") or "", get("first_name") or "",
                get("surname") or "", [value(doc) for value in readers]]
    return read


def _reader(column: str, catalogue: Catalogue, today: dt.date) -> Callable[[Mapping[str, Any]], Any]:
    """How a row reads one column of a document (labels for options, derived values as of `today`)."""
    if column in ("age", "age_band"):
        def age(doc):
            return age_on(dt.date.fromisoformat(doc["date_of_birth"]) if doc.get("date_of_birth") else None, today)
        if column == "age":
            return age
        return lambda doc: age_band(age(doc), catalogue.settings.age_bands)
    if column == "equality_group":
        def group(doc):
            option = catalogue.option(doc.get("ethnicity") or "")
            return (option.group or None) if option else None
        return group
    if column.startswith("custom."):
        definition = catalogue.custom_fields[column.removeprefix("custom.")]
        field = definition.index_field
        if definition.type == "choice":
            return lambda doc: catalogue.label(doc.get(field))
        if definition.type == "multi_choice":
            return lambda doc: labels(doc.get(field), catalogue)
        return lambda doc: doc.get(field)
    kind = BY_NAME[column].kind if column in BY_NAME else None
    if kind == Kind.OPTION:
        return lambda doc: catalogue.label(doc.get(column))
    if kind == Kind.OPTIONS:
        return lambda doc: labels(doc.get(column), catalogue) if doc.get(column) else []
    return lambda doc: doc.get(column)


def facet_answer(name: str, counts: Mapping[str, int], missing: int, catalogue: Catalogue) -> list[FacetCount]:
    """Counts per option of a facet, in the list's order, then "Not known"."""
    out: list[FacetCount] = []
    if name == "equality_group":
        groups: dict[str, int] = {}
        for option in catalogue.options.get("ethnicity", ()):
            key = option.group or NOT_KNOWN
            groups[key] = groups.get(key, 0) + counts.get(option.option_id, 0)
        missing += groups.pop(NOT_KNOWN, 0)
        out = [FacetCount(g, g, groups.get(g, 0)) for g in ("White British", "BME")]
    elif name == "status":
        return [FacetCount(s, s.capitalize(), counts.get(s, 0)) for s in ("current", "archived")]
    elif name in FLAGS or (name.startswith("custom.") and catalogue.custom_fields[name[7:]].type == "yes_no"):
        out = [FacetCount(v, label, counts.get(v, 0)) for v, label in (("true", "Yes"), ("false", "No"))]
    elif name == AGE_BAND_FACET:
        out = [FacetCount(b.label, b.label, counts.get(b.label, 0)) for b in catalogue.settings.age_bands]
    elif name in GROUP_FACETS:  # every group anyone picked is in, most people first; "Not known": in none
        out = [FacetCount(i, i, n) for i, n in sorted(counts.items(), key=lambda item: (-item[1], item[0])) if n]
    else:
        list_name = BY_NAME[name].option_list if name in BY_NAME else catalogue.custom_fields[name[7:]].list_name
        for option in catalogue.options.get(list_name, ()):
            count = counts.get(option.option_id, 0)
            if count or not option.archived:
                out.append(FacetCount(option.option_id, option.label, count))
    out.append(FacetCount(None, NOT_KNOWN, missing))
    return out


def facet_field(name: str, catalogue: Catalogue) -> str:
    """The index field (or range facet name) a requested facet's counts come from."""
    if name == "equality_group":
        return "ethnicity"
    if name.startswith("custom."):
        return catalogue.custom_fields[name[7:]].index_field
    return name


__all__ = ["INDEX", "FacetCount", "Found", "Page", "Row", "build_request", "criteria_filters", "document", "facet_answer",
           "facet_field", "found", "index_fields", "row", "rows_scan", "values_reader"]
