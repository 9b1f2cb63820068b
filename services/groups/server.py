"""The Groups gRPC servicer: proto -> use case -> proto, nothing else."""
from __future__ import annotations

from services.common import context
from services.common.context import require_landlord
from services.gen.tracker.groups.v1 import groups_service_pb2 as pb, groups_service_pb2_grpc as pb_grpc

from . import activities, admin_groups, messages as m, person_groups, resolve, templates
from .clients.profiles import People, struct


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
            return m.activity(activities.create_activity(
                uow, user_id=_user(), name=request.name, type=request.type, start_date=request.start_date,
                end_date=request.end_date, description=request.description))

    def UpdateActivity(self, request, ctx):
        changes = {f: m.optional(request, f) for f in ("name", "type", "start_date", "end_date", "description")}
        with self._uow() as uow:
            return m.activity(activities.update_activity(uow, activity_id=request.activity_id, **changes))

    def GetActivity(self, request, ctx):
        with self._uow() as uow:
            return m.activity(activities.get_activity(uow, activity_id=request.id))

    def ListActivities(self, request, ctx):
        with self._uow() as uow:
            total, found = activities.list_activities(uow, text=request.text, page=request.page,
                                                      page_size=request.page_size)
        return pb.ActivityList(total=total, items=[m.activity(a) for a in found])

    def DeleteActivity(self, request, ctx):
        with self._uow() as uow:
            return pb.Deleted(id=activities.delete_activity(uow, activity_id=request.id))

    # -- participation ---------------------------------------------------------------------------------------------

    def RecordParticipation(self, request, ctx):
        with self._uow() as uow:
            return m.participation(activities.record_participation(
                uow, self._people, user_id=_user(), person_id=request.person_id, activity_id=request.activity_id,
                date=request.date, role=request.role, notes=request.notes))

    def UpdateParticipation(self, request, ctx):
        changes = {f: m.optional(request, f) for f in ("date", "role", "notes")}
        with self._uow() as uow:
            return m.participation(activities.update_participation(
                uow, participation_id=request.participation_id, **changes))

    def DeleteParticipation(self, request, ctx):
        with self._uow() as uow:
            return pb.Deleted(id=activities.delete_participation(uow, participation_id=request.id))

    def ListParticipation(self, request, ctx):
        with self._uow() as uow:
            total, found = activities.list_participation(uow, person_id=request.person_id,
                                                         activity_id=request.activity_id, page=request.page,
                                                         page_size=request.page_size)
        return pb.ParticipationList(total=total, items=[m.participation(r) for r in found])

    # -- admin groups ----------------------------------------------------------------------------------------------

    def CreateAdminGroup(self, request, ctx):
        with self._uow() as uow:
            return m.admin_group(admin_groups.create_admin_group(
                uow, self._people, user_id=_user(), reference=request.reference, description=request.description,
                person_ids=list(request.person_ids), criteria=m.criteria_of(request),
                search_template_id=request.search_template_id))

    def UpdateAdminGroup(self, request, ctx):
        with self._uow() as uow:
            return m.admin_group(admin_groups.update_admin_group(
                uow, group_id=request.group_id, reference=m.optional(request, "reference"),
                description=m.optional(request, "description")))

    def GetAdminGroup(self, request, ctx):
        with self._uow() as uow:
            return m.admin_group(admin_groups.get_admin_group(uow, group_id=request.id))

    def ListAdminGroups(self, request, ctx):
        with self._uow() as uow:
            total, found = admin_groups.list_admin_groups(uow, text=request.text, page=request.page,
                                                          page_size=request.page_size)
        return pb.AdminGroupList(total=total, items=[m.admin_group(g) for g in found])

    def DeleteAdminGroup(self, request, ctx):
        with self._uow() as uow:
            return pb.Deleted(id=admin_groups.delete_admin_group(uow, group_id=request.id))

    def ListGroupMembers(self, request, ctx):
        with self._uow() as uow:
            total, found = admin_groups.list_members(uow, group_id=request.group_id, page=request.page,
                                                     page_size=request.page_size)
        return pb.GroupMemberList(total=total, items=[m.member(x) for x in found])

    def AddGroupMembers(self, request, ctx):
        with self._uow() as uow:
            changed, count = admin_groups.add_members(uow, self._people, user_id=_user(), group_id=request.group_id,
                                                      person_ids=list(request.person_ids),
                                                      criteria=m.criteria_of(request))
        return pb.MembersChanged(changed=changed, member_count=count)

    def RemoveGroupMembers(self, request, ctx):
        with self._uow() as uow:
            changed, count = admin_groups.remove_members(uow, group_id=request.group_id,
                                                         person_ids=list(request.person_ids))
        return pb.MembersChanged(changed=changed, member_count=count)

    # -- a person's groups -----------------------------------------------------------------------------------------

    def ListPersonGroups(self, request, ctx):
        with self._uow() as uow:
            found = person_groups.list_person_groups(uow, person_id=request.person_id)
        return pb.PersonGroupList(total=len(found), items=[m.person_group(g) for g in found])

    def LinkPerson(self, request, ctx):
        with self._uow() as uow:
            return m.person_group(person_groups.link_person(
                uow, self._people, user_id=_user(), person_id=request.person_id,
                admin_group_id=request.admin_group_id, activity_id=request.activity_id))

    def UnlinkPerson(self, request, ctx):
        with self._uow() as uow:
            return pb.Deleted(id=person_groups.unlink_person(uow, person_id=request.person_id,
                                                             admin_group_id=request.admin_group_id,
                                                             activity_id=request.activity_id))

    # -- search templates ------------------------------------------------------------------------------------------

    def CreateSearchTemplate(self, request, ctx):
        with self._uow() as uow:
            return m.template(templates.create_template(
                uow, self._people, user_id=_user(), name=request.name, description=request.description,
                criteria=m.criteria_of(request) or {}))

    def UpdateSearchTemplate(self, request, ctx):
        with self._uow() as uow:
            return m.template(templates.update_template(
                uow, self._people, template_id=request.search_template_id, name=m.optional(request, "name"),
                description=m.optional(request, "description"), criteria=m.criteria_of(request)))

    def GetSearchTemplate(self, request, ctx):
        with self._uow() as uow:
            return m.template(templates.get_template(uow, template_id=request.id))

    def ListSearchTemplates(self, request, ctx):
        with self._uow() as uow:
            total, found = templates.list_templates(uow, text=request.text, page=request.page,
                                                    page_size=request.page_size)
        return pb.SearchTemplateList(total=total, items=[m.template(t) for t in found])

    def DeleteSearchTemplate(self, request, ctx):
        with self._uow() as uow:
            return pb.Deleted(id=templates.delete_template(uow, template_id=request.id))

    # -- criteria and people ---------------------------------------------------------------------------------------

    def ExpandCriteria(self, request, ctx):
        with self._uow() as uow:
            expanded = templates.expand_criteria(uow, criteria=m.criteria_of(request) or {})
        return pb.ExpandCriteriaResponse(criteria=struct(expanded))

    def ResolvePeople(self, request, ctx):
        landlord_id = require_landlord()
        selection = request.WhichOneof("selection")
        chunks = resolve.resolve_people(
            lambda: self._runtime.uow(landlord_id), self._people,
            criteria=m.criteria_of(request) if selection == "criteria" else None,
            search_template_id=request.search_template_id, admin_group_id=request.admin_group_id,
            activity_id=request.activity_id, chunk_size=request.chunk_size)
        for ids, total in chunks:
            yield pb.PeopleChunk(person_ids=ids, total=total)
