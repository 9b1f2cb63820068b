"""Use cases of messages: write one (a draft), build its list from criteria (each person included, or
excluded with the reason), take people off, preview each recipient, and start sending. No row others use is
locked while another service answers: a list being built joins a chunk at a time as profiles streams the
people (rows nobody sees until the end), and the message is locked only at the end, to check it is still a
draft."""
from __future__ import annotations

from dataclasses import replace
from typing import Any, Callable, Iterator, Mapping, Sequence

from services.common.errors import InUse, InvalidInput, NotFound
from services.common.prefetch import read_ahead
from services.common.uow import UnitOfWork

from .. import domain as records
from ..clients.profiles import People
from ..credits import service as credits
from ..clients.households import Households
from . import defaults, domain, finding, mailing, need_rules, post, rendering, routing
from .domain import EXCLUDED, INCLUDED, REASONS, SENDING, Message
from .attachment_store import Attachments
from .store import Messages

MAX_LIST = 100_000  # people on one message's list


def _messages(uow: UnitOfWork) -> Messages:
    return Messages(uow.session, uow.landlord_id)


def create(uow: UnitOfWork, *, user_id: str, fields: Mapping[str, Any], languages: Sequence[str] = ()) -> Message:
    """A draft, the sender's details left blank taken from the landlord's defaults (with open tracking);
    `languages`: the landlord's first languages, which its variants must be in."""
    landlord = defaults.get(uow)
    message = domain.new_message(landlord_id=uow.landlord_id, user_id=user_id, now=uow.clock.now(),
                                 today=uow.clock.today(), open_tracking=landlord.open_tracking, languages=languages,
                                 **defaults.filled(fields, landlord))
    _messages(uow).add(message)
    uow.commit()
    return message


def get(uow: UnitOfWork, message_id: str, *, for_update: bool = False) -> Message:
    found = _messages(uow).get(message_id, for_update=for_update) if message_id else None
    if found is None:
        raise NotFound("message not found")
    return found


def summary(uow: UnitOfWork, message: Message) -> dict[str, Any]:
    """The message with its list's numbers: included, excluded by reason, and what sending made of them."""
    counts = _messages(uow).counts(message.message_id)
    by_state: dict[str, int] = {}
    excluded: dict[str, int] = {}
    for (state, reason), count in counts.items():
        by_state[state] = by_state.get(state, 0) + count
        if state == EXCLUDED:
            excluded[reason] = excluded.get(reason, 0) + count
    waiting = by_state.get(INCLUDED, 0) + by_state.get(domain.CLAIMED, 0)
    done = {state: by_state.get(state, 0) for state in domain.DONE}
    reasons = [*REASONS[message.channel], *sorted(set(excluded) - set(REASONS[message.channel]))]
    return {"message": message, "included": waiting + sum(done.values()), "waiting": waiting,
            "excluded": [(reason, domain.reason_label(message.channel, reason), excluded[reason])
                         for reason in reasons if reason in excluded],
            "credits_needed": _messages(uow).segments(message.message_id, states=(INCLUDED,)),
            "attachment": Attachments(uow.session, uow.landlord_id).get(message.message_id),
            **{"sent" if state == domain.SENT_TO else state: count for state, count in done.items()}}


def find(uow: UnitOfWork, *, filters: Mapping[str, str], page: int, page_size: int) -> tuple[int, list[dict]]:
    """How many of the landlord's messages the filters find, and a page of them (newest first), each with its
    list's numbers."""
    page, size = records.paging(page, page_size)
    total, found = _messages(uow).find(finding.message_filter(**filters), limit=size, offset=(page - 1) * size)
    return total, [summary(uow, message) for message in found]


