"""Domain objects <-> protobuf messages of the Groups API."""
from __future__ import annotations

from google.protobuf import json_format

from services.gen.tracker.groups.v1 import groups_service_pb2 as pb

from .clients.profiles import struct
from .domain import Activity, AdminGroup, GroupMember, ParticipationRecord, PersonGroup, SearchTemplate


def time(value) -> str:
    return value.isoformat() if value else ""


def criteria_of(message, field: str = "criteria") -> dict | None:
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


def optional(message, field: str) -> str | None:
    return getattr(message, field) if message.HasField(field) else None


def activity(a: Activity) -> pb.Activity:
    return pb.Activity(activity_id=a.activity_id, name=a.name, type=a.type, start_date=a.start_date,
                       end_date=a.end_date, description=a.description, unspecified=a.unspecified,
                       member_count=a.member_count, created_at=time(a.created_at), created_by=a.created_by)


def participation(r: ParticipationRecord) -> pb.ParticipationRecord:
    return pb.ParticipationRecord(participation_id=r.participation_id, person_id=r.person_id,
                                  activity_id=r.activity_id, activity_name=r.activity_name, date=r.date, role=r.role,
                                  notes=r.notes, created_at=time(r.created_at), created_by=r.created_by)


def admin_group(g: AdminGroup) -> pb.AdminGroup:
    return pb.AdminGroup(group_id=g.group_id, reference=g.reference, description=g.description,
                         activity_id=g.activity_id, member_count=g.member_count, created_at=time(g.created_at),
                         created_by=g.created_by, updated_at=time(g.updated_at))


def member(m: GroupMember) -> pb.GroupMember:
    return pb.GroupMember(person_id=m.person_id, added_at=time(m.added_at), added_by=m.added_by)


def person_group(g: PersonGroup) -> pb.PersonGroup:
    return pb.PersonGroup(group_id=g.group_id, kind=g.kind, name=g.name, description=g.description,
                          activity_id=g.activity_id, activity_name=g.activity_name, linked_at=time(g.linked_at),
                          how=g.how)


def template(t: SearchTemplate) -> pb.SearchTemplate:
    return pb.SearchTemplate(search_template_id=t.search_template_id, name=t.name, description=t.description,
                             criteria=struct(t.criteria), created_at=time(t.created_at), created_by=t.created_by,
                             updated_at=time(t.updated_at))
