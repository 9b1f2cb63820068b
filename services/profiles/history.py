"""Storage of each person's record of changes (SQLAlchemy Core): who changed which field, when, from what to
what, by hand or by the import. Every query is filtered by the landlord here; PostgreSQL row-level security is
the second wall behind it."""
from __future__ import annotations

import datetime as dt
from typing import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from services.common.bulk import insert_rows
from services.common.db import as_utc
from services.common.ids import new_id

from .domain import FieldChange
from .tables import person_changes


class HistoryRepository:
    def __init__(self, session: Session, landlord_id: str):
        self.session = session
        self.landlord_id = landlord_id

    def record(self, person_id: str, changes: Iterable[FieldChange], *, by: str, at: dt.datetime, source: str) -> None:
        self.record_many([(person_id, changes)], by=by, at=at, source=source)

    def record_many(self, entries: Iterable[tuple[str, Iterable[FieldChange]]], *, by: str, at: dt.datetime,
                    source: str) -> None:
        """The changes of many people (person id, changes) in one multi-row statement."""
        rows = [{"change_id": new_id(), "landlord_id": self.landlord_id, "person_id": person_id,
                 "changed_at": at, "changed_by": by, "source": source, "field": c.field, "old_value": c.old,
                 "new_value": c.new} for person_id, changes in entries for c in changes]
        insert_rows(self.session, person_changes, rows)

    def of(self, person_id: str, *, limit: int, offset: int) -> tuple[int, list[dict]]:
        where = (person_changes.c.landlord_id == self.landlord_id, person_changes.c.person_id == person_id)
        total = self.session.execute(select(func.count()).select_from(person_changes).where(*where)).scalar()
        rows = self.session.execute(select(person_changes).where(*where).order_by(
            person_changes.c.changed_at.desc(), person_changes.c.field).limit(limit).offset(offset)).mappings()
        return total, [{**row, "changed_at": as_utc(row["changed_at"])} for row in rows]
