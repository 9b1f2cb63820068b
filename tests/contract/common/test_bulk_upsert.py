"""Upserts in bulk (services/common/bulk.py `upsert_rows`) on SQLite and PostgreSQL: new rows added, existing
ones replaced, grown or left alone as asked, only within the landlord, several in one transaction."""
from __future__ import annotations

import uuid

from sqlalchemy import select

from services.common import bulk
from services.reporting.tables import counted_people, counts

DATABASE_OF = "reporting"  # the `database` fixture (conftest.py): SQLite and PostgreSQL


def _counts(database, landlord_id: str) -> dict[tuple[str, str], int]:
    session = database.open(landlord_id=landlord_id)
    try:
        return {(r.characteristic, r.value): r.total for r in
                session.execute(select(counts).where(counts.c.landlord_id == landlord_id))}
    finally:
        session.close()


def _count_rows(landlord_id: str, moved: dict[str, int]) -> list[dict]:
    return [{"landlord_id": landlord_id, "characteristic": "gender", "value": v, "total": n} for v, n in moved.items()]


def test_adding_grows_existing_rows_and_adds_new_ones(database):
    mine, theirs = str(uuid.uuid4()), str(uuid.uuid4())
    session = database.open(landlord_id=theirs)
    bulk.upsert_rows(session, counts, _count_rows(theirs, {"a": 5}), keys=("landlord_id", "characteristic", "value"),
                     add=("total",))
    session.commit()
    session.close()
    session = database.open(landlord_id=mine)
    keys = ("landlord_id", "characteristic", "value")
    many = {f"v{n:04d}": n for n in range(1, 1201)}
    bulk.upsert_rows(session, counts, _count_rows(mine, {"a": 2, **many}), keys=keys, add=("total",))
    bulk.upsert_rows(session, counts, _count_rows(mine, {"a": 3, "b": -1, "v0007": 10}), keys=keys, add=("total",))
    bulk.upsert_rows(session, counts, [], keys=keys, add=("total",))  # nothing: no statement
    session.commit()
    session.close()
    mine_now = _counts(database, mine)
    assert mine_now[("gender", "a")] == 5 and mine_now[("gender", "b")] == -1
    assert mine_now[("gender", "v0007")] == 17 and mine_now[("gender", "v1200")] == 1200
    assert len(mine_now) == 1202
    assert _counts(database, theirs) == {("gender", "a"): 5}  # the same key of another landlord untouched


def _person(landlord_id: str, person_id: str, version: int, status: str) -> dict:
    return {"landlord_id": landlord_id, "person_id": person_id, "version": version, "state": "{}", "status": status,
            "facts": '[["gender", "x"]]', "next_birthday": None}


def _people(database, landlord_id: str) -> dict[str, tuple[int, str]]:
    session = database.open(landlord_id=landlord_id)
    try:
        return {r.person_id: (r.version, r.status) for r in
                session.execute(select(counted_people).where(counted_people.c.landlord_id == landlord_id))}
    finally:
        session.close()


def test_replacing_takes_the_named_columns_and_nothing_leaves_rows_as_they_are(database):
    mine = str(uuid.uuid4())
    keys = ("landlord_id", "person_id")
    session = database.open(landlord_id=mine)
    bulk.upsert_rows(session, counted_people, [_person(mine, "p1", 1, "current"), _person(mine, "p2", 1, "current")],
                     keys=keys)
    bulk.upsert_rows(session, counted_people, [_person(mine, "p2", 0, "seen"), _person(mine, "p3", 0, "seen")],
                     keys=keys)  # neither replace nor add: p2 stays as it is, p3 is new
    session.commit()
    bulk.upsert_rows(session, counted_people, [_person(mine, "p1", 4, "archived"), _person(mine, "p4", 2, "current")],
                     keys=keys, replace=("version",))  # only the version of an existing row changes
    session.commit()
    session.close()
    assert _people(database, mine) == {"p1": (4, "current"), "p2": (1, "current"), "p3": (0, "seen"),
                                       "p4": (2, "current")}


def test_returning_answers_each_row_added_or_changed_as_it_is_now(database):
    mine = str(uuid.uuid4())
    keys = ("landlord_id", "characteristic", "value")
    session = database.open(landlord_id=mine)
    first = bulk.upsert_rows(session, counts, _count_rows(mine, {"a": 1, "b": 1}), keys=keys, add=("total",),
                             returning=("value", "total"))
    again = bulk.upsert_rows(session, counts, _count_rows(mine, {"b": 1, "c": 1}), keys=keys, add=("total",),
                             returning=("value", "total"))  # a version counter: b grows, c starts
    unasked = bulk.upsert_rows(session, counts, _count_rows(mine, {"a": 1}), keys=keys, add=("total",))
    session.commit()
    session.close()
    assert sorted(map(tuple, first)) == [("a", 1), ("b", 1)]
    assert sorted(map(tuple, again)) == [("b", 2), ("c", 1)]
    assert unasked == [] and _counts(database, mine)[("gender", "a")] == 2
