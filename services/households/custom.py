"""Custom fields of properties and households, as households uses them: the catalogue profiles
gives (ids <-> keys, option ids <-> labels), showing stored values by key with labels, the rows
search filters on, and custom criteria. Pure rules: no storage, no transport."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Iterator, Mapping

from services.common.errors import InvalidInput

PROPERTY, HOUSEHOLD = "property", "household"
APPLIES_TO = (PROPERTY, HOUSEHOLD)
NOT_KNOWN = "Not known"
TEXT_MAX = 400


@dataclass(frozen=True)
class CustomField:
    field_id: str
    key: str
    label: str
    type: str  # text | number | date | yes_no | choice | multi_choice
    applies_to: str  # property | household
    archived: bool = False
    options: Mapping[str, str] = field(default_factory=dict)  # option id -> label, in the list's order

    def option_ids(self, labels: list[str]) -> tuple[list[str], list[str]]:
        """(ids of the labels it knows, labels it does not), case-insensitive."""
        by_label = {label.casefold(): option_id for option_id, label in self.options.items()}
        known = [by_label[label.casefold()] for label in labels if label.casefold() in by_label]
        return known, [label for label in labels if label.casefold() not in by_label]


@dataclass(frozen=True)
class Catalogue:
    """One landlord's custom fields of properties and households (keys are unique per landlord)."""
    fields: tuple[CustomField, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_key", {f.key: f for f in self.fields})
        object.__setattr__(self, "_by_id", {f.field_id: f for f in self.fields})

    def by_key(self, key: str) -> CustomField | None:
        return self._by_key.get(key)

    def by_id(self, field_id: str) -> CustomField | None:
        return self._by_id.get(field_id)


def shown(stored: Mapping[str, Any], catalogue: Catalogue) -> dict[str, Any]:
    """Stored values (by field id, option ids) as users see them: by key, option labels."""
    values = {}
    for field_id, value in stored.items():
        definition = catalogue.by_id(field_id)
        if definition is None or value is None:
            continue  # a field deleted since: nothing to show it by
        if definition.type == "choice":
            value = definition.options.get(value, value)
        elif definition.type == "multi_choice":
            value = [definition.options.get(v, v) for v in value or ()]
        values[definition.key] = value
    return values


def search_rows(stored: Mapping[str, Any], catalogue: Catalogue) -> Iterator[dict[str, Any]]:
    """The rows search filters on: one per value, one per option id of a choice field."""
    for field_id, value in stored.items():
        definition = catalogue.by_id(field_id)
        if definition is None or value is None:
            continue
        kind = definition.type
        if kind in ("choice", "multi_choice"):
            for option_id in [value] if kind == "choice" else list(value):
                yield {"field_id": field_id, "text_value": str(option_id)}
        elif kind == "yes_no":
            yield {"field_id": field_id, "bool_value": bool(value)}
        elif kind == "number":
            yield {"field_id": field_id, "number_value": float(value)}
        elif kind == "date":
            yield {"field_id": field_id, "date_value": dt.date.fromisoformat(str(value)[:10])}
        else:
            yield {"field_id": field_id, "text_value": str(value).casefold()[:TEXT_MAX]}


@dataclass(frozen=True)
class CustomFilter:
    """One custom criterion: households with a value of field `field_id` that ..."""
    field_id: str
    type: str
    option_ids: tuple[str, ...] = ()  # choice: any of these options
    blank: bool = False  # choice: or no value at all ("Not known")
    flag: bool | None = None  # yes_no
    prefix: str = ""  # text: starts with (lower case)
    low: Any = None  # number/date: at least
    high: Any = None  # number/date: at most


def custom_filters(given: Any, catalogue: Catalogue) -> list[CustomFilter]:
    """`criteria.custom` read against the catalogue; InvalidInput naming `criteria.custom.<key>`."""
    if not isinstance(given, dict) or not given:
        raise InvalidInput.field("criteria.custom", "must be an object of custom field keys")
    return [_custom_filter(key, value, catalogue) for key, value in given.items()]


def _custom_filter(key: str, value: Any, catalogue: Catalogue) -> CustomFilter:
    where = f"criteria.custom.{key}"
    definition = catalogue.by_key(key)
    if definition is None:
        raise InvalidInput.field(where, "is not a custom field of properties or households")
    kind = definition.type
    if kind in ("choice", "multi_choice"):
        if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
            raise InvalidInput.field(where, "must be a list of option labels")
        blank = any(v.strip().casefold() == NOT_KNOWN.casefold() for v in value)
        ids, unknown = definition.option_ids([v.strip() for v in value if v.strip().casefold() != NOT_KNOWN.casefold()])
        if unknown:
            raise InvalidInput.field(where, f"has no option {unknown[0]!r}")
        return CustomFilter(definition.field_id, kind, option_ids=tuple(ids), blank=blank)
    if kind == "yes_no":
        if not isinstance(value, bool):
            raise InvalidInput.field(where, "must be true or false")
        return CustomFilter(definition.field_id, kind, flag=value)
    if kind in ("number", "date"):
        low, high = _range(where, value, kind)
        return CustomFilter(definition.field_id, kind, low=low, high=high)
    if not isinstance(value, str) or not value.strip():
        raise InvalidInput.field(where, "must be the text its value starts with")
    return CustomFilter(definition.field_id, kind, prefix=value.strip().casefold()[:TEXT_MAX])


def _range(where: str, value: Any, kind: str) -> tuple[Any, Any]:
    if not isinstance(value, dict) or not value or set(value) - {"min", "max"}:
        raise InvalidInput.field(where, 'must be {"min": ..., "max": ...} (either end optional)')
    ends = []
    for end in ("min", "max"):
        raw = value.get(end)
        if raw is None:
            ends.append(None)
        elif kind == "number":
            if isinstance(raw, bool) or not isinstance(raw, (int, float)):
                raise InvalidInput.field(where, f"{end} must be a number")
            ends.append(float(raw))
        else:
            try:
                ends.append(dt.date.fromisoformat(raw) if isinstance(raw, str) else None)
            except ValueError:
                ends.append(None)
            if ends[-1] is None:
                raise InvalidInput.field(where, f"{end} must be a date (YYYY-MM-DD)")
    return ends[0], ends[1]
