"""What other services tell profiles about a person, kept for people search: the
household they live in (from households), their admin groups, activity groups
and participation (from groups), their communication records and the due dates of their open follow-up
actions (from messaging), their referrals to providers (from referrals). Each event carries the whole current
state (of a household, a person's groups, a record, a person's open actions, a referral) and a version; a version
not newer than the one kept is old news. Pure rules."""
from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping, NamedTuple, TypeVar

from ..domain import FieldChange
from ..setup.domain import CustomField

T = TypeVar("T")


@dataclass(frozen=True)
class HouseholdFacts:
    household_id: str
    version: int
    occupant_ids: tuple[str, ...] = ()
    occupant_count: int = 0
    youngest_date_of_birth: dt.date | None = None
    # property and household custom field values as stored, by field id: one cell (text) per value,
    # a multi-choice field one per option id
    custom: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class GroupFacts:
    person_id: str
    version: int
    admin_group_ids: tuple[str, ...] = ()
    activity_ids: tuple[str, ...] = ()
    participations: tuple[tuple[str, str], ...] = ()  # (activity id, ISO date)


@dataclass(frozen=True)
class ContactFacts:
    """One communication record (a deleted one is kept, so an older event arriving late stays old news)."""
    communication_id: str
    version: int
    person_id: str
    communication_code: str
    outcome_code: str
    date: dt.date
    deleted: bool = False
    satisfaction: int | None = None  # a survey's satisfaction score, 0-10, where one was given


@dataclass(frozen=True)
class ActionFacts:
    """A person's open follow-up actions as messaging last told them: the ISO due date of each, earliest first."""
    person_id: str
    version: int
    open_due_dates: tuple[str, ...] = ()


@dataclass(frozen=True)
class InteractionChanges:
    """What a user changed by hand on an interaction (a communication record), for the person's history."""
    person_id: str
    changed_by: str  # user id ("" for the platform's own)
    changed_at: dt.datetime
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True)
class ReferralFacts:
    """One referral as the referrals service last told it (a deleted one is kept, so an older event arriving late
    stays old news, but no longer counts)."""
    referral_id: str
    version: int
    person_id: str  # "" for a self-referral not yet matched to a profile: nobody's yet
    provider_id: str  # "" for a "no" (the person did not want support)
    wants_support: bool
    referred_on: dt.date
    job_started_on: dt.date | None = None  # the journey's job_started step
    deleted: bool = False


class Referral(NamedTuple):
    """A live referral as a search document needs it."""
    provider_id: str
    wants_support: bool
    referred_on: str  # ISO
    job_started_on: str | None = None  # ISO


class Contact(NamedTuple):
    """A live communication record as a search document needs it."""
    code: str
    outcome: str
    date: str  # ISO
    satisfaction: int | None = None


@dataclass(frozen=True)
class PersonFacts:
    household: HouseholdFacts | None = None
    groups: GroupFacts | None = None
    contacts: tuple[Contact, ...] = ()  # of live records (a plain (code, outcome, ISO date) reads as one)
    actions: ActionFacts | None = None
    referrals: tuple[Referral, ...] = ()  # of live referrals


NO_FACTS = PersonFacts()


def newest(items: Iterable[T], key: Callable[[T], str], stored: Mapping[str, int]) -> list[T]:
    """Per key, the item of the highest version, if newer than the stored version (in first-seen order).
    Equal versions in one batch: the later one wins (a redelivery of the same state changes nothing)."""
    best: dict[str, T] = {}
    for item in items:
        k = key(item)
        if k not in best or item.version >= best[k].version:
            best[k] = item
    return [item for k, item in best.items() if item.version > stored.get(k, -1)]


def cells(value: Any) -> tuple[str, ...]:
    """A stored custom value (as an event's Struct gives it) as text cells: one per value."""
    if value is None or value == "":
        return ()
    if isinstance(value, (list, tuple)):
        return tuple(c for v in value for c in cells(v))
    if isinstance(value, bool):
        return ("true" if value else "false",)
    if isinstance(value, (int, float)):
        return (json.dumps(value),)
    return (str(value),)


