"""Reading a person's fields as the API gives them (labels, ISO dates, text)
into stored values (option ids, dates, tidy text), and back into labels.
Pure rules: no storage, no transport."""
from __future__ import annotations

import datetime as dt
import re
from typing import Any, Mapping

from services.common import phones
from services.common.errors import FieldProblem
from services.common.person_fields import BY_NAME, Kind, PersonField

from .setup.domain import Catalogue, CustomField

PERSONAL_REF = re.compile(r"^[A-Za-z0-9][A-Za-z0-9/_.\-]{0,29}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE = re.compile(r"^\+?[0-9 ()\-]{6,20}$")
POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$")
NAMES = ("first_name", "surname")
REQUIRED = ("personal_ref", "first_name", "surname")
CUSTOM_TEXT_MAX = 1000
EARLIEST_BIRTH = dt.date(1900, 1, 1)


class Reader:
    """Reads raw values of one person against a landlord's catalogue, collecting problems."""

    def __init__(self, catalogue: Catalogue, current: Mapping[str, Any] | None = None,
                 current_custom: Mapping[str, Any] | None = None, today: dt.date | None = None):
        self.catalogue = catalogue
        self.current = current or {}
        self.current_custom = current_custom or {}
        self.today = today  # the service clock's date, which no date of birth may pass: needed to read those
        self.problems: list[FieldProblem] = []

    def problem(self, field: str, reason: str) -> None:
        self.problems.append(FieldProblem(field, reason))

    def field(self, name: str, raw: Any) -> Any:
        spec = BY_NAME[name]
        if spec.kind == Kind.TEXT:
            return self._text(spec, raw)
        if spec.kind == Kind.DATE:
            return self._date(name, raw, birth=True)
        if spec.kind == Kind.STATUS:
            if raw not in ("current", "archived"):
                self.problem(name, "must be 'current' or 'archived'")
            return raw
        if spec.kind == Kind.OPTION:
            return self._option(name, spec.option_list, raw, kept=_ids(self.current.get(name)))
        return self._options(name, spec.option_list, raw, kept=_ids(self.current.get(name)))

    def custom(self, definition: CustomField, raw: Any) -> Any:
        kept = self.current_custom.get(definition.field_id)
        value = self._custom(definition, raw, kept)
        if definition.archived and value is not None and value != kept:
            self.problem(f"custom.{definition.key}", "is archived: it keeps the values people have but takes no new ones")
            return kept
        return value

    def custom_values(self, given: Mapping[str, Any], applies_to: str, not_one: str) -> dict[str, Any]:
        """The current custom values (by field id) with `given` (by key, as the API takes them; null clears)
        read on top; a key of no custom field of `applies_to` is a problem, `not_one`."""
        values = dict(self.current_custom)
        for key, raw in given.items():
            definition = self.catalogue.custom_fields.get(key)
            if definition is None or definition.applies_to != applies_to:
                self.problem(f"custom.{key}", not_one)
                continue
            value = self.custom(definition, raw)
            if value is None:
                values.pop(definition.field_id, None)
            else:
                values[definition.field_id] = value
        return values

    def _custom(self, definition: CustomField, raw: Any, kept: Any) -> Any:
        where = f"custom.{definition.key}"
        if raw is None or raw == "" or raw == []:
            return None
        kind = definition.type
        if kind == "text":
            if not isinstance(raw, str) or len(raw.strip()) > CUSTOM_TEXT_MAX:
                self.problem(where, f"must be text of at most {CUSTOM_TEXT_MAX} characters")
                return None
            return raw.strip() or None
        if kind == "number":
            if isinstance(raw, bool) or not isinstance(raw, (int, float)) or raw != raw or abs(raw) > 1e15:
                self.problem(where, "must be a number")
                return None
            return raw
        if kind == "date":
            return self._date(where, raw, birth=False)
        if kind == "yes_no":
            if not isinstance(raw, bool):
                self.problem(where, "must be true or false")
                return None
            return raw
        if kind == "choice":
            return self._option(where, definition.list_name, raw, kept=_ids(kept))
        return self._options(where, definition.list_name, raw, kept=_ids(kept)) or None

    def label_custom(self, definition: CustomField, value: Any) -> Any:
        if definition.type == "choice":
            return self.catalogue.label(value)
        if definition.type == "multi_choice":
            return labels(value, self.catalogue)
        if definition.type == "date" and value is not None:
            return value.isoformat()
        return value

    # -- kinds ---------------------------------------------------------------------

    def _text(self, spec: PersonField, raw: Any) -> str | None:
        name = spec.name
        if raw is None:
            return None
        if not isinstance(raw, str):
            self.problem(name, "must be text")
            return None
        value = " ".join(raw.split()) if name in NAMES or spec.max_length <= 100 else raw.strip()
        if not value:
            return None
        if len(value) > spec.max_length:
            self.problem(name, f"must be at most {spec.max_length} characters")
        elif name == "personal_ref" and not PERSONAL_REF.match(value):
            self.problem(name, "must be 1-30 letters, digits or / _ . - and start with a letter or digit")
        elif name in ("email", "alt_contact_email") and not EMAIL.match(value):
            self.problem(name, "is not an email address (name@example.org)")
        elif name in ("phone", "mobile", "alt_contact_phone"):
            if not PHONE.match(value) or not 6 <= sum(c.isdigit() for c in value) <= 15:
                self.problem(name, "must be a phone number: 6-15 digits, with spaces, + ( ) - if you like")
            elif value != self.current.get(name):  # as stored it is tidy already (parsing is most of a row's cost)
                value = tidy_phone(value)
        elif name == "postcode":
            value = tidy_postcode(value)
            if not POSTCODE.match(value):
                self.problem(name, "must be a UK postcode, e.g. NF1 2AB")
        return value

    def _date(self, where: str, raw: Any, *, birth: bool) -> dt.date | None:
        if raw is None or raw == "":
            return None
        try:
            value = dt.date.fromisoformat(raw) if isinstance(raw, str) and len(raw) == 10 else None
        except ValueError:
            value = None
        if value is None:
            self.problem(where, "must be a date YYYY-MM-DD")
        elif birth and self.today is None:
            raise TypeError("reading a date of birth needs today's date: give the Reader today=uow.clock.today()")
        elif birth and not EARLIEST_BIRTH <= value <= self.today:
            self.problem(where, f"must be between {EARLIEST_BIRTH.isoformat()} and today")
            return None
        return value

    def _option(self, where: str, list_name: str, raw: Any, *, kept: frozenset[str]) -> str | None:
        if raw is None or raw == "":
            return None
        if not isinstance(raw, str):
            self.problem(where, "must be the label of one option")
            return None
        option = self.catalogue.by_label(list_name, raw)
        if option is None:
            self.problem(where, f"is not an option of the list '{list_name}'")
            return None
        if option.archived and option.option_id not in kept:
            self.problem(where, f"the option '{option.label}' is archived; choose another")
            return None
        return option.option_id

    def _options(self, where: str, list_name: str, raw: Any, *, kept: frozenset[str]) -> tuple[str, ...]:
        if raw is None:
            return ()
        if not isinstance(raw, list) or not all(isinstance(v, str) for v in raw):
            self.problem(where, "must be a list of option labels")
            return ()
        ids = []
        for label in raw:
            option_id = self._option(where, list_name, label, kept=kept)
            if option_id and option_id not in ids:
                ids.append(option_id)
        return tuple(sorted(ids))  # stored in id order (as loaded), shown in the list's order


def _ids(value: Any) -> frozenset[str]:
    """The option ids a record already holds (archived ones stay allowed on it)."""
    if not value:
        return frozenset()
    return frozenset([value]) if isinstance(value, str) else frozenset(value)


def tidy_phone(value: str) -> str:
    """UK mobiles in one written form (07xxx xxxxxx, so texts can find them); others as typed,
    with runs of spaces made one."""
    try:
        return phones.national(value)  # one parse: this runs for every number of every imported row
    except ValueError:
        return " ".join(value.split())


def tidy_postcode(value: str) -> str:
    """Upper case with one space before the last three characters (NF12AB -> NF1 2AB)."""
    compact = "".join(value.upper().split())
    return f"{compact[:-3]} {compact[-3:]}" if 5 <= len(compact) <= 7 else compact


def display(name: str, value: Any, catalogue: Catalogue) -> Any:
    """A stored value as the API shows it (labels, ISO dates)."""
    kind = BY_NAME[name].kind
    if kind == Kind.OPTION:
        return catalogue.label(value)
    if kind == Kind.OPTIONS:
        return labels(value, catalogue)
    if kind == Kind.DATE:
        return value.isoformat() if value else None
    return value


def labels(option_ids, catalogue: Catalogue) -> list[str]:
    """Labels of options in the order of their list."""
    options = [catalogue.option(i) for i in option_ids or ()]
    return [o.label for o in sorted((o for o in options if o), key=lambda o: o.position)]


def history_text(value: Any) -> str | None:
    """A displayed value as one line of the history."""
    if value is None or value == [] or value == "":
        return None
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return str(value)
