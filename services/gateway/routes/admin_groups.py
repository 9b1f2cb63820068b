"""Admin groups: fixed lists of people under a unique reference, created from a
search (a snapshot), a search template (a snapshot) or people picked by hand.
Archived people drop out; nobody else joins or leaves unless a user says so.
Any staff member reads them; changing them needs the privilege edit_profiles."""
from __future__ import annotations

from services.common.errors import NotFound
from services.common.grpc_client import call
from services.gen.tracker.groups.v1 import groups_service_pb2 as pb

from .. import searching
from ..api import landlord_staff
from ..privileges import Privilege
from ..schemas import PageQuery
from ..schemas.groups import (AdminGroupChanges, AdminGroupList, AdminGroupOut, ListQuery, MembersChanged,
                              MembersPage, MembersToAdd, MembersToRemove, NewAdminGroup)
from . import api

GROUPS = "/api/v1/admin-groups"
GROUP = GROUPS + "/{admin_group_id}"
MEMBERS = GROUP + "/members"
READ = landlord_staff()
EDIT = landlord_staff(Privilege.EDIT_PROFILES)
TAG = "admin groups"

# A snapshot of 100,000 people is written in one transaction: about a minute or two on a busy machine.
LARGE_GROUP_SECONDS = 600.0


def admin_group(message) -> dict:
    return {"id": message.group_id, "reference": message.reference, "description": message.description,
            "activity_id": message.activity_id, "member_count": message.member_count,
            "created_at": message.created_at, "created_by": message.created_by, "updated_at": message.updated_at}


def _changed(message) -> dict:
    return {"changed": message.changed, "member_count": message.member_count}


@api.route("GET", GROUPS, access=READ, tag=TAG, query=ListQuery, response=AdminGroupList,
           summary="The landlord's admin groups (reference or description containing the text, any case)")
def list_groups(gw, caller, query: ListQuery):
    answer = call(gw.clients.groups.ListAdminGroups, pb.ListRequest(text=query.text, page=query.page,
                                                                    page_size=query.page_size))
    return {"total": answer.total, "items": [admin_group(g) for g in answer.items]}


@api.route("POST", GROUPS, access=EDIT, tag=TAG, status=201, body=NewAdminGroup, response=AdminGroupOut,
           summary="Create an admin group with people picked by hand, or everyone criteria or a search template "
                   "pick now (a snapshot: it does not follow later changes)")
def create(gw, caller, body: NewAdminGroup):
    request = pb.CreateAdminGroupRequest(reference=body.reference, description=body.description,
                                         person_ids=body.person_ids or [],
                                         search_template_id=body.search_template_id or "")
    if body.criteria is not None:
        request.criteria.SetInParent()  # empty criteria ({}: everybody current) are criteria too
        request.criteria.update(searching.checked(gw, caller, body.criteria))
    return admin_group(call(gw.clients.groups.CreateAdminGroup, request, timeout=LARGE_GROUP_SECONDS))


@api.route("GET", GROUP, access=READ, tag=TAG, response=AdminGroupOut, summary="An admin group")
def get(gw, caller, admin_group_id: str):
    return admin_group(call(gw.clients.groups.GetAdminGroup, pb.GetByIdRequest(id=admin_group_id)))


@api.route("PATCH", GROUP, access=EDIT, tag=TAG, body=AdminGroupChanges, response=AdminGroupOut,
           summary="Change an admin group's reference (still unique) or description")
def change(gw, caller, admin_group_id: str, body: AdminGroupChanges):
    sent = {k: v for k, v in body.model_dump(exclude_unset=True).items() if v is not None}
    return admin_group(call(gw.clients.groups.UpdateAdminGroup, pb.UpdateAdminGroupRequest(group_id=admin_group_id,
                                                                                          **sent)))


@api.route("DELETE", GROUP, access=EDIT, tag=TAG, status=204,
           summary="Delete an admin group (its members' records are not touched)")
def delete(gw, caller, admin_group_id: str):
    call(gw.clients.groups.DeleteAdminGroup, pb.GetByIdRequest(id=admin_group_id))
    return None, 204


@api.route("GET", MEMBERS, access=READ, tag=TAG, query=PageQuery, response=MembersPage,
           summary="A page of the group's members, newest first, as people-search rows with when and by whom "
                   "each was added")
def members(gw, caller, admin_group_id: str, query: PageQuery):
    answer = call(gw.clients.groups.ListGroupMembers, pb.ListGroupMembersRequest(
        group_id=admin_group_id, page=query.page, page_size=query.page_size))
    added = {m.person_id: m for m in answer.items}
    rows = searching.people_rows(gw, caller, list(added))
    for row in rows:
        row["added_at"], row["added_by"] = added[row["id"]].added_at, added[row["id"]].added_by
    return {"total": answer.total, "page": query.page, "page_size": query.page_size, "items": rows}


@api.route("POST", MEMBERS, access=EDIT, tag=TAG, body=MembersToAdd, response=MembersChanged,
           summary="Add people picked by hand, or everyone criteria pick now; those already in stay once")
def add_members(gw, caller, admin_group_id: str, body: MembersToAdd):
    request = pb.ChangeMembersRequest(group_id=admin_group_id, person_ids=body.person_ids or [])
    if body.criteria is not None:
        request.criteria.SetInParent()  # empty criteria ({}: everybody current) are criteria too
        request.criteria.update(searching.checked(gw, caller, body.criteria))
    return _changed(call(gw.clients.groups.AddGroupMembers, request, timeout=LARGE_GROUP_SECONDS))


@api.route("POST", MEMBERS + "/remove", access=EDIT, tag=TAG, body=MembersToRemove, response=MembersChanged,
           summary="Remove these people from the group (those not in it are ignored)")
def remove_members(gw, caller, admin_group_id: str, body: MembersToRemove):
    return _changed(call(gw.clients.groups.RemoveGroupMembers,
                         pb.ChangeMembersRequest(group_id=admin_group_id, person_ids=body.person_ids)))


@api.route("DELETE", MEMBERS + "/{person_id}", access=EDIT, tag=TAG, status=204,
           summary="Remove one person from the group (404 when they are not in it)")
def remove_member(gw, caller, admin_group_id: str, person_id: str):
    answer = call(gw.clients.groups.RemoveGroupMembers,
                  pb.ChangeMembersRequest(group_id=admin_group_id, person_ids=[person_id]))
    if not answer.changed:
        raise NotFound("this person is not a member of the group")
    return None, 204
