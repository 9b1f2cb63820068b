"""Custom fields of properties and households, for the households service: their
catalogue (definitions and options), and checking values a form gives (by key,
labels) into the values to store (by field id, option ids) with the same rules as
a person's custom fields. The values themselves live in the households service."""
from __future__ import annotations

import datetime as dt
from typing import Any, Mapping, NamedTuple

from services.common.errors import FieldProblem, collect
from services.common.uow import UnitOfWork

from ..values import Reader
from .domain import CHOICE_TYPES, HOUSEHOLD, PROPERTY, CustomField, Option, check_applies_to
from .store import load_catalogue
from .usage import custom_field_usage

HOUSEHOLD_FIELDS = (PROPERTY, HOUSEHOLD)


class CatalogueField(NamedTuple):
    field: CustomField
    in_use: int
    options: list[Option]  # choice types, in the list's order


def custom_field_catalogue(uow: UnitOfWork, *, applies_to: str) -> list[CatalogueField]:
    applies_to = check_applies_to(applies_to, HOUSEHOLD_FIELDS)
    catalogue = load_catalogue(uow.session, uow.landlord_id)
    counts = custom_field_usage(uow.session, uow.landlord_id)
    found = [CatalogueField(d, counts[d.field_id], list(catalogue.options.get(d.list_name, ())) if d.type in CHOICE_TYPES
                            else []) for d in sorted(catalogue.custom_fields.values(), key=lambda d: d.position)
             if d.applies_to == applies_to]
    uow.commit()  # a landlord's first call may have created its default option lists
    return found


def check_custom_values(uow: UnitOfWork, *, applies_to: str, given: Mapping[str, Any],
                        current: Mapping[str, Any]) -> dict[str, Any]:
    """`current` (stored values by field id) with `given` (by key, as the API takes them; null clears) applied:
    the values to store, by field id. Raises InvalidInput naming each bad key."""
    applies_to = check_applies_to(applies_to, HOUSEHOLD_FIELDS)
    catalogue = load_catalogue(uow.session, uow.landlord_id)
    by_id = {d.field_id: d for d in catalogue.custom_fields.values() if d.applies_to == applies_to}
    kept = {}
    for field_id, value in current.items():
        if field_id in by_id:
            value = _read_stored(by_id[field_id], value)
            if value is not None:
                kept[field_id] = value
    reader = Reader(catalogue, current_custom=kept)
    stored = reader.custom_values(given, applies_to, f"is not a custom field of {applies_to} profiles")
    collect([FieldProblem(p.field.removeprefix("custom."), p.reason) for p in reader.problems])
    uow.commit()
    return {field_id: _stored(by_id[field_id], value) for field_id, value in stored.items()}


def _read_stored(definition: CustomField, value: Any) -> Any:
    """A stored value (as a Struct gives it) in the form the reader keeps values in; None if it no longer fits."""
    kind = definition.type
    if kind == "multi_choice":
        ids = tuple(sorted(v for v in value if isinstance(v, str))) if isinstance(value, list) else ()
        return ids or None
    if kind == "date":
        try:
            return dt.date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
        except ValueError:
            return None
    if kind == "number":
        return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None
    if kind == "yes_no":
        return value if isinstance(value, bool) else None
    return value if isinstance(value, str) and value else None


def _stored(definition: CustomField, value: Any) -> Any:
    """A value as stored elsewhere: option ids (a list for multi-choice), ISO dates, numbers, true/false, text."""
    if definition.type == "multi_choice":
        return list(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
