"""Storage of communication records (SQLAlchemy Core): a deleted record stays as a tombstone, which only the
recount's pages show. Every query is filtered by the landlord here; row-level security is the second wall."""
from __future__ import annotations

from typing import Sequence

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from services.common.db import as_utc

from .domain import Communication, Details
from .tables import communication_records as records


def _row(c: Communication) -> dict:
    d = c.details
    return {"communication_id": c.communication_id, "landlord_id": c.landlord_id, "person_id": c.person_id,
            "communication_code": d.communication_code, "outcome_code": d.outcome_code, "date": d.date,
            "landlord_contact": d.landlord_contact, "description": d.description, "notes": d.notes,
            "satisfaction": d.satisfaction, "message_id": c.message_id, "version": c.version, "deleted": c.deleted,
            "created_at": c.created_at,
            "created_by": c.created_by, "updated_at": c.updated_at}


def _record(r) -> Communication:
    details = Details(r["communication_code"], r["outcome_code"], r["date"], r["landlord_contact"],
                      r["description"], r["notes"], r["satisfaction"])
    return Communication(r["communication_id"], r["landlord_id"], r["person_id"], details, r["message_id"],
                         r["version"], as_utc(r["created_at"]), r["created_by"], as_utc(r["updated_at"]),
                         bool(r["deleted"]))


class CommunicationRecords:
    def __init__(self, session: Session, landlord_id: str):
        self.session, self.landlord_id = session, landlord_id

    def _mine(self):
        return records.c.landlord_id == self.landlord_id

    def add_all(self, added: Sequence[Communication]) -> None:
        if added:
            self.session.execute(insert(records), [_row(c) for c in added])

    def save(self, record: Communication) -> None:
        self.session.execute(update(records).where(self._mine(), records.c.communication_id == record.communication_id)
                             .values(**_row(record)))

    def get(self, communication_id: str, *, for_update: bool = False) -> Communication | None:
        """The record, unless it is not there or deleted; `for_update` locks it until the transaction ends, so
        two changes of one record never both take the same next version."""
        statement = select(records).where(self._mine(), records.c.communication_id == communication_id,
                                          records.c.deleted.is_(False))
        row = self.session.execute(statement.with_for_update() if for_update else statement).mappings().first()
        return _record(row) if row else None

    def page_after(self, after: str, size: int) -> list[Communication]:
        """Every record (deleted ones too) whose id follows `after`, in id order, `size` at most."""
        rows = self.session.execute(select(records).where(self._mine(), records.c.communication_id > after)
                                    .order_by(records.c.communication_id).limit(size)).mappings()
        return [_record(r) for r in rows]

    def of_person(self, person_id: str, *, limit: int, offset: int,
                  codes: Sequence[str] = ()) -> tuple[int, list[Communication]]:
        """The person's records (of any of these codes; none: all), newest first (by date, then the latest
        recorded)."""
        where = (self._mine(), records.c.person_id == person_id, records.c.deleted.is_(False),
                 *([records.c.communication_code.in_(list(codes))] if codes else []))
        total = self.session.execute(select(func.count()).select_from(records).where(*where)).scalar_one()
        rows = self.session.execute(select(records).where(*where).order_by(
            records.c.date.desc(), records.c.created_at.desc(), records.c.communication_id)
            .limit(limit).offset(offset)).mappings()
        return total, [_record(r) for r in rows]
