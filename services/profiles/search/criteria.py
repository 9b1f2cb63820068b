"""Criteria (the shared JSON shape) -> index clauses for one landlord's catalogue."""
from __future__ import annotations

import datetime as dt
from typing import Any, Mapping

from services.common.criteria import CRITERIA_SCHEMA
from services.common.errors import FieldProblem
from services.common.person_fields import BY_NAME, EQUALITY_GROUPS, NOT_KNOWN
from services.common.search import AnyOf, Exists, Not, Prefix, Range, Term

from services.common.dates import years_before

from .criteria_actions import ActionCriteria
from .criteria_contacts import ContactCriteria
from .criteria_groups import ID_CRITERIA, GroupCriteria
from .criteria_referrals import ReferralCriteria
from .document import FLAGS, words
from ..setup.domain import Catalogue, CustomField

PREFIX_TEXT = ("first_name", "surname", "property_ref", "address_line_1", "address_line_2", "address_line_3",
               "address_line_4", "postcode", "phone", "mobile", "email")


__all__ = ["Translator", "birth_dates", "years_before"]


def birth_dates(today: dt.date, min_age: int | None, max_age: int | None) -> tuple[dt.date | None, dt.date | None]:
    """The earliest and latest dates of birth of people aged `min_age` to `max_age` on `today` (None: open)."""
    latest = years_before(today, min_age) if min_age is not None else None
    earliest = years_before(today, max_age + 1) + dt.timedelta(days=1) if max_age is not None else None
    return earliest, latest


