"""Texts: what the text provider sends back (delivery reports and people's replies, each signed with the
account's token: anything unsigned is refused with 403), and text credits (a landlord's balance and its
movements; the platform operator tops a landlord up when they buy more)."""
from __future__ import annotations

from dataclasses import replace

from flask import Response, request

from services.common import context
from services.common.errors import NotFound
from services.common.grpc_client import call
from services.common.public_paths import REPLIES_PATH, STATUS_PATH
from services.gen.tracker.messaging.v1 import messaging_service_pb2 as pb

from .. import service
from ..api import OPERATOR, SIGNED, landlord_staff
from ..forms import URLENCODED
from ..schemas import PageQuery
from ..schemas.messages import CreditTopUp, TextCreditsOut, TextReply, TextStatusReport
from . import api

TAG = "texts"
SIGNATURE = "X-Twilio-Signature"
NO_REPLY = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'  # TwiML: nothing sent back


def _from_provider(method) -> str:
    params = request.form.to_dict()  # every field the provider sent: its signature covers them all
    answer = call(method, pb.ProviderRequest(params=params, signature=request.headers.get(SIGNATURE, "")))
    return answer.done


@api.route("POST", STATUS_PATH, access=SIGNED, tag=TAG, status=204, body=TextStatusReport,
           body_media=URLENCODED, summary="The text provider's delivery report for one text (signed with "
                                          "X-Twilio-Signature; 403 otherwise): the recipient's record gets the outcome")
def delivery_report(gw, caller, body: TextStatusReport):
    _from_provider(gw.clients.messaging.TakeTextDeliveryReport)
    return None, 204


@api.route("POST", REPLIES_PATH, access=SIGNED, tag=TAG, body=TextReply, body_media=URLENCODED,
           produces="text/xml", summary="A text a person sent back (signed with X-Twilio-Signature; 403 otherwise): "
                                        "STOP opts them out of texts; any other reply becomes a communication record")
def text_reply(gw, caller, body: TextReply):
    _from_provider(gw.clients.messaging.TakeTextReply)
    return Response(NO_REPLY, status=200, mimetype="text/xml")


def credits(answer, query: PageQuery | None = None) -> dict:
    return {"balance": answer.balance, "low": answer.low, "low_below": answer.low_below, "total": answer.total,
            "page": query.page if query else 1, "page_size": query.page_size if query else 50,
            "items": [{"id": m.movement_id, "kind": m.kind, "credits": m.credits, "balance_after": m.balance_after,
                       "message_id": m.message_id or None, "note": m.note, "created_at": m.created_at,
                       "created_by": m.created_by} for m in answer.movements]}


@api.route("GET", "/api/v1/texts/credits", access=landlord_staff(), tag=TAG, query=PageQuery,
           response=TextCreditsOut, summary="The landlord's text credits: the balance (low below a threshold) and "
                                            "every top-up, spend and refund, newest first")
def get_credits(gw, caller, query: PageQuery):
    return credits(call(gw.clients.messaging.GetTextCredits,
                        pb.GetTextCreditsRequest(page=query.page, page_size=query.page_size)), query)


@api.route("POST", "/api/v1/landlords/{landlord_id}/text-credits", access=OPERATOR, tag=TAG, body=CreditTopUp,
           response=TextCreditsOut, summary="Top up a landlord's text credits (the platform operator, when the "
                                            "landlord buys more)")
def top_up(gw, caller, landlord_id: str, body: CreditTopUp):
    with gw.uow(platform=True) as uow:
        if landlord_id not in {l.landlord_id for l in service.list_landlords(uow, caller=caller)}:
            raise NotFound("landlord not found")
    with context.bound(replace(context.current(), landlord_id=landlord_id)):
        return credits(call(gw.clients.messaging.TopUpTextCredits,
                            pb.TopUpTextCreditsRequest(credits=body.credits, note=body.note)))
