"""What a person's record links to: their household, their groups tab (admin and
activity groups, link and unlink), their participation records; and archiving
them. Any staff member reads these; changing them needs edit_profiles."""
from __future__ import annotations

from services.common.errors import NotFound
from services.common.grpc_client import call
from services.gen.tracker.groups.v1 import groups_service_pb2 as groups_pb
from services.gen.tracker.households.v1 import households_service_pb2 as households_pb
from services.gen.tracker.profiles.v1 import profiles_service_pb2 as pb

from ..api import landlord_staff
from ..privileges import Privilege
from ..schemas import PageQuery
from ..schemas.activities import ParticipationList
from ..schemas.groups import PersonGroupLink, PersonGroupList, PersonGroupOut
from ..schemas.households import HouseholdOut
from ..schemas.people import PersonOut
from . import api
from .activities import participation_page
from .households import household
from .people import person_record

PERSON = "/api/v1/people/{person_id}"
GROUPS = PERSON + "/groups"
READ = landlord_staff()
EDIT = landlord_staff(Privilege.EDIT_PROFILES)


def known_person(gw, person_id: str) -> None:
    """404 for someone who is not the landlord's (the groups service keeps ids, not people)."""
    status = call(gw.profiles.GetPeopleStatus, pb.GetPeopleStatusRequest(person_ids=[person_id])).status
    if person_id not in status:
        raise NotFound("person not found")


def _group(message) -> dict:
    return {"group_id": message.group_id, "kind": message.kind, "name": message.name,
            "description": message.description, "activity_id": message.activity_id,
            "activity_name": message.activity_name, "linked_at": message.linked_at, "how": message.how}


@api.route("POST", PERSON + "/archive", access=EDIT, tag="people", response=PersonOut,
           summary="Archive a person: no longer current (they leave their household and their admin groups; "
                   "the record and its history are kept)")
def archive(gw, caller, person_id: str):
    request = pb.UpdatePersonRequest(person_id=person_id)
    request.fields.update({"status": "archived"})
    return person_record(call(gw.profiles.UpdatePerson, request), caller)


@api.route("GET", PERSON + "/household", access=READ, tag="households", response=HouseholdOut,
           summary="The household the person lives in (or last lived in, if archived), with its occupants; 404 "
                   "until their address has been seen")
def person_household(gw, caller, person_id: str):
    return household(call(gw.clients.households.GetPersonHousehold,
                          households_pb.GetPersonHouseholdRequest(person_id=person_id)))


@api.route("GET", GROUPS, access=READ, tag="people", response=PersonGroupList,
           summary="The person's groups tab: admin groups and activity groups they are linked to, newest first")
def groups(gw, caller, person_id: str):
    known_person(gw, person_id)
    answer = call(gw.clients.groups.ListPersonGroups, groups_pb.ListPersonGroupsRequest(person_id=person_id))
    return {"total": answer.total, "items": [_group(g) for g in answer.items]}


@api.route("POST", GROUPS, access=EDIT, tag="people", status=201, body=PersonGroupLink, response=PersonGroupOut,
           summary="Link the person to an admin group or to an activity's group")
def link(gw, caller, person_id: str, body: PersonGroupLink):
    known_person(gw, person_id)
    return _group(call(gw.clients.groups.LinkPerson, groups_pb.LinkPersonRequest(
        person_id=person_id, admin_group_id=body.admin_group_id or "", activity_id=body.activity_id or "")))


@api.route("DELETE", GROUPS + "/{group_id}", access=EDIT, tag="people", status=204,
           summary="Unlink the person from an admin group or an activity group (group_id as the groups tab lists "
                   "it); 404 when they are not linked to it")
def unlink(gw, caller, person_id: str, group_id: str):
    known_person(gw, person_id)
    listed = call(gw.clients.groups.ListPersonGroups, groups_pb.ListPersonGroupsRequest(person_id=person_id))
    linked = next((g for g in listed.items if g.group_id == group_id), None)
    if linked is None:
        raise NotFound("the person is not linked to this group")
    which = {"admin_group_id": group_id} if linked.kind == "admin" else {"activity_id": group_id}
    call(gw.clients.groups.UnlinkPerson, groups_pb.LinkPersonRequest(person_id=person_id, **which))
    return None, 204


@api.route("GET", PERSON + "/participation-records", access=READ, tag="people", query=PageQuery,
           response=ParticipationList, summary="The person's participation records, newest first")
def participation_records(gw, caller, person_id: str, query: PageQuery):
    known_person(gw, person_id)
    return participation_page(gw, person_id=person_id, page=query.page, page_size=query.page_size)
