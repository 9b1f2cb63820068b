"""Use cases of admin groups, and what every area's use cases share: the repositories of a unit of
work, checking people with profiles, the PersonGroupsChanged events every change of a person's groups
puts in the outbox (in the same transaction), and resolving a selection to people. The use cases of
activities, members and search templates are in their areas' service.py.

Admin groups are fixed lists of current people, belonging to the landlord's Unspecified activity.
Members come from ids (each checked with profiles), or are a snapshot of who criteria or a search
template pick now; nobody joins later by themselves, and the archived leave (members/service.py).
All or nothing: one bad id and nothing is saved. Profiles is asked with no transaction open
(store.end_reads): what it answers is written in a transaction of its own."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterator, Sequence

from services.common.bulk import chunks
from services.common import people_status, states
from services.common.errors import AlreadyExists, InvalidInput, NotFound
from services.common.uow import UnitOfWork

from .activities.domain import Activity
from .activities.store import ActivityRepository, ParticipationRepository
from .clients.profiles import People
from .domain import AdminGroup, Changes, PersonGroupsChanged, paging
from .members.store import ActivityMembers, AdminMembers, ArchivedPeople
from .store import TAKEN_REFERENCE, AdminGroupRepository, Versions, end_reads
from .templates.service import expand_criteria, refuse_if_templates_use
from .templates.store import TemplateRepository

EVENT_CHUNK = 1000  # people whose state is read per round of queries
SNAPSHOT_CHUNK = 5000
DEFAULT_CHUNK = 5000  # person ids per chunk when a selection is resolved
MAX_CHUNK = 50_000
Chunks = Iterator[tuple[list[str], int]]


@dataclass
class Repos:
    activities: ActivityRepository
    participation: ParticipationRepository
    groups: AdminGroupRepository
    templates: TemplateRepository
    admin_members: AdminMembers
    activity_members: ActivityMembers
    versions: Versions
    archived: ArchivedPeople


def repos(uow: UnitOfWork) -> Repos:
    s, landlord = uow.session, uow.landlord_id
    return Repos(ActivityRepository(s, landlord), ParticipationRepository(s, landlord), AdminGroupRepository(s, landlord),
                 TemplateRepository(s, landlord), AdminMembers(s, landlord), ActivityMembers(s, landlord),
                 Versions(s, landlord), ArchivedPeople(s, landlord))


def check_people(people: People, person_ids: Sequence[str], *, field: str = "person_ids",
                 current_only: bool = True) -> list[str]:
    """The ids, each once, if every one is a person of the landlord (and current, with `current_only`);
    else InvalidInput naming each bad one as `field[i]`."""
    return people_status.check_people(people.status, person_ids, field=field, current_only=current_only)


def check_person(people: People, person_id: str, *, current_only: bool = False) -> None:
    people_status.check_person(people.status, person_id, current_only=current_only)


def publish(uow: UnitOfWork, person_ids: Sequence[str]) -> None:
    """PersonGroupsChanged for each person: their whole current state (as this transaction sees it)
    with their next version, tracked by the unit of work so its commit puts them in the outbox."""
    ids = list(dict.fromkeys(person_ids))
    if not ids:
        return
    r = repos(uow)
    changes, at = Changes(), uow.clock.now()
    for part in chunks(ids, EVENT_CHUNK):
        # Versions first: on PostgreSQL the upsert waits for a concurrent change of the same person to
        # commit, so the state read after it includes that change (the higher version is the fuller state).
        changes.events.extend(_states(uow, r, r.versions.bump(part), at))
    uow.track(changes)


def _states(uow: UnitOfWork, r: Repos, versions: dict[str, int], at) -> list[PersonGroupsChanged]:
    """The whole current groups state of each of these people, with their version."""
    part = list(versions)
    groups, links = r.admin_members.of_people(part), r.activity_members.of_people(part)
    records = r.participation.of_people(part)
    return [PersonGroupsChanged(uow.landlord_id, person_id, versions[person_id],
                                tuple(sorted(g for g, _ in groups.get(person_id, ()))),
                                tuple(sorted(link.activity_id for link in links.get(person_id, ()))),
                                tuple(records.get(person_id, ())), at) for person_id in part]


def person_groups_states(make_uow: Callable[[], UnitOfWork], *, page_size: int = 0,
                         after_person_id: str = "") -> Iterator[list[PersonGroupsChanged]]:
    """Every person whose groups ever changed (whose id follows `after_person_id`), as their newest
    PersonGroupsChanged shows them, in id order, `page_size` at a time (0: states.PAGE): the reporting
    service's recount, each page in its own unit of work. A bad size is raised before the first page."""
    def read(after: str, size: int) -> list[PersonGroupsChanged]:
        with make_uow() as uow:
            r = repos(uow)
            return _states(uow, r, r.versions.page_after(after, size), uow.clock.now())
    return states.by_key(read, lambda page: [p.person_id for p in page], states.page_size(page_size),
                         after_person_id)


