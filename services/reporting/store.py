"""Aggregates kept up to date from events: reports never scan people."""
from __future__ import annotations

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from .domain import CountChange
from .tables import people_counts


class CountsRepository:
    def __init__(self, session: Session, landlord_id: str):
        self.session = session
        self.landlord_id = landlord_id

    def apply(self, change: CountChange) -> None:
        t = people_counts
        where = (t.c.landlord_id == self.landlord_id) & (t.c.status == change.status)
        updated = self.session.execute(update(t).where(where).values(people=t.c.people + change.delta))
        if updated.rowcount == 0:
            self.session.execute(insert(t).values(landlord_id=self.landlord_id, status=change.status, people=change.delta))

    def by_status(self) -> dict[str, int]:
        t = people_counts
        rows = self.session.execute(select(t.c.status, t.c.people).where(t.c.landlord_id == self.landlord_id))
        return {status: int(count) for status, count in rows}
