"""Interactions on a person's profile: what happened with them (a typed, coloured note: a phone call, a home
visit, a complaint...), newest first and filtered by type, each with its follow-up actions. An interaction is
a communication record (its type the communication code, its title the record's description, its description
the record's notes), so one recorded here shows on the communications tab, in reports and in search, and the
other way round. Any staff member reads them; adding, changing and deleting them needs edit_profiles; every
change goes into the person's history."""
from __future__ import annotations

from services.common.grpc_client import call
from services.gen.tracker.messaging.v1 import messaging_service_pb2 as pb

from ..schemas.interactions import (ActionOut, InteractionChanges, InteractionList, InteractionOut, InteractionQuery,
                                    NewAction, NewInteraction)
from . import api
from .actions import ACT, READ, TAG, Shown, action_out, checked_assignee
from .person_links import PERSON, known_person

INTERACTION = "/api/v1/interactions/{interaction_id}"
# an interaction's fields as the communication record keeps them
AS_RECORD = {"type": "communication_code", "title": "description", "description": "notes", "date": "date",
             "outcome_code": "outcome_code", "landlord_contact": "landlord_contact"}


def _interaction(found, shown: Shown) -> dict:
    r, d = found.record, found.record.details
    return {"id": r.communication_id, "person_id": r.person_id, "type": d.communication_code,
            "type_label": r.communication_label, "colour": found.colour, "text_colour": found.text_colour,
            "title": d.description, "description": d.notes, "date": d.date, "outcome_code": d.outcome_code,
            "outcome_label": r.outcome_label, "landlord_contact": d.landlord_contact,
            "message_id": r.message_id or None, "recorded_by": r.created_by, "recorded_at": r.created_at,
            "updated_at": r.updated_at, "actions": [shown.action(a) for a in found.actions]}


def _shown(gw, caller, found: list) -> list[dict]:
    shown = Shown(gw, caller, [a for i in found for a in i.actions])
    return [_interaction(i, shown) for i in found]


def _new_action(gw, caller, action: NewAction, prefix: str = "") -> pb.NewAction:
    return pb.NewAction(what=action.what, assigned_to=checked_assignee(gw, caller, action.assigned_to,
                                                                       prefix + "assigned_to"),
                        due_date=action.due_date.isoformat())


@api.route("GET", PERSON + "/interactions", access=READ, tag=TAG, query=InteractionQuery, response=InteractionList,
           summary="A person's interactions, newest first, of any of the types asked for, each with its follow-up "
                   "actions")
def person_interactions(gw, caller, person_id: str, query: InteractionQuery):
    known_person(gw, person_id)
    answer = call(gw.clients.messaging.ListPersonInteractions, pb.ListPersonInteractionsRequest(
        person_id=person_id, types=query.type, page=query.page, page_size=query.page_size))
    return {"total": answer.total, "items": _shown(gw, caller, list(answer.items))}


@api.route("POST", PERSON + "/interactions", access=ACT, tag=TAG, status=201, body=NewInteraction,
           response=InteractionOut, summary="Add an interaction to a current person (type, title, description, date), "
                                            "with a follow-up action assigned to a staff user when given")
def add(gw, caller, person_id: str, body: NewInteraction):
    known_person(gw, person_id)
    details = pb.CommunicationDetails(communication_code=body.type, outcome_code=body.outcome_code,
                                      date=body.date.isoformat(), landlord_contact=body.landlord_contact,
                                      description=body.title, notes=body.description)
    request = pb.RecordInteractionRequest(person_id=person_id, details=details)
    if body.action is not None:
        request.action.CopyFrom(_new_action(gw, caller, body.action, "action."))
    return _shown(gw, caller, [call(gw.clients.messaging.RecordInteraction, request)])[0]


@api.route("GET", INTERACTION, access=READ, tag=TAG, response=InteractionOut,
           summary="An interaction, with its follow-up actions")
def get(gw, caller, interaction_id: str):
    return _shown(gw, caller, [call(gw.clients.messaging.GetInteraction,
                                    pb.GetCommunicationRequest(communication_id=interaction_id))])[0]


@api.route("PATCH", INTERACTION, access=ACT, tag=TAG, body=InteractionChanges, response=InteractionOut,
           summary="Change an interaction's type, title, description, date, outcome or landlord contact (each change "
                   "goes into the person's history)")
def change(gw, caller, interaction_id: str, body: InteractionChanges):
    given = body.model_dump(exclude_unset=True)
    sent = {AS_RECORD[k]: (v.isoformat() if k == "date" else v) for k, v in given.items() if v is not None}
    return _shown(gw, caller, [call(gw.clients.messaging.UpdateInteraction, pb.UpdateCommunicationRequest(
        communication_id=interaction_id, **sent))])[0]


@api.route("DELETE", INTERACTION, access=ACT, tag=TAG, status=204,
           summary="Delete an interaction (its open follow-up actions are cancelled with it; the person's history "
                   "keeps that it was there)")
def delete(gw, caller, interaction_id: str):
    call(gw.clients.messaging.DeleteCommunication, pb.GetCommunicationRequest(communication_id=interaction_id))
    return None, 204


@api.route("POST", INTERACTION + "/actions", access=ACT, tag=TAG, status=201, body=NewAction, response=ActionOut,
           summary="Add a follow-up action to an interaction: what, assigned to an active staff user, due today or "
                   "later")
def add_action(gw, caller, interaction_id: str, body: NewAction):
    call(gw.clients.messaging.GetInteraction, pb.GetCommunicationRequest(communication_id=interaction_id))  # 404 first
    return action_out(gw, caller, call(gw.clients.messaging.AddAction, pb.AddActionRequest(
        communication_id=interaction_id, action=_new_action(gw, caller, body))))
