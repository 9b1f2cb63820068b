"""Use cases of the reporting service: keeping the aggregates (from events, on birthdays, and by a recount
from the source of truth) and reading them."""
from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from services.common.uow import UnitOfWork

from . import domain
from .domain import Fact, HouseholdState, MembershipState, PersonState
from .store import AggregateStore

AGE_BATCH = 5000


def _counted(state: PersonState, today) -> tuple[PersonState, frozenset[Fact], object]:
    facts = domain.person_facts(state, today)
    aged = state.status == domain.CURRENT and state.date_of_birth is not None and state.date_of_birth <= today
    return state, facts, domain.next_birthday(state.date_of_birth, today) if aged else None


def _count_newer(given: dict, held: dict, counted_as, version_of=lambda state: state.version) -> tuple[Counter, list, int]:
    """For each state newer than the one held (version, facts), versions as `version_of` reads them: how the
    counts move, what to save, and how many were not counted already (a new or later version, or facts that
    differ from those held)."""
    moved, saved, changed = Counter(), [], 0
    for key, state in given.items():
        version, old_facts = held.get(key, (None, frozenset()))
        if domain.newer(version, version_of(state)):
            counted = counted_as(state)
            moves = domain.moves(old_facts, counted[1])
            moved.update(moves)
            saved.append(counted)
            changed += version is None or version_of(state) > version or bool(moves)
    return moved, saved, changed


def count_people(uow: UnitOfWork, states: Iterable[PersonState]) -> int:
    """Count the newer of these states of people (from events, or a recount) instead of what each person
    counted as before; an older state than the one counted changes nothing. Called inside the caller's
    transaction (the consumer's, which commits it with the events' receipt). Answers how many were not
    counted already (new people, later versions, or other facts)."""
    today = uow.clock.today()
    store = AggregateStore(uow.session, uow.landlord_id)
    newest = domain.newest(states)
    held = store.people(newest)
    given = {key: state.with_groups_of(held[key][2]) for key, state in newest.items()}
    moved, saved, changed = _count_newer(given, {key: (version, facts) for key, (version, facts, _) in held.items()},
                                         lambda state: _counted(state, today))
    store.save_people(saved)
    store.add(moved)
    return changed


def count_memberships(uow: UnitOfWork, memberships: Iterable[MembershipState]) -> int:
    """Count the newer of these states of people's admin groups and activities (from groups events) with the
    rest of each person as last counted; an older one than the one counted changes nothing. Answers how
    many changed."""
    today = uow.clock.today()
    given = domain.newest(memberships)
    store = AggregateStore(uow.session, uow.landlord_id)
    held = store.people(given)
    as_people = {key: dataclasses.replace(held[key][2], person_id=key, version=held[key][0], groups=m.groups,
                                          groups_version=m.version) for key, m in given.items()}
    # under the groups version: a later one is a change even where no count moves (an archived person's groups)
    moved, saved, changed = _count_newer(as_people, {key: (held[key][2].groups_version, held[key][1]) for key in as_people},
                                         lambda state: _counted(state, today), lambda state: state.groups_version)
    store.save_people(saved)
    store.add(moved)
    return changed


def count_households(uow: UnitOfWork, states: Iterable[HouseholdState]) -> int:
    """Count the newer of these states of households (occupied or not), as `count_people` does people.
    Answers how many changed."""
    given = domain.newest(states)
    store = AggregateStore(uow.session, uow.landlord_id)
    moved, saved, changed = _count_newer(given, store.households(given),
                                         lambda state: (state, domain.household_facts(state)))
    store.save_households(saved)
    store.add(moved)
    return changed


def age_people(uow: UnitOfWork, *, batch: int = AGE_BATCH) -> int:
    """Move everyone whose age has changed since they were counted to the count of their age today (the
    daily job; also on demand). Answers how many moved; run it again until it answers fewer than `batch`."""
    today = uow.clock.today()
    store = AggregateStore(uow.session, uow.landlord_id)
    due = store.birthdays_by(today, batch)
    moved, saved = Counter(), []
    for state, old_facts in due:
        counted = _counted(state, today)
        moved.update(domain.moves(old_facts, counted[1]))
        saved.append(counted)
    store.save_people(saved)
    store.add(moved)
    return len(due)


def keep_month(uow: UnitOfWork) -> None:
    """Keep the counts as they stand now as this month's figures (the daily job does, so a month's figures
    are its last day's)."""
    AggregateStore(uow.session, uow.landlord_id).snapshot(f"{uow.clock.today():%Y-%m}")


@dataclass(frozen=True)
class Difference:
    characteristic: str
    value: str
    held: int
    recounted: int


def settle_counts(uow: UnitOfWork) -> list[Difference]:
    """Work every count out again from each person and household as counted, and make the counts exactly
    that (the recount's last step, after it has counted every person's state from profiles with
    `count_people`). Answers each count that was wrong."""
    store = AggregateStore(uow.session, uow.landlord_id)
    wanted: Counter = Counter()
    for page in store.all_people():
        for _, facts in page:
            wanted.update(facts)
    wanted.update(store.household_facts())
    held = store.counts()
    differences = [Difference(c, v, held.get((c, v), 0), wanted.get((c, v), 0))
                   for c, v in sorted(set(held) | set(wanted)) if held.get((c, v), 0) != wanted.get((c, v), 0)]
    if differences:
        store.replace_counts(dict(wanted))
    return differences


def counts(uow: UnitOfWork, characteristics: Iterable[str] | None = None) -> dict[Fact, int]:
    return AggregateStore(uow.session, uow.landlord_id).counts(characteristics)


def people_count(uow: UnitOfWork) -> tuple[int, dict[str, int]]:
    """Current people, and people by status: current and archived always (0 when nobody has it), with any
    other status counted. Not "every status anyone has had": events that come together are counted as the
    newest state alone, so a status a person had only in between may never have been counted."""
    counted = AggregateStore(uow.session, uow.landlord_id).counts([domain.STATUS], zeros=True)
    by_status = {**dict.fromkeys(domain.STATUSES, 0), **{value: n for (_, value), n in counted.items()}}
    return by_status.get(domain.CURRENT, 0), by_status
