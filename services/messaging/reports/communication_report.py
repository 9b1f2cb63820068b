"""The communication record report: the landlord's records picked by communication code, dates, landlord
contact and message; how many messages, dates, records and unique people they make, each message's share
(to drill down into its message report), and the summary or the records themselves as a file."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Mapping

from sqlalchemy import and_, func, or_, select

from services.common.errors import FieldProblem, collect
from services.common.uow import UnitOfWork

from .. import domain as records
from ..tables import communication_records as table, messages

BY_MESSAGE_MAX = 500  # messages listed in the summary (the newest last sent)
SUMMARY_COLUMNS = ("Message reference", "Channel", "Records", "People", "First date", "Last date")
RECORD_COLUMNS = ("Date", "Person", "Personal reference", "Communication", "Outcome", "Landlord contact",
                  "Description", "Notes", "Message reference")
PAGE = 2_000


@dataclass(frozen=True)
class RecordFilter:
    communication_code: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    landlord_contact: str = ""
    message_id: str = ""


def record_filter(given: Mapping[str, str], catalogue: records.Catalogue) -> RecordFilter:
    """The filter, checked, or InvalidInput naming every bad field; a communication code must be one of the
    landlord's `catalogue` (an archived one too: records still carry it)."""
    problems: list[FieldProblem] = []
    code = (given.get("communication_code") or "").strip()
    if code and catalogue.code(code) is None:
        problems.append(FieldProblem("communication_code",
                                     "must be one of " + ", ".join(c.code for c in catalogue.codes)))
    days: dict[str, dt.date | None] = {}
    for name in ("date_from", "date_to"):
        try:
            days[name] = dt.date.fromisoformat(given[name]) if given.get(name) else None
        except ValueError:
            problems.append(FieldProblem(name, "must be a date: YYYY-MM-DD"))
    if days.get("date_from") and days.get("date_to") and days["date_to"] < days["date_from"]:
        problems.append(FieldProblem("date_to", "must not be before date_from"))
    collect(problems)
    return RecordFilter(code, days.get("date_from"), days.get("date_to"),
                        (given.get("landlord_contact") or "").strip(), (given.get("message_id") or "").strip())


def _where(uow: UnitOfWork, picked: RecordFilter) -> list:
    where = [table.c.landlord_id == uow.landlord_id, table.c.deleted.is_(False)]
    if picked.communication_code:
        where.append(table.c.communication_code == picked.communication_code)
    if picked.date_from:
        where.append(table.c.date >= picked.date_from)
    if picked.date_to:
        where.append(table.c.date <= picked.date_to)
    if picked.landlord_contact:
        where.append(func.lower(table.c.landlord_contact).contains(picked.landlord_contact.lower(), autoescape=True))
    if picked.message_id:
        where.append(table.c.message_id == picked.message_id)
    return where


def summary(uow: UnitOfWork, picked: RecordFilter) -> dict[str, Any]:
    """The numbers of messages, dates, records and unique people, and each message's share."""
    where = _where(uow, picked)
    found = uow.session.execute(select(
        func.count(func.distinct(func.nullif(table.c.message_id, ""))), func.count(func.distinct(table.c.date)),
        func.count(), func.count(func.distinct(table.c.person_id))).where(*where)).one()
    shares = uow.session.execute(
        select(table.c.message_id, messages.c.reference, messages.c.channel, func.count(),
               func.count(func.distinct(table.c.person_id)), func.min(table.c.date), func.max(table.c.date))
        .join(messages, messages.c.message_id == table.c.message_id)
        .where(*where, messages.c.landlord_id == uow.landlord_id)
        .group_by(table.c.message_id, messages.c.reference, messages.c.channel)
        .order_by(func.max(table.c.date).desc(), table.c.message_id).limit(BY_MESSAGE_MAX))
    return {"messages": found[0], "dates": found[1], "records": found[2], "people": found[3],
            "by_message": [{"message_id": m, "reference": ref, "channel": channel, "records": n, "people": p,
                            "first_date": first, "last_date": last}
                           for m, ref, channel, n, p, first, last in shares]}


def summary_rows(found: dict[str, Any]) -> list[list]:
    return [[m["reference"], m["channel"], m["records"], m["people"], m["first_date"], m["last_date"]]
            for m in found["by_message"]]


def record_page(uow: UnitOfWork, picked: RecordFilter, after: tuple[dt.date, str] | None) -> list[dict]:
    """The next page of the records the filter picks, newest first, after the (date, id) of the last one
    read (None: from the start): each page in its own unit of work, so none is held open while profiles
    names the people."""
    where = _where(uow, picked)
    if after is not None:
        where.append(or_(table.c.date < after[0], and_(table.c.date == after[0],
                                                        table.c.communication_id > after[1])))
    statement = (select(table, messages.c.reference).outerjoin(messages, messages.c.message_id == table.c.message_id)
                 .where(*where).order_by(table.c.date.desc(), table.c.communication_id).limit(PAGE))
    return [dict(row) for row in uow.session.execute(statement).mappings()]


def record_row(row: Mapping[str, Any], person: tuple[str, str], catalogue: records.Catalogue) -> list:
    """One record's row (after RECORD_COLUMNS), labelled from the landlord's `catalogue`; `person` is (name,
    personal reference)."""
    code, outcome = row["communication_code"], row["outcome_code"]
    return [row["date"], person[0], person[1], catalogue.communication_label(code),
            catalogue.outcome_label(code, outcome),
            row["landlord_contact"], row["description"], row["notes"], row["reference"] or ""]
