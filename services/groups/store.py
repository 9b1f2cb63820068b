"""Storage of admin groups and of the version of each person's groups event (SQLAlchemy Core), and
what every area's store shares: the landlord filter, pages, unique writes. Every query is filtered by
the landlord here; row-level security is the second wall. Each area's storage is in its store.py."""
from __future__ import annotations

from typing import Iterable

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from services.common.bulk import chunks, one_of, upsert_rows
from services.common.db import as_utc
from services.common.errors import AlreadyExists
from services.common.uow import UnitOfWork

from .domain import AdminGroup, key
from .tables import admin_groups, person_versions

TAKEN_REFERENCE = "is already the reference of an admin group"
WRITE_CHUNK = 1000  # rows per multi-row statement



def end_reads(uow: UnitOfWork) -> None:
    """End the transaction a use case has only read in so far, before it asks profiles: no row lock (nor,
    on SQLite, the database's write lock) is held while another service answers. The next statement
    begins a new transaction, in which the use case reads again what it writes by."""
    uow.rollback()


class Repository:
    def __init__(self, session: Session, landlord_id: str):
        self.session = session
        self.landlord_id = landlord_id

    def _mine(self, table):
        return table.c.landlord_id == self.landlord_id

    def _in(self, column, keys):
        """`column IN keys` as the engine does it best (bulk.one_of)."""
        return one_of(self.session, column, keys)

    def _rows(self, table, id_column, ids: Iterable[str], *columns) -> list:
        """The rows (or just `columns`) of the landlord with these ids, each id asked once."""
        rows: list = []
        for part in chunks(list(dict.fromkeys(ids))):
            query = select(*columns) if columns else select(table)
            rows.extend(self.session.execute(query.where(self._mine(table), self._in(id_column, part))).mappings())
        return rows

    def _existing(self, table, id_column, ids: Iterable[str]) -> set[str]:
        return {r[id_column.name] for r in self._rows(table, id_column, ids, id_column)}

    def _write_unique(self, statement, field: str, reason: str) -> None:
        """Run an insert or update that a unique index guards (the check before it may lose a race)."""
        try:
            with self.session.begin_nested():
                self.session.execute(statement)
        except IntegrityError:
            raise AlreadyExists.field(field, reason) from None

    def _page(self, table, order, *where, limit: int, offset: int) -> tuple[int, list]:
        total = self.session.execute(select(func.count()).select_from(table).where(self._mine(table), *where)).scalar()
        rows = self.session.execute(select(table).where(self._mine(table), *where).order_by(*order)
                                    .limit(limit).offset(offset)).mappings().all()
        return int(total or 0), rows


def contains(column, text: str):
    return column.contains(key(text), autoescape=True)


# -- admin groups --------------------------------------------------------------------------------------------------

def _group_row(g: AdminGroup) -> dict:
    return {"group_id": g.group_id, "landlord_id": g.landlord_id, "reference": g.reference,
            "reference_key": key(g.reference), "description": g.description, "activity_id": g.activity_id,
            "member_count": g.member_count, "created_at": g.created_at, "created_by": g.created_by,
            "updated_at": g.updated_at}


def _group(r) -> AdminGroup:
    return AdminGroup(r["group_id"], r["landlord_id"], r["reference"], r["description"], r["activity_id"],
                      int(r["member_count"]), as_utc(r["created_at"]), r["created_by"], as_utc(r["updated_at"]))


class AdminGroupRepository(Repository):
    def add(self, group: AdminGroup) -> None:
        self._write_unique(insert(admin_groups).values(**_group_row(group)), "reference", TAKEN_REFERENCE)

    def save(self, group: AdminGroup) -> None:
        self._write_unique(update(admin_groups).where(self._mine(admin_groups), admin_groups.c.group_id == group.group_id)
                           .values(**_group_row(group)), "reference", TAKEN_REFERENCE)

    def get(self, group_id: str, *, for_update: bool = False) -> AdminGroup | None:
        query = select(admin_groups).where(self._mine(admin_groups), admin_groups.c.group_id == group_id)
        row = self.session.execute(query.with_for_update() if for_update else query).mappings().first()
        return _group(row) if row else None

    def reference_taken(self, reference: str, *, other_than: str = "") -> bool:
        t = admin_groups
        return self.session.execute(select(t.c.group_id).where(
            self._mine(t), t.c.reference_key == key(reference), t.c.group_id != other_than)).first() is not None

    def page(self, *, text: str, limit: int, offset: int) -> tuple[int, list[AdminGroup]]:
        t = admin_groups
        where = [contains(t.c.reference_key, text)] if text else []
        total, rows = self._page(t, (t.c.reference_key, t.c.group_id), *where, limit=limit, offset=offset)
        return total, [_group(r) for r in rows]

    def add_to_count(self, group_id: str, delta: int) -> None:
        t = admin_groups
        self.session.execute(update(t).where(self._mine(t), t.c.group_id == group_id)
                             .values(member_count=t.c.member_count + delta))

    def of_ids(self, group_ids: Iterable[str]) -> dict[str, AdminGroup]:
        return {r["group_id"]: _group(r) for r in self._rows(admin_groups, admin_groups.c.group_id, group_ids)}

    def existing(self, group_ids: Iterable[str]) -> set[str]:
        return self._existing(admin_groups, admin_groups.c.group_id, group_ids)

    def delete(self, group_id: str) -> None:
        self.session.execute(delete(admin_groups).where(self._mine(admin_groups), admin_groups.c.group_id == group_id))


# -- the version of each person's PersonGroupsChanged ----------------------------------------------------------

class Versions(Repository):
    def page_after(self, after: str, limit: int) -> dict[str, int]:
        """At most `limit` people whose id follows `after` ("": the first), in id order: their versions now."""
        t = person_versions
        rows = self.session.execute(select(t.c.person_id, t.c.version).where(self._mine(t), t.c.person_id > after)
                                    .order_by(t.c.person_id).limit(limit))
        return {person_id: version for person_id, version in rows}

    def bump(self, person_ids: list[str]) -> dict[str, int]:
        """Each person's next version (1 for the first): one upsert of many rows (bulk.upsert_rows)."""
        versions: dict[str, int] = {}
        for part in chunks(list(dict.fromkeys(person_ids)), WRITE_CHUNK):
            rows = [{"landlord_id": self.landlord_id, "person_id": p, "version": 1} for p in part]
            versions.update(upsert_rows(self.session, person_versions, rows, keys=("landlord_id", "person_id"),
                                        add=("version",), returning=("person_id", "version")))
        return versions