def custom_value(definition: CustomField, stored: tuple[str, ...]) -> Any:
    """The value a search document holds for these cells (option ids, a number, ISO date, true/false, text);
    None when there is none or the cells do not fit the field's type (the field changed since)."""
    if not stored:
        return None
    if definition.type == "multi_choice":
        return sorted(set(stored))
    first = stored[0]
    try:
        if definition.type == "number":
            number = json.loads(first)
            if isinstance(number, bool) or not isinstance(number, (int, float)) or not math.isfinite(number):
                return None
            return number
        if definition.type == "yes_no":
            return {"true": True, "false": False}.get(first)
        if definition.type == "date":
            return dt.date.fromisoformat(first).isoformat()
    except ValueError:
        return None
    return first


def participation_values(groups: GroupFacts) -> tuple[list[str], list[str]]:
    """(participations as "<activity id>:<date>", the dates) for the search document."""
    records = sorted(set(groups.participations))
    return [f"{activity}:{day}" for activity, day in records], sorted({day for _, day in records})


def score_key(kind: str, score: int) -> str:
    """The key before ":<date>" of a record of this kind ("<code>" or "<code>.<outcome>") with this score."""
    return f"{kind}.score.{score:02d}"


def contact_values(contacts: Iterable[Contact | tuple]) -> tuple[list[str], list[str]]:
    """(contacts as "<code>:<date>" and "<code>.<outcome>:<date>", and for a record with a satisfaction score
    "<code>.score.<NN>:<date>" and "<code>.<outcome>.score.<NN>:<date>" too (NN two digits); the dates) for the
    search document: a keyword range over them is "contacted this way since a date" (codes and outcomes have no
    dots, so the four kinds of key never meet)."""
    keys, dates = set(), set()
    for code, outcome, day, score in (Contact(*c) for c in contacts):
        kinds = (code, f"{code}.{outcome}")
        keys.update(f"{kind}:{day}" for kind in kinds)
        if score is not None:
            keys.update(f"{score_key(kind, score)}:{day}" for kind in kinds)
        dates.add(day)
    return sorted(keys), sorted(dates)


def due_dates(actions: ActionFacts) -> list[str]:
    """The distinct due dates of a person's open actions, earliest first, for the search document."""
    return sorted(set(actions.open_due_dates))


ANY = "*"  # any provider, whether or not support was wanted, in work or not: the part of a referral key not asked


def referral_kind(provider: str = ANY, wants_support: bool | None = None, in_work: bool | None = None) -> str:
    """The key before ":<referred on>" of referrals to this provider (ANY: any), of people who wanted support or
    not (None: either), who started a job after it or not (None: either): "<provider>.<yes|no|*>.<work|nowork|*>"."""
    support = ANY if wants_support is None else "yes" if wants_support else "no"
    work = ANY if in_work is None else "work" if in_work else "nowork"
    return f"{provider}.{support}.{work}"


def referral_values(referrals: Iterable[Referral | tuple]) -> list[str]:
    """Each referral as keys "<kind>:<referred on>" of every kind it is (to its provider and to any, with its
    answer and with either, in work or not and either), for the search document: a keyword range over one kind is
    "referred that way since a date" (a kind is followed by ':', which no provider id holds: an id with one is
    only "any provider", as a criterion cannot name it)."""
    keys = set()
    for provider, wants_support, day, job_started in (Referral(*r) for r in referrals):
        for p in ((provider, ANY) if provider and ":" not in provider else (ANY,)):
            for s in (wants_support, None):
                for w in (job_started is not None, None):
                    keys.add(f"{referral_kind(p, s, w)}:{day}")
    return sorted(keys)


def iso_date(value: str) -> dt.date | None:
    """An ISO date from an event ("" or a bad one: none)."""
    try:
        return dt.date.fromisoformat(value) if value and len(value) == 10 else None
    except ValueError:
        return None
