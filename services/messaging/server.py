"""The Messaging gRPC servicer: proto -> use case -> proto, nothing else (the mapping to protobuf messages
is to_proto.py's; the report methods are report_server.py's)."""
from __future__ import annotations

from dataclasses import asdict
from typing import Any, Callable

from google.protobuf import json_format

from services.common import context
from services.common.context import require_landlord
from services.common.public_paths import REPLIES_PATH, STATUS_PATH
from services.common.row_files import chosen_format, file_chunks
from services.gen.tracker.messaging.v1 import messaging_service_pb2 as pb, messaging_service_pb2_grpc as pb_grpc

from . import contacts, service
from .clients.households import Households
from .clients.profiles import People
from .codes.server import CodeListServing
from .interactions.server import InteractionServing
from .credits import service as credits
from .events import communication_recorded
from .messages import attaching, defaults, incoming, mailing, need_rules, opens, service as messages, surveys
from .report_server import ReportServing
from .to_proto import (MESSAGE_FIELDS, attachment_info, communication_message, credits_message, message_summary,
                       need_rules_message, recipient_message)

FILTERS = ("channel", "status", "reference", "notes", "landlord_contact", "created_from", "created_to")
CHANGEABLE = ("communication_code", "outcome_code", "date", "landlord_contact", "description", "notes")


def _contact(c: contacts.Contact) -> pb.LandlordContact:
    return pb.LandlordContact(contact_id=c.contact_id, name=c.name, archived=c.archived, in_use=c.in_use)


def _details(message: pb.CommunicationDetails) -> dict:
    return {name: getattr(message, name) for name in CHANGEABLE}