def add_recipients(make_uow: Callable[[], UnitOfWork], people: People, *, message_id: str,
                   criteria: Mapping[str, Any], households: Households | None = None) -> Message:
    """Everyone the criteria pick joins the list (those on it already stay as they are), each included or
    excluded with the reason; a list over MAX_LIST people is refused whole. Post per household goes to the
    household each person lives in (`households` says which). One transaction: each chunk of people joins as
    profiles streams it (the database works while the next chunk comes), the message is locked at the end
    and must still be a draft, else nothing joins."""
    with make_uow() as uow:
        draft = domain.only_in_draft(get(uow, message_id))
        rules = need_rules.for_channel(uow, draft.channel)
    if not criteria:
        raise InvalidInput.field("criteria", "must pick someone: give at least one criterion")
    chunks = read_ahead(_routed(people, draft, criteria, rules))  # routed in a thread while the last chunk joins
    with make_uow() as uow:
        if draft.mailing == post.HOUSEHOLD_MAILING and households is not None:
            chunks = iter([mailing.to_households(draft, [r for chunk in chunks for r in chunk], people, households)])
        store = _messages(uow)
        for routed in chunks:
            store.join_list(message_id, routed)
        message = domain.only_in_draft(get(uow, message_id, for_update=True))  # sent meanwhile: nothing joins
        uow.commit()
    return message


def _routed(people: People, draft: Message, criteria: Mapping[str, Any],
            rules: Mapping[str, str]) -> Iterator[list[domain.Recipient]]:
    """The people the criteria pick, routed, a chunk at a time; InvalidInput on the first if they come to more
    than MAX_LIST."""
    for total, found in people.picked(criteria, draft.audience):
        if total > MAX_LIST:
            raise InvalidInput.field("criteria", f"picks {total:,} people: one list holds at most {MAX_LIST:,}")
        yield [rendering.costed(draft, routing.route(a, draft.audience, rules, draft.variants)) for a in found]


def remove_recipients(uow: UnitOfWork, *, message_id: str, person_ids: Sequence[str], everyone: bool) -> Message:
    message = get(uow, message_id, for_update=True)
    domain.only_in_draft(message)
    if not everyone and not person_ids:
        raise InvalidInput.field("person_ids", "must name at least one person (or clear the list with all)")
    _messages(uow).remove_recipients(message_id, None if everyone else list(person_ids))
    uow.commit()
    return message


def preview(uow: UnitOfWork, *, message_id: str, page: int, page_size: int) -> tuple[Message, int, list[tuple]]:
    """The message, how many are on its list, and a page of recipients each with what they will get: an
    email's (subject, html), a text's ("", text); None for those excluded."""
    page, size = records.paging(page, page_size)
    message = get(uow, message_id)
    store = _messages(uow)
    total = sum(store.counts(message_id).values())
    recipients = store.page(message_id, limit=size, offset=(page - 1) * size)
    return message, total, [(r, None if r.state == EXCLUDED else rendering.rendered(message, r)) for r in recipients]


def letters(uow: UnitOfWork, *, message_id: str) -> tuple[Message, list[domain.Recipient]]:
    """The message and the recipients its letters go to (those included, or sent to)."""
    message = get(uow, message_id)
    return message, _messages(uow).letters(message_id)


def send(uow: UnitOfWork, *, message_id: str, user_id: str) -> Message:
    """The send job takes it from here; refused unless it is a draft with someone to send to (and, for
    texts, credits for every part: taken now, what is not sent comes back when the send ends). A survey is
    sent at once: its list is fixed and goes to the survey team, whose results come back later."""
    message = get(uow, message_id, for_update=True)
    if message.status != domain.DRAFT:
        raise InUse.field("message_id", f"the message is {message.status} already")
    if not _messages(uow).waiting(message_id, limit=1):
        raise InUse.field("recipients", "the list has no one to send to: add people, or see who is excluded")
    if message.channel == domain.TEXT:
        credits.spend(uow, message_id=message_id, cost=_messages(uow).segments(message_id, states=(INCLUDED,)),
                      user_id=user_id)
    status = domain.SENT if message.channel == domain.SURVEY else SENDING
    _messages(uow).set_status(message_id, status, uow.clock.now() if status == domain.SENT else None)
    uow.commit()
    return replace(message, status=status)

