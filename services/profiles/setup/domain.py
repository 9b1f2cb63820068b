"""A landlord's profile set-up: option lists, custom field definitions and
profile settings, as plain values. `Catalogue` is the read-only snapshot the
person record and people search work from (labels <-> option ids)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Mapping

from services.common.errors import FieldProblem, InvalidInput, collect
from services.common.person_fields import BY_NAME, DERIVED

CUSTOM_TYPES = ("text", "number", "date", "yes_no", "choice", "multi_choice")
REF_TYPED, REF_GENERATED = "typed", "generated"


@dataclass(frozen=True)
class Option:
    option_id: str
    list_name: str
    label: str
    position: int
    archived: bool = False
    code: str = ""  # programmed meaning (e.g. "no_email"); programmed options cannot be deleted
    group: str = ""  # ethnicity: its equality group ("White British", "BME" or "" = not known)
    # tenancy_type: {"fed_by_import": bool, "ref_prefix": str, "ref_digits": int, "next_number": int}
    attributes: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class CustomField:
    field_id: str
    key: str  # criteria and API name: letters, digits, underscores
    label: str
    type: str  # one of CUSTOM_TYPES
    position: int
    archived: bool = False
    applies_to: str = "person"  # person | property | household (households issue)
    index_generation: int = 0  # counted up when the type changes: see index_field

    @property
    def list_name(self) -> str:
        """The option list holding a choice field's options."""
        return f"custom.{self.key}"

    @property
    def index_field(self) -> str:
        """Its search-document field: unique on the platform, so types never clash. An index field keeps
        the type it was first mapped with (in Elasticsearch as in the embedded index), so a field whose
        type has changed (allowed while nobody has a value) moves to a new index field."""
        name = f"cf_{self.field_id.replace('-', '')}"
        return f"{name}_{self.index_generation}" if self.index_generation else name


@dataclass(frozen=True)
class AgeBand:
    label: str
    min_age: int
    max_age: int | None  # None: and over


DEFAULT_AGE_BANDS = (AgeBand("Under 16", 0, 15), AgeBand("16-44", 16, 44), AgeBand("45-64", 45, 64),
                     AgeBand("65+", 65, None))


@dataclass(frozen=True)
class ProfileSettings:
    age_bands: tuple[AgeBand, ...] = DEFAULT_AGE_BANDS
    personal_ref_mode: str = REF_TYPED  # typed by the user, or generated from the tenancy type


@dataclass
class Catalogue:
    """One landlord's option lists, custom fields and settings at one moment."""
    options: dict[str, list[Option]]  # list name -> options in position order
    custom_fields: dict[str, CustomField]  # key -> field
    settings: ProfileSettings = ProfileSettings()

    def __post_init__(self) -> None:
        self._by_id = {o.option_id: o for opts in self.options.values() for o in opts}
        self._by_label = {(o.list_name, o.label.casefold()): o for o in self._by_id.values()}

    def option(self, option_id: str) -> Option | None:
        return self._by_id.get(option_id)

    def by_label(self, list_name: str, label: str) -> Option | None:
        """Case-insensitive; archived options included (callers decide)."""
        return self._by_label.get((list_name, label.strip().casefold()))

    def label(self, option_id: str | None) -> str | None:
        option = self._by_id.get(option_id) if option_id else None
        return option.label if option else None

    def by_code(self, list_name: str, code: str) -> Option | None:
        return next((o for o in self.options.get(list_name, ()) if o.code == code), None)


def age_on(date_of_birth: dt.date | None, today: dt.date) -> int | None:
    if date_of_birth is None:
        return None
    return today.year - date_of_birth.year - ((today.month, today.day) < (date_of_birth.month, date_of_birth.day))


def age_band(age: int | None, bands: tuple[AgeBand, ...]) -> str | None:
    if age is None:
        return None
    return next((b.label for b in bands if age >= b.min_age and (b.max_age is None or age <= b.max_age)), None)


# -- the rules of the set-up (pure: the store and use cases call these) ---------------------------------------------

