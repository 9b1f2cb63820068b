"""Storage of the aggregates: the counts, and each person and household as last counted. Every query is
filtered by the landlord here; PostgreSQL row-level security is the second wall behind it. Counts move by
upserts that add (never read, add, write back), so the people and households consumers, each in its own
transaction, never lose each other's changes."""
from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Iterable, Iterator

import orjson
from sqlalchemy import delete, insert, literal, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from services.common.bulk import chunks, one_of, upsert_rows
from services.common.db import landlords_in

from .domain import Fact, HouseholdState, PersonState
from .tables import counted_households, counted_people, counts, monthly_counts, report_settings


def _json(value) -> str:
    """JSON text of the stored states and facts (orjson: the consumers write one per person counted)."""
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode()


def _state_json(state: PersonState) -> str:
    return _json({"status": state.status, "born": state.date_of_birth.isoformat() if state.date_of_birth else None,
                  "chosen": dict(state.chosen), "groups": dict(state.groups), "groups_version": state.groups_version})


def _state(person_id: str, version: int, text: str) -> PersonState:
    raw = orjson.loads(text)
    born = dt.date.fromisoformat(raw["born"]) if raw.get("born") else None
    return PersonState(person_id, version, raw["status"], born, {k: tuple(v) for k, v in raw["chosen"].items()},
                       {k: tuple(v) for k, v in raw.get("groups", {}).items()}, raw.get("groups_version"))


NOT_SEEN = PersonState("", 0, "")  # a person known only by a groups event so far: counted towards nothing


def _facts(text: str) -> frozenset[Fact]:
    return frozenset((c, v) for c, v in orjson.loads(text))


def _facts_json(facts: Iterable[Fact]) -> str:
    return _json(sorted(facts))


def _weighted(text: str) -> Counter:
    """A household's facts with their weights ([characteristic, value, weight]; rows counted before weights
    were kept hold [characteristic, value], which weighed 1)."""
    return Counter({(fact[0], fact[1]): (fact[2] if len(fact) > 2 else 1) for fact in orjson.loads(text)})


def _weighted_json(facts: Counter) -> str:
    return _json(sorted([c, v, n] for (c, v), n in facts.items() if n))