class MessagingServicer(ReportServing, CodeListServing, InteractionServing, pb_grpc.MessagingServicer):
    """`text_token`: the text provider's auth token, which signs what it sends back; `public_url()`: the
    gateway's address as the provider reaches it (the signature covers the address); `secret`: what signs
    emails' unsubscribe links; `digest_mailer()`: a new SMTP mailer for one digest (closed after it)."""

    def __init__(self, runtime, people: People, nudge_sending=lambda: None, *, text_token: str = "",
                 public_url=lambda: "", secret: str = "", households: Households | None = None,
                 digest_mailer: Callable[[], Any] | None = None):
        self._runtime, self._people, self._nudge_sending = runtime, people, nudge_sending
        self._households, self._digest_mailer = households, digest_mailer
        self._text_token, self._public_url, self._secret = text_token, public_url, secret

    def _summary(self, landlord_id: str, message_id: str) -> pb.MessageSummary:
        with self._runtime.uow(landlord_id, read_only=True) as uow:
            return message_summary(messages.summary(uow, messages.get(uow, message_id)))

    def CreateMessage(self, request, ctx):
        landlord_id = require_landlord()
        languages = self._people.option_labels("first_language") if request.variants else []  # before the uow
        with self._runtime.uow(landlord_id) as uow:
            made = messages.create(uow, user_id=context.current().user_id, languages=languages, fields={
                **{name: getattr(request, name) for name in MESSAGE_FIELDS},
                "household_rules": json_format.MessageToDict(request.household_rules),
                "variants_given": [{"language": v.language, "subject": v.subject, "html": v.html, "text": v.text}
                                   for v in request.variants]})
        return self._summary(landlord_id, made.message_id)

    def GetMessage(self, request, ctx):
        return self._summary(require_landlord(), request.message_id)

    def ListMessages(self, request, ctx):
        with self._runtime.uow(require_landlord(), read_only=True) as uow:
            total, found = messages.find(uow, filters={name: getattr(request, name) for name in FILTERS},
                                         page=request.page, page_size=request.page_size)
        return pb.MessagePage(total=total, items=[message_summary(m) for m in found])

    def AddRecipients(self, request, ctx):
        landlord_id = require_landlord()
        messages.add_recipients(lambda: self._runtime.uow(landlord_id), self._people, message_id=request.message_id,
                                criteria=json_format.MessageToDict(request.criteria), households=self._households)
        return self._summary(landlord_id, request.message_id)

    def RemoveRecipients(self, request, ctx):
        landlord_id = require_landlord()
        with self._runtime.uow(landlord_id) as uow:
            messages.remove_recipients(uow, message_id=request.message_id, person_ids=list(request.person_ids),
                                       everyone=request.all)
        return self._summary(landlord_id, request.message_id)

    def PreviewMessage(self, request, ctx):
        landlord_id = require_landlord()
        with self._runtime.uow(landlord_id, read_only=True) as uow:
            message, total, page = messages.preview(uow, message_id=request.message_id, page=request.page,
                                                    page_size=request.page_size)
            summary = message_summary(messages.summary(uow, message))
        return pb.MessagePreview(message=summary, total=total,
                                 recipients=[recipient_message(message, r, rendered) for r, rendered in page])

    def SendMessage(self, request, ctx):
        landlord_id = require_landlord()
        with self._runtime.uow(landlord_id) as uow:
            messages.send(uow, message_id=request.message_id, user_id=context.current().user_id)
        self._nudge_sending()
        return self._summary(landlord_id, request.message_id)

    def DownloadMailingList(self, request, ctx):
        with self._runtime.uow(require_landlord(), read_only=True) as uow:
            message, letters = messages.letters(uow, message_id=request.message_id)
        if message.channel == "survey":
            chunks = file_chunks([surveys.LIST_COLUMNS, *surveys.list_rows(message, letters)],
                                 chosen_format(request.format), sheet_title="Survey list")
        else:
            chunks = mailing.merge_file(letters, mailing.file_format(message, request.format))
        for data in chunks:
            yield pb.FileChunk(data=data)

    def RecordSurveyResults(self, request, ctx):
        with self._runtime.uow(require_landlord()) as uow:
            made = surveys.record_results(uow, message_id=request.message_id, user_id=context.current().user_id,
                                          results=[{"person_id": r.person_id, "outcome_code": r.outcome_code,
                                                    "satisfaction": r.satisfaction if r.HasField("satisfaction")
                                                    else None, "date": r.date, "notes": r.notes}
                                                   for r in request.results])
        return pb.RecordCommunicationsResponse(recorded=len(made), communication_ids=made)

    def PutAttachment(self, request, ctx):
        landlord_id = require_landlord()
        with self._runtime.uow(landlord_id) as uow:
            attaching.put(uow, message_id=request.message_id, file_name=request.file_name, content=request.content,
                          user_id=context.current().user_id)
        return self._summary(landlord_id, request.message_id)

    def RemoveAttachment(self, request, ctx):
        landlord_id = require_landlord()
        with self._runtime.uow(landlord_id) as uow:
            attaching.remove(uow, message_id=request.message_id)
        return self._summary(landlord_id, request.message_id)

    def GetAttachment(self, request, ctx):
        with self._runtime.uow(require_landlord(), read_only=True) as uow:
            found = attaching.read(uow, message_id=request.message_id)
        return pb.AttachmentFile(info=attachment_info(found), content=found.content)

    def ListLandlordContacts(self, request, ctx):
        with self._runtime.uow(require_landlord(), read_only=True) as uow:
            return pb.LandlordContacts(contacts=[_contact(c) for c in contacts.listed(uow, archived=request.archived)])

    def AddLandlordContact(self, request, ctx):
        with self._runtime.uow(require_landlord()) as uow:
            return _contact(contacts.add(uow, name=request.name, user_id=context.current().user_id))

    def UpdateLandlordContact(self, request, ctx):
        with self._runtime.uow(require_landlord()) as uow:
            return _contact(contacts.change(
                uow, contact_id=request.contact_id, name=request.name if request.HasField("name") else None,
                archived=request.archived if request.HasField("archived") else None))

    def DeleteLandlordContact(self, request, ctx):
        with self._runtime.uow(require_landlord()) as uow:
            contacts.remove(uow, contact_id=request.contact_id)
        return pb.LandlordContactDeleted()

    def GetNeedRules(self, request, ctx):
        with self._runtime.uow(require_landlord(), read_only=True) as uow:
            return need_rules_message(need_rules.rules(uow))

    def SetNeedRules(self, request, ctx):
        known = self._people.option_labels("communication_needs")  # asked before the transaction begins
        with self._runtime.uow(require_landlord()) as uow:
            return need_rules_message(need_rules.replace_all(
                uow, given=[{"need": r.need, "channel": r.channel, "action": r.action} for r in request.rules],
                known_needs=known, user_id=context.current().user_id))

    def TakeTextDeliveryReport(self, request, ctx):
        done = incoming.delivery_report(self._runtime.uow, token=self._text_token,
                                        url=self._public_url() + STATUS_PATH, params=dict(request.params),
                                        signature=request.signature)
        return pb.ProviderAnswer(done=done)

    def TakeTextReply(self, request, ctx):
        done = incoming.reply(self._runtime.uow, self._people, token=self._text_token,
                              url=self._public_url() + REPLIES_PATH, params=dict(request.params),
                              signature=request.signature)
        return pb.ProviderAnswer(done=done)

    def Unsubscribe(self, request, ctx):
        return pb.ProviderAnswer(done=incoming.unsubscribed(self._people, secret=self._secret, link=request.token))

    def TakeOpen(self, request, ctx):
        return pb.ProviderAnswer(done=opens.opened(self._runtime.uow, secret=self._secret, link=request.token))

    def GetMessageDefaults(self, request, ctx):
        with self._runtime.uow(require_landlord(), read_only=True) as uow:
            return pb.MessageDefaults(**asdict(defaults.get(uow)))

    def SetMessageDefaults(self, request, ctx):
        with self._runtime.uow(require_landlord()) as uow:
            return pb.MessageDefaults(**asdict(defaults.put(
                uow, given=json_format.MessageToDict(request, preserving_proto_field_name=True),
                user_id=context.current().user_id)))

    def GetTextCredits(self, request, ctx):
        with self._runtime.uow(require_landlord(), read_only=True) as uow:
            return credits_message(credits.balance(uow, page=request.page, page_size=request.page_size))

    def TopUpTextCredits(self, request, ctx):
        landlord_id = require_landlord()
        with self._runtime.uow(landlord_id) as uow:
            credits.top_up(uow, credits=request.credits, note=request.note, user_id=context.current().user_id)
        with self._runtime.uow(landlord_id, read_only=True) as uow:
            return credits_message(credits.balance(uow))

    def RecordCommunications(self, request, ctx):
        with self._runtime.uow(require_landlord()) as uow:
            made = service.record(uow, self._people, user_id=context.current().user_id,
                                  person_ids=list(request.person_ids), details=_details(request.details))
        return pb.RecordCommunicationsResponse(recorded=len(made), communication_ids=[c.communication_id for c in made])

    def ListPersonCommunications(self, request, ctx):
        with self._runtime.uow(require_landlord(), read_only=True) as uow:
            total, found = service.person_records(uow, person_id=request.person_id, page=request.page,
                                                  page_size=request.page_size)
        return pb.CommunicationPage(total=total, items=[communication_message(c) for c in found])

    def GetCommunication(self, request, ctx):
        with self._runtime.uow(require_landlord(), read_only=True) as uow:
            return communication_message(service.get(uow, communication_id=request.communication_id))

    def UpdateCommunication(self, request, ctx):
        changes = {name: getattr(request, name) for name in CHANGEABLE if request.HasField(name)}
        with self._runtime.uow(require_landlord()) as uow:
            return communication_message(service.change(uow, communication_id=request.communication_id,
                                                        changes=changes, by=context.current().user_id))

    def DeleteCommunication(self, request, ctx):
        with self._runtime.uow(require_landlord()) as uow:
            service.delete(uow, communication_id=request.communication_id, by=context.current().user_id)
        return pb.DeleteCommunicationResponse()

    def StreamCommunicationStates(self, request, ctx):
        landlord_id = require_landlord()
        pages = service.record_states(lambda: self._runtime.uow(landlord_id, read_only=True),
                                      page_size=request.page_size,
                                      after_communication_id=request.after_communication_id)
        for page in pages:
            yield pb.CommunicationStates(records=[communication_recorded(r) for r in page])
