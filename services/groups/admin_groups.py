"""Use cases of admin groups: fixed lists of current people, belonging to the landlord's Unspecified
activity. Members come from ids (each checked with profiles), or are a snapshot of who criteria or a
search template pick now; nobody joins later by themselves, and the archived leave (service.py).
All or nothing: one bad id and nothing is saved. Every member added or removed gets a
PersonGroupsChanged in the same transaction (multi-row statements: a 100,000-member group is fine)."""
from __future__ import annotations

from services.common.errors import AlreadyExists, InvalidInput, NotFound
from services.common.uow import UnitOfWork

from .clients.profiles import People
from .domain import Activity, AdminGroup, GroupMember
from .service import check_people, paging, publish, repos
from .store import TAKEN_REFERENCE
from .templates import expand_criteria, refuse_if_templates_use

SNAPSHOT_CHUNK = 5000


def _get(uow: UnitOfWork, group_id: str, *, for_update: bool = False) -> AdminGroup:
    group = repos(uow).groups.get(group_id, for_update=for_update) if group_id else None
    if group is None:
        raise NotFound("admin group not found")
    return group


def _unique(uow: UnitOfWork, group: AdminGroup) -> None:
    if repos(uow).groups.reference_taken(group.reference, other_than=group.group_id):
        raise AlreadyExists.field("reference", TAKEN_REFERENCE)


def current_people(people: People, expanded: dict) -> list[str]:
    """Who the (expanded) criteria pick now, current people only: archived people are never members."""
    criteria = {**expanded, "status": ["current"]}
    found: list[str] = []
    for ids, _total in people.resolve(criteria, SNAPSHOT_CHUNK):
        found.extend(ids)
    return list(dict.fromkeys(found))


def _wanted(uow: UnitOfWork, people: People, *, person_ids: list[str], criteria: dict | None,
            template_id: str) -> list[str]:
    given = [name for name, value in (("person_ids", person_ids), ("criteria", criteria is not None),
                                      ("search_template_id", template_id)) if value]
    if len(given) > 1:
        raise InvalidInput.field(given[1], f"give members as one of person_ids, criteria or search_template_id, "
                                           f"not both {given[0]} and {given[1]}")
    if person_ids:
        return check_people(people, person_ids)
    if criteria is not None:
        return current_people(people, expand_criteria(uow, criteria=criteria))
    if template_id:
        template = repos(uow).templates.get(template_id)
        if template is None:
            raise InvalidInput.field("search_template_id", "no such search template")
        return current_people(people, expand_criteria(uow, criteria=template.criteria, within=(template_id,)))
    return []


def create_admin_group(uow: UnitOfWork, people: People, *, user_id: str, reference: str, description: str,
                       person_ids: list[str] = (), criteria: dict | None = None,
                       search_template_id: str = "") -> AdminGroup:
    group = AdminGroup.new(landlord_id=uow.landlord_id, user_id=user_id, now=uow.clock.now(), reference=reference,
                           description=description)
    _unique(uow, group)
    members = _wanted(uow, people, person_ids=list(person_ids), criteria=criteria, template_id=search_template_id)
    r = repos(uow)
    r.activities.ensure(Activity.unspecified_for(uow.landlord_id, group.created_at))
    group.member_count = len(members)
    r.groups.add(group)
    r.admin_members.add(group.group_id, members, at=group.created_at, by=user_id, new_group=True)
    publish(uow, members)
    uow.commit()
    return group


def update_admin_group(uow: UnitOfWork, *, group_id: str, reference: str | None = None,
                       description: str | None = None) -> AdminGroup:
    group = _get(uow, group_id)
    group.change(now=uow.clock.now(), reference=reference, description=description)
    if reference is not None:
        _unique(uow, group)
    repos(uow).groups.save(group)
    uow.commit()
    return group


def get_admin_group(uow: UnitOfWork, *, group_id: str) -> AdminGroup:
    return _get(uow, group_id)


def list_admin_groups(uow: UnitOfWork, *, text: str, page: int, page_size: int) -> tuple[int, list[AdminGroup]]:
    limit, offset = paging(page, page_size)
    return repos(uow).groups.page(text=text.strip(), limit=limit, offset=offset)


def delete_admin_group(uow: UnitOfWork, *, group_id: str) -> str:
    group = _get(uow, group_id, for_update=True)
    refuse_if_templates_use(uow, group_id, "admin group")
    r = repos(uow)
    members = [p for ids in r.admin_members.every(group_id) for p in ids]
    r.admin_members.delete_group(group_id)
    r.groups.delete(group_id)
    publish(uow, members)
    uow.commit()
    return group.group_id


def list_members(uow: UnitOfWork, *, group_id: str, page: int, page_size: int) -> tuple[int, list[GroupMember]]:
    """Newest first."""
    group = _get(uow, group_id)
    limit, offset = paging(page, page_size)
    return group.member_count, repos(uow).admin_members.page(group_id, limit=limit, offset=offset)


def add_members(uow: UnitOfWork, people: People, *, user_id: str, group_id: str, person_ids: list[str] = (),
                criteria: dict | None = None) -> tuple[int, int]:
    """People by id (checked) or everyone criteria pick now; those already in are ignored.
    Returns (how many joined, members now)."""
    group = _get(uow, group_id, for_update=True)
    if not person_ids and criteria is None:
        raise InvalidInput.field("person_ids", "give the people to add, or criteria")
    wanted = _wanted(uow, people, person_ids=list(person_ids), criteria=criteria, template_id="")
    return _changed(uow, group, repos(uow).admin_members.add(group_id, wanted, at=uow.clock.now(),
                                                                    by=user_id))


def remove_members(uow: UnitOfWork, *, group_id: str, person_ids: list[str]) -> tuple[int, int]:
    """Returns (how many left, members now); ids not in the group are ignored."""
    group = _get(uow, group_id, for_update=True)
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
