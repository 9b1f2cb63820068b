"""The send job: a thread of the messaging service that sends every message being sent, a batch of
recipients at a time. Each recipient is claimed (state "sending", committed) before their email or text
goes, checked again against profiles (status, preference, address or number), sent, and then marked done
with the one communication record it makes (a batch of emails in one transaction; each text in its own, at
once, as its delivery report may follow within moments). A recipient claimed when a job stopped is never
sent again: once the claim is older than the lease (CLAIM_LEASE; a replica's batch in flight is younger), a
job looking for work records it as sent, the notes saying delivery was not confirmed. Finishing a recipient
only takes effect on a claimed row, so no recipient gets two records. When a text message's list is done,
the credits of texts not handed over come back."""
from __future__ import annotations

import datetime as dt
import logging
from dataclasses import replace
from typing import Callable
from email.message import EmailMessage
from email.utils import formataddr

from services.common import context
from services.common.public_paths import OPENED_PATH, STATUS_PATH, UNSUBSCRIBE_PATH
from services.common.uow import UnitOfWork
from services.common.worker import BackgroundWorker

from .. import domain as records
from ..clients.profiles import People
from ..codes import service as codes
from ..credits import service as credits
from ..store import CommunicationRecords
from . import need_rules, rendering, routing, unsubscribe
from .domain import (CLAIMED, EXCLUDED, FAILED, POST, RECORD_CODES, SENT, SENT_TO, TEXT, Delivery, Message,
                     Recipient)
from .attachment_store import Attachments
from .attachments import Attachment
from .store import Messages, sending_messages

log = logging.getLogger(__name__)

BATCH = 50
CLAIM_LEASE = dt.timedelta(minutes=10)  # a batch is sent well within it, retries and backoff included
NOT_CONFIRMED = "The send job stopped while sending this message; it was not sent again (delivery not confirmed)."


