"""Storage of text credits (SQLAlchemy Core): a landlord's balance, locked while it changes, and its
movements. Every query is filtered by the landlord here; row-level security is the second wall."""
from __future__ import annotations

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from services.common.db import as_utc

from ..tables import text_credit_movements as movements, text_credits as credits
from .domain import Movement


class Credits:
    def __init__(self, session: Session, landlord_id: str):
        self.session, self.landlord_id = session, landlord_id

    def balance(self, *, for_update: bool = False) -> int:
        """The balance (0 before the first top-up); locked until the transaction ends with for_update."""
        statement = select(credits.c.balance).where(credits.c.landlord_id == self.landlord_id)
        found = self.session.execute(statement.with_for_update() if for_update else statement).scalar()
        return int(found or 0)

    def next_number(self) -> int:
        """The number the next movement takes (read under the balance's lock)."""
        mine = movements.c.landlord_id == self.landlord_id
        return int(self.session.execute(select(func.coalesce(func.max(movements.c.number), 0)).where(mine))
                   .scalar_one()) + 1

    def record(self, moved: Movement) -> None:
        """The movement, and the balance it leaves."""
        changed = self.session.execute(update(credits).where(credits.c.landlord_id == self.landlord_id)
                                       .values(balance=moved.balance_after, updated_at=moved.created_at))
        if changed.rowcount == 0:
            self.session.execute(insert(credits), [{"landlord_id": self.landlord_id, "balance": moved.balance_after,
                                                    "updated_at": moved.created_at}])
        self.session.execute(insert(movements), [{name: getattr(moved, name) for name in movements.c.keys()}])

    def movements(self, *, limit: int, offset: int) -> tuple[int, list[Movement]]:
        """How many movements there are, and a page of them, newest first."""
        mine = movements.c.landlord_id == self.landlord_id
        total = self.session.execute(select(func.count()).select_from(movements).where(mine)).scalar_one()
        rows = self.session.execute(select(movements).where(mine)
                                    .order_by(movements.c.number.desc())
                                    .limit(limit).offset(offset)).mappings()
        return total, [Movement(**{**r, "created_at": as_utc(r["created_at"])}) for r in rows]
