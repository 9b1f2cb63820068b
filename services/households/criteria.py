"""Household criteria (the JSON shape SearchHouseholds takes), read into a filter. Pure rules:
every bad key or value is an InvalidInput naming `criteria.<key>`."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from services.common.dates import years_before
from services.common.errors import FieldProblem, InvalidInput, collect

from . import matching

PREFIXES = ("property_ref", "postcode", "address_line_1", "address_line_2", "address_line_3", "address_line_4")
SORTS = {"address": ("sort_address", False), "occupants": ("occupant_count", False),
         "-occupants": ("occupant_count", True), "updated_at": ("updated_at", False),
         "-updated_at": ("updated_at", True)}
MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE = 500, 50
CHILD_UNDER = (1, 25)
KEYS = ("text", *PREFIXES, "occupants", "occupied", "child_under", "tenancy_type", "custom", "household_id")


@dataclass(frozen=True)
class HouseholdFilter:
    text_words: tuple[str, ...] = ()
    prefixes: dict[str, str] = field(default_factory=dict)  # column -> what it starts with
    occupants_min: int | None = None
    occupants_max: int | None = None
    occupied: bool | None = None
    born_after: dt.date | None = None  # child_under: the youngest current occupant was born after this
    tenancy_types: tuple[str, ...] = ()  # lower case labels
    custom: dict[str, Any] | None = None  # as given; search.py reads it against the catalogue
    household_ids: tuple[str, ...] = ()


def read(criteria: dict[str, Any] | None, today: dt.date) -> HouseholdFilter:
    criteria = criteria or {}
    problems: list[FieldProblem] = []
    values: dict[str, Any] = {"prefixes": {}}
    for key, value in criteria.items():
        try:
            _read_one(key, value, today, values)
        except InvalidInput as error:
            problems.extend(error.fields)
    collect(problems)
    return HouseholdFilter(**values)


def _bad(key: str, reason: str) -> InvalidInput:
    return InvalidInput.field(f"criteria.{key}", reason)


def _read_one(key: str, value: Any, today: dt.date, values: dict[str, Any]) -> None:
    if key not in KEYS:
        raise _bad(key, "is not a household criterion")
    if key == "text":
        if not isinstance(value, str) or len(value) > 200:
            raise _bad(key, "must be text of at most 200 characters")
        values["text_words"] = tuple(matching.text_words(value))
    elif key in PREFIXES:
        if not isinstance(value, str) or not value.strip():
            raise _bad(key, "must be the text it starts with")
        values["prefixes"][key] = value.strip()
    elif key == "occupants":
        values["occupants_min"], values["occupants_max"] = _count_range(value)
    elif key == "occupied":
        if not isinstance(value, bool):
            raise _bad(key, "must be true or false")
        values["occupied"] = value
    elif key == "child_under":
        low, high = CHILD_UNDER
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value != int(value) or not low <= value <= high:
            raise _bad(key, f"must be a whole number of years from {low} to {high}")
        values["born_after"] = years_before(today, int(value))
    elif key == "tenancy_type":
        values["tenancy_types"] = tuple(v.strip().casefold() for v in _labels(key, value))
    elif key == "household_id":
        values["household_ids"] = tuple(_labels(key, value))
    else:  # custom
        if not isinstance(value, dict) or not value:
            raise _bad(key, "must be an object of custom field keys")
        values["custom"] = value


def _labels(key: str, value: Any) -> list[str]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        raise _bad(key, "must be a list of one or more values")
    return value


def _count_range(value: Any) -> tuple[int | None, int | None]:
    if not isinstance(value, dict) or not value or set(value) - {"min", "max"}:
        raise _bad("occupants", 'must be {"min": ..., "max": ...} (either end optional)')
    ends = []
    for end in ("min", "max"):
        raw = value.get(end)
        if raw is not None and (isinstance(raw, bool) or not isinstance(raw, (int, float)) or raw != int(raw) or raw < 0):
            raise _bad("occupants", f"{end} must be a whole number, 0 or more")
        ends.append(None if raw is None else int(raw))
    if None not in ends and ends[0] > ends[1]:
        raise _bad("occupants", "min must not be more than max")
    return ends[0], ends[1]


def sort_order(sort: str) -> tuple[str, bool]:
    """(column, descending) of a sort; InvalidInput on `sort` for an unknown one."""
    if (sort or "address") not in SORTS:
        raise InvalidInput.field("sort", f"must be one of {', '.join(SORTS)}")
    return SORTS[sort or "address"]


def page_window(page: int, page_size: int) -> tuple[int, int]:
    """(limit, offset); InvalidInput on `page_size` beyond the maximum."""
    size = page_size or DEFAULT_PAGE_SIZE
    if size > MAX_PAGE_SIZE:
        raise InvalidInput.field("page_size", f"must be at most {MAX_PAGE_SIZE}")
    return size, (max(page, 1) - 1) * size