# -- admin groups --------------------------------------------------------------------------------------------------

def load_admin_group(uow: UnitOfWork, group_id: str, *, for_update: bool = False) -> AdminGroup:
    group = repos(uow).groups.get(group_id, for_update=for_update) if group_id else None
    if group is None:
        raise NotFound("admin group not found")
    return group


def _unique(uow: UnitOfWork, group: AdminGroup) -> None:
    if repos(uow).groups.reference_taken(group.reference, other_than=group.group_id):
        raise AlreadyExists.field("reference", TAKEN_REFERENCE)


@dataclass(frozen=True)
class Wanted:
    """The people wanted in an admin group, as profiles is to be asked: ids to check, or (expanded)
    criteria whose current people to take; neither when nobody is wanted."""
    person_ids: list[str] = field(default_factory=list)
    criteria: dict | None = None


def wanted_members(uow: UnitOfWork, *, person_ids: list[str], criteria: dict | None, template_id: str) -> Wanted:
    """Reads only: the given selection checked and expanded (a search template's criteria as they are now)."""
    given = [name for name, value in (("person_ids", person_ids), ("criteria", criteria is not None),
                                      ("search_template_id", template_id)) if value]
    if len(given) > 1:
        raise InvalidInput.field(given[1], f"give members as one of person_ids, criteria or search_template_id, "
                                           f"not both {given[0]} and {given[1]}")
    if person_ids:
        return Wanted(person_ids)
    if criteria is not None:
        return Wanted(criteria=expand_criteria(uow, criteria=criteria))
    if template_id:
        template = repos(uow).templates.get(template_id)
        if template is None:
            raise InvalidInput.field("search_template_id", "no such search template")
        return Wanted(criteria=expand_criteria(uow, criteria=template.criteria, within=(template_id,)))
    return Wanted()


def members_from_profiles(people: People, wanted: Wanted) -> list[str]:
    """Profiles only: the ids checked, or who the criteria pick now (current people only: archived
    people are never members)."""
    if wanted.person_ids:
        return check_people(people, wanted.person_ids)
    if wanted.criteria is None:
        return []
    found: list[str] = []
    for ids, _total in people.resolve({**wanted.criteria, "status": ["current"]}, SNAPSHOT_CHUNK):
        found.extend(ids)
    return list(dict.fromkeys(found))


def create_admin_group(uow: UnitOfWork, people: People, *, user_id: str, reference: str, description: str,
                       person_ids: list[str] = (), criteria: dict | None = None,
                       search_template_id: str = "") -> AdminGroup:
    group = AdminGroup.new(landlord_id=uow.landlord_id, user_id=user_id, now=uow.clock.now(), reference=reference,
                           description=description)
    _unique(uow, group)
    wanted = wanted_members(uow, person_ids=list(person_ids), criteria=criteria, template_id=search_template_id)
    end_reads(uow)
    members = members_from_profiles(people, wanted)
    r = repos(uow)
    r.activities.ensure(Activity.unspecified_for(uow.landlord_id, group.created_at))
    group.member_count = len(members)
    r.groups.add(group)  # the unique index refuses a reference taken meanwhile
    r.admin_members.add(group.group_id, members, at=group.created_at, by=user_id, new_group=True)
    publish(uow, members)
    uow.commit()
    return group


