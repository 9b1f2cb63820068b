"""Use cases of benchmark groups: join, leave, and compare. Comparing reads the group's counts at platform
level in one read-only transaction, then each member's set-up from profiles (labels), outside it."""
from __future__ import annotations

from typing import Callable

from services.common import context
from services.common.errors import NotFound
from services.common.uow import UnitOfWork

from . import domain, store
from .domain import Measure

NOT_IN_A_GROUP = "the landlord has not joined a benchmark group: join one first"


def join(uow: UnitOfWork, group: str) -> str:
    group = domain.check_group(group)
    store.join(uow.session, uow.landlord_id, group)
    uow.commit()
    return group


def leave(uow: UnitOfWork) -> None:
    store.join(uow.session, uow.landlord_id, None)
    uow.commit()


def compare(uow: Callable[..., UnitOfWork], landlord_id: str, catalogue_of: Callable[[], object]) -> tuple[
        str, int, list[Measure]]:
    """The group's name, how many landlords are in it, and each of this landlord's measures beside the group's."""
    with uow(landlord_id, read_only=True) as unit:
        group = store.group_of(unit.session, landlord_id)
    if not group:
        raise NotFound(NOT_IN_A_GROUP)
    with uow(platform=True, read_only=True) as unit:
        member_ids = store.members(unit.session, group)
        counts = store.counts_of(unit.session, member_ids)
        contacted = store.contacted_of(unit.session, member_ids, domain.contact_window_start(unit.clock.today()))
    measures = {}
    for member in member_ids:
        with context.bound(context.CallContext(landlord_id=member, request_id=context.current().request_id)):
            measures[member] = domain.measures(counts[member], catalogue_of(), contacted=contacted[member])
    return group, len(member_ids), domain.compare(measures[landlord_id], measures.values())
