"""Messages sent through the platform, in the four steps: write (a draft with the record each recipient
will get), the list (people by hand, a group, a template or any criteria; each included or excluded with
the reason), preview, send (a background job; preferences and addresses are checked again as it goes).
Any staff member reads them; writing and sending need send_messages."""
from __future__ import annotations

from google.protobuf import json_format

from services.common.grpc_client import call, call_stream
from services.gen.tracker.messaging.v1 import messaging_service_pb2 as pb

from .. import searching
from ..api import landlord_staff
from ..downloads import PRODUCES, rows_file
from ..privileges import Privilege
from ..schemas import PageQuery
from ..schemas.messages import (FileQuery, MessageOut, MessagePreview, MessageQuery, MessagesFound, NewMessage,
                                RecipientsToAdd, RecipientsToRemove)
from . import api

MESSAGES = "/api/v1/messages"
MESSAGE = MESSAGES + "/{message_id}"
READ = landlord_staff()
SEND = landlord_staff(Privilege.SEND_MESSAGES)
TAG = "messages"
LIST_SECONDS = 300.0  # building a list of up to 100,000 people


def message(m) -> dict:
    return {"id": m.message_id, "channel": m.channel, "reference": m.reference, "status": m.status,
            "sender_name": m.sender_name, "sender_email": m.sender_email, "reply_to": m.reply_to,
            "subject": m.subject, "html": m.html, "greeting": m.greeting, "landlord_contact": m.landlord_contact,
            "notes": m.notes, "included": m.included, "waiting": m.waiting, "sent": m.sent, "bounced": m.bounced,
            "failed": m.failed, "delivered": m.delivered, "text": m.text, "reply_to_number": m.reply_to_number,
            "credits_needed": m.credits_needed, "mailing": m.mailing or None,
            "household_rules": json_format.MessageToDict(m.household_rules),
            "attachment": attachment(m.attachment) if m.HasField("attachment") else None,
            "variants": [{"language": v.language, "subject": v.subject, "html": v.html, "text": v.text}
                         for v in m.variants],
            "open_tracking": m.open_tracking, "survey_method": m.survey_method or None, "excluded": [{"reason": e.reason, "label": e.label, "count": e.count}
                                             for e in m.excluded],
            "created_at": m.created_at, "created_by": m.created_by, "sent_at": m.sent_at or None}


def attachment(a) -> dict:
    return {"file_name": a.file_name, "content_type": a.content_type, "size_bytes": a.size_bytes, "sha256": a.sha256,
            "uploaded_at": a.uploaded_at, "uploaded_by": a.uploaded_by}


def recipient(r) -> dict:
    return {"person_id": r.person_id, "name": r.name, "state": r.state, "reason": r.reason or None,
            "reason_label": r.reason_label or None, "to_address": r.to_address or None,
            "to_name": r.to_name or None, "subject": r.subject or None, "html": r.html or None,
            "text": r.text or None, "segments": r.segments, "error": r.error or None,
            "communication_id": r.communication_id or None, "large_print": r.large_print,
            "household_id": r.household_id or None, "language": r.language or None}


@api.route("POST", MESSAGES, access=SEND, tag=TAG, status=201, body=NewMessage, response=MessageOut,
           summary="Write a message (a draft): its content, and the communication record each recipient will get")
def create(gw, caller, body: NewMessage):
    request = pb.CreateMessageRequest(**body.model_dump(exclude={"household_rules", "mailing", "variants",
                                                                 "survey_method"}),
                                      mailing=body.mailing or "", survey_method=body.survey_method or "",
                                      variants=[pb.Variant(**v.model_dump()) for v in body.variants])
    request.household_rules.update(body.household_rules.model_dump() if body.household_rules else {})
    return message(call(gw.clients.messaging.CreateMessage, request))


@api.route("GET", MESSAGES, access=READ, tag=TAG, query=MessageQuery, response=MessagesFound,
           summary="Find messages by type, status, reference, notes, landlord contact and the day they were written "
                   "(newest first), each with its list's numbers")
def find(gw, caller, query: MessageQuery):
    answer = call(gw.clients.messaging.ListMessages, pb.ListMessagesRequest(
        channel=query.channel or "", status=query.status or "", reference=query.reference, notes=query.notes,
        landlord_contact=query.landlord_contact, page=query.page, page_size=query.page_size,
        created_from=query.created_from.isoformat() if query.created_from else "",
        created_to=query.created_to.isoformat() if query.created_to else ""))
    return {"total": answer.total, "page": query.page, "page_size": query.page_size,
            "items": [message(m) for m in answer.items]}


@api.route("GET", MESSAGE, access=READ, tag=TAG, response=MessageOut,
           summary="A message with its list's numbers: included, excluded by reason, and how sending is going")
def get(gw, caller, message_id: str):
    return message(call(gw.clients.messaging.GetMessage, pb.GetMessageRequest(message_id=message_id)))


@api.route("POST", MESSAGE + "/recipients", access=SEND, tag=TAG, body=RecipientsToAdd, response=MessageOut,
           summary="Add people to a draft's list: by hand, a group, a template or any criteria (at most 100,000 "
                   "on a list); each is included or excluded with the reason")
def add_recipients(gw, caller, message_id: str, body: RecipientsToAdd):
    call(gw.clients.messaging.GetMessage, pb.GetMessageRequest(message_id=message_id))  # another's: 404 first
    request = pb.AddRecipientsRequest(message_id=message_id)
    request.criteria.update(searching.checked(gw, caller, body.criteria))
    return message(call(gw.clients.messaging.AddRecipients, request, timeout=LIST_SECONDS))


@api.route("POST", MESSAGE + "/recipients/remove", access=SEND, tag=TAG, body=RecipientsToRemove,
           response=MessageOut, summary="Take people off a draft's list, or clear it")
def remove_recipients(gw, caller, message_id: str, body: RecipientsToRemove):
    return message(call(gw.clients.messaging.RemoveRecipients, pb.RemoveRecipientsRequest(
        message_id=message_id, person_ids=body.person_ids, all=body.all)))


@api.route("GET", MESSAGE + "/preview", access=READ, tag=TAG, query=PageQuery, response=MessagePreview,
           summary="Preview: each recipient as they will get the message (or why they will not), a page at a time")
def preview(gw, caller, message_id: str, query: PageQuery):
    answer = call(gw.clients.messaging.PreviewMessage, pb.PreviewMessageRequest(
        message_id=message_id, page=query.page, page_size=query.page_size))
    return {"message": message(answer.message), "total": answer.total, "page": query.page,
            "page_size": query.page_size, "items": [recipient(r) for r in answer.recipients]}


@api.route("POST", MESSAGE + "/send", access=SEND, tag=TAG, status=202, response=MessageOut,
           summary="Send a draft: a background job; GET the message for its progress")
def send(gw, caller, message_id: str):
    return message(call(gw.clients.messaging.SendMessage, pb.GetMessageRequest(message_id=message_id)))


@api.route("GET", MESSAGE + "/mailing-list", access=SEND, tag=TAG, query=FileQuery, produces=PRODUCES,
           summary="A post message's mail-merge file: one row per letter (name, address lines, postcode, large "
                   "print, on behalf of), in postcode order, for those included (or sent to)")
def mailing_list(gw, caller, message_id: str, query: FileQuery):
    chunks = call_stream(gw.clients.messaging.DownloadMailingList,
                         pb.MessageFileRequest(message_id=message_id, format=query.format), timeout=600)
    return rows_file(chunks, query.format, f"mailing-list-{message_id}.{query.format}")
