"""Use cases and storage of a landlord's rules for communication needs: read them, and set them all at once
(checked against the landlord's communication needs, which profiles keeps)."""
from __future__ import annotations

from typing import Iterable, Mapping, Sequence

from sqlalchemy import delete, insert, select

from services.common.uow import UnitOfWork

from ..tables import need_rules as table
from . import needs
from .needs import NeedRule


def rules(uow: UnitOfWork) -> list[NeedRule]:
    rows = uow.session.execute(select(table.c.need, table.c.channel, table.c.action)
                               .where(table.c.landlord_id == uow.landlord_id)
                               .order_by(table.c.need, table.c.channel))
    return [NeedRule(r.need, r.channel, r.action) for r in rows]


def for_channel(uow: UnitOfWork, channel: str) -> dict[str, str]:
    """need (case folded) -> action, for routing one channel's messages."""
    return needs.for_channel(rules(uow), channel)


def replace_all(uow: UnitOfWork, *, given: Sequence[Mapping[str, str]], known_needs: Iterable[str],
                user_id: str) -> list[NeedRule]:
    """The landlord's rules become these (InvalidInput naming each bad one; nothing changes then)."""
    checked = needs.check(given, known_needs)
    uow.session.execute(delete(table).where(table.c.landlord_id == uow.landlord_id))
    if checked:
        now = uow.clock.now()
        uow.session.execute(insert(table), [{"landlord_id": uow.landlord_id, "need": r.need, "channel": r.channel,
                                             "action": r.action, "updated_at": now, "updated_by": user_id}
                                            for r in checked])
    uow.commit()
    return rules(uow)
