"""A person's groups tab: their admin groups and activity groups, newest link first; linking to
one by hand and unlinking. A link made by participation records goes when the records go."""
from __future__ import annotations

from services.common.errors import InUse, InvalidInput, NotFound
from services.common.uow import UnitOfWork

from .activities import existing_activity
from .clients.profiles import People
from .domain import ACTIVITY, ADMIN, MANUAL, PARTICIPATION, UNSPECIFIED, AdminGroup, PersonGroup, takes_people
from .members import ActivityLink
from .service import check_person, publish, repos


def _admin_line(group: AdminGroup, linked_at) -> PersonGroup:
    return PersonGroup(group.group_id, ADMIN, group.reference, group.description, group.activity_id, UNSPECIFIED,
                       linked_at, MANUAL)


def _activity_lines(uow: UnitOfWork, links: list[ActivityLink]) -> list[PersonGroup]:
    found = repos(uow).activities.of_ids(link.activity_id for link in links)
    lines = []
    for link in links:
        activity = found.get(link.activity_id)
        if activity is not None:
            lines.append(PersonGroup(activity.activity_id, ACTIVITY, activity.name, activity.description,
                                     activity.activity_id, activity.name, link.linked_at,
                                     PARTICIPATION if link.records else MANUAL))
    return lines


def list_person_groups(uow: UnitOfWork, *, person_id: str) -> list[PersonGroup]:
    """Admin and activity groups of the person, newest link first."""
    if not person_id:
        raise InvalidInput.field("person_id", "is required")
    r = repos(uow)
    memberships = r.admin_members.of_people([person_id]).get(person_id, [])
    groups = r.groups.of_ids(g for g, _ in memberships)
    lines = [_admin_line(groups[g], at) for g, at in memberships if g in groups]
    lines += _activity_lines(uow, r.activity_members.of_people([person_id]).get(person_id, []))
    return sorted(lines, key=lambda line: (line.linked_at, line.group_id), reverse=True)


def _one_of(admin_group_id: str, activity_id: str) -> None:
    if bool(admin_group_id) == bool(activity_id):
        raise InvalidInput.field("admin_group_id", "give exactly one of admin_group_id and activity_id")


def link_person(uow: UnitOfWork, people: People, *, user_id: str, person_id: str, admin_group_id: str = "",
                activity_id: str = "") -> PersonGroup:
    """Link the person to an admin group (current people only) or an activity group; linking again
    changes nothing."""
    _one_of(admin_group_id, activity_id)
    r = repos(uow)
    at = uow.clock.now()
    if admin_group_id:
        group = r.groups.get(admin_group_id, for_update=True)
        if group is None:
            raise InvalidInput.field("admin_group_id", "no such admin group")
        check_person(people, person_id, current_only=True)
        if r.admin_members.add(group.group_id, [person_id], at=at, by=user_id):
            group.member_count += 1
            group.updated_at = at
            r.groups.save(group)
            publish(uow, [person_id])
        line = _admin_line(group, dict(r.admin_members.of_people([person_id])[person_id])[group.group_id])
    else:
        activity = existing_activity(uow, activity_id)
        takes_people(activity)
        check_person(people, person_id)
        if r.activity_members.link(activity_id, person_id, at=at, by=user_id, manual=True):
            publish(uow, [person_id])
        line = _activity_lines(uow, [r.activity_members.get(activity_id, person_id)])[0]
    uow.commit()
    return line


def unlink_person(uow: UnitOfWork, *, person_id: str, admin_group_id: str = "", activity_id: str = "") -> str:
    """Take the person out of the group; returns the group's id. An activity link that participation
    records make is refused: delete the records instead."""
    _one_of(admin_group_id, activity_id)
    r = repos(uow)
    if admin_group_id:
        group = r.groups.get(admin_group_id, for_update=True)
        if group is None or not r.admin_members.remove(admin_group_id, [person_id]):
            raise NotFound("the person is not in that admin group")
        group.member_count -= 1
        group.updated_at = uow.clock.now()
        r.groups.save(group)
    else:
        link = r.activity_members.get(activity_id, person_id)
        if link is None:
            raise NotFound("the person is not in that activity group")
        if link.records:
            raise InUse(f"the person is in this activity group through {link.records} participation record(s): "
                        "delete the records instead")
        r.activity_members.unlink(activity_id, person_id)
    publish(uow, [person_id])
    uow.commit()
    return admin_group_id or activity_id