def update_admin_group(uow: UnitOfWork, *, group_id: str, reference: str | None = None,
                       description: str | None = None) -> AdminGroup:
    group = load_admin_group(uow, group_id)
    group.change(now=uow.clock.now(), reference=reference, description=description)
    if reference is not None:
        _unique(uow, group)
    repos(uow).groups.save(group)
    uow.commit()
    return group


def get_admin_group(uow: UnitOfWork, *, group_id: str) -> AdminGroup:
    return load_admin_group(uow, group_id)


def list_admin_groups(uow: UnitOfWork, *, text: str, page: int, page_size: int) -> tuple[int, list[AdminGroup]]:
    limit, offset = paging(page, page_size)
    return repos(uow).groups.page(text=text.strip(), limit=limit, offset=offset)


def delete_admin_group(uow: UnitOfWork, *, group_id: str) -> str:
    group = load_admin_group(uow, group_id, for_update=True)
    refuse_if_templates_use(uow, group_id, "admin group")
    r = repos(uow)
    members = [p for ids in r.admin_members.every(group_id) for p in ids]
    r.admin_members.delete_group(group_id)
    r.groups.delete(group_id)
    publish(uow, members)
    uow.commit()
    return group.group_id


# -- resolving a selection to people -------------------------------------------------------------------------------

def resolve_people(make_uow: Callable[[], UnitOfWork], people: People, *, criteria: dict | None = None,
                   search_template_id: str = "", admin_group_id: str = "", activity_id: str = "",
                   chunk_size: int = 0) -> Chunks:
    """Everyone a selection stands for, now: (person ids, total on the first chunk else 0). Criteria or
    a search template are expanded here and re-evaluated by profiles (no transaction of ours open while
    it streams); an admin group is its members, an activity group its current people (those profiles
    archived are left out), read in keyset pages on the member table's primary key with one short unit
    of work per chunk: a 100,000-member group never sits in memory, and a slow reader holds no
    transaction open. Errors (unknown group, bad criteria) are raised before the first chunk."""
    chunk = chunk_size or DEFAULT_CHUNK
    if not 1 <= chunk <= MAX_CHUNK:
        raise InvalidInput.field("chunk_size", f"must be at most {MAX_CHUNK:,}")
    if admin_group_id:
        return _admin_group_people(make_uow, admin_group_id, chunk)
    if activity_id:
        return _activity_people(make_uow, activity_id, chunk)
    with make_uow() as uow:
        if search_template_id:
            template = repos(uow).templates.get(search_template_id)
            if template is None:
                raise NotFound("search template not found")
            expanded = expand_criteria(uow, criteria=template.criteria, within=(search_template_id,))
        elif criteria is not None:
            expanded = expand_criteria(uow, criteria=criteria)
        else:
            raise InvalidInput.field("selection", "give criteria, search_template_id, admin_group_id or activity_id")
    return people.resolve(expanded, chunk)


def _admin_group_people(make_uow, group_id: str, chunk: int) -> Chunks:
    with make_uow() as uow:
        group = repos(uow).groups.get(group_id)
        if group is None:
            raise NotFound("admin group not found")
    return _pages(make_uow, group.member_count, chunk, lambda r, after: r.admin_members.after(group_id, after, chunk))


def _activity_people(make_uow, activity_id: str, chunk: int) -> Chunks:
    with make_uow() as uow:
        r = repos(uow)
        if not r.activities.existing([activity_id]):
            raise NotFound("activity not found")
        total = r.activity_members.current_count(activity_id)
    return _pages(make_uow, total, chunk, lambda r, after: r.activity_members.current_after(activity_id, after, chunk))


def _pages(make_uow, total: int, chunk: int, page) -> Chunks:
    after, first = "", True
    while True:
        with make_uow() as uow:
            ids = page(repos(uow), after)
        if ids or first:
            yield ids, total if first else 0
            first = False
        if len(ids) < chunk:
            return
        after = ids[-1]
