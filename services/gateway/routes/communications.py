"""Communication records: one per person per contact, made by hand for a contact outside the platform
(a phone call, a visit, a questionnaire, an email from an officer's own mailbox) for a list of people,
and listed on a person's communications tab newest first. Any staff member reads them; recording,
changing and deleting them needs send_messages (the communications module's privilege)."""
from __future__ import annotations

from services.common.grpc_client import call
from services.gen.tracker.messaging.v1 import messaging_service_pb2 as pb

from ..api import landlord_staff
from ..privileges import Privilege
from ..schemas import PageQuery
from ..schemas.communications import (MAX_PEOPLE, CommunicationChanges, CommunicationList, CommunicationOut,
                                      NewCommunications, Recorded)
from .. import searching
from . import api
from .person_links import PERSON, known_person

COMMUNICATIONS = "/api/v1/communications"
COMMUNICATION = COMMUNICATIONS + "/{communication_id}"
READ = landlord_staff()
RECORD = landlord_staff(Privilege.SEND_MESSAGES)
TAG = "communications"
DETAILS = ("communication_code", "outcome_code", "date", "landlord_contact", "description", "notes")


def communication(message) -> dict:
    d = message.details
    return {"id": message.communication_id, "person_id": message.person_id,
            "communication_code": d.communication_code, "communication_label": message.communication_label,
            "outcome_code": d.outcome_code, "outcome_label": message.outcome_label, "date": d.date,
            "landlord_contact": d.landlord_contact, "description": d.description, "notes": d.notes,
            "satisfaction": d.satisfaction if d.HasField("satisfaction") else None,
            "message_id": message.message_id or None, "created_at": message.created_at,
            "created_by": message.created_by, "updated_at": message.updated_at}


def _sent(values: dict) -> dict:
    return {k: (v.isoformat() if k == "date" else v) for k, v in values.items() if k in DETAILS and v is not None}


@api.route("POST", COMMUNICATIONS, access=RECORD, tag=TAG, status=201, body=NewCommunications, response=Recorded,
           summary="Record a contact made outside the platform: one communication record for each person listed, "
                   "or picked by criteria, a group or a template (all or none; every person must be current)")
def record(gw, caller, body: NewCommunications):
    answer = call(gw.clients.messaging.RecordCommunications, pb.RecordCommunicationsRequest(
        person_ids=_people(gw, caller, body), details=pb.CommunicationDetails(**_sent(body.model_dump()))))
    return {"recorded": answer.recorded, "communication_ids": list(answer.communication_ids)}


def _people(gw, caller, body: NewCommunications) -> list[str]:
    """The people named, or those the criteria pick (at most MAX_PEOPLE, else 422 naming criteria)."""
    if searching.one_source(body, ("person_ids", "criteria")) == "person_ids":
        return body.person_ids
    return searching.picked_people(gw, caller, body.criteria, most=MAX_PEOPLE)


@api.route("GET", PERSON + "/communications", access=READ, tag=TAG, query=PageQuery, response=CommunicationList,
           summary="A person's communications tab: their communication records, newest first")
def person_communications(gw, caller, person_id: str, query: PageQuery):
    known_person(gw, person_id)
    answer = call(gw.clients.messaging.ListPersonCommunications, pb.ListPersonCommunicationsRequest(
        person_id=person_id, page=query.page, page_size=query.page_size))
    return {"total": answer.total, "items": [communication(c) for c in answer.items]}


@api.route("GET", COMMUNICATION, access=READ, tag=TAG, response=CommunicationOut, summary="A communication record")
def get(gw, caller, communication_id: str):
    return communication(call(gw.clients.messaging.GetCommunication,
                              pb.GetCommunicationRequest(communication_id=communication_id)))


@api.route("PATCH", COMMUNICATION, access=RECORD, tag=TAG, body=CommunicationChanges, response=CommunicationOut,
           summary="Change a communication record's code, outcome, date, landlord contact, description or notes")
def change(gw, caller, communication_id: str, body: CommunicationChanges):
    return communication(call(gw.clients.messaging.UpdateCommunication, pb.UpdateCommunicationRequest(
        communication_id=communication_id, **_sent(body.model_dump(exclude_unset=True)))))


@api.route("DELETE", COMMUNICATION, access=RECORD, tag=TAG, status=204, summary="Delete a communication record")
def delete(gw, caller, communication_id: str):
    call(gw.clients.messaging.DeleteCommunication, pb.GetCommunicationRequest(communication_id=communication_id))
    return None, 204
