"""Text credits in users' words, with no I/O: each part of a text sent costs one credit; the platform
operator tops a landlord up when they buy more; a send that needs more than the balance is refused before
anything goes out; what a send did not use comes back. Every change is a movement with the balance after it."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from services.common.errors import FieldProblem, InUse, collect
from services.common.ids import new_id

TOP_UP, SPEND, REFUND = "top_up", "spend", "refund"
LOW_BALANCE = 500  # below this the balance shows as low: time to buy more
MAX_TOP_UP = 10_000_000
NOTE_MAX = 200


@dataclass(frozen=True)
class Movement:
    movement_id: str
    landlord_id: str
    number: int  # 1, 2, 3... per landlord
    kind: str
    credits: int  # added (+) or taken (-)
    balance_after: int
    message_id: str
    note: str
    created_at: dt.datetime
    created_by: str


def movement(landlord_id: str, number: int, kind: str, credits: int, balance: int, *, message_id: str = "",
             note: str = "", now: dt.datetime, user_id: str) -> Movement:
    return Movement(new_id(), landlord_id, number, kind, credits, balance + credits, message_id, note, now,
                    user_id)


def checked_top_up(credits: int, note: str) -> tuple[int, str]:
    problems: list[FieldProblem] = []
    if not 1 <= credits <= MAX_TOP_UP:
        problems.append(FieldProblem("credits", f"must be between 1 and {MAX_TOP_UP:,}"))
    note = (note or "").strip()
    if len(note) > NOTE_MAX:
        problems.append(FieldProblem("note", f"must be at most {NOTE_MAX} characters"))
    collect(problems)
    return credits, note


def affordable(cost: int, balance: int) -> None:
    """Nothing, or InUse saying how many credits the send needs and how many there are."""
    if cost > balance:
        raise InUse.field("credits", f"the texts need {cost:,} credits and the balance is {balance:,}: "
                                     "ask the platform operator for a top-up, or take people off the list")
