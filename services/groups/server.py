"""The Groups gRPC servicer: proto -> use case -> proto, nothing else; and the mapping of domain
objects to and from the protobuf messages of the Groups API."""
from __future__ import annotations

from google.protobuf import json_format

from services.common import context
from services.common.context import require_landlord
from services.gen.tracker.groups.v1 import groups_service_pb2 as pb, groups_service_pb2_grpc as pb_grpc

from . import service
from .activities import service as activities
from .activities.domain import Activity, ParticipationRecord
from .clients.profiles import People, struct
from .domain import AdminGroup
from .events import person_groups_changed
from .members import service as members
from .members.domain import GroupMember, PersonGroup
from .templates import service as templates
from .templates.domain import SearchTemplate


def _time(value) -> str:
    return value.isoformat() if value else ""


def _criteria_of(message, field: str = "criteria") -> dict | None:
    """The criteria Struct as a dict; None when the field is not set. Whole numbers stay whole."""
    if not message.HasField(field):
        return None
    return _whole(json_format.MessageToDict(getattr(message, field)))


def _whole(value):
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {k: _whole(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_whole(v) for v in value]
    return value


def _optional(message, field: str) -> str | None:
    return getattr(message, field) if message.HasField(field) else None


def _activity(a: Activity) -> pb.Activity:
    return pb.Activity(activity_id=a.activity_id, name=a.name, type=a.type, start_date=a.start_date,
                       end_date=a.end_date, description=a.description, unspecified=a.unspecified,
                       member_count=a.member_count, created_at=_time(a.created_at), created_by=a.created_by)


def _participation(r: ParticipationRecord) -> pb.ParticipationRecord:
    return pb.ParticipationRecord(participation_id=r.participation_id, person_id=r.person_id,
                                  activity_id=r.activity_id, activity_name=r.activity_name, date=r.date, role=r.role,
                                  notes=r.notes, created_at=_time(r.created_at), created_by=r.created_by)


def _admin_group(g: AdminGroup) -> pb.AdminGroup:
    return pb.AdminGroup(group_id=g.group_id, reference=g.reference, description=g.description,
                         activity_id=g.activity_id, member_count=g.member_count, created_at=_time(g.created_at),
                         created_by=g.created_by, updated_at=_time(g.updated_at))


def _member(m: GroupMember) -> pb.GroupMember:
    return pb.GroupMember(person_id=m.person_id, added_at=_time(m.added_at), added_by=m.added_by)


def _person_group(g: PersonGroup) -> pb.PersonGroup:
    return pb.PersonGroup(group_id=g.group_id, kind=g.kind, name=g.name, description=g.description,
                          activity_id=g.activity_id, activity_name=g.activity_name, linked_at=_time(g.linked_at),
                          how=g.how)


def _template(t: SearchTemplate) -> pb.SearchTemplate:
    return pb.SearchTemplate(search_template_id=t.search_template_id, name=t.name, description=t.description,
                             criteria=struct(t.criteria), created_at=_time(t.created_at), created_by=t.created_by,
                             updated_at=_time(t.updated_at))


def _user() -> str:
    return context.current().user_id


class GroupsServicer(pb_grpc.GroupsServicer):
    def __init__(self, runtime, people: People):
        self._runtime = runtime
        self._people = people

    def _uow(self):
        return self._runtime.uow(require_landlord())

    # -- activities ------------------------------------------------------------------------------------------------

    def CreateActivity(self, request, ctx):
        with self._uow() as uow:
            return _activity(activities.create_activity(
                uow, user_id=_user(), name=request.name, type=request.type, start_date=request.start_date,
                end_date=request.end_date, description=request.description))

    def UpdateActivity(self, request, ctx):
        changes = {f: _optional(request, f) for f in ("name", "type", "start_date", "end_date", "description")}
        with self._uow() as uow:
            return _activity(activities.update_activity(uow, activity_id=request.activity_id, **changes))

    def GetActivity(self, request, ctx):
        with self._uow() as uow:
            return _activity(activities.get_activity(uow, activity_id=request.id))

    def ListActivities(self, request, ctx):
        with self._uow() as uow:
            total, found = activities.list_activities(uow, text=request.text, page=request.page,
                                                      page_size=request.page_size)
        return pb.ActivityList(total=total, items=[_activity(a) for a in found])

    def DeleteActivity(self, request, ctx):
        with self._uow() as uow:
            return pb.Deleted(id=activities.delete_activity(uow, activity_id=request.id))

    # -- participation ---------------------------------------------------------------------------------------------

    def RecordParticipation(self, request, ctx):
        with self._uow() as uow:
            return _participation(activities.record_participation(
                uow, self._people, user_id=_user(), person_id=request.person_id, activity_id=request.activity_id,
                date=request.date, role=request.role, notes=request.notes))

    def RecordParticipations(self, request, ctx):
        with self._uow() as uow:
            found = activities.record_participations(
                uow, self._people, user_id=_user(), person_ids=list(request.person_ids),
                activity_id=request.activity_id, date=request.date, role=request.role, notes=request.notes)
        return pb.ParticipationsRecorded(outcomes=[pb.ParticipationOutcome(
            person_id=o.person_id, outcome=o.outcome, participation_id=o.participation_id) for o in found])

    def UpdateParticipation(self, request, ctx):
        changes = {f: _optional(request, f) for f in ("date", "role", "notes")}
        with self._uow() as uow:
            return _participation(activities.update_participation(
                uow, participation_id=request.participation_id, **changes))

    def DeleteParticipation(self, request, ctx):
        with self._uow() as uow:
            return pb.Deleted(id=activities.delete_participation(uow, participation_id=request.id))

    def ListParticipation(self, request, ctx):
        with self._uow() as uow:
            total, found = activities.list_participation(uow, person_id=request.person_id,
                                                         activity_id=request.activity_id, page=request.page,
                                                         page_size=request.page_size)
        return pb.ParticipationList(total=total, items=[_participation(r) for r in found])

    # -- admin groups ----------------------------------------------------------------------------------------------

    def CreateAdminGroup(self, request, ctx):
        with self._uow() as uow:
            return _admin_group(service.create_admin_group(
                uow, self._people, user_id=_user(), reference=request.reference, description=request.description,
                person_ids=list(request.person_ids), criteria=_criteria_of(request),
                search_template_id=request.search_template_id))

    def UpdateAdminGroup(self, request, ctx):
        with self._uow() as uow:
            return _admin_group(service.update_admin_group(
                uow, group_id=request.group_id, reference=_optional(request, "reference"),
                description=_optional(request, "description")))

    def GetAdminGroup(self, request, ctx):
        with self._uow() as uow:
            return _admin_group(service.get_admin_group(uow, group_id=request.id))

    def ListAdminGroups(self, request, ctx):
        with self._uow() as uow:
            total, found = service.list_admin_groups(uow, text=request.text, page=request.page,
                                                     page_size=request.page_size)
        return pb.AdminGroupList(total=total, items=[_admin_group(g) for g in found])

    def DeleteAdminGroup(self, request, ctx):
        with self._uow() as uow:
            return pb.Deleted(id=service.delete_admin_group(uow, group_id=request.id))

    def ListGroupMembers(self, request, ctx):
        with self._uow() as uow:
            total, found = members.list_members(uow, group_id=request.group_id, page=request.page,
                                                page_size=request.page_size)
        return pb.GroupMemberList(total=total, items=[_member(x) for x in found])

    def AddGroupMembers(self, request, ctx):
        with self._uow() as uow:
            changed, count = members.add_members(uow, self._people, user_id=_user(), group_id=request.group_id,
                                                 person_ids=list(request.person_ids),
                                                 criteria=_criteria_of(request))
        return pb.MembersChanged(changed=changed, member_count=count)

    def RemoveGroupMembers(self, request, ctx):
        with self._uow() as uow:
            changed, count = members.remove_members(uow, group_id=request.group_id,
                                                    person_ids=list(request.person_ids))
        return pb.MembersChanged(changed=changed, member_count=count)

    # -- a person's groups -----------------------------------------------------------------------------------------

    def ListPersonGroups(self, request, ctx):
        with self._uow() as uow:
            found = members.list_person_groups(uow, person_id=request.person_id)
        return pb.PersonGroupList(total=len(found), items=[_person_group(g) for g in found])

    def LinkPerson(self, request, ctx):
        with self._uow() as uow:
            return _person_group(members.link_person(
                uow, self._people, user_id=_user(), person_id=request.person_id,
                admin_group_id=request.admin_group_id, activity_id=request.activity_id))

    def UnlinkPerson(self, request, ctx):
        with self._uow() as uow:
            return pb.Deleted(id=members.unlink_person(uow, person_id=request.person_id,
                                                       admin_group_id=request.admin_group_id,
                                                       activity_id=request.activity_id))

    # -- search templates ------------------------------------------------------------------------------------------

    def CreateSearchTemplate(self, request, ctx):
        with self._uow() as uow:
            return _template(templates.create_template(
                uow, self._people, user_id=_user(), name=request.name, description=request.description,
                criteria=_criteria_of(request) or {}))

    def UpdateSearchTemplate(self, request, ctx):
        with self._uow() as uow:
            return _template(templates.update_template(
                uow, self._people, template_id=request.search_template_id, name=_optional(request, "name"),
                description=_optional(request, "description"), criteria=_criteria_of(request)))

    def GetSearchTemplate(self, request, ctx):
        with self._uow() as uow:
            return _template(templates.get_template(uow, template_id=request.id))

    def ListSearchTemplates(self, request, ctx):
        with self._uow() as uow:
            total, found = templates.list_templates(uow, text=request.text, page=request.page,
                                                    page_size=request.page_size)
        return pb.SearchTemplateList(total=total, items=[_template(t) for t in found])

    def DeleteSearchTemplate(self, request, ctx):
        with self._uow() as uow:
            return pb.Deleted(id=templates.delete_template(uow, template_id=request.id))

    # -- criteria and people ---------------------------------------------------------------------------------------

    def ExpandCriteria(self, request, ctx):
        with self._uow() as uow:
            expanded = templates.expand_criteria(uow, criteria=_criteria_of(request) or {})
        return pb.ExpandCriteriaResponse(criteria=struct(expanded))

    def ResolvePeople(self, request, ctx):
        landlord_id = require_landlord()
        selection = request.WhichOneof("selection")
        chunks = service.resolve_people(
            lambda: self._runtime.uow(landlord_id), self._people,
            criteria=_criteria_of(request) if selection == "criteria" else None,
            search_template_id=request.search_template_id, admin_group_id=request.admin_group_id,
            activity_id=request.activity_id, chunk_size=request.chunk_size)
        for ids, total in chunks:
            yield pb.PeopleChunk(person_ids=ids, total=total)

    def StreamPersonGroupsStates(self, request, ctx):
        landlord_id = require_landlord()
        pages = service.person_groups_states(lambda: self._runtime.uow(landlord_id, read_only=True),
                                             page_size=request.page_size, after_person_id=request.after_person_id)
        for page in pages:
            yield pb.PersonGroupsStates(people=[person_groups_changed(p) for p in page])
