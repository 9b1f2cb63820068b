"""What comes back from the text provider, each request signed with the account's token (X-Twilio-Signature
over the address it was sent to): delivery reports, which give the recipient's communication record its
outcome (delivered, failed, illegal number, network error, blocked by user), and replies, matched to the
person by the number the latest text went to from the number replied to: STOP (or another of the usual
opt-out words) opts them out of texts; any other reply becomes an inbound communication record. A request
not signed by the provider is refused; one about a text this platform never sent is taken and dropped.
And the one-click unsubscribe link of an email: a link this platform signed opts its person out of the
channel; any other is refused."""
from __future__ import annotations

import logging
import time
from dataclasses import replace
from typing import Callable, Mapping

from services.common import context, phones
from services.common.errors import PermissionDenied
from services.common.twilio_signature import is_valid
from services.common.uow import UnitOfWork

from .. import domain as records
from ..clients.profiles import People
from ..codes import service as codes
from ..store import CommunicationRecords
from . import unsubscribe
from .domain import DELIVERED, FAILED, TEXT, Recipient
from .store import Messages, latest_text_to, recipient_of_text
from .texts import callback_outcome

log = logging.getLogger(__name__)

STOP_WORDS = frozenset({"STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"})  # the carriers' usual ones
NOT_SIGNED = "the request is not signed by the text provider"
NOT_OUR_LINK = "this unsubscribe link is not one this platform sent"
TEXT_RECORDED_S = 3.0  # how long a delivery report waits for the send job to record its text's provider id


def _signed(token: str, url: str, params: Mapping[str, str], signature: str) -> None:
    if not is_valid(token, url, params, signature):
        raise PermissionDenied(NOT_SIGNED)


def _text_sent(uow_for: Callable[..., UnitOfWork], sid: str) -> tuple[str, str, Recipient] | None:
    """The text the provider knows by this id. A report can overtake the send job's recording of the id (the
    provider answers, then reports at once, while the job is still writing it down): asked again for up to
    TEXT_RECORDED_S before the report is taken to be about a text this platform did not send."""
    deadline = time.monotonic() + TEXT_RECORDED_S
    while True:
        with uow_for(platform=True, read_only=True) as uow:
            found = recipient_of_text(uow.session, sid)
        if found is not None or time.monotonic() >= deadline:
            return found
        time.sleep(0.1)


def delivery_report(uow_for: Callable[..., UnitOfWork], *, token: str, url: str, params: Mapping[str, str],
                    signature: str) -> str:
    """The outcome the report gives the text's record ("" when it changes nothing)."""
    _signed(token, url, params, signature)
    outcome = callback_outcome(params.get("MessageStatus", ""), params.get("ErrorCode") or None)
    found = _text_sent(uow_for, params.get("MessageSid", "")) if params.get("MessageSid") else None
    if found is None or outcome is None:
        if found is None:
            log.info("a delivery report about a text this platform did not send was dropped")
        return ""
    landlord_id, message_id, recipient = found
    state = DELIVERED if outcome == "delivered" else FAILED
    error = "" if state == DELIVERED else f"the provider reported {params.get('MessageStatus')} " \
                                          f"(error {params.get('ErrorCode') or 'none given'})"
    with uow_for(landlord_id) as uow:
        record = CommunicationRecords(uow.session, landlord_id).get(recipient.communication_id, for_update=True)
        if record is None or record.deleted or record.details.outcome_code == outcome:
            return ""
        record.change(replace(record.details, outcome_code=outcome, catalogue=codes.catalogue(uow)), uow.clock.now())
        CommunicationRecords(uow.session, landlord_id).save(record)
        uow.track(record)
        Messages(uow.session, landlord_id).set_state(message_id, recipient.person_id, state, error)
        uow.commit()
    return outcome


def reply(uow_for: Callable[..., UnitOfWork], people: People, *, token: str, url: str, params: Mapping[str, str],
          signature: str) -> str:
    """What the reply did: "opted_out", "recorded" or "" (nobody this platform texted from that number)."""
    _signed(token, url, params, signature)
    number, ours = phones.e164(params.get("From", "")), phones.e164(params.get("To", ""))
    if not number or not ours:
        return ""
    with uow_for(platform=True, read_only=True) as uow:
        found = latest_text_to(uow.session, number, ours)
    if found is None:
        log.info("a text reply from a number this platform has not texted was dropped")
        return ""
    landlord_id, message_id, recipient = found
    body = (params.get("Body") or "").strip()
    with context.bound(context.CallContext(landlord_id=landlord_id, request_id=context.new_request_id())):
        if body.upper() in STOP_WORDS:
            people.opt_out(recipient.person_id, TEXT)
            return "opted_out"
        with uow_for(landlord_id) as uow:
            message = Messages(uow.session, landlord_id).get(message_id)
            details = records.Details("texted", "replied", uow.clock.today(), message.landlord_contact,
                                      message.reference[:records.TEXT_MAX],
                                      f"Reply from {number}: {body}"[:records.NOTES_MAX],
                                      catalogue=codes.catalogue(uow))
            made = records.Communication.new(landlord_id=landlord_id, person_id=recipient.person_id,
                                             details=details, user_id=message.created_by, now=uow.clock.now(),
                                             message_id=message_id)
            CommunicationRecords(uow.session, landlord_id).add_all([made])
            uow.track(made)
            uow.commit()
    return "recorded"



def unsubscribed(people: People, *, secret: str, link: str) -> str:
    """The channel the link's person is now opted out of (PermissionDenied for a link not signed here)."""
    who = unsubscribe.read(secret, link)
    if who is None:
        raise PermissionDenied(NOT_OUR_LINK)
    with context.bound(context.CallContext(landlord_id=who.landlord_id, request_id=context.new_request_id())):
        people.opt_out(who.person_id, who.channel)
    return who.channel