class Translator(GroupCriteria, ContactCriteria, ActionCriteria, ReferralCriteria):
    """`today` (the clock's) for ages; `landlord_date` (the date in the UK, services.common.dates.landlord_today)
    for overdue actions: `today` when not given."""

    def __init__(self, catalogue: Catalogue, today: dt.date, landlord_date: dt.date | None = None):
        self.catalogue = catalogue
        self.today = today
        self.landlord_date = landlord_date or today
        self.problems: list[FieldProblem] = []
        self.where = "criteria"  # where problems are: criteria, or criteria.any_of[1] while reading that one

    def problem(self, where: str, reason: str) -> None:
        self.problems.append(FieldProblem(f"{self.where}.{where}", reason))

    def clauses(self, criteria: Mapping[str, Any], *, default_status: bool = True) -> list:
        """Index clauses that must all match; current people only unless `status` is given (not inside any_of:
        `default_status` False)."""
        if not isinstance(criteria, Mapping):
            self.problems.append(FieldProblem(self.where, "must be an object"))
            return []
        out = []
        for key, value in criteria.items():
            if value is None:
                continue
            clause = self._one(key, value)
            if isinstance(clause, list):  # every one must match: they join the filters
                out.extend(clause)
            elif clause is not None:
                out.append(clause)
        if default_status and criteria.get("status") is None:
            out.append(Term("status", ["current"]))
        return out

    def _one(self, key: str, value: Any):
        if key not in CRITERIA_SCHEMA["properties"]:
            self.problem(key, "unknown criterion")
            return None
        if key in ID_CRITERIA:
            return self._ids(key, value)
        if key == "any_of":
            return self._any_of(value)
        if key == "household":
            return self._household(value)
        if key == "participated":
            return self._participated(value)
        if key in ("contacted", "not_contacted"):
            return self._contacted(key, value)
        if key == "action":
            return self._action(value)
        if key in ("referred", "not_referred"):
            return self._referred(key, value)
        if key == "search_template":
            return self.problem(key, "must be expanded by the groups service")
        if key == "text":
            if not isinstance(value, str) or len(value) > 200:
                return self.problem(key, "must be text of at most 200 characters")
            return [Prefix("words", w) for w in words(value)]
        if key == "personal_ref":
            if not _strings(value) or not value:
                return self.problem(key, "must be a list of one or more references")
            return Term("personal_ref", [v.strip() for v in value])
        if key == "status":
            if not _strings(value) or not value or not set(value) <= {"current", "archived"}:
                return self.problem(key, "must be a list of: current, archived")
            return Term("status", list(value))
        if key in PREFIX_TEXT:
            if not isinstance(value, str) or not value.strip():
                return self.problem(key, "must be non-empty text (matches the start, any case)")
            return Prefix(key, value.strip())
        if key in FLAGS:
            if not isinstance(value, bool):
                return self.problem(key, "must be true or false")
            return Term(key, [value])
        if key == "date_of_birth":
            low, high = self._range(key, value, dt.date.fromisoformat)
            return Range("date_of_birth", gte=_iso(low), lte=_iso(high)) if (low or high) else None
        if key == "age":
            return self._age(value)
        if key == "age_band":
            return self._age_band(value)
        if key == "equality_group":
            return self._equality_group(value)
        if key == "custom":
            return self._custom(value)
        spec = BY_NAME[key]
        return self._options(key, key, spec.option_list, value)

    def _options(self, where: str, field: str, list_name: str, value: Any):
        if not _strings(value) or not value:
            return self.problem(where, "must be a list of option labels (any of); 'Not known' for blank")
        ids, not_known = [], False
        for label in value:
            if label.strip().casefold() == NOT_KNOWN.casefold():
                not_known = True
                continue
            option = self.catalogue.by_label(list_name, label)
            if option is None:
                self.problem(where, f"'{label}' is not an option of the list '{list_name}'")
            else:
                ids.append(option.option_id)
        return _any_or_blank(field, ids, not_known)

    def _range(self, where: str, value: Any, parse):
        if not isinstance(value, Mapping) or not set(value) <= {"min", "max"} or not value:
            self.problem(where, 'must be {"min": ..., "max": ...} (either may be left out)')
            return None, None
        bounds = []
        for end in ("min", "max"):
            raw = value.get(end)
            try:
                bounds.append(None if raw is None else parse(raw))
            except (TypeError, ValueError):
                self.problem(f"{where}.{end}", "is not a valid value")
                bounds.append(None)
        if bounds[0] is not None and bounds[1] is not None and bounds[0] > bounds[1]:
            self.problem(where, "min must not be more than max")
        return bounds[0], bounds[1]

    def _age(self, value: Any):
        low, high = self._range("age", value, _whole_years)
        return self._born(low, high) if (low is not None or high is not None) else None

    def _born(self, min_age: int | None, max_age: int | None) -> Range:
        earliest, latest = birth_dates(self.today, min_age, max_age)
        return Range("date_of_birth", gte=_iso(earliest), lte=_iso(latest))

    def _age_band(self, value: Any):
        bands = {b.label.casefold(): b for b in self.catalogue.settings.age_bands}
        if not _strings(value) or not value:
            return self.problem("age_band", "must be a list of age bands (any of)")
        clauses = []
        for label in value:
            if label.strip().casefold() == NOT_KNOWN.casefold():
                clauses.append(Not(Exists("date_of_birth")))
            elif label.strip().casefold() not in bands:
                self.problem("age_band", f"'{label}' is not one of the age bands: "
                             + ", ".join(b.label for b in self.catalogue.settings.age_bands))
            else:
                band = bands[label.strip().casefold()]
                clauses.append(self._born(band.min_age, band.max_age))
        return AnyOf(clauses)

    def _equality_group(self, value: Any):
        groups = {g.casefold(): g for g in EQUALITY_GROUPS}
        if not _strings(value) or not value:
            return self.problem("equality_group", "must be a list of: White British, BME, Not known")
        ids, not_known = [], False
        for label in value:
            key = label.strip().casefold()
            if key == NOT_KNOWN.casefold():
                not_known = True
                ids += [o.option_id for o in self.catalogue.options.get("ethnicity", ()) if not o.group]
            elif key not in groups:
                self.problem("equality_group", f"'{label}' is not one of: White British, BME, Not known")
            else:
                ids += [o.option_id for o in self.catalogue.options.get("ethnicity", ()) if o.group == groups[key]]
        return _any_or_blank("ethnicity", ids, not_known)

    def _custom(self, value: Any, where: str = "custom", applies_to: tuple[str, ...] = ("person",)):
        if not isinstance(value, Mapping):
            return self.problem(where, "must be an object of custom field keys")
        clauses = []
        for key, wanted in value.items():
            definition = self.catalogue.custom_fields.get(key)
            if definition is None or definition.applies_to not in applies_to:
                self.problem(f"{where}.{key}", "is not a custom field of people" if applies_to == ("person",)
                             else "is not a custom field of properties or households")
                continue
            if wanted is None:
                continue
            clause = self._custom_one(definition, wanted, f"{where}.{key}")
            if clause is not None:
                clauses.append(clause)
        return clauses

    def _custom_one(self, d: CustomField, wanted: Any, where: str):
        field = d.index_field
        if d.type in ("choice", "multi_choice"):
            return self._options(where, field, d.list_name, wanted)
        if d.type == "yes_no":
            if not isinstance(wanted, bool):
                return self.problem(where, "must be true or false")
            return Term(field, [wanted])
        if d.type == "text":
            if not isinstance(wanted, str) or not wanted.strip():
                return self.problem(where, "must be non-empty text (matches the start, any case)")
            return Prefix(field, wanted.strip())
        parse = _number if d.type == "number" else dt.date.fromisoformat
        low, high = self._range(where, wanted, parse)
        return Range(field, gte=_iso(low), lte=_iso(high)) if (low is not None or high is not None) else None


def _any_or_blank(field: str, ids: list[str], not_known: bool):
    clauses = [Term(field, ids)] if ids else []
    if not_known:
        clauses.append(Not(Exists(field)))
    if not clauses:
        return Term(field, [])  # only unknown labels: matches nobody (the problem is reported anyway)
    return clauses[0] if len(clauses) == 1 else AnyOf(clauses)


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def _whole_years(value: Any) -> int:
    """Whole years 0-150 (JSON numbers cross gRPC as floats: 65.0 is 65)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != int(value) or not 0 <= value <= 150:
        raise ValueError
    return int(value)


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError
    return value
