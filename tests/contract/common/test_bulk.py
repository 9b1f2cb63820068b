"""Set-based updates (services/common/bulk.py) on SQLite and PostgreSQL: only the rows named
change, only within the landlord, NULLs, dates and awkward text arrive as such; several updates in
one transaction, and after a rolled-back one; rows added in bulk with their defaults, or none of them."""
from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from services.common import bulk
from services.households.tables import residents

DATABASE_OF = "households"  # the `database` fixture (conftest.py): SQLite and PostgreSQL
NOW = dt.datetime(2026, 11, 23, 10, 0, tzinfo=dt.timezone.utc)


def _row(landlord_id: str, n: int) -> dict:
    return {"landlord_id": landlord_id, "person_id": f"p-{n:05d}", "personal_ref": f"R{n}", "first_name": "Jo",
            "surname": "Example", "status": "current", "date_of_birth": dt.date(1980, 1, 1), "tenancy_type": "",
            "property_ref": "", "address_line_1": f"{n} Quill Lane", "address_line_2": "", "address_line_3": "",
            "address_line_4": "", "postcode": "ZZ1 1ZZ", "household_id": None, "household_key": None,
            "updated_at": NOW}


def test_updates_the_named_rows_of_the_landlord_only(database):
    mine, theirs = str(uuid.uuid4()), str(uuid.uuid4())
    count = 1007
    for landlord_id in (mine, theirs):
        session = database.open(landlord_id=landlord_id)
        session.execute(insert(residents), [_row(landlord_id, n) for n in range(count)])
        session.commit()
        session.close()
    session = database.open(landlord_id=mine)
    changes = [{"person_id": f"p-{n:05d}", "status": "archived", "date_of_birth": None if n % 2 else dt.date(1990, 5, 17),
                "household_id": f"h-{n}"} for n in range(0, count, 1)]
    bulk.update_rows(session, residents, changes[1:], key="person_id", landlord_id=mine)  # theirs: the same ids
    session.commit()
    rows = {r.person_id: r for r in session.execute(select(residents).where(residents.c.landlord_id == mine))}
    session.close()
    assert rows["p-00000"].status == "current" and rows["p-00000"].household_id is None
    assert rows["p-00001"].status == "archived" and rows["p-00001"].date_of_birth is None
    assert rows["p-00002"].date_of_birth == dt.date(1990, 5, 17) and rows["p-00002"].household_id == "h-2"
    assert rows[f"p-{count - 1:05d}"].household_id == f"h-{count - 1}"
    assert rows["p-00002"].surname == "Example"  # columns not named keep their value
    session = database.open(landlord_id=theirs)
    statuses = set(session.execute(select(residents.c.status).where(residents.c.landlord_id == theirs)).scalars())
    session.close()
    assert statuses == {"current"}


def _statuses(database, landlord_id: str) -> dict[str, tuple]:
    session = database.open(landlord_id=landlord_id)
    try:
        return {r.person_id: (r.status, r.address_line_2) for r in
                session.execute(select(residents).where(residents.c.landlord_id == landlord_id))}
    finally:
        session.close()


def test_several_updates_in_a_transaction_and_after_a_rollback(database):
    mine = str(uuid.uuid4())
    session = database.open(landlord_id=mine)
    session.execute(insert(residents), [_row(mine, n) for n in range(6)])
    session.commit()
    awkward = 'Flat 2\tBack\\Door "B", \\N\nRear'  # COPY's own escapes and separators, as text
    bulk.update_rows(session, residents, [{"person_id": "p-00000", "status": "archived", "address_line_2": "x"}],
                     key="person_id", landlord_id=mine)
    session.rollback()  # the first statement of a connection rolled back: the next one starts afresh
    for people, status in ((["p-00001", "p-00002"], "archived"), (["p-00003"], "moved")):
        bulk.update_rows(session, residents, [{"person_id": p, "status": status, "address_line_2": awkward}
                                              for p in people], key="person_id", landlord_id=mine)
    session.commit()
    session.close()
    rows = _statuses(database, mine)
    assert rows["p-00000"] == ("current", "")
    assert rows["p-00001"] == rows["p-00002"] == ("archived", awkward)
    assert rows["p-00003"] == ("moved", awkward)
    assert rows["p-00004"] == ("current", "")


def test_one_of_finds_exactly_the_keys_given_on_either_engine(database):
    landlord_id = str(uuid.uuid4())
    session = database.open(landlord_id=landlord_id)
    session.execute(insert(residents), [_row(landlord_id, n) for n in range(30)])
    session.commit()
    wanted = [f"p-{n:05d}" for n in (0, 7, 29)] + ["p-99999", "it's; -- not sql"]  # one absent, one odd
    found = set(session.execute(select(residents.c.person_id).where(
        residents.c.landlord_id == landlord_id, bulk.one_of(session, residents.c.person_id, wanted))).scalars())
    nothing = session.execute(select(residents.c.person_id).where(
        residents.c.landlord_id == landlord_id, bulk.one_of(session, residents.c.person_id, []))).all()
    session.close()
    assert found == {"p-00000", "p-00007", "p-00029"}
    assert nothing == []


def test_insert_rows_adds_every_row_with_its_values_and_the_defaults(database):
    landlord_id = str(uuid.uuid4())
    session = database.open(landlord_id=landlord_id)
    rows = [_row(landlord_id, n) for n in range(1200)]
    rows[3]["date_of_birth"], rows[4]["address_line_2"] = None, 'Back\\Door\t"B"\n\\N'
    bulk.insert_rows(session, residents, rows)
    bulk.insert_rows(session, residents, [])  # nothing to add: no statement
    session.commit()
    kept = {r.person_id: r for r in session.execute(select(residents).where(residents.c.landlord_id == landlord_id))}
    session.close()
    assert len(kept) == 1200 and kept["p-00003"].date_of_birth is None
    assert kept["p-00004"].address_line_2 == 'Back\\Door\t"B"\n\\N'
    assert kept["p-01199"].date_of_birth == dt.date(1980, 1, 1)
    assert kept["p-01199"].updated_at.replace(tzinfo=dt.timezone.utc) == NOW  # SQLite keeps no zone
    assert len({r.resident_no for r in kept.values()}) == 1200  # a column not given takes its default


def test_insert_rows_breaking_a_constraint_adds_none_of_them(database):
    landlord_id = str(uuid.uuid4())
    session = database.open(landlord_id=landlord_id)
    bulk.insert_rows(session, residents, [_row(landlord_id, 5)])
    session.commit()
    with pytest.raises(IntegrityError):
        with session.begin_nested():
            bulk.insert_rows(session, residents, [_row(landlord_id, n) for n in range(4, 8)])  # p-00005 is there
    bulk.insert_rows(session, residents, [_row(landlord_id, 9)])  # the connection carries on
    session.commit()
    ids = set(session.execute(select(residents.c.person_id).where(residents.c.landlord_id == landlord_id)).scalars())
    session.close()
    assert ids == {"p-00005", "p-00009"}
