"""Everyone a selection stands for, now, as person ids in chunks (the first carries the total):
criteria or a search template (expanded here, re-evaluated by profiles now), an admin group (its
members) or an activity group (its current people: those profiles archived are left out).

Groups are read in keyset pages on the member table's primary key (group, person id), one short
unit of work per chunk: a 100,000-member group never sits in memory, and a slow reader holds no
transaction open."""
from __future__ import annotations

from typing import Callable, Iterator

from services.common.errors import InvalidInput, NotFound
from services.common.uow import UnitOfWork

from .clients.profiles import People
from .service import repos
from .templates import expand_criteria

DEFAULT_CHUNK = 5000
MAX_CHUNK = 50_000
Chunks = Iterator[tuple[list[str], int]]


def resolve_people(make_uow: Callable[[], UnitOfWork], people: People, *, criteria: dict | None = None,
                   search_template_id: str = "", admin_group_id: str = "", activity_id: str = "",
                   chunk_size: int = 0) -> Chunks:
    """(person ids, total on the first chunk else 0). Errors (unknown group, bad criteria) are raised
    before the first chunk."""
    chunk = chunk_size or DEFAULT_CHUNK
    if not 1 <= chunk <= MAX_CHUNK:
        raise InvalidInput.field("chunk_size", f"must be at most {MAX_CHUNK:,}")
    if admin_group_id:
        return _admin_group(make_uow, admin_group_id, chunk)
    if activity_id:
        return _activity(make_uow, activity_id, chunk)
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


def _admin_group(make_uow, group_id: str, chunk: int) -> Chunks:
    with make_uow() as uow:
        group = repos(uow).groups.get(group_id)
        if group is None:
            raise NotFound("admin group not found")
    return _pages(make_uow, group.member_count, chunk, lambda r, after: r.admin_members.after(group_id, after, chunk))


def _activity(make_uow, activity_id: str, chunk: int) -> Chunks:
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
