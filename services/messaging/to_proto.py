"""The messaging service's objects as the protobuf messages of the Messaging API: communication records,
messages with their list's numbers, recipients, attachments, text credits and need rules."""
from __future__ import annotations

import json

from google.protobuf import struct_pb2

from services.gen.tracker.messaging.v1 import messaging_service_pb2 as pb

from .credits.domain import Movement
from .domain import Communication
from .messages.attachments import Attachment
from .messages.domain import Message, Recipient, reason_label

MESSAGE_FIELDS = ("channel", "description", "sender_name", "sender_email", "reply_to", "subject", "html", "greeting",
                  "landlord_contact", "notes", "text", "reply_to_number", "mailing", "survey_method")


def communication_message(c: Communication) -> pb.Communication:
    d = c.details
    return pb.Communication(
        communication_id=c.communication_id, person_id=c.person_id,
        details=pb.CommunicationDetails(communication_code=d.communication_code, outcome_code=d.outcome_code,
                                        date=d.date.isoformat(), landlord_contact=d.landlord_contact,
                                        description=d.description, notes=d.notes, satisfaction=d.satisfaction),
        communication_label=d.communication_label, outcome_label=d.outcome_label, message_id=c.message_id,
        created_at=c.created_at.isoformat(), created_by=c.created_by, updated_at=c.updated_at.isoformat())


def message_summary(found: dict) -> pb.MessageSummary:
    m: Message = found["message"]
    return pb.MessageSummary(
        message_id=m.message_id, reference=m.reference, status=m.status,
        **{name: getattr(m, name) for name in MESSAGE_FIELDS if name != "description"},
        included=found["included"], waiting=found["waiting"], sent=found["sent"], bounced=found["bounced"],
        failed=found["failed"], delivered=found["delivered"], credits_needed=found["credits_needed"],
        excluded=[pb.ReasonCount(reason=r, label=label, count=n) for r, label, n in found["excluded"]],
        created_at=m.created_at.isoformat(), created_by=m.created_by,
        sent_at=m.sent_at.isoformat() if m.sent_at else "", household_rules=_struct(m.household_rules.to_json()),
        attachment=attachment_info(found["attachment"]) if found["attachment"] else None,
        open_tracking=m.open_tracking, variants=[pb.Variant(language=v.language, subject=v.subject, html=v.html,
                                                            text=v.text) for v in m.variants])


def need_rules_message(rules) -> pb.NeedRules:
    return pb.NeedRules(rules=[pb.NeedRule(need=r.need, channel=r.channel, action=r.action) for r in rules])


def attachment_info(a: Attachment) -> pb.AttachmentInfo:
    return pb.AttachmentInfo(file_name=a.file_name, content_type=a.content_type, size_bytes=a.size_bytes,
                             sha256=a.sha256, uploaded_at=a.uploaded_at.isoformat(), uploaded_by=a.uploaded_by)


def _struct(text: str) -> struct_pb2.Struct:
    found = struct_pb2.Struct()
    found.update(json.loads(text))
    return found


def recipient_message(message: Message, r: Recipient, rendered) -> pb.Recipient:
    subject, content = rendered or ("", "")
    text = message.channel == "text"
    return pb.Recipient(person_id=r.person_id, name=r.name, state=r.state, reason=r.reason,
                        reason_label=reason_label(message.channel, r.reason) if r.reason else "",
                        to_address=r.to_address, to_name=r.to_name if r.to_address else "", subject=subject,
                        html="" if text else content, text=content if text else "", segments=r.segments,
                        communication_id=r.communication_id, error=r.error, large_print=r.large_print,
                        household_id=r.household_id, language=r.language)


def credits_message(found: dict) -> pb.TextCredits:
    def movement(m: Movement) -> pb.CreditMovement:
        return pb.CreditMovement(movement_id=m.movement_id, kind=m.kind, credits=m.credits,
                                 balance_after=m.balance_after, message_id=m.message_id, note=m.note,
                                 created_at=m.created_at.isoformat(), created_by=m.created_by)
    return pb.TextCredits(balance=found["balance"], low=found["low"], low_below=found["low_below"],
                          total=found["total"], movements=[movement(m) for m in found["movements"]])
