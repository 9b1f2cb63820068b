"""The message report: a message's numbers and its outcome analysis (each outcome its communication code
allows, with how many records have it now, delivery reports and replies included), the log of every
recipient (name, where it went, state, outcome, reason), and the copy each recipient was sent."""
from __future__ import annotations

from typing import Any, Iterator

from sqlalchemy import and_, func, select

from services.common.errors import NotFound
from services.common.uow import UnitOfWork

from .. import domain as records
from ..codes import service as codes
from ..messages import rendering, service as messages
from ..messages.domain import RECORD_CODES, Message, Recipient, reason_label
from ..messages.store import recipient_from
from ..tables import communication_records as table, message_recipients as recipients

LOG_COLUMNS = ("Name", "Personal reference", "Sent to", "Address or number", "State", "Outcome", "Reason",
               "Error", "Record date")
LOG_PAGE = 2_000


def report(uow: UnitOfWork, *, message_id: str) -> tuple[dict[str, Any], list[tuple[str, str, int]]]:
    """(the message's summary, its outcome analysis: (outcome code, label, records) for each outcome its
    communication code allows, in the code's order, then any other found)."""
    message = messages.get(uow, message_id)
    rows = uow.session.execute(select(table.c.outcome_code, func.count()).where(
        table.c.landlord_id == uow.landlord_id, table.c.message_id == message_id, table.c.deleted.is_(False))
        .group_by(table.c.outcome_code))
    found = {code: count for code, count in rows}
    analysis = [(o.code, o.label, found.pop(o.code, 0)) for o in _outcomes(uow, message)]
    return messages.summary(uow, message), analysis + [(code, code, n) for code, n in sorted(found.items())]


def log_rows(uow: UnitOfWork, *, message_id: str) -> tuple[Message, Iterator[list]]:
    """The message and its log's rows (after LOG_COLUMNS), everyone on the list by name, read a page at a
    time while the unit of work lasts (the caller consumes them inside it)."""
    message = messages.get(uow, message_id)
    outcomes = {o.code: o.label for o in _outcomes(uow, message)}

    def rows() -> Iterator[list]:
        joined = recipients.outerjoin(table, and_(table.c.communication_id == recipients.c.communication_id,
                                                  table.c.landlord_id == recipients.c.landlord_id))
        statement = (select(recipients, table.c.outcome_code, table.c.date).select_from(joined)
                     .where(recipients.c.landlord_id == uow.landlord_id, recipients.c.message_id == message_id)
                     .order_by(recipients.c.name, recipients.c.person_id))
        for row in uow.session.execute(statement.execution_options(yield_per=LOG_PAGE)).mappings():
            r = recipient_from(row)
            outcome = row["outcome_code"] or ""
            yield [r.name, r.personal_ref, r.to_name if r.to_address else "", r.to_address.replace("\n", ", "),
                   r.state, outcomes.get(outcome, outcome), reason_label(message.channel, r.reason) if r.reason else "",
                   r.error, row["date"].isoformat() if row["date"] else ""]
    return message, rows()


def _outcomes(uow: UnitOfWork, message: Message) -> tuple[records.Outcome, ...]:
    """The outcome codes of what the message records, as the landlord's list labels them (archived ones too)."""
    code = RECORD_CODES[message.channel]
    return (codes.catalogue(uow).code(code) or records.PRODUCT.code(code)).outcomes


def recipient_copy(uow: UnitOfWork, *, message_id: str, person_id: str) -> tuple[Message, Recipient, str, str]:
    """The message, the recipient and (subject, content) exactly as they were sent (NotFound until then)."""
    message = messages.get(uow, message_id)
    row = uow.session.execute(select(recipients).where(
        recipients.c.landlord_id == uow.landlord_id, recipients.c.message_id == message_id,
        recipients.c.person_id == person_id)).mappings().first()
    if row is None:
        raise NotFound.field("person_id", "this person is not on the message's list")
    recipient = recipient_from(row)
    if not recipient.copy:
        raise NotFound.field("person_id", "nothing was sent to this person" + (
            " (a letter's content is its template: download the message's attachment)"
            if message.channel == "post" else ""))
    subject, content = rendering.from_copy(recipient.copy)
    return message, recipient, subject, content
