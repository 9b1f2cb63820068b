"""Message defaults (read by any staff member, set with manage_setup): the sender name, email addresses and
texting number a new message starts from, and whether emails record opens (off by default). And the picture
in such an email: fetched with a link signed for its recipient, it records the opening (403 for any other)."""
from __future__ import annotations

import base64

from flask import Response

from services.common.grpc_client import call
from services.common.public_paths import OPENED_PATH
from services.gen.tracker.messaging.v1 import messaging_service_pb2 as pb

from ..api import SIGNED, landlord_staff
from ..privileges import Privilege
from ..schemas.message_setup import MessageDefaultsIn, MessageDefaultsOut
from ..schemas.messages import UnsubscribeLink
from . import api

DEFAULTS = "/api/v1/message-defaults"
PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")  # 1x1 transparent GIF


def _defaults(d) -> dict:
    return {"sender_name": d.sender_name, "sender_email": d.sender_email, "reply_to": d.reply_to,
            "reply_to_number": d.reply_to_number, "open_tracking": d.open_tracking}


@api.route("GET", DEFAULTS, access=landlord_staff(), tag="messages", response=MessageDefaultsOut,
           summary="The landlord's message defaults: what a new message starts from")
def get(gw, caller):
    return _defaults(call(gw.clients.messaging.GetMessageDefaults, pb.GetMessageDefaultsRequest()))


@api.route("PUT", DEFAULTS, access=landlord_staff(Privilege.MANAGE_SETUP), tag="messages", body=MessageDefaultsIn,
           response=MessageDefaultsOut, summary="Set the message defaults (all of them; blank ones are none)")
def put(gw, caller, body: MessageDefaultsIn):
    return _defaults(call(gw.clients.messaging.SetMessageDefaults, pb.MessageDefaults(**body.model_dump())))


@api.route("GET", OPENED_PATH, access=SIGNED, tag="messages", query=UnsubscribeLink, produces="image/gif",
           summary="The picture in an email that records opens: its recipient's record gets the outcome Opened; "
                   "403 for a link the platform did not sign")
def opened(gw, caller, query: UnsubscribeLink):
    call(gw.clients.messaging.TakeOpen, pb.UnsubscribeRequest(token=query.token))
    return Response(PIXEL, status=200, mimetype="image/gif", headers={"Cache-Control": "no-store"})
