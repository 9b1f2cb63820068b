"""Storage of the communication records reporting has seen (SQLAlchemy Core), filtered by the landlord
here; row-level security is the second wall."""
from __future__ import annotations

import datetime as dt
from typing import Sequence

from sqlalchemy import and_, distinct, func, insert, select, update
from sqlalchemy.orm import Session

from ..tables import counted_contacts as contacts
from .domain import CodeCount, ContactState


class ContactStore:
    def __init__(self, session: Session, landlord_id: str):
        self.session, self.landlord_id = session, landlord_id

    def versions(self, ids: Sequence[str]) -> dict[str, int]:
        rows = self.session.execute(select(contacts.c.communication_id, contacts.c.version).where(
            contacts.c.landlord_id == self.landlord_id, contacts.c.communication_id.in_(list(ids))))
        return {r.communication_id: r.version for r in rows}

    @staticmethod
    def _values(state: ContactState) -> dict:
        return {"version": state.version, "person_id": state.person_id,
                "communication_code": state.communication_code, "communication_label": state.communication_label,
                "outcome_code": state.outcome_code, "date": state.date, "deleted": state.deleted}

    def add(self, states: Sequence[ContactState]) -> None:
        if states:
            self.session.execute(insert(contacts), [{"landlord_id": self.landlord_id,
                                                     "communication_id": s.communication_id, **self._values(s)}
                                                    for s in states])

    def replace(self, state: ContactState) -> None:
        self.session.execute(update(contacts).where(
            contacts.c.landlord_id == self.landlord_id, contacts.c.communication_id == state.communication_id,
            contacts.c.version < state.version).values(**self._values(state)))

    def month(self, first: dt.date, following: dt.date) -> tuple[dict[str, CodeCount], int, int]:
        """(counts by communication code, records, people) of the records dated in [first, following)."""
        live = and_(contacts.c.landlord_id == self.landlord_id, contacts.c.deleted.is_(False),
                    contacts.c.date >= first, contacts.c.date < following)
        rows = self.session.execute(select(
            contacts.c.communication_code, func.max(contacts.c.communication_label), func.count(),
            func.count(distinct(contacts.c.person_id))).where(live).group_by(contacts.c.communication_code))
        by_code = {code: CodeCount(label, records, people) for code, label, records, people in rows}
        people = self.session.execute(select(func.count(distinct(contacts.c.person_id))).where(live)).scalar_one()
        return by_code, sum(c.records for c in by_code.values()), people
