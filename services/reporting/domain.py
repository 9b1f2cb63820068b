"""Reporting rules with no I/O: what each person and household counts towards (their facts), and how a
newer state moves the counts.

A fact is a (characteristic, value) pair. A current person counts towards one fact per option they hold
(the option's id, under the field's name: "ethnicity", "communication_needs", "custom.<key>"...), their age
in whole years ("age", "47"), and, for each characteristic with any value, (characteristic, KNOWN): so the
people not known are the current people less the known ones, even for fields holding several options.
Every person counts towards their status. A current person also counts towards each admin group they are in
("admin_group", group id) and each activity they take part in ("activity", activity id), with
("activity", KNOWN) for taking part in any: their groups come from the groups events (whose versions are
their own), kept with the person's state so either kind of event counts the person as a whole. An occupied household counts towards ("properties", "occupied"),
and, once per current occupant, towards each option its property and household choice fields hold (under
"cf.<field id>", with (cf.<field id>, KNOWN)): so people can be broken down by estate or any property field
from the households' events alone, each household's state replacing the last as a whole.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Iterable, Mapping, TypeVar

CURRENT = "current"
STATUSES = (CURRENT, "archived")  # a person record's statuses: always in the people count
KNOWN = "*"
STATUS, AGE, PROPERTIES, OCCUPIED = "status", "age", "properties", "occupied"
ADMIN_GROUP, ACTIVITY = "admin_group", "activity"

Fact = tuple[str, str]
S = TypeVar("S")  # a state with a key and a version


@dataclass(frozen=True)
class PersonState:
    """A person as the newest event about them showed them."""
    person_id: str
    version: int
    status: str
    date_of_birth: dt.date | None = None
    chosen: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # option ids by characteristic
    groups: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # group ids by ADMIN_GROUP / ACTIVITY
    groups_version: int | None = None  # of the groups event they came from (None: none seen yet)

    @property
    def key(self) -> str:
        return self.person_id

    def with_groups_of(self, held: "PersonState | None") -> "PersonState":
        """This state of the person with the groups last counted for them (a people event does not carry them)."""
        return self if held is None else replace(self, groups=held.groups, groups_version=held.groups_version)


@dataclass(frozen=True)
class MembershipState:
    """A person's admin groups and activities as the newest groups event about them showed them."""
    person_id: str
    version: int
    groups: Mapping[str, tuple[str, ...]]  # group ids by ADMIN_GROUP / ACTIVITY

    @property
    def key(self) -> str:
        return self.person_id


@dataclass(frozen=True)
class HouseholdState:
    household_id: str
    version: int
    occupants: int  # current people living there
    chosen: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # option ids by "cf.<field id>"

    @property
    def occupied(self) -> bool:
        return self.occupants > 0

    @property
    def key(self) -> str:
        return self.household_id


def age_on(born: dt.date, today: dt.date) -> int:
    """Whole years from `born` to `today` (someone born on 29 February is a year older on 1 March)."""
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def next_birthday(born: dt.date, today: dt.date) -> dt.date:
    """The first day after `today` on which the age from `born` is higher."""
    age = age_on(born, today)
    day = today + dt.timedelta(days=1)
    # the age changes on the birthday, or on 1 March for 29 February in a common year: at most 366 days on
    year = born.year + age + 1
    try:
        birthday = born.replace(year=year)
    except ValueError:
        birthday = dt.date(year, 3, 1)
    return max(birthday, day)


def person_facts(state: PersonState | None, today: dt.date) -> frozenset[Fact]:
    """What the person counts towards on `today` (nothing for a state not known yet)."""
    if state is None or not state.status:
        return frozenset()
    facts: set[Fact] = {(STATUS, state.status)}
    if state.status != CURRENT:
        return frozenset(facts)
    for characteristic, ids in (*state.chosen.items(), *state.groups.items()):
        if ids:
            facts.update((characteristic, option_id) for option_id in ids)
            facts.add((characteristic, KNOWN))
    if state.date_of_birth is not None and state.date_of_birth <= today:
        facts.update({(AGE, str(age_on(state.date_of_birth, today))), (AGE, KNOWN)})
    return frozenset(facts)


def household_facts(state: HouseholdState | None) -> Counter:
    """What the household counts towards, each fact with its weight: the property once, each of its choice
    fields' options (and that the field is known) once per occupant."""
    facts: Counter = Counter()
    if state is None or not state.occupied:
        return facts
    facts[(PROPERTIES, OCCUPIED)] = 1
    for characteristic, ids in state.chosen.items():
        if ids:
            facts.update({(characteristic, option_id): state.occupants for option_id in set(ids)})
            facts[(characteristic, KNOWN)] = state.occupants
    return facts


def newer(held_version: int | None, given_version: int) -> bool:
    """Whether a state of `given_version` replaces the one held (equal versions: the later event, which
    comes from the same transaction and so the same partition, in order)."""
    return held_version is None or given_version >= held_version


def weights(facts: Iterable[Fact] | Mapping[Fact, int]) -> Counter:
    """Facts with their weights: a person's facts (a set) weigh 1 each; a household's carry theirs."""
    return Counter(facts) if isinstance(facts, Mapping) else Counter(set(facts))


def moves(old: Iterable[Fact] | Mapping[Fact, int], new: Iterable[Fact] | Mapping[Fact, int]) -> Counter:
    """How the counts move when facts `old` become `new`: each fact's new weight less its old one."""
    old, new = weights(old), weights(new)
    moved: Counter = Counter()
    for fact in set(old) | set(new):
        if new[fact] != old[fact]:
            moved[fact] = new[fact] - old[fact]
    return moved


def newest(states: Iterable[S]) -> dict[str, S]:
    """Of several states of the same people (or households), the newest of each, by id."""
    found: dict = {}
    for state in states:
        held = found.get(state.key)
        if held is None or newer(held.version, state.version):
            found[state.key] = state
    return found
