"""Surveys (phone, postal, face to face): the list, built as any message's, goes to the survey team as a
file, and their results come back as each person's communication record (Questionnaire: completed,
declined...), with a satisfaction score from 0 to 10 where one was given. A person's result given again
changes their record: each person on the list has one at most."""
from __future__ import annotations

from dataclasses import replace
from typing import Any, Mapping, Sequence

from services.common import phones
from services.common.errors import FieldProblem, InUse, InvalidInput, NotFound, collect
from services.common.uow import UnitOfWork

from .. import domain as records
from ..codes import service as codes
from ..store import CommunicationRecords
from . import post
from .domain import EXCLUDED, SENT, SENT_TO, SURVEY, Message, Recipient
from .store import Messages

MAX_RESULTS = 10_000
LIST_COLUMNS = ("Name", "Personal reference", "Phone", "Address line 1", "Address line 2", "Address line 3",
                "Address line 4", "Postcode", "Large print")


def list_rows(message: Message, surveyed: Sequence[Recipient]) -> list[list]:
    """The survey team's file (after LIST_COLUMNS): each person included, by name."""
    rows = []
    for r in sorted(surveyed, key=lambda r: (r.name, r.person_id)):
        phone = phones.written(r.to_address) if message.survey_method == "phone" else ""
        lines, postcode = post.address_parts(r.to_address) if not phone else ([""] * post.LINES, "")
        rows.append([r.name, r.personal_ref, phone, *lines, postcode, "Yes" if r.large_print else "No"])
    return rows


def _score(value: Any, at: str, problems: list[FieldProblem]) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
        problems.append(FieldProblem(at, "must be a whole number from 0 to 10"))
        return None
    return value


def record_results(uow: UnitOfWork, *, message_id: str, results: Sequence[Mapping[str, Any]],
                   user_id: str) -> list[str]:
    """Each result as its person's record (all or none: InvalidInput naming every bad one, as
    results.<n>.<field>); the records' ids, in the results' order."""
    store = Messages(uow.session, uow.landlord_id)
    message = store.get(message_id, for_update=True)
    if message is None:
        raise NotFound("message not found")
    if message.channel != SURVEY:
        raise InvalidInput.field("message_id", "is not a survey: only a survey takes results")
    if message.status != SENT:
        raise InUse.field("message_id", "send the survey (its list goes to the survey team) before its results")
    if not results or len(results) > MAX_RESULTS:
        raise InvalidInput.field("results", f"give 1 to {MAX_RESULTS:,} results")
    problems: list[FieldProblem] = []
    taken: list[tuple[Recipient, records.Details]] = []
    seen: set[str] = set()
    catalogue = codes.for_records(uow)  # the landlord's list: its labels, and what may be recorded
    for i, result in enumerate(results):
        at = f"results.{i}."
        recipient = store.recipient(message_id, str(result.get("person_id") or ""))
        if recipient is None or recipient.state == EXCLUDED:
            problems.append(FieldProblem(at + "person_id", "is not someone on the survey's list"))
        elif recipient.person_id in seen:
            problems.append(FieldProblem(at + "person_id", "has a result already in these results"))
        score = _score(result.get("satisfaction"), at + "satisfaction", problems)
        try:
            details = records.details(
                communication_code="questionnaire", outcome_code=result.get("outcome_code") or "",
                date=result.get("date") or uow.clock.today().isoformat(), landlord_contact=message.landlord_contact,
                description=message.reference[:records.TEXT_MAX], notes=result.get("notes") or "",
                today=uow.clock.today(), prefix=at, catalogue=catalogue)
        except InvalidInput as refused:
            problems += refused.fields
            continue
        if recipient is not None and recipient.state != EXCLUDED and recipient.person_id not in seen:
            seen.add(recipient.person_id)
            taken.append((recipient, replace(details, satisfaction=score)))
    collect(problems)
    made = [_recorded(uow, store, message, recipient, details, user_id) for recipient, details in taken]
    uow.commit()
    return made


def _recorded(uow: UnitOfWork, store: Messages, message: Message, recipient: Recipient,
              details: records.Details, user_id: str) -> str:
    kept = CommunicationRecords(uow.session, uow.landlord_id)
    record = kept.get(recipient.communication_id, for_update=True) if recipient.communication_id else None
    if record is not None and not record.deleted:
        record.change(details, uow.clock.now())
        kept.save(record)
    else:
        record = records.Communication.new(landlord_id=uow.landlord_id, person_id=recipient.person_id,
                                           details=details, user_id=user_id, now=uow.clock.now(),
                                           message_id=message.message_id)
        kept.add_all([record])
    uow.track(record)
    store.save_recipient(message.message_id, replace(recipient, state=SENT_TO, communication_id=record.communication_id))
    return record.communication_id
