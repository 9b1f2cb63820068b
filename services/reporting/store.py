"""Aggregates kept up to date from events: reports never scan people."""
from __future__ import annotations

from sqlalchemy import BigInteger, Column, MetaData, String, Table, select, update, insert
from sqlalchemy.orm import Session

from services.common.db import outbox_table, processed_events_table

from .domain import CountChange

metadata = MetaData()
people_counts = Table(
    "people_counts", metadata,
    Column("landlord_id", String(36), primary_key=True),
    Column("status", String(20), primary_key=True),
    Column("people", BigInteger, nullable=False),
)
outbox = outbox_table(metadata)
processed_events = processed_events_table(metadata)


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
