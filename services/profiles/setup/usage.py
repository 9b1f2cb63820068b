"""How many people use each option and each custom field: an option or a field
can be deleted only while nobody uses it (archived people count too). For a
property or household custom field: how many households have a value (as the
households service last said)."""
from __future__ import annotations

from collections import Counter

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from services.common.person_fields import FIELDS, Kind

from ..facts.tables import household_custom_values
from ..tables import people, person_custom_values, person_options
from .domain import CustomField


def option_usage(session: Session, landlord_id: str, list_name: str,
                 custom_field: CustomField | None = None) -> Counter[str]:
    """People using each option of the list, by option id (`custom_field`: the field a custom list belongs to)."""
    counts: Counter[str] = Counter()
    if custom_field is not None:
        values, owner = _values_of(custom_field)
        counts.update(dict(session.execute(
            select(values.c.value, func.count(func.distinct(owner)))
            .where(values.c.landlord_id == landlord_id, values.c.field_id == custom_field.field_id)
            .group_by(values.c.value)).all()))
        return counts
    for spec in FIELDS:
        if spec.option_list != list_name:
            continue
        if spec.kind == Kind.OPTION:
            column = people.c[spec.name]
            counts.update(dict(session.execute(
                select(column, func.count()).where(people.c.landlord_id == landlord_id, column.is_not(None))
                .group_by(column)).all()))
        else:
            counts.update(dict(session.execute(
                select(person_options.c.option_id, func.count(func.distinct(person_options.c.person_id)))
                .where(person_options.c.landlord_id == landlord_id, person_options.c.field == spec.name)
                .group_by(person_options.c.option_id)).all()))
    return counts


def custom_field_usage(session: Session, landlord_id: str) -> Counter[str]:
    """People (households, for property and household fields) with a value of each custom field, by field id."""
    counts: Counter[str] = Counter()
    for values, owner in ((person_custom_values, person_custom_values.c.person_id),
                          (household_custom_values, household_custom_values.c.household_id)):
        counts.update(dict(session.execute(
            select(values.c.field_id, func.count(func.distinct(owner)))
            .where(values.c.landlord_id == landlord_id).group_by(values.c.field_id)).all()))
    return counts


def _values_of(custom_field: CustomField):
    """The table of the field's values and the column of whom they belong to."""
    if custom_field.applies_to == "person":
        return person_custom_values, person_custom_values.c.person_id
    return household_custom_values, household_custom_values.c.household_id