TENANCY_TYPE, ETHNICITY, PREFERENCES = "tenancy_type", "ethnicity", "preferences"
CUSTOM_LIST_PREFIX = "custom."
REF_MODES = (REF_TYPED, REF_GENERATED)
LABEL_MAX, KEY_MAX, REF_MAX, AGE_MAX = 200, 40, 30, 130
KEY = re.compile(r"^[a-z][a-z0-9_]*$")
REF_PREFIX = re.compile(r"^([A-Za-z0-9][A-Za-z0-9/_.\-]*)?$")  # a personal reference may start with it
GROUPS = ("White British", "BME", "")  # "": not known
TENANCY_DEFAULTS = {"fed_by_import": False, "ref_prefix": "", "ref_digits": 6, "next_number": 1}
CHOICE_TYPES = ("choice", "multi_choice")
PERSON, PROPERTY, HOUSEHOLD = "person", "property", "household"
APPLIES_TO = (PERSON, PROPERTY, HOUSEHOLD)  # what a custom field profiles


def clean_label(label: Any, field_name: str = "label") -> str:
    """A label with its spaces tidied; raises InvalidInput when empty or too long."""
    text = " ".join(label.split()) if isinstance(label, str) else ""
    if not text:
        raise InvalidInput.field(field_name, "is required")
    if len(text) > LABEL_MAX:
        raise InvalidInput.field(field_name, f"must be at most {LABEL_MAX} characters")
    return text


def label_key(label: str) -> str:
    """What makes two labels the same: case and spacing do not count."""
    return " ".join(label.split()).casefold()


RESERVED_KEYS = frozenset(BY_NAME) | frozenset(DERIVED) | {"custom", "id", "text"}  # criteria names already taken


def key_problem(key: str) -> str | None:
    if not KEY.match(key) or len(key) > KEY_MAX:
        return f"must be 1 to {KEY_MAX} lowercase letters, digits or underscores, starting with a letter"
    if key in RESERVED_KEYS:
        return "is the name of a standard field; choose another"
    return None


def derive_key(label: str, taken: set[str] | frozenset[str]) -> str:
    """A custom field's key from its label: "Allotment holder?" -> "allotment_holder" (made unique)."""
    base = re.sub(r"[^a-z0-9]+", "_", label.casefold()).strip("_") or "field"
    if not base[0].isalpha():
        base = f"f_{base}"
    base = base[:KEY_MAX - 4].rstrip("_")
    key, n = base, 1
    while key in taken or key_problem(key):
        n += 1
        key = f"{base}_{n}"
    return key


def check_custom_type(kind: Any) -> str:
    if kind not in CUSTOM_TYPES:
        raise InvalidInput.field("type", f"must be one of {', '.join(CUSTOM_TYPES)}")
    return kind


def check_applies_to(applies_to: Any, allowed: tuple[str, ...] = APPLIES_TO) -> str:
    if applies_to not in allowed:
        raise InvalidInput.field("applies_to", f"must be one of {', '.join(allowed)}")
    return applies_to


def check_group(list_name: str, group: Any) -> str:
    if list_name != ETHNICITY:
        if group:
            raise InvalidInput.field("group", "only ethnicity options belong to an equality group")
        return ""
    if group not in GROUPS:
        raise InvalidInput.field("group", "must be 'White British', 'BME' or empty (not known)")
    return group


