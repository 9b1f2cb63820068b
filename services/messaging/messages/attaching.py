"""Use cases of a message's attachment: put one on a draft (replacing any it had), take it off, and read
it back (its description, or the file itself)."""
from __future__ import annotations

from services.common.errors import NotFound
from services.common.uow import UnitOfWork

from . import domain
from .attachment_store import Attachments
from .attachments import Attachment, new_attachment
from .service import get


def put(uow: UnitOfWork, *, message_id: str, file_name: str, content: bytes, user_id: str) -> Attachment:
    message = domain.only_in_draft(get(uow, message_id, for_update=True))
    attachment = new_attachment(channel=message.channel, file_name=file_name, content=content, user_id=user_id,
                                now=uow.clock.now())
    Attachments(uow.session, uow.landlord_id).put(message_id, attachment)
    uow.commit()
    return attachment


def remove(uow: UnitOfWork, *, message_id: str) -> None:
    domain.only_in_draft(get(uow, message_id, for_update=True))
    if not Attachments(uow.session, uow.landlord_id).remove(message_id):
        raise NotFound.field("message_id", "the message has no attachment")
    uow.commit()


def read(uow: UnitOfWork, *, message_id: str) -> Attachment:
    get(uow, message_id)
    found = Attachments(uow.session, uow.landlord_id).get(message_id, with_content=True)
    if found is None:
        raise NotFound.field("message_id", "the message has no attachment")
    return found
