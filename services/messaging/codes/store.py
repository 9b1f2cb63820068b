"""Storage of a landlord's communication codes and outcome codes (SQLAlchemy Core). A landlord without a list
has the product's; its list is made from the product's the first time it changes or a record is written
(INSERT ... ON CONFLICT DO NOTHING on the list's row: of two transactions making it at once, one makes it and
the other waits, then finds it). A change locks the list's row (FOR UPDATE) and a record being written
shares it (FOR SHARE) until the transaction ends, so a code is never deleted while a record is taking it."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from ..domain import PRODUCT, Catalogue, CommunicationCode, Outcome
from ..tables import communication_code_lists as lists, communication_codes as codes, communication_records
from ..tables import outcome_codes as outcomes


class CodeLists:
    def __init__(self, session: Session, landlord_id: str):
        self.session, self.landlord_id = session, landlord_id

    def catalogue(self) -> Catalogue:
        """The landlord's list as it is (the product's while it has none of its own)."""
        rows = self.session.execute(select(codes).where(codes.c.landlord_id == self.landlord_id)
                                    .order_by(codes.c.position, codes.c.code)).all()
        if not rows:
            return PRODUCT
        kept: dict[str, list[Outcome]] = {r.code: [] for r in rows}
        for o in self.session.execute(select(outcomes).where(outcomes.c.landlord_id == self.landlord_id)
                                      .order_by(outcomes.c.position, outcomes.c.code)):
            kept.setdefault(o.communication_code, []).append(Outcome(o.code, o.label, o.archived))
        return Catalogue(tuple(CommunicationCode(r.code, r.label, tuple(kept[r.code]), r.archived, r.colour,
                                                 r.text_colour) for r in rows))

    def opened(self, *, now: dt.datetime, for_change: bool) -> Catalogue:
        """The landlord's own list, made from the product's if it has none, locked until the transaction ends:
        against other changes (`for_change`) or only against changes (a record being written)."""
        if self._lock(for_change) is None:
            dialect = postgresql if self.session.get_bind().dialect.name == "postgresql" else sqlite
            made = self.session.execute(dialect.insert(lists).values(landlord_id=self.landlord_id, created_at=now)
                                        .on_conflict_do_nothing(index_elements=[lists.c.landlord_id])
                                        .returning(lists.c.landlord_id)).first()
            if made is not None:
                self._copy(PRODUCT)
            self._lock(for_change)
        return self.catalogue()

    def _lock(self, for_change: bool):
        return self.session.execute(select(lists.c.landlord_id).where(lists.c.landlord_id == self.landlord_id)
                                    .with_for_update(read=not for_change)).first()

    def _copy(self, catalogue: Catalogue) -> None:
        self.session.execute(codes.insert(), [
            {"landlord_id": self.landlord_id, "code": c.code, "label": c.label, "position": i, "archived": c.archived,
             "colour": c.colour, "text_colour": c.text_colour} for i, c in enumerate(catalogue.codes, 1)])
        self.session.execute(outcomes.insert(), [
            {"landlord_id": self.landlord_id, "communication_code": c.code, "code": o.code, "label": o.label,
             "position": i, "archived": o.archived} for c in catalogue.codes for i, o in enumerate(c.outcomes, 1)])

    def add_code(self, code: str, label: str, colour: str, text_colour: str) -> None:
        position = self._next(select(func.max(codes.c.position)).where(codes.c.landlord_id == self.landlord_id))
        self.session.execute(codes.insert().values(landlord_id=self.landlord_id, code=code, label=label,
                                                   position=position, archived=False, colour=colour,
                                                   text_colour=text_colour))

    def add_outcome(self, communication_code: str, code: str, label: str) -> None:
        position = self._next(select(func.max(outcomes.c.position)).where(
            outcomes.c.landlord_id == self.landlord_id, outcomes.c.communication_code == communication_code))
        self.session.execute(outcomes.insert().values(
            landlord_id=self.landlord_id, communication_code=communication_code, code=code, label=label,
            position=position, archived=False))

    def _next(self, highest) -> int:
        return (self.session.execute(highest).scalar_one() or 0) + 1

    def change_code(self, code: str, **values) -> None:
        self.session.execute(update(codes).where(codes.c.landlord_id == self.landlord_id, codes.c.code == code)
                             .values(**values))

    def change_outcome(self, communication_code: str, code: str, **values) -> None:
        self.session.execute(update(outcomes).where(*self._outcome(communication_code, code)).values(**values))

    def remove_code(self, code: str) -> None:
        self.session.execute(delete(outcomes).where(outcomes.c.landlord_id == self.landlord_id,
                                                    outcomes.c.communication_code == code))
        self.session.execute(delete(codes).where(codes.c.landlord_id == self.landlord_id, codes.c.code == code))

    def remove_outcome(self, communication_code: str, code: str) -> None:
        self.session.execute(delete(outcomes).where(*self._outcome(communication_code, code)))

    def _outcome(self, communication_code: str, code: str) -> tuple:
        return (outcomes.c.landlord_id == self.landlord_id, outcomes.c.communication_code == communication_code,
                outcomes.c.code == code)

    def records_carrying(self, communication_code: str, outcome_code: str | None = None) -> int:
        """How many of the landlord's records (not deleted ones) carry the code (with the outcome)."""
        r = communication_records.c
        where = and_(r.landlord_id == self.landlord_id, r.deleted.is_(False),
                     r.communication_code == communication_code,
                     *([r.outcome_code == outcome_code] if outcome_code is not None else []))
        return self.session.execute(select(func.count()).select_from(communication_records).where(where)).scalar_one()
