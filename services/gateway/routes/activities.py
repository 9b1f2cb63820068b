"""Activities (panels, events, projects...) with their activity groups, and
people's participation records in them. Any staff member reads them; changing
them needs the privilege edit_profiles."""
from __future__ import annotations

from services.common.grpc_client import call
from services.gen.tracker.groups.v1 import groups_service_pb2 as pb

from .. import searching
from ..api import landlord_staff
from ..privileges import Privilege
from ..schemas.activities import (MAX_PEOPLE, OUTCOMES, PEOPLE_SOURCES, ActivityChanges, ActivityList, ActivityOut,
                                  NewActivity, NewParticipation, NewParticipations, ParticipationChanges,
                                  ParticipationList, ParticipationOut, ParticipationQuery, ParticipationsRecorded)
from ..schemas.groups import ListQuery, PeoplePageQuery
from ..schemas.people import PeopleSearchAnswer
from . import api

ACTIVITIES = "/api/v1/activities"
ACTIVITY = ACTIVITIES + "/{activity_id}"
RECORDS = "/api/v1/participation-records"
RECORD = RECORDS + "/{participation_id}"
BULK = RECORDS + "/bulk"
BULK_SECONDS = 300.0  # 10,000 people checked, recorded and their groups events written in one transaction
READ = landlord_staff()
EDIT = landlord_staff(Privilege.EDIT_PROFILES)
TAG = "activities"


def activity(message) -> dict:
    return {"id": message.activity_id, "name": message.name, "type": message.type,
            "start_date": message.start_date or None, "end_date": message.end_date or None,
            "description": message.description, "unspecified": message.unspecified,
            "member_count": message.member_count, "created_at": message.created_at, "created_by": message.created_by}


def participation(message) -> dict:
    return {"id": message.participation_id, "person_id": message.person_id, "activity_id": message.activity_id,
            "activity_name": message.activity_name, "date": message.date, "role": message.role, "notes": message.notes,
            "created_at": message.created_at, "created_by": message.created_by}


def participation_page(gw, *, person_id: str = "", activity_id: str = "", page: int, page_size: int) -> dict:
    answer = call(gw.clients.groups.ListParticipation, pb.ListParticipationRequest(
        person_id=person_id, activity_id=activity_id, page=page, page_size=page_size))
    return {"total": answer.total, "page": page, "page_size": page_size,
            "items": [participation(r) for r in answer.items]}


def _sent(body) -> dict:
    """The fields sent, dates as ISO text; a date sent as null becomes "" (clears it)."""
    return {k: "" if v is None else str(v) for k, v in body.model_dump(exclude_unset=True).items()}


# -- activities --------------------------------------------------------------------------------------------------------

@api.route("GET", ACTIVITIES, access=READ, tag=TAG, query=ListQuery, response=ActivityList,
           summary="The landlord's activities (name containing the text, any case), with how many people each "
                   "activity group has")
def list_activities(gw, caller, query: ListQuery):
    answer = call(gw.clients.groups.ListActivities, pb.ListRequest(text=query.text, page=query.page,
                                                                   page_size=query.page_size))
    return {"total": answer.total, "items": [activity(a) for a in answer.items]}


@api.route("POST", ACTIVITIES, access=EDIT, tag=TAG, status=201, body=NewActivity, response=ActivityOut,
           summary="Create an activity (its activity group starts empty)")
def create(gw, caller, body: NewActivity):
    return activity(call(gw.clients.groups.CreateActivity, pb.CreateActivityRequest(
        name=body.name, type=body.type, description=body.description,
        start_date=body.start_date.isoformat() if body.start_date else "",
        end_date=body.end_date.isoformat() if body.end_date else "")))


@api.route("GET", ACTIVITY, access=READ, tag=TAG, response=ActivityOut, summary="An activity")
def get(gw, caller, activity_id: str):
    return activity(call(gw.clients.groups.GetActivity, pb.GetByIdRequest(id=activity_id)))


@api.route("PATCH", ACTIVITY, access=EDIT, tag=TAG, body=ActivityChanges, response=ActivityOut,
           summary="Change an activity's name, type, dates (null clears) or description")
def change(gw, caller, activity_id: str, body: ActivityChanges):
    sent = _sent(body)
    for name in ("name", "type", "description"):
        if sent.get(name) == "":
            sent.pop(name)  # null does not clear these
    return activity(call(gw.clients.groups.UpdateActivity, pb.UpdateActivityRequest(activity_id=activity_id, **sent)))


