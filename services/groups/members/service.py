"""Use cases of who is in which group: the members of an admin group (added by id or by criteria,
removed), a person's groups tab (their admin groups and activity groups, newest link first; linking to
one by hand and unlinking; a link made by participation records goes when the records go), and the
archived leaving admin groups. Every member added or removed gets a PersonGroupsChanged in the same
transaction (multi-row statements: a 100,000-member group is fine). People are checked with profiles
with no transaction of ours open (store.end_reads); the group is then read again, locked, to write."""
from __future__ import annotations

from typing import Mapping

from services.common.errors import InUse, InvalidInput, NotFound
from services.common.uow import UnitOfWork

from ..activities.domain import takes_people
from ..activities.service import existing_activity
from ..clients.profiles import People
from ..domain import UNSPECIFIED, AdminGroup, paging
from ..service import (check_person, load_admin_group, members_from_profiles, publish, repos,
                       wanted_members)
from ..store import end_reads
from .domain import ACTIVITY, ADMIN, MANUAL, PARTICIPATION, ActivityLink, GroupMember, PersonGroup


# -- members of an admin group -------------------------------------------------------------------------------------

def list_members(uow: UnitOfWork, *, group_id: str, page: int, page_size: int) -> tuple[int, list[GroupMember]]:
    """Newest first."""
    group = load_admin_group(uow, group_id)
    limit, offset = paging(page, page_size)
    return group.member_count, repos(uow).admin_members.page(group_id, limit=limit, offset=offset)


def add_members(uow: UnitOfWork, people: People, *, user_id: str, group_id: str, person_ids: list[str] = (),
                criteria: dict | None = None) -> tuple[int, int]:
    """People by id (checked) or everyone criteria pick now; those already in are ignored.
    Returns (how many joined, members now)."""
    load_admin_group(uow, group_id)
    if not person_ids and criteria is None:
        raise InvalidInput.field("person_ids", "give the people to add, or criteria")
    wanted = wanted_members(uow, person_ids=list(person_ids), criteria=criteria, template_id="")
    end_reads(uow)
    joining = members_from_profiles(people, wanted)
    group = load_admin_group(uow, group_id, for_update=True)
    return _changed(uow, group, repos(uow).admin_members.add(group_id, joining, at=uow.clock.now(), by=user_id))


def remove_members(uow: UnitOfWork, *, group_id: str, person_ids: list[str]) -> tuple[int, int]:
    """Returns (how many left, members now); ids not in the group are ignored."""
    group = load_admin_group(uow, group_id, for_update=True)
    if not person_ids:
        raise InvalidInput.field("person_ids", "give the people to remove")
    removed = repos(uow).admin_members.remove(group_id, list(person_ids))
    return _changed(uow, group, removed, sign=-1)


def _changed(uow: UnitOfWork, group: AdminGroup, people: list[str], sign: int = 1) -> tuple[int, int]:
    if people:
        r = repos(uow)
        group.member_count += sign * len(people)
        group.updated_at = uow.clock.now()
        r.groups.save(group)
        publish(uow, people)
        uow.commit()
    return len(people), group.member_count


def people_status_changed(uow: UnitOfWork, *, archived: Mapping[str, int], current: Mapping[str, int]) -> None:
    """Profiles archived (or brought back) people, each given with the version of the person it comes from:
    the archived leave every admin group (not their activity groups or participation, which are history) and
    are left out when activity groups are resolved. A status older than the one taken of the person before
    is ignored (it came late, twice or out of order); the same version again changes nothing. Called inside
    the consumer's transaction, which commits."""
    r = repos(uow)
    taken = r.archived.not_older({**current, **archived})
    now_current = [p for p in current if p in taken and p not in archived]
    now_archived = [p for p in archived if p in taken]
    if now_current:
        r.archived.mark(now_current, archived=False)
    if not now_archived:
        return
    r.archived.mark(now_archived, archived=True)
    lost = r.admin_members.remove_everywhere(now_archived)
    for group_id, people in lost.items():
        r.groups.add_to_count(group_id, -len(people))
    publish(uow, [p for people in lost.values() for p in people])


# -- a person's groups ---------------------------------------------------------------------------------------------

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


def _linkable_group(uow: UnitOfWork, admin_group_id: str, *, for_update: bool = False) -> AdminGroup:
    group = repos(uow).groups.get(admin_group_id, for_update=for_update)
    if group is None:
        raise InvalidInput.field("admin_group_id", "no such admin group")
    return group


def _linkable_activity(uow: UnitOfWork, activity_id: str) -> None:
    takes_people(existing_activity(uow, activity_id))


def link_person(uow: UnitOfWork, people: People, *, user_id: str, person_id: str, admin_group_id: str = "",
                activity_id: str = "") -> PersonGroup:
    """Link the person to an admin group (current people only) or an activity group; linking again
    changes nothing. The group is checked, then the person (by profiles), then the group again to write."""
    _one_of(admin_group_id, activity_id)
    r = repos(uow)
    at = uow.clock.now()
    if admin_group_id:
        _linkable_group(uow, admin_group_id)
        end_reads(uow)
        check_person(people, person_id, current_only=True)
        group = _linkable_group(uow, admin_group_id, for_update=True)
        if r.admin_members.add(group.group_id, [person_id], at=at, by=user_id):
            group.member_count += 1
            group.updated_at = at
            r.groups.save(group)
            publish(uow, [person_id])
        line = _admin_line(group, dict(r.admin_members.of_people([person_id])[person_id])[group.group_id])
    else:
        _linkable_activity(uow, activity_id)
        end_reads(uow)
        check_person(people, person_id)
        _linkable_activity(uow, activity_id)
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
