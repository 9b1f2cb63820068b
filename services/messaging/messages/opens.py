"""An email opened: the picture in an email whose landlord tracks opens is fetched with a link signed for
its recipient and message, and gives their communication record the outcome Opened (once sent or delivered;
never over a bounce, a failure or a reply). A link this platform did not sign is refused."""
from __future__ import annotations

from dataclasses import replace
from typing import Callable

from services.common.errors import PermissionDenied
from services.common.uow import UnitOfWork

from ..codes import service as codes
from ..store import CommunicationRecords
from . import unsubscribe
from .store import Messages

OPENED = "opened"
OVERTAKES = ("sent", "delivered")  # the outcomes an open replaces
NOT_OUR_LINK = "this picture's link is not one this platform sent"


def opened(uow_for: Callable[..., UnitOfWork], *, secret: str, link: str) -> str:
    """ "opened" when the recipient's record now says so, else "" (tracking off, or an outcome that stays)."""
    seen = unsubscribe.read_opened(secret, link)
    if seen is None:
        raise PermissionDenied(NOT_OUR_LINK)
    with uow_for(seen.landlord_id) as uow:
        store = Messages(uow.session, seen.landlord_id)
        message = store.get(seen.message_id)
        recipient = store.recipient(seen.message_id, seen.person_id) if message and message.open_tracking else None
        if recipient is None or not recipient.communication_id:
            return ""
        records = CommunicationRecords(uow.session, seen.landlord_id)
        record = records.get(recipient.communication_id, for_update=True)
        if record is None or record.deleted or record.details.outcome_code not in OVERTAKES:
            return ""
        record.change(replace(record.details, outcome_code=OPENED, catalogue=codes.catalogue(uow)), uow.clock.now())
        records.save(record)
        uow.track(record)
        uow.commit()
    return OPENED
