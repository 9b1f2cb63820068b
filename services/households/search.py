"""SearchHouseholds in SQL: a household filter (criteria.py) and custom filters (custom.py) as one
query over the landlord's households, the same on SQLite and PostgreSQL."""
from __future__ import annotations

from typing import Any, Sequence

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import Session

from . import matching
from .criteria import HouseholdFilter
from .custom import CustomFilter
from .tables import households, profile_values

h = households


def conditions(landlord_id: str, wanted: HouseholdFilter, custom: Sequence[CustomFilter]) -> list:
    where = [h.c.landlord_id == landlord_id]
    for word in wanted.text_words:
        where.append(h.c.search_words.contains(" " + word, autoescape=True))
    for column, prefix in wanted.prefixes.items():
        if column == "property_ref":
            where.append(h.c.property_ref_key.startswith(matching.property_ref_key(prefix), autoescape=True))
        elif column == "postcode":
            where.append(h.c.postcode_key.startswith(matching.postcode_key(prefix), autoescape=True))
        else:
            where.append(func.lower(h.c[column]).startswith(prefix.casefold(), autoescape=True))
    if wanted.occupants_min is not None:
        where.append(h.c.occupant_count >= wanted.occupants_min)
    if wanted.occupants_max is not None:
        where.append(h.c.occupant_count <= wanted.occupants_max)
    if wanted.occupied is not None:
        where.append(h.c.occupant_count > 0 if wanted.occupied else h.c.occupant_count == 0)
    if wanted.born_after is not None:
        where.append(h.c.youngest_date_of_birth > wanted.born_after)
    if wanted.tenancy_types:
        where.append(or_(*(h.c.tenancy_types.contains(f"|{t}|", autoescape=True) for t in wanted.tenancy_types)))
    if wanted.household_ids:
        where.append(h.c.household_id.in_(wanted.household_ids))
    where.extend(_custom(landlord_id, f) for f in custom)
    return where


def _custom(landlord_id: str, wanted: CustomFilter):
    v = profile_values
    mine = [v.c.landlord_id == landlord_id, v.c.household_id == h.c.household_id, v.c.field_id == wanted.field_id]
    if wanted.type in ("choice", "multi_choice"):
        matches = []
        if wanted.option_ids:
            matches.append(exists().where(*mine, v.c.text_value.in_(wanted.option_ids)))
        if wanted.blank:
            matches.append(~exists().where(*mine))
        return or_(*matches)
    if wanted.type == "yes_no":
        return exists().where(*mine, v.c.bool_value == wanted.flag)
    if wanted.type in ("number", "date"):
        column = v.c.number_value if wanted.type == "number" else v.c.date_value
        ends = [column.is_not(None)]
        if wanted.low is not None:
            ends.append(column >= wanted.low)
        if wanted.high is not None:
            ends.append(column <= wanted.high)
        return exists().where(*mine, and_(*ends))
    return exists().where(*mine, v.c.text_value.startswith(wanted.prefix, autoescape=True))


def page(session: Session, landlord_id: str, wanted: HouseholdFilter, custom: Sequence[CustomFilter], *,
         sort: tuple[str, bool], limit: int, offset: int) -> tuple[int, list[Any]]:
    """(total, the page of household rows)."""
    where = conditions(landlord_id, wanted, custom)
    total = session.execute(select(func.count()).select_from(h).where(*where)).scalar()
    column, descending = sort
    order = [h.c[column].desc() if descending else h.c[column]]
    if column != "sort_address":
        order.append(h.c.sort_address)
    order.append(h.c.household_id)
    rows = session.execute(select(h).where(*where).order_by(*order).limit(limit).offset(offset)).mappings().all()
    return int(total or 0), list(rows)
