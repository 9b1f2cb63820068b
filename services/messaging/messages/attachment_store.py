"""Storage of messages' attachments (SQLAlchemy Core), one per message; every query filtered by the
landlord here, row-level security the second wall."""
from __future__ import annotations

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from services.common.db import as_utc

from ..tables import message_attachments as attachments
from .attachments import Attachment

DESCRIBED = [c for c in attachments.c if c.name != "content"]


class Attachments:
    def __init__(self, session: Session, landlord_id: str):
        self.session, self.landlord_id = session, landlord_id

    def _of(self, message_id: str):
        return attachments.c.landlord_id == self.landlord_id, attachments.c.message_id == message_id

    def put(self, message_id: str, attachment: Attachment) -> None:
        """The message's attachment, replacing any it had."""
        self.remove(message_id)
        self.session.execute(insert(attachments), [{
            "message_id": message_id, "landlord_id": self.landlord_id, "file_name": attachment.file_name,
            "content_type": attachment.content_type, "size_bytes": attachment.size_bytes,
            "sha256": attachment.sha256, "content": attachment.content, "uploaded_at": attachment.uploaded_at,
            "uploaded_by": attachment.uploaded_by}])

    def remove(self, message_id: str) -> bool:
        return self.session.execute(delete(attachments).where(*self._of(message_id))).rowcount > 0

    def get(self, message_id: str, *, with_content: bool = False) -> Attachment | None:
        columns = list(attachments.c) if with_content else DESCRIBED
        row = self.session.execute(select(*columns).where(*self._of(message_id))).mappings().first()
        if row is None:
            return None
        return Attachment(row["file_name"], row["content_type"], row["size_bytes"], row["sha256"],
                          as_utc(row["uploaded_at"]), row["uploaded_by"], bytes(row["content"]) if with_content else b"")