def email(message: Message, recipient: Recipient, unsubscribe_url: str,
          attachment: Attachment | None = None, opened_url: str = "") -> EmailMessage:
    """The email as this recipient gets it, with a one-click unsubscribe (RFC 8058) for them, the message's
    attachment, if it has one, and the picture that tells their opening it (`opened_url`; "" for none)."""
    subject, html = rendering.render(message, recipient)
    if opened_url:
        html += f'<img src="{opened_url}" width="1" height="1" alt="" style="display:none">'
    mail = EmailMessage()
    mail["From"] = formataddr((message.sender_name, message.sender_email))
    mail["To"] = formataddr((recipient.to_name, recipient.to_address))
    mail["Reply-To"] = message.reply_to
    mail["Subject"] = subject
    mail["Message-ID"] = f"<{message.message_id}.{recipient.person_id}@tenant-tracker.invalid>"
    mail["List-Unsubscribe"] = f"<{unsubscribe_url}>"
    mail["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    mail.set_content(html, subtype="html")
    if attachment is not None:
        main, sub = attachment.content_type.split("/", 1)
        mail.add_attachment(attachment.content, maintype=main, subtype=sub, filename=attachment.file_name)
    return mail


class SendJob(BackgroundWorker):
    """`public_url()`: the gateway as the outside world reaches it (the text provider's delivery reports and
    the emails' unsubscribe links go there); `secret` signs the unsubscribe links."""

    def __init__(self, runtime, people: People, mailer, texts, public_url: Callable[[], str], secret: str,
                 claim_lease: dt.timedelta = CLAIM_LEASE):
        super().__init__("messaging-send")
        self._claim_lease = claim_lease
        self._runtime, self._people, self._mailer, self._texts = runtime, people, mailer, texts
        self._public_url, self._secret = public_url, secret
        self._attachments: dict[str, Attachment | None] = {}  # by message: read once, as sending starts

    def stop(self, timeout: float = 30.0) -> None:
        super().stop(timeout)
        self._mailer.close()
        self._texts.close()

    def _sending(self) -> list[tuple[str, str]]:
        with self._runtime.uow(platform=True, read_only=True) as uow:
            return sending_messages(uow.session)

    def work_once(self) -> bool:
        """Send every message being sent to the end of its list (or until stopped)."""
        self._recover()
        for landlord_id, message_id in self._sending():
            with context.bound(context.CallContext(landlord_id=landlord_id, request_id=context.new_request_id())):
                while not self.stopping and self._send_batch(landlord_id, message_id):
                    pass
        self._mailer.close()
        return False

    def _recover(self) -> None:
        """Recipients claimed longer ago than the lease (a send job stopped mid-batch): recorded as sent, never
        sent again."""
        for landlord_id, message_id in self._sending():
            with self._runtime.uow(landlord_id) as uow:
                store = Messages(uow.session, landlord_id)
                stranded = store.waiting(message_id, states=(CLAIMED,), limit=1_000_000,
                                         claimed_before=self._runtime.clock.now() - self._claim_lease)
                message = store.get(message_id) if stranded else None
            if message is not None:
                log.warning("message %s: %d recipients were being sent when the job stopped; not sent again",
                            message_id, len(stranded))
                self._finish(message, [(recipient, Delivery(SENT_TO)) for recipient in stranded], note=NOT_CONFIRMED)

    def _claim(self, landlord_id: str, message_id: str) -> tuple[Message, list[Recipient], dict[str, str]]:
        with self._runtime.uow(landlord_id) as uow:
            store = Messages(uow.session, landlord_id)
            message = store.get(message_id, for_update=True)
            if message_id not in self._attachments:  # a message being sent no longer changes
                self._attachments[message_id] = Attachments(uow.session, landlord_id).get(message_id,
                                                                                        with_content=True)
            claimed = store.waiting(message_id, limit=BATCH)
            rules = need_rules.for_channel(uow, message.channel)
            store.claim(message_id, [recipient.person_id for recipient in claimed], self._runtime.clock.now())
            claimed = [replace(recipient, state=CLAIMED) for recipient in claimed]
            if not claimed and store.unfinished(message_id) == 0:
                store.set_status(message_id, SENT, self._runtime.clock.now())
                self._attachments.pop(message_id, None)
                if message.channel == TEXT:
                    unused = (store.segments(message_id, states=(EXCLUDED,))
                              + store.segments(message_id, states=(FAILED,), handed_over=False))
                    credits.refund(uow, message_id=message_id, credits=unused, user_id=message.created_by)
            uow.commit()
        return message, claimed, rules

    def _send_batch(self, landlord_id: str, message_id: str) -> bool:
        """Claim, check and send the next batch; False once the list is done."""
        message, claimed, rules = self._claim(landlord_id, message_id)
        if not claimed:
            return False
        now = {a.person_id: rendering.costed(message, routing.route(a, message.audience, rules, message.variants))
               for a in self._people.addressees_now([r.person_id for r in claimed], message.audience)}
        done: list[tuple[Recipient, Delivery | None]] = []
        for recipient in claimed:
            checked = now.get(recipient.person_id) or replace(recipient, state=EXCLUDED, reason="archived")
            if checked.state == EXCLUDED:
                log.info("message %s: a recipient is excluded at sending (%s)", message_id, checked.reason)
                done.append((replace(recipient, reason=checked.reason), None))
                continue
            # the parts paid for; a letter as it was addressed (to the household, perhaps)
            checked = (replace(recipient, state=CLAIMED) if message.channel == POST
                       else replace(checked, state=CLAIMED, segments=recipient.segments))
            done.append((checked, self._hand_over(message, checked)))
            if message.channel == TEXT:  # its delivery report may come at once: the provider's id is kept now
                self._finish(message, done)
                done = []
        self._finish(message, done)  # emails: the batch in one transaction (a stop before it: not confirmed)
        return True

    def _hand_over(self, message: Message, recipient: Recipient) -> Delivery:
        if message.channel == POST:  # the post room sends the letters: sending records them as mailed
            return Delivery(SENT_TO)
        if message.channel == TEXT:
            return self._texts.send(recipient.to_address, message.reply_to_number,
                                    rendering.render_text(message, recipient), self._public_url() + STATUS_PATH)
        link = unsubscribe.token(self._secret, unsubscribe.Unsubscribe(message.landlord_id, recipient.person_id,
                                                                      message.channel))
        opened = unsubscribe.opened_token(self._secret, unsubscribe.Opened(message.landlord_id, recipient.person_id,
                                                                           message.message_id))
        return self._mailer.send(email(
            message, recipient, f"{self._public_url()}{UNSUBSCRIBE_PATH}?token={link}",
            self._attachments.get(message.message_id),
            f"{self._public_url()}{OPENED_PATH}?token={opened}" if message.open_tracking else ""))

    def _finish(self, message: Message, finished: list[tuple[Recipient, Delivery | None]], note: str = "") -> None:
        """These recipients done (excluded where the delivery is None) and, for each sent to, their
        communication record, in one transaction; a recipient someone else finished first is left as it is."""
        if not finished:
            return
        with self._runtime.uow(message.landlord_id) as uow:
            store = Messages(uow.session, message.landlord_id)
            left_off = [replace(recipient, state=EXCLUDED) for recipient, delivery in finished if delivery is None]
            sent, catalogue = [], codes.catalogue(uow)  # the labels the records' events carry
            for recipient, delivery in finished:
                if delivery is not None:
                    record = self._record(uow, message, recipient, delivery, note, catalogue)
                    sent.append((record, replace(recipient, state=delivery.state, error=delivery.error[:500],
                                                 communication_id=record.communication_id,
                                                 provider_ref=delivery.provider_ref,
                                                 copy=rendering.copy(message, recipient))))
            saved = store.finish_claimed(message.message_id, left_off + [done for _, done in sent])
            made = [record for record, done in sent if done.person_id in saved]
            CommunicationRecords(uow.session, uow.landlord_id).add_all(made)
            for record in made:
                uow.track(record)
            uow.commit()

    @staticmethod
    def _record(uow: UnitOfWork, message: Message, recipient: Recipient, delivery: Delivery,
                note: str, catalogue: records.Catalogue) -> records.Communication:
        notes = "\n".join(n for n in (message.notes, note, delivery.error) if n)[:records.NOTES_MAX]
        details = records.Details(RECORD_CODES[message.channel], delivery.outcome_code, uow.clock.today(),
                                  message.landlord_contact, message.reference[:records.TEXT_MAX], notes,
                                  catalogue=catalogue)
        return records.Communication.new(landlord_id=message.landlord_id, person_id=recipient.person_id,
                                         details=details, user_id=message.created_by, now=uow.clock.now(),
                                         message_id=message.message_id)

