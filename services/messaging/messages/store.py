"""Storage of messages and the people on their lists (SQLAlchemy Core). Every query is filtered by the
landlord here; row-level security is the second wall. Only the send job's look for work crosses
landlords (sending_messages), in a platform-level transaction."""
from __future__ import annotations

import datetime as dt
from operator import attrgetter
from typing import Iterable, Sequence

from sqlalchemy import bindparam, delete, func, insert, or_, select, update
from sqlalchemy.orm import Session

from services.common.db import as_utc

from ..tables import message_recipients as recipients, messages
from . import post, variants
from .domain import CLAIMED, DONE, EXCLUDED, INCLUDED, SENDING, Message, Recipient
from .finding import MessageFilter

JOINING = "recipients_joining"  # PostgreSQL: a temporary table of the people joining a list, in one transaction
JOIN_CHUNK = 500  # people a chunk, where a list is joined a chunk at a time
RECIPIENT_FIELDS = ("name", "state", "reason", "to_address", "contact_name", "title", "first_name", "surname",
                    "personal_ref", "communication_id", "error", "segments", "provider_ref", "large_print",
                    "household_id", "mailing_name", "copy", "language")


def _message(r) -> Message:
    return Message(r["message_id"], r["landlord_id"], r["channel"], r["reference"], r["description"],
                   r["sender_name"], r["sender_email"], r["reply_to"], r["subject"], r["html"], r["greeting"],
                   r["landlord_contact"], r["notes"], r["status"], as_utc(r["created_at"]), r["created_by"],
                   as_utc(r["sent_at"]) if r["sent_at"] else None, r["text"], r["reply_to_number"], r["mailing"],
                   post.HouseholdRules.from_json(r["household_rules"]), bool(r["open_tracking"]),
                   variants.from_json(r["variants"]), r["survey_method"])


def recipient_from(r) -> Recipient:
    return Recipient(r["person_id"], **{name: r[name] for name in RECIPIENT_FIELDS if name != "copy"},
                     copy=bytes(r["copy"] or b""))


def recipient_of_text(session: Session, provider_ref: str) -> tuple[str, str, Recipient] | None:
    """(landlord id, message id, recipient) of the text the provider knows by this id (a platform-level
    session: a delivery report names no landlord)."""
    row = session.execute(select(recipients).where(recipients.c.provider_ref == provider_ref,
                                                   recipients.c.provider_ref != "")  # its index's rows
                          .limit(1)).mappings().first()
    return (row["landlord_id"], row["message_id"], recipient_from(row)) if row else None


def latest_text_to(session: Session, number: str, from_number: str) -> tuple[str, str, Recipient] | None:
    """(landlord id, message id, recipient) of the latest text sent to `number` from `from_number` (a
    platform-level session: a reply names only the two numbers)."""
    row = session.execute(
        select(recipients).join(messages, messages.c.message_id == recipients.c.message_id)
        .where(recipients.c.to_address == number, recipients.c.provider_ref != "",
               messages.c.channel == "text", messages.c.reply_to_number == from_number)
        .order_by(messages.c.created_at.desc()).limit(1)).mappings().first()
    return (row["landlord_id"], row["message_id"], recipient_from(row)) if row else None


def sending_messages(session: Session) -> list[tuple[str, str]]:
    """(landlord id, message id) of every message being sent, oldest first (a platform-level session)."""
    rows = session.execute(select(messages.c.landlord_id, messages.c.message_id)
                           .where(messages.c.status == SENDING).order_by(messages.c.created_at))
    return [(r.landlord_id, r.message_id) for r in rows]


