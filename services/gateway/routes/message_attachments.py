"""A draft message's one attachment: an email's document or picture (every recipient gets it), or a
letter's template document (kept with the mailing, for the record). Uploading replaces any it had."""
from __future__ import annotations

from flask import Response

from services.common.grpc_client import call
from services.gen.tracker.messaging.v1 import messaging_service_pb2 as pb

from ..api import BINARY
from ..forms import MULTIPART
from ..schemas.messages import AttachmentUpload, MessageOut
from .documents import content_disposition
from .messages import MESSAGE, READ, SEND, TAG, message
from . import api

ATTACHMENT = MESSAGE + "/attachment"
MAX_BYTES = 5 * 1024 * 1024  # messaging's limit, refused here (413) before the bytes travel on
TRANSFER_TIMEOUT = 30.0


@api.route("PUT", ATTACHMENT, access=SEND, tag=TAG, body=AttachmentUpload, body_media=MULTIPART,
           max_upload_bytes=MAX_BYTES, response=MessageOut,
           summary="Attach a file to a draft (at most 5 MiB; an email's document or picture, a letter's template "
                   "document), replacing any it had")
def put(gw, caller, message_id: str, body: AttachmentUpload):
    return message(call(gw.clients.messaging.PutAttachment, pb.PutAttachmentRequest(
        message_id=message_id, file_name=body.file.file_name, content=body.file.content), timeout=TRANSFER_TIMEOUT))


@api.route("DELETE", ATTACHMENT, access=SEND, tag=TAG, response=MessageOut,
           summary="Take a draft's attachment off")
def remove(gw, caller, message_id: str):
    return message(call(gw.clients.messaging.RemoveAttachment, pb.GetMessageRequest(message_id=message_id)))


@api.route("GET", ATTACHMENT, access=READ, tag=TAG, produces=BINARY,
           summary="Download a message's attachment, as the type found in its bytes")
def download(gw, caller, message_id: str):
    found = call(gw.clients.messaging.GetAttachment, pb.GetMessageRequest(message_id=message_id),
                 timeout=TRANSFER_TIMEOUT)
    return Response(found.content, status=200, content_type=found.info.content_type, headers={
        "Content-Disposition": content_disposition(found.info.file_name), "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; sandbox", "Cache-Control": "private, no-store"})
