"""The landlord's communication codes (Emailed, Phoned, Visited, Complaint...) and, under each, its outcome codes:
an option list every landlord starts with the product's codes in (any staff member reads it; manage_setup changes
it). They are also the landlord's interaction types, each with a colour (/api/v1/interaction-types is the same
list). A code or outcome a record carries is archived, not deleted (409); those the platform records on what it
sends (Emailed: Sent, Texted: Delivered...) are renamed only (409)."""
from __future__ import annotations

from services.common.grpc_client import call
from services.gen.tracker.messaging.v1 import messaging_service_pb2 as pb

from ..api import landlord_staff
from ..privileges import Privilege
from ..schemas.communication_codes import (CodeChanges, CodeListQuery, CommunicationCodeChanges, CommunicationCodeIn,
                                           CommunicationCodeList, CommunicationCodeOut, OutcomeCodeIn, OutcomeCodeOut)
from . import api

CODES = "/api/v1/communication-codes"
CODE = CODES + "/{communication_code}"
TYPES = "/api/v1/interaction-types"
TYPE = TYPES + "/{communication_code}"
OUTCOMES = CODE + "/outcomes"
OUTCOME = OUTCOMES + "/{outcome_code}"
MANAGE = landlord_staff(Privilege.MANAGE_SETUP)
TAG = "communications"
TYPES_TAG = "interactions"
RECORDED = "Recorded"  # the outcome a code added with none gets, so an interaction of it can be recorded


def _outcome(o) -> dict:
    return {"code": o.code, "label": o.label, "archived": o.archived, "platform": o.platform}


def _code(c) -> dict:
    return {"code": c.code, "label": c.label, "archived": c.archived, "platform": c.platform, "colour": c.colour,
            "text_colour": c.text_colour, "outcomes": [_outcome(o) for o in c.outcomes]}


def _changes(request, body: CodeChanges):
    for name in ("label", "archived", "colour", "text_colour"):
        if getattr(body, name, None) is not None:
            setattr(request, name, getattr(body, name))
    return request


@api.route("GET", CODES, access=landlord_staff(), tag=TAG, query=CodeListQuery, response=CommunicationCodeList,
           summary="The landlord's communication codes (Emailed, Phoned, Visited...) and, for each, the outcome codes "
                   "valid with it, in the order shown (archived ones only when asked for)")
def listed(gw, caller, query: CodeListQuery):
    answer = call(gw.clients.messaging.ListCommunicationCodes,
                  pb.ListCommunicationCodesRequest(archived=query.archived))
    return {"items": [_code(c) for c in answer.codes]}


@api.route("POST", CODES, access=MANAGE, tag=TAG, status=201, body=CommunicationCodeIn, response=CommunicationCodeOut,
           summary="Add a communication code, with its outcome codes (a label once: 409 for one the landlord has)")
def add(gw, caller, body: CommunicationCodeIn):
    outcomes = [pb.NewOutcomeCode(code=o.code, label=o.label) for o in body.outcomes] or [
        pb.NewOutcomeCode(label=RECORDED)]
    return _code(call(gw.clients.messaging.AddCommunicationCode, pb.AddCommunicationCodeRequest(
        code=body.code, label=body.label, outcomes=outcomes, colour=body.colour or "",
        text_colour=body.text_colour or "")))


@api.route("PATCH", CODE, access=MANAGE, tag=TAG, body=CommunicationCodeChanges, response=CommunicationCodeOut,
           summary="Rename, recolour or archive a communication code (or bring it back); the platform's own are not "
                   "archived")
def change(gw, caller, communication_code: str, body: CommunicationCodeChanges):
    return _code(call(gw.clients.messaging.UpdateCommunicationCode,
                      _changes(pb.UpdateCommunicationCodeRequest(code=communication_code), body)))


@api.route("DELETE", CODE, access=MANAGE, tag=TAG, status=204,
           summary="Delete a communication code (with its outcome codes) no record carries (409 otherwise: archive it)")
def remove(gw, caller, communication_code: str):
    call(gw.clients.messaging.DeleteCommunicationCode, pb.DeleteCommunicationCodeRequest(code=communication_code))
    return None, 204


@api.route("POST", OUTCOMES, access=MANAGE, tag=TAG, status=201, body=OutcomeCodeIn, response=OutcomeCodeOut,
           summary="Add an outcome code to a communication code (a label once per code: 409 for one it has)")
def add_outcome(gw, caller, communication_code: str, body: OutcomeCodeIn):
    return _outcome(call(gw.clients.messaging.AddOutcomeCode, pb.AddOutcomeCodeRequest(
        communication_code=communication_code, code=body.code, label=body.label)))


@api.route("PATCH", OUTCOME, access=MANAGE, tag=TAG, body=CodeChanges, response=OutcomeCodeOut,
           summary="Rename an outcome code or archive it (or bring it back); the platform's own are renamed only")
def change_outcome(gw, caller, communication_code: str, outcome_code: str, body: CodeChanges):
    return _outcome(call(gw.clients.messaging.UpdateOutcomeCode, _changes(pb.UpdateOutcomeCodeRequest(
        communication_code=communication_code, code=outcome_code), body)))


@api.route("DELETE", OUTCOME, access=MANAGE, tag=TAG, status=204,
           summary="Delete an outcome code no record carries (409 otherwise: archive it)")
def remove_outcome(gw, caller, communication_code: str, outcome_code: str):
    call(gw.clients.messaging.DeleteOutcomeCode, pb.DeleteOutcomeCodeRequest(
        communication_code=communication_code, code=outcome_code))
    return None, 204


# -- the same list as interaction types ---------------------------------------------------------------------------

@api.route("GET", TYPES, access=landlord_staff(), tag=TYPES_TAG, query=CodeListQuery, response=CommunicationCodeList,
           summary="The landlord's interaction types: its communication codes, each with its colour (the product's: "
                   "Phoned, Visited, Meeting, Complaint, Compliment, Safeguarding concern...; add your own)")
def interaction_types(gw, caller, query: CodeListQuery):
    return listed(gw, caller, query)


@api.route("POST", TYPES, access=MANAGE, tag=TYPES_TAG, status=201, body=CommunicationCodeIn,
           response=CommunicationCodeOut, summary="Add an interaction type: a communication code with a colour (and "
                                                  "its outcomes; left out: Recorded)")
def add_type(gw, caller, body: CommunicationCodeIn):
    return add(gw, caller, body)


@api.route("PATCH", TYPE, access=MANAGE, tag=TYPES_TAG, body=CommunicationCodeChanges, response=CommunicationCodeOut,
           summary="Rename, recolour or archive an interaction type (or bring it back)")
def change_type(gw, caller, communication_code: str, body: CommunicationCodeChanges):
    return change(gw, caller, communication_code, body)


@api.route("DELETE", TYPE, access=MANAGE, tag=TYPES_TAG, status=204,
           summary="Delete an interaction type while no interaction has it (409 otherwise: archive it)")
def remove_type(gw, caller, communication_code: str):
    return remove(gw, caller, communication_code)