def tenancy_attributes(list_name: str, given: Mapping[str, Any] | None,
                       current: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """A tenancy type's attributes with `given` applied; raises InvalidInput naming every bad one."""
    if list_name != TENANCY_TYPE:
        if given:
            raise InvalidInput.field("attributes", "only tenancy types have attributes")
        return {}
    values = {**TENANCY_DEFAULTS, **(current or {})}
    problems = [FieldProblem(f"attributes.{k}", "is not a tenancy type attribute")
                for k in (given or {}) if k not in TENANCY_DEFAULTS]
    for name, value in (given or {}).items():
        if name == "fed_by_import":
            if not isinstance(value, bool):
                problems.append(FieldProblem("attributes.fed_by_import", "must be true or false"))
            values[name] = value
        elif name == "ref_prefix":
            if not isinstance(value, str) or not REF_PREFIX.match(value.strip()):
                problems.append(FieldProblem("attributes.ref_prefix",
                                             "may hold letters, digits and / _ . - and must start with a letter or digit"))
            values[name] = value.strip() if isinstance(value, str) else value
        elif name in ("ref_digits", "next_number"):
            number = _whole(value)
            if number is None or number < 1:
                problems.append(FieldProblem(f"attributes.{name}", "must be a whole number of at least 1"))
            values[name] = number
    if not problems and len(values["ref_prefix"]) + max(values["ref_digits"], len(str(values["next_number"]))) > REF_MAX:
        problems.append(FieldProblem("attributes", f"references would be longer than {REF_MAX} characters"))
    collect(problems)
    return values


def _whole(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != int(value):
        return None
    return int(value)


def format_ref(prefix: str, digits: int, number: int) -> str:
    """NR + 6 digits + 42 -> "NR000042"."""
    return f"{prefix}{number:0{digits}d}"


def check_removable(option: Option) -> None:
    if option.code:
        raise InvalidInput.field("option_id", "is a programmed preference the system relies on: rename it if you like,"
                                              " but it cannot be archived or deleted")


def in_use_message(count: int, what: str = "option") -> str:
    people = "1 person" if count == 1 else f"{count} people"
    return f"this {what} is used by {people}; archive it instead"


def reordered(current: list[str], wanted: list[str]) -> list[str]:
    """The whole list of ids in its new order: every id of the list exactly once."""
    if len(wanted) != len(set(wanted)) or set(wanted) != set(current):
        raise InvalidInput.field("option_ids", "must name every option of the list exactly once")
    return list(wanted)


def moved(current: list[str], item_id: str, position: int) -> list[str]:
    """`item_id` moved to 1-based `position`, the others keeping their order."""
    if isinstance(position, bool) or not isinstance(position, int) or not 1 <= position <= len(current):
        raise InvalidInput.field("position", f"must be between 1 and {len(current)}")
    rest = [i for i in current if i != item_id]
    return rest[:position - 1] + [item_id] + rest[position - 1:]


def check_age_bands(bands: list[AgeBand]) -> tuple[AgeBand, ...]:
    """Contiguous, non-overlapping bands from 0, the last open-ended; raises InvalidInput."""
    problems: list[FieldProblem] = []
    if not bands:
        raise InvalidInput.field("age_bands", "give at least one band")
    tidy = []
    expected = 0
    for i, band in enumerate(bands):
        where = f"age_bands.{i}"
        label = " ".join(band.label.split()) if isinstance(band.label, str) else ""
        if not label or len(label) > 40:
            problems.append(FieldProblem(f"{where}.label", "must be 1 to 40 characters"))
        if band.min_age != expected:
            problems.append(FieldProblem(f"{where}.min_age", f"must be {expected}: bands start at 0 and follow on"
                                                             " with no gap or overlap"))
        last = i == len(bands) - 1
        if last and band.max_age is not None:
            problems.append(FieldProblem(f"{where}.max_age", "must be empty: the last band is open-ended"))
        if not last:
            if band.max_age is None or band.max_age < band.min_age or band.max_age >= AGE_MAX:
                problems.append(FieldProblem(f"{where}.max_age", "must be at least min_age and below 130"))
                break
            expected = band.max_age + 1
        tidy.append(AgeBand(label, band.min_age, band.max_age))
    if len({label_key(b.label) for b in tidy}) != len(tidy):
        problems.append(FieldProblem("age_bands", "labels must be different"))
    collect(problems)
    return tuple(tidy)


def check_ref_mode(mode: Any) -> str:
    if mode not in REF_MODES:
        raise InvalidInput.field("personal_ref_mode", "must be 'typed' or 'generated'")
    return mode
