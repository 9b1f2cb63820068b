"""The landlord's contacts: the staff names offered as who made a contact (any staff member reads them;
manage_setup changes them). A contact named by any record or message is archived, not deleted (409)."""
from __future__ import annotations

from services.common.grpc_client import call
from services.gen.tracker.messaging.v1 import messaging_service_pb2 as pb

from ..api import landlord_staff
from ..privileges import Privilege
from ..schemas.message_setup import (LandlordContactChanges, LandlordContactIn, LandlordContactList,
                                     LandlordContactOut, LandlordContactQuery)
from . import api

CONTACTS = "/api/v1/landlord-contacts"
CONTACT = CONTACTS + "/{contact_id}"
MANAGE = landlord_staff(Privilege.MANAGE_SETUP)
TAG = "communications"


def _contact(c) -> dict:
    return {"id": c.contact_id, "name": c.name, "archived": c.archived, "in_use": c.in_use}


@api.route("GET", CONTACTS, access=landlord_staff(), tag=TAG, query=LandlordContactQuery,
           response=LandlordContactList, summary="The landlord's contacts, by name (archived ones only when asked)")
def listed(gw, caller, query: LandlordContactQuery):
    answer = call(gw.clients.messaging.ListLandlordContacts, pb.ListLandlordContactsRequest(archived=query.archived))
    return {"items": [_contact(c) for c in answer.contacts]}


@api.route("POST", CONTACTS, access=MANAGE, tag=TAG, status=201, body=LandlordContactIn,
           response=LandlordContactOut, summary="Add a contact (a name once: 409 for one the landlord has)")
def add(gw, caller, body: LandlordContactIn):
    return _contact(call(gw.clients.messaging.AddLandlordContact, pb.AddLandlordContactRequest(name=body.name)))


@api.route("PATCH", CONTACT, access=MANAGE, tag=TAG, body=LandlordContactChanges, response=LandlordContactOut,
           summary="Rename a contact or archive it (or bring it back); records keep the name they have")
def change(gw, caller, contact_id: str, body: LandlordContactChanges):
    request = pb.UpdateLandlordContactRequest(contact_id=contact_id)
    if body.name is not None:
        request.name = body.name
    if body.archived is not None:
        request.archived = body.archived
    return _contact(call(gw.clients.messaging.UpdateLandlordContact, request))


@api.route("DELETE", CONTACT, access=MANAGE, tag=TAG, status=204,
           summary="Delete a contact no record or message names (409 otherwise: archive it)")
def remove(gw, caller, contact_id: str):
    call(gw.clients.messaging.DeleteLandlordContact, pb.DeleteLandlordContactRequest(contact_id=contact_id))
