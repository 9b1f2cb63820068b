"""Use cases of text credits: the balance with its movements, a top-up (the platform operator, when a
landlord buys credits), and, inside a send's own transaction, taking what a message's texts cost (refused
if the balance is short) and giving back what it did not use."""
from __future__ import annotations

from typing import Any

from services.common.uow import UnitOfWork

from ..domain import paging
from . import domain
from .domain import LOW_BALANCE, REFUND, SPEND, TOP_UP
from .store import Credits



def balance(uow: UnitOfWork, *, page: int = 1, page_size: int = 0) -> dict[str, Any]:
    page, size = paging(page, page_size)
    store = Credits(uow.session, uow.landlord_id)
    total, movements = store.movements(limit=size, offset=(page - 1) * size)
    left = store.balance()
    return {"balance": left, "low": left < LOW_BALANCE, "low_below": LOW_BALANCE, "total": total,
            "movements": movements}


def top_up(uow: UnitOfWork, *, credits: int, note: str, user_id: str) -> domain.Movement:
    credits, note = domain.checked_top_up(credits, note)
    store = Credits(uow.session, uow.landlord_id)
    left = store.balance(for_update=True)
    moved = domain.movement(uow.landlord_id, store.next_number(), TOP_UP, credits, left, note=note,
                            now=uow.clock.now(), user_id=user_id)
    store.record(moved)
    uow.commit()
    return moved


def spend(uow: UnitOfWork, *, message_id: str, cost: int, user_id: str) -> None:
    """Take a message's cost in the caller's transaction (which commits), or InUse when the balance is short."""
    store = Credits(uow.session, uow.landlord_id)
    left = store.balance(for_update=True)
    domain.affordable(cost, left)
    if cost:
        store.record(domain.movement(uow.landlord_id, store.next_number(), SPEND, -cost, left, message_id=message_id,
                                     note="texts sent", now=uow.clock.now(), user_id=user_id))


def refund(uow: UnitOfWork, *, message_id: str, credits: int, user_id: str) -> None:
    """Give back, in the caller's transaction, the credits of texts a send did not hand over."""
    if credits <= 0:
        return
    store = Credits(uow.session, uow.landlord_id)
    left = store.balance(for_update=True)
    store.record(domain.movement(uow.landlord_id, store.next_number(), REFUND, credits, left, message_id=message_id,
                                 note="texts not sent", now=uow.clock.now(), user_id=user_id))
