"""How each channel meets residents' communication needs: the landlord's rules, read by any staff member,
set (all at once) with manage_setup. A message's list applies them: a need a channel cannot meet sends the
person's message to their alternative contact, or holds them for a call, with the reason shown."""
from __future__ import annotations

from services.common.grpc_client import call
from services.gen.tracker.messaging.v1 import messaging_service_pb2 as pb

from ..api import landlord_staff
from ..privileges import Privilege
from ..schemas.message_setup import NeedRulesIn, NeedRulesOut
from . import api

NEED_RULES = "/api/v1/need-rules"


def _rules(answer) -> dict:
    return {"rules": [{"need": r.need, "channel": r.channel, "action": r.action} for r in answer.rules]}


@api.route("GET", NEED_RULES, access=landlord_staff(), tag="messages", response=NeedRulesOut,
           summary="How each channel meets communication needs: the rules a message's list applies")
def get(gw, caller):
    return _rules(call(gw.clients.messaging.GetNeedRules, pb.GetNeedRulesRequest()))


@api.route("PUT", NEED_RULES, access=landlord_staff(Privilege.MANAGE_SETUP), tag="messages", body=NeedRulesIn,
           response=NeedRulesOut, summary="Set every rule for communication needs at once (a need must be one of "
                                          "the landlord's; a need and channel once)")
def put(gw, caller, body: NeedRulesIn):
    return _rules(call(gw.clients.messaging.SetNeedRules, pb.NeedRules(
        rules=[pb.NeedRule(need=r.need, channel=r.channel, action=r.action) for r in body.rules])))