class Messages:
    def __init__(self, session: Session, landlord_id: str):
        self.session, self.landlord_id = session, landlord_id
        self._joining = False  # PostgreSQL: the temporary table a list joins through is made (this transaction)

    def add(self, message: Message) -> None:
        row = {name: getattr(message, name) for name in messages.c.keys()}
        row["household_rules"] = message.household_rules.to_json()
        row["variants"] = variants.to_json(message.variants)
        self.session.execute(insert(messages), [row])

    def get(self, message_id: str, *, for_update: bool = False) -> Message | None:
        statement = select(messages).where(messages.c.landlord_id == self.landlord_id,
                                           messages.c.message_id == message_id)
        row = self.session.execute(statement.with_for_update() if for_update else statement).mappings().first()
        return _message(row) if row else None

    def find(self, found: MessageFilter, *, limit: int, offset: int) -> tuple[int, list[Message]]:
        """How many of the landlord's messages match, and a page of them, newest first."""
        where = [messages.c.landlord_id == self.landlord_id]
        if found.channel:
            where.append(messages.c.channel == found.channel)
        if found.status:
            where.append(messages.c.status == found.status)
        for column, words in ((messages.c.reference, found.reference), (messages.c.notes, found.notes),
                              (messages.c.landlord_contact, found.landlord_contact)):
            if words:
                where.append(func.lower(column).contains(words.lower(), autoescape=True))
        if found.created_from:
            where.append(messages.c.created_at >= found.created_from)
        if found.created_before:
            where.append(messages.c.created_at < found.created_before)
        total = self.session.execute(select(func.count()).select_from(messages).where(*where)).scalar_one()
        rows = self.session.execute(select(messages).where(*where)
                                    .order_by(messages.c.created_at.desc(), messages.c.message_id)
                                    .limit(limit).offset(offset)).mappings()
        return total, [_message(r) for r in rows]

    def set_status(self, message_id: str, status: str, sent_at: dt.datetime | None = None) -> None:
        self.session.execute(update(messages).where(messages.c.landlord_id == self.landlord_id,
                                                    messages.c.message_id == message_id)
                             .values(status=status, sent_at=sent_at))

    # -- the list --------------------------------------------------------------------
    def _of(self, message_id: str):
        return recipients.c.landlord_id == self.landlord_id, recipients.c.message_id == message_id

    def on_list(self, message_id: str, person_ids: Sequence[str]) -> set[str]:
        found = self.session.execute(select(recipients.c.person_id).where(
            *self._of(message_id), recipients.c.person_id.in_(list(person_ids))))
        return {r.person_id for r in found}

    def add_recipients(self, message_id: str, added: Sequence[Recipient]) -> None:
        if added:
            self.session.execute(insert(recipients), [
                {"message_id": message_id, "person_id": r.person_id, "landlord_id": self.landlord_id,
                 **{name: getattr(r, name) for name in RECIPIENT_FIELDS}} for r in added])

    def join_list(self, message_id: str, joining: Iterable[Recipient]) -> None:
        """These people join the list, each once (the first of anyone named twice); anyone on it already stays
        as they are. PostgreSQL: one COPY into a temporary table and one INSERT from it (COPY cannot write to a
        table behind row-level security), the table made once a transaction and emptied after each call (a list
        joins a chunk at a time); elsewhere a chunk at a time, asking who is on the list if anyone is."""
        first: dict[str, Recipient] = {}
        for r in joining:
            first.setdefault(r.person_id, r)
        added = list(first.values())
        if not added:
            return
        connection = self.session.connection()
        if connection.dialect.name == "postgresql":
            self._copy_in(connection.connection.driver_connection, message_id, added)
            return
        anyone = self.session.execute(select(recipients.c.person_id).where(*self._of(message_id)).limit(1)).first()
        for start in range(0, len(added), JOIN_CHUNK):
            chunk = added[start:start + JOIN_CHUNK]
            on_list = self.on_list(message_id, [r.person_id for r in chunk]) if anyone else set()
            self.add_recipients(message_id, [r for r in chunk if r.person_id not in on_list])

    def _copy_in(self, driver_connection, message_id: str, added: Sequence[Recipient]) -> None:
        """PostgreSQL, in the unit of work's transaction (its landlord setting and the wall apply)."""
        columns = ", ".join(("message_id", "landlord_id", "person_id", *RECIPIENT_FIELDS))
        values = attrgetter("person_id", *RECIPIENT_FIELDS)
        with driver_connection.cursor() as cursor:
            if not self._joining:
                cursor.execute(f"CREATE TEMPORARY TABLE {JOINING} (LIKE {recipients.name} INCLUDING DEFAULTS) "
                               "ON COMMIT DROP")
                self._joining = True
            with cursor.copy(f"COPY {JOINING} ({columns}) FROM STDIN") as copy:
                for r in added:
                    copy.write_row((message_id, self.landlord_id, *values(r)))
            cursor.execute(f"INSERT INTO {recipients.name} ({columns}) SELECT {columns} FROM {JOINING} "
                           "ON CONFLICT DO NOTHING")
            cursor.execute(f"DELETE FROM {JOINING}")

    def remove_recipients(self, message_id: str, person_ids: Sequence[str] | None) -> None:
        """Take these people off the list (everyone with None)."""
        statement = delete(recipients).where(*self._of(message_id))
        if person_ids is not None:
            statement = statement.where(recipients.c.person_id.in_(list(person_ids)))
        self.session.execute(statement)

    def counts(self, message_id: str) -> dict[tuple[str, str], int]:
        """How many people are in each (state, reason)."""
        rows = self.session.execute(select(recipients.c.state, recipients.c.reason, func.count())
                                    .where(*self._of(message_id))
                                    .group_by(recipients.c.state, recipients.c.reason))
        return {(state, reason): count for state, reason, count in rows}

    def page(self, message_id: str, *, limit: int, offset: int) -> list[Recipient]:
        """The list: included first, then excluded, each by name."""
        order = (recipients.c.state == EXCLUDED, recipients.c.name, recipients.c.person_id)
        rows = self.session.execute(select(recipients).where(*self._of(message_id)).order_by(*order)
                                    .limit(limit).offset(offset)).mappings()
        return [recipient_from(r) for r in rows]

    def letters(self, message_id: str) -> list[Recipient]:
        """Everyone on the list but those excluded."""
        rows = self.session.execute(select(recipients).where(*self._of(message_id), recipients.c.state != EXCLUDED)
                                    .order_by(recipients.c.person_id)).mappings()
        return [recipient_from(r) for r in rows]

    def recipient(self, message_id: str, person_id: str) -> Recipient | None:
        row = self.session.execute(select(recipients).where(*self._of(message_id),
                                                            recipients.c.person_id == person_id)).mappings().first()
        return recipient_from(row) if row else None

    def waiting(self, message_id: str, *, states: Sequence[str] = (INCLUDED,), limit: int,
                claimed_before: dt.datetime | None = None) -> list[Recipient]:
        """Recipients in these states, by person id; with `claimed_before`, only those claimed before then (or
        at a time not kept)."""
        where = [*self._of(message_id), recipients.c.state.in_(states)]
        if claimed_before is not None:
            where.append(or_(recipients.c.claimed_at < claimed_before, recipients.c.claimed_at.is_(None)))
        rows = self.session.execute(select(recipients).where(*where)
                                    .order_by(recipients.c.person_id).limit(limit)).mappings()
        return [recipient_from(r) for r in rows]

    def save_recipient(self, message_id: str, recipient: Recipient) -> None:
        self.session.execute(update(recipients).where(*self._of(message_id),
                                                      recipients.c.person_id == recipient.person_id)
                             .values(**{name: getattr(recipient, name) for name in RECIPIENT_FIELDS}))

    def claim(self, message_id: str, person_ids: Sequence[str], now: dt.datetime) -> None:
        """These recipients are being sent (state "sending", claimed now), in one statement."""
        if person_ids:
            self.session.execute(update(recipients).where(*self._of(message_id),
                                                          recipients.c.person_id.in_(list(person_ids)))
                                 .values(state=CLAIMED, claimed_at=now))

    def finish_claimed(self, message_id: str, done: Sequence[Recipient]) -> set[str]:
        """Save these recipients as done, those still claimed (locked first, then one UPDATE run for all); the
        ids of those saved: anyone not claimed any more is left as they are."""
        if not done:
            return set()
        still = set(self.session.execute(
            select(recipients.c.person_id).where(*self._of(message_id), recipients.c.state == CLAIMED,
                                                 recipients.c.person_id.in_([r.person_id for r in done]))
            .with_for_update()).scalars())
        rows = [{"b_person_id": r.person_id, **{f"b_{name}": getattr(r, name) for name in RECIPIENT_FIELDS}}
                for r in done if r.person_id in still]
        if rows:
            self.session.execute(update(recipients).where(
                *self._of(message_id), recipients.c.person_id == bindparam("b_person_id"))
                .values({name: bindparam(f"b_{name}") for name in RECIPIENT_FIELDS}), rows)
        return {row["b_person_id"] for row in rows}

    def segments(self, message_id: str, *, states: Sequence[str], handed_over: bool | None = None) -> int:
        """The parts of the texts of recipients in these states (only those the provider took, or did not)."""
        statement = select(func.coalesce(func.sum(recipients.c.segments), 0)).where(
            *self._of(message_id), recipients.c.state.in_(list(states)))
        if handed_over is not None:
            statement = statement.where((recipients.c.provider_ref != "") if handed_over
                                        else (recipients.c.provider_ref == ""))
        return int(self.session.execute(statement).scalar_one())

    def set_state(self, message_id: str, person_id: str, state: str, error: str) -> None:
        self.session.execute(update(recipients).where(*self._of(message_id), recipients.c.person_id == person_id)
                             .values(state=state, error=error[:500]))

    def unfinished(self, message_id: str) -> int:
        """Recipients not yet done (included, or claimed by a send that was cut short)."""
        return self.session.execute(select(func.count()).select_from(recipients).where(
            *self._of(message_id), recipients.c.state.not_in((EXCLUDED, *DONE)))).scalar_one()
