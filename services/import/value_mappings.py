"""Value mappings, with no I/O: a housing system's spelling of an option value (the 2011 census's "Asian or Asian
British: Indian") mapped, per feed field, to one of the landlord's options ("Indian"), and applied to a run's
rows before profiles reads them. A mapping always names an option the list has: mapped values never create
options (a run leaves out a mapping whose option has gone since, and the value is unknown again).

From a run's rejected rows: the unknown values with how many rows gave each and the option each most likely
means; and what a set of mappings would make of those rows (a row rejected only for values the mappings map
would be accepted, as far as the run's checks saw)."""
from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Iterable, Mapping, Sequence

from services.common.errors import FieldProblem, InvalidInput
from services.common.person_fields import LONGEST_TEXT

from . import feed

FIELDS = feed.OPTION_COLUMNS
LIST_OF = {c: feed.BY_NAME[feed.PERSON_FIELD[c]].option_list for c in FIELDS}
MAX_PER_FIELD = 1000
UNKNOWN = re.compile(r"^is not an option of the list '(\w+)'$")  # profiles' reason (profiles/values.py)
CLOSE_ENOUGH = 0.6  # difflib ratio under which no option is suggested
_WORDS = re.compile(r"[^\w]+")


@dataclass(frozen=True)
class ValueMapping:
    field: str  # a feed option column
    feed_value: str
    option: str  # the option's label, as the list spells it


@dataclass(frozen=True)
class UnknownValue:
    field: str
    feed_value: str  # as the first row giving it wrote it
    rows: int
    mapped_to: str = ""
    suggestion: str = ""


def key(value: str) -> str:
    """How feed values match: ignoring case and repeated or surrounding spaces."""
    return " ".join(value.split()).casefold()


def checked(field: str, entries: Sequence[tuple[str, str]], options: Iterable[str]) -> list[ValueMapping]:
    """One field's mappings, each (feed value, option label), checked against the list's current (not archived)
    options: InvalidInput naming `field` or `mappings[i].feed_value|option` with why."""
    if field not in FIELDS:
        raise InvalidInput.field("field", f"must be one of the feed's option fields: {', '.join(FIELDS)}")
    if len(entries) > MAX_PER_FIELD:
        raise InvalidInput.field("mappings", f"at most {MAX_PER_FIELD} values a field")
    labels = {key(label): label for label in options}
    problems, made, seen = [], [], set()
    for i, (value, option) in enumerate(entries):
        value = " ".join((value or "").split())
        target = labels.get(key(option or ""))
        if not value:
            problems.append(FieldProblem(f"mappings[{i}].feed_value", "is required"))
        elif len(value) > LONGEST_TEXT:
            problems.append(FieldProblem(f"mappings[{i}].feed_value", f"is longer than {LONGEST_TEXT} characters"))
        elif key(value) in seen:
            problems.append(FieldProblem(f"mappings[{i}].feed_value", "is mapped more than once"))
        if target is None:
            problems.append(FieldProblem(f"mappings[{i}].option", f"is not an option of the list '{LIST_OF[field]}': "
                                                                   "add it in set-up first, or choose one it has"))
        seen.add(key(value))
        made.append(ValueMapping(field, value, target or ""))
    if problems:
        raise InvalidInput("the value mappings are not valid", problems)
    return sorted(made, key=lambda m: key(m.feed_value))


def by_field(mappings: Iterable[ValueMapping]) -> dict[str, dict[str, str]]:
    """{feed column: {key(feed value): option label}}."""
    found: dict[str, dict[str, str]] = {}
    for m in mappings:
        found.setdefault(m.field, {})[key(m.feed_value)] = m.option
    return found


def still_valid(mappings: Iterable[ValueMapping], options_of: Callable[[str], Iterable[str]]) -> list[ValueMapping]:
    """The mappings whose option the field's list still has (options_of: list name -> current labels)."""
    current: dict[str, dict[str, str]] = {}
    kept = []
    for m in mappings:
        if m.field not in current:
            current[m.field] = {key(label): label for label in options_of(LIST_OF[m.field])}
        labels = current[m.field]
        if key(m.option) in labels:
            kept.append(ValueMapping(m.field, m.feed_value, labels[key(m.option)]))
    return kept


def apply(person: dict[str, str], mapped: Mapping[str, Mapping[str, str]]) -> dict[str, str]:
    """A row's person fields with each mapped feed value replaced by its option's label."""
    for column, values in mapped.items():
        name = feed.PERSON_FIELD[column]
        given = person.get(name)
        if given and key(given) in values:
            person[name] = values[key(given)]
    return person


def _unknown_in(problems: Iterable[feed.RowProblem], field_of: Callable[[str], str | None]):
    """(row, [(field, value) unknown], whether every problem of the row is an unknown value), a row at a time
    (problems of one row come together, as the store keeps them)."""
    row, unknown, only = None, [], True
    for p in problems:
        if p.row != row:
            if row is not None:
                yield row, unknown, only
            row, unknown, only = p.row, [], True
        field = field_of(p.column) if UNKNOWN.match(p.reason) else None
        if field in FIELDS and p.values.get(p.column):
            unknown.append((field, p.values[p.column]))
        else:
            only = False
    if row is not None:
        yield row, unknown, only


def unknown_values(problems: Iterable[feed.RowProblem], field_of: Callable[[str], str | None],
                   mapped: Mapping[str, Mapping[str, str]],
                   options_of: Callable[[str], Sequence[str]]) -> tuple[int, int, list[UnknownValue]]:
    """(rejected rows, rows rejected only for values `mapped` maps, each unknown value with its rows, what
    `mapped` gives it and a suggestion)."""
    rows = accepted = 0
    counted: Counter = Counter()
    spelled: dict[tuple[str, str], str] = {}
    for _, unknown, only in _unknown_in(problems, field_of):
        rows += 1
        accepted += only and bool(unknown) and all(key(v) in mapped.get(f, {}) for f, v in unknown)
        for field, value in unknown:
            counted[field, key(value)] += 1
            spelled.setdefault((field, key(value)), value)
    lists: dict[str, Sequence[str]] = {}
    for field, _ in counted:
        if field not in lists:
            lists[field] = options_of(LIST_OF[field])
    found = [UnknownValue(field, spelled[field, k], n, mapped.get(field, {}).get(k, ""),
                          suggest(spelled[field, k], lists[field])) for (field, k), n in counted.items()]
    return rows, accepted, sorted(found, key=lambda u: (-u.rows, u.field, key(u.feed_value)))


def _words(text: str) -> str:
    return " ".join(_WORDS.sub(" ", text.casefold()).split())


def suggest(value: str, options: Iterable[str]) -> str:
    """The option the value most likely means, "" when none is close: the whole value and its part after the
    last colon (the census's "Group: answer" style) each compared, word by word, with the label's."""
    whole, last = _words(value), _words(value.rsplit(":", 1)[-1])
    best, score = "", 0.0
    for label in options:
        ratio = (difflib.SequenceMatcher(None, whole, _words(label)).ratio()
                 + difflib.SequenceMatcher(None, last, _words(label.rsplit(":", 1)[-1])).ratio()) / 2
        if ratio > score:
            best, score = label, ratio
    return best if score >= CLOSE_ENOUGH else ""