@api.route("DELETE", ACTIVITY, access=EDIT, tag=TAG, status=204,
           summary="Delete an activity nobody is linked to and nobody took part in (409 otherwise)")
def delete(gw, caller, activity_id: str):
    call(gw.clients.groups.DeleteActivity, pb.GetByIdRequest(id=activity_id))
    return None, 204


@api.route("GET", ACTIVITY + "/people", access=READ, tag=TAG, query=PeoplePageQuery, response=PeopleSearchAnswer,
           summary="The activity group: people linked to the activity by hand or by a participation record, as a "
                   "people-search page")
def people(gw, caller, activity_id: str, query: PeoplePageQuery):
    call(gw.clients.groups.GetActivity, pb.GetByIdRequest(id=activity_id))  # 404 for an unknown activity
    return searching.search_people(gw, caller, criteria={"activity": [activity_id]}, page=query.page,
                                   page_size=query.page_size, sort=searching.sort_keys(query.sort),
                                   columns=query.columns)


# -- participation records ---------------------------------------------------------------------------------------------

@api.route("GET", RECORDS, access=READ, tag=TAG, query=ParticipationQuery, response=ParticipationList,
           summary="Participation records of a person and/or an activity, newest first")
def list_records(gw, caller, query: ParticipationQuery):
    return participation_page(gw, person_id=query.person_id, activity_id=query.activity_id, page=query.page,
                              page_size=query.page_size)


@api.route("POST", RECORDS, access=EDIT, tag=TAG, status=201, body=NewParticipation, response=ParticipationOut,
           summary="Record that a person took part in an activity (it links them to the activity group)")
def record(gw, caller, body: NewParticipation):
    return participation(call(gw.clients.groups.RecordParticipation, pb.RecordParticipationRequest(
        person_id=body.person_id, activity_id=body.activity_id, date=body.date.isoformat(), role=body.role,
        notes=body.notes)))


@api.route("POST", BULK, access=EDIT, tag=TAG, status=201, body=NewParticipations, response=ParticipationsRecorded,
           summary="Record that many people took part in an activity on a date, in one request: those in person_ids, "
                   "an admin group (admin_group_id), a search template (search_template_id) or criteria (exactly one; "
                   f"at most {MAX_PEOPLE:,} people). results gives each person's outcome (recorded, already_recorded, "
                   "not_found, archived) and counts their numbers: only current people without a record of the "
                   "activity on that date are recorded, so a re-run records nothing twice")
def record_many(gw, caller, body: NewParticipations):
    answer = call(gw.clients.groups.RecordParticipations, pb.RecordParticipationsRequest(
        person_ids=_people(gw, caller, body), activity_id=body.activity_id, date=body.date.isoformat(),
        role=body.role, notes=body.notes), timeout=BULK_SECONDS)
    results = [{"person_id": o.person_id, "outcome": o.outcome, "participation_id": o.participation_id or None}
               for o in answer.outcomes]
    return {"counts": {name: sum(r["outcome"] == name for r in results) for name in OUTCOMES}, "results": results}


def _people(gw, caller, body: NewParticipations) -> list[str]:
    """The people named, or those the group, template or criteria pick now (422 naming the field given)."""
    source = searching.one_source(body, PEOPLE_SOURCES)
    if source == "person_ids":
        return body.person_ids
    criteria = {"admin_group_id": {"admin_group": [body.admin_group_id]},
                "search_template_id": {"search_template": [body.search_template_id]}}.get(source, body.criteria)
    return searching.picked_people(gw, caller, criteria, most=MAX_PEOPLE, field=source)


@api.route("PATCH", RECORD, access=EDIT, tag=TAG, body=ParticipationChanges, response=ParticipationOut,
           summary="Change a participation record's date, role or notes")
def change_record(gw, caller, participation_id: str, body: ParticipationChanges):
    sent = {k: v for k, v in _sent(body).items() if not (k == "date" and v == "")}
    return participation(call(gw.clients.groups.UpdateParticipation,
                              pb.UpdateParticipationRequest(participation_id=participation_id, **sent)))


@api.route("DELETE", RECORD, access=EDIT, tag=TAG, status=204, summary="Delete a participation record")
def delete_record(gw, caller, participation_id: str):
    call(gw.clients.groups.DeleteParticipation, pb.GetByIdRequest(id=participation_id))
    return None, 204