class AggregateStore:
    """One landlord's aggregates, inside the caller's transaction."""

    def __init__(self, session: Session, landlord_id: str):
        self.session = session
        self.landlord_id = landlord_id
        self._dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite

    # -- counts -----------------------------------------------------------------------------------------------------

    def add(self, moved: Counter) -> None:
        """Move each fact's count by its amount (one upsert of them all)."""
        rows = [{"landlord_id": self.landlord_id, "characteristic": c, "value": v, "total": n}
                for (c, v), n in sorted(moved.items()) if n]
        upsert_rows(self.session, counts, rows, keys=("landlord_id", "characteristic", "value"), add=("total",))

    def counts(self, characteristics: Iterable[str] | None = None, *, zeros: bool = False) -> dict[Fact, int]:
        """Every count of the landlord (of these characteristics only, when given), those down to zero only
        when asked for."""
        query = select(counts.c.characteristic, counts.c.value, counts.c.total).where(
            counts.c.landlord_id == self.landlord_id)
        if not zeros:
            query = query.where(counts.c.total != 0)
        if characteristics is not None:
            query = query.where(counts.c.characteristic.in_(list(characteristics)))
        return {(c, v): int(n) for c, v, n in self.session.execute(query)}

    def replace_counts(self, wanted: dict[Fact, int]) -> None:
        """Make the landlord's counts exactly `wanted` (the recount's repair)."""
        self.session.execute(delete(counts).where(counts.c.landlord_id == self.landlord_id))
        self.add(Counter(wanted))

    # -- months --------------------------------------------------------------------------------------------------------

    def snapshot(self, month: str) -> None:
        """Keep the counts as they stand now as `month`'s (yyyy-mm), replacing what it held."""
        m = monthly_counts
        self.session.execute(delete(m).where(m.c.landlord_id == self.landlord_id, m.c.month == month))
        self.session.execute(insert(m).from_select(
            ["landlord_id", "month", "characteristic", "value", "total"],
            select(counts.c.landlord_id, literal(month), counts.c.characteristic, counts.c.value, counts.c.total)
            .where(counts.c.landlord_id == self.landlord_id, counts.c.total != 0)))

    def months(self, characteristics: Iterable[str], since: str) -> dict[str, dict[Fact, int]]:
        """The counts of these characteristics kept for each month from `since` (yyyy-mm) on, by month."""
        m, found = monthly_counts, {}
        for month, c, v, n in self.session.execute(
                select(m.c.month, m.c.characteristic, m.c.value, m.c.total)
                .where(m.c.landlord_id == self.landlord_id, m.c.month >= since,
                       m.c.characteristic.in_(list(characteristics)))):
            found.setdefault(month, {})[(c, v)] = int(n)
        return found

    # -- settings ------------------------------------------------------------------------------------------------------

    def threshold(self) -> int | None:
        """The landlord's disclosure threshold (None: the default)."""
        return self.session.execute(select(report_settings.c.threshold).where(
            report_settings.c.landlord_id == self.landlord_id)).scalar_one_or_none()

    def save_threshold(self, threshold: int) -> None:
        statement = self._dialect.insert(report_settings).values(landlord_id=self.landlord_id, threshold=threshold)
        self.session.execute(statement.on_conflict_do_update(index_elements=[report_settings.c.landlord_id],
                                                             set_={"threshold": threshold}))

    # -- people ------------------------------------------------------------------------------------------------------

    def people(self, person_ids: Iterable[str]) -> dict[str, tuple[int, frozenset[Fact], PersonState]]:
        """The version, facts and state each of these people was last counted with, by id, locked. A person
        not counted yet is first held as NOT_SEEN (an insert that waits for another transaction's insert of
        the same person), so the people and groups consumers, each in its own transaction, count a new person
        one after the other, never both from nothing."""
        t, found = counted_people, {}
        ids = sorted(set(person_ids))
        unseen = _state_json(NOT_SEEN)
        upsert_rows(self.session, t, [{"landlord_id": self.landlord_id, "person_id": person_id, "version": 0,
                                       "state": unseen, "status": NOT_SEEN.status, "facts": "[]",
                                       "next_birthday": None} for person_id in ids], keys=("landlord_id", "person_id"))
        for part in chunks(ids):
            for person_id, version, state, facts in self.session.execute(
                    select(t.c.person_id, t.c.version, t.c.state, t.c.facts)
                    .where(t.c.landlord_id == self.landlord_id, one_of(self.session, t.c.person_id, part))
                    .order_by(t.c.person_id).with_for_update()):
                found[person_id] = (version, _facts(facts), _state(person_id, version, state))
        return found

    def save_people(self, counted: Iterable[tuple[PersonState, frozenset[Fact], dt.date | None]]) -> None:
        """Write each person's newest state, the facts it gave and when their age next changes."""
        t = counted_people
        rows = [{"landlord_id": self.landlord_id, "person_id": s.person_id, "version": s.version,
                 "state": _state_json(s), "status": s.status, "facts": _facts_json(f), "next_birthday": birthday}
                for s, f, birthday in counted]
        upsert_rows(self.session, t, rows, keys=("landlord_id", "person_id"),
                    replace=("version", "state", "status", "facts", "next_birthday"))

    def birthdays_by(self, day: dt.date, size: int) -> list[tuple[PersonState, frozenset[Fact]]]:
        """Up to `size` people whose age changes on or before `day`, locked."""
        t = counted_people
        rows = self.session.execute(
            select(t.c.person_id, t.c.version, t.c.state, t.c.facts)
            .where(t.c.landlord_id == self.landlord_id, t.c.next_birthday <= day)
            .order_by(t.c.person_id).limit(size).with_for_update()).all()
        return [(_state(p, v, s), _facts(f)) for p, v, s, f in rows]

    def all_people(self, size: int = 5000) -> Iterator[list[tuple[PersonState, frozenset[Fact]]]]:
        """Every person counted, in id order, `size` at a time."""
        t, after = counted_people, ""
        while True:
            rows = self.session.execute(
                select(t.c.person_id, t.c.version, t.c.state, t.c.facts)
                .where(t.c.landlord_id == self.landlord_id, t.c.person_id > after)
                .order_by(t.c.person_id).limit(size)).all()
            if not rows:
                return
            yield [(_state(p, v, s), _facts(f)) for p, v, s, f in rows]
            after = rows[-1][0]

    # -- households --------------------------------------------------------------------------------------------------

    def households(self, household_ids: Iterable[str]) -> dict[str, tuple[int, Counter]]:
        t, found = counted_households, {}
        for part in chunks(sorted(set(household_ids))):
            for household_id, version, facts in self.session.execute(
                    select(t.c.household_id, t.c.version, t.c.facts)
                    .where(t.c.landlord_id == self.landlord_id, one_of(self.session, t.c.household_id, part))
                    .order_by(t.c.household_id).with_for_update()):
                found[household_id] = (version, _weighted(facts))
        return found

    def household_facts(self) -> Counter:
        """The facts of every household counted, summed."""
        summed: Counter = Counter()
        for (facts,) in self.session.execute(select(counted_households.c.facts).where(
                counted_households.c.landlord_id == self.landlord_id)):
            summed.update(_weighted(facts))
        return summed

    def save_households(self, counted: Iterable[tuple[HouseholdState, Counter]]) -> None:
        t = counted_households
        rows = [{"landlord_id": self.landlord_id, "household_id": s.household_id, "version": s.version,
                 "facts": _weighted_json(f)} for s, f in counted]
        upsert_rows(self.session, t, rows, keys=("landlord_id", "household_id"), replace=("version", "facts"))


def landlords(session: Session) -> list[str]:
    """Every landlord reporting has counted anything for (a platform-level transaction sees them all)."""
    found: set[str] = set()
    for table in (counts, counted_people, counted_households):
        found.update(landlords_in(session, table.c.landlord_id))
    return sorted(found)
