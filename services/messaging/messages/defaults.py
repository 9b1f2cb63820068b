"""A landlord's message defaults: the sender name, email address, reply-to and texting number a new message
starts from (each may be changed on the message), and whether emails track opens (off unless the landlord
turns it on; a message keeps what it was written with). Checked, stored, read."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Mapping

from sqlalchemy import delete, insert, select

from services.common import phones
from services.common.errors import FieldProblem, collect
from services.common.uow import UnitOfWork

from ..tables import message_defaults as table
from .checks import email_address
from .domain import NAME_MAX


@dataclass(frozen=True)
class Defaults:
    sender_name: str = ""
    sender_email: str = ""
    reply_to: str = ""
    reply_to_number: str = ""  # E.164
    open_tracking: bool = False


def checked(given: Mapping[str, Any]) -> Defaults:
    """The defaults as given, tidied, or InvalidInput naming every bad field."""
    problems: list[FieldProblem] = []
    name = (given.get("sender_name") or "").strip()
    if len(name) > NAME_MAX:
        problems.append(FieldProblem("sender_name", f"must be at most {NAME_MAX} characters"))
    found = {}
    for field in ("sender_email", "reply_to"):
        value = (given.get(field) or "").strip()
        found[field] = email_address(value) if value else ""
        if found[field] is None:
            problems.append(FieldProblem(field, "is not an email address"))
    number = (given.get("reply_to_number") or "").strip()
    texting = phones.e164(number) if number else ""
    if texting is None:
        problems.append(FieldProblem("reply_to_number", "is not a phone number: give it as 07700 900123"))
    collect(problems)
    return Defaults(name, found["sender_email"], found["reply_to"], texting, bool(given.get("open_tracking")))


def get(uow: UnitOfWork) -> Defaults:
    row = uow.session.execute(select(table).where(table.c.landlord_id == uow.landlord_id)).mappings().first()
    return Defaults(row["sender_name"], row["sender_email"], row["reply_to"], row["reply_to_number"],
                    bool(row["open_tracking"])) if row else Defaults()


def put(uow: UnitOfWork, *, given: Mapping[str, Any], user_id: str) -> Defaults:
    defaults = checked(given)
    uow.session.execute(delete(table).where(table.c.landlord_id == uow.landlord_id))
    uow.session.execute(insert(table), [{"landlord_id": uow.landlord_id, **asdict(defaults),
                                         "updated_at": uow.clock.now(), "updated_by": user_id}])
    uow.commit()
    return defaults


def filled(fields: Mapping[str, Any], defaults: Defaults) -> dict[str, Any]:
    """A new message's fields, each of the sender's left blank taken from the defaults (a text's number
    for a text, the email addresses for an email)."""
    channel = (fields.get("channel") or "").strip().lower()
    names = ("sender_name",) + {"email": ("sender_email", "reply_to"), "text": ("reply_to_number",)}.get(channel, ())
    return {**fields, **{n: getattr(defaults, n) for n in names if not (fields.get(n) or "").strip()}}
