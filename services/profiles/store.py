"""Storage of people (SQLAlchemy Core). Every query is filtered by the landlord
here; PostgreSQL row-level security is the second wall behind it."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, DateTime, Index, MetaData, String, Table, UniqueConstraint, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from services.common.db import outbox_table, processed_events_table
from services.common.errors import AlreadyExists

from .domain import Person

metadata = MetaData()
people = Table(
    "people", metadata,
    Column("person_id", String(36), primary_key=True),
    Column("landlord_id", String(36), nullable=False),
    Column("personal_ref", String(30), nullable=False),
    Column("first_name", String(100), nullable=False),
    Column("surname", String(100), nullable=False),
    Column("status", String(20), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("created_by", String(36), nullable=False),
    UniqueConstraint("landlord_id", "personal_ref", name="uq_people_landlord_ref"),
    Index("ix_people_landlord_surname", "landlord_id", "surname"),
)
outbox = outbox_table(metadata)
processed_events = processed_events_table(metadata)


class PersonRepository:
    def __init__(self, session: Session, landlord_id: str):
        self.session = session
        self.landlord_id = landlord_id

    def add(self, person: Person) -> None:
        if person.landlord_id != self.landlord_id:
            raise ValueError("person belongs to another landlord")
        if self.get_by_ref(person.personal_ref) is not None:
            raise _duplicate_ref()
        try:
            with self.session.begin_nested():
                self.session.execute(insert(people).values(**_row(person)))
        except IntegrityError:
            raise _duplicate_ref() from None

    def get(self, person_id: str) -> Person | None:
        row = self.session.execute(
            select(people).where(people.c.landlord_id == self.landlord_id, people.c.person_id == person_id)
        ).mappings().first()
        return _person(row) if row else None

    def get_by_ref(self, personal_ref: str) -> Person | None:
        row = self.session.execute(
            select(people).where(people.c.landlord_id == self.landlord_id, people.c.personal_ref == personal_ref)
        ).mappings().first()
        return _person(row) if row else None

    def all(self) -> list[Person]:
        rows = self.session.execute(select(people).where(people.c.landlord_id == self.landlord_id)).mappings()
        return [_person(row) for row in rows]


def _duplicate_ref() -> AlreadyExists:
    return AlreadyExists.field("personal_ref", "is already used by another person of this landlord")


def _row(person: Person) -> dict:
    return {c.name: getattr(person, c.name) for c in people.columns}


def _person(row) -> Person:
    values = {c.name: row[c.name] for c in people.columns}
    for name in ("created_at", "updated_at"):  # SQLite gives back naive datetimes
        if values[name].tzinfo is None:
            values[name] = values[name].replace(tzinfo=dt.timezone.utc)
    return Person(**values)
