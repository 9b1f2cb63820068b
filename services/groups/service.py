"""What the use cases of the groups service share: repositories of a unit of work, paging, checking
people with profiles, and the PersonGroupsChanged events every change of a person's groups puts in
the outbox (in the same transaction). The use cases are in activities.py, admin_groups.py,
person_groups.py, templates.py and resolve.py; the people-events use case is here."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from services.common.bulk import chunks
from services.common.errors import FieldProblem, InvalidInput, collect
from services.common.uow import UnitOfWork

from .clients.profiles import People
from .domain import Changes, PersonGroupsChanged
from .members import ActivityMembers, AdminMembers, ArchivedPeople, Versions
from .store import ActivityRepository, AdminGroupRepository, ParticipationRepository
from .template_store import TemplateRepository

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 500
EVENT_CHUNK = 1000  # people whose state is read per round of queries


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


def paging(page: int, page_size: int) -> tuple[int, int]:
    """(limit, offset) of a 1-based page; 0 means the default."""
    page, page_size = page or 1, page_size or DEFAULT_PAGE_SIZE
    if page_size > MAX_PAGE_SIZE:
        raise InvalidInput.field("page_size", f"must be at most {MAX_PAGE_SIZE}")
    return page_size, (page - 1) * page_size


def check_people(people: People, person_ids: Sequence[str], *, field: str = "person_ids",
                 current_only: bool = True) -> list[str]:
    """The ids, each once, if every one is a person of the landlord (and current, with `current_only`);
    else InvalidInput naming each bad one as `field[i]`."""
    status = people.status([p for p in dict.fromkeys(person_ids) if p])
    problems = []
    for i, person_id in enumerate(person_ids):
        found = status.get(person_id)
        if found is None:
            problems.append(FieldProblem(f"{field}[{i}]", "no such person"))
        elif current_only and found != "current":
            problems.append(FieldProblem(f"{field}[{i}]", "is archived"))
    collect(problems)
    return list(dict.fromkeys(person_ids))


def check_person(people: People, person_id: str, *, current_only: bool = False) -> None:
    if not person_id:
        raise InvalidInput.field("person_id", "is required")
    found = people.status([person_id]).get(person_id)
    if found is None:
        raise InvalidInput.field("person_id", "no such person")
    if current_only and found != "current":
        raise InvalidInput.field("person_id", "is archived")


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
        versions = r.versions.bump(part)
        groups, links = r.admin_members.of_people(part), r.activity_members.of_people(part)
        records = r.participation.of_people(part)
        for person_id in part:
            changes.events.append(PersonGroupsChanged(
                uow.landlord_id, person_id, versions[person_id],
                tuple(sorted(g for g, _ in groups.get(person_id, ()))),
                tuple(sorted(link.activity_id for link in links.get(person_id, ()))),
                tuple(records.get(person_id, ())), at))
    uow.track(changes)


def people_status_changed(uow: UnitOfWork, *, archived: Sequence[str], current: Sequence[str]) -> None:
    """Profiles archived (or brought back) people: the archived leave every admin group (not their
    activity groups or participation, which are history) and are left out when activity groups are
    resolved. Called inside the consumer's transaction, which commits."""
    r = repos(uow)
    if current:
        r.archived.mark(list(current), archived=False)
    if not archived:
        return
    r.archived.mark(list(archived), archived=True)
    lost = r.admin_members.remove_everywhere(list(archived))
    for group_id, people in lost.items():
        r.groups.add_to_count(group_id, -len(people))
    publish(uow, [p for people in lost.values() for p in people])
