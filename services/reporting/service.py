"""Use cases of the reporting service."""
from __future__ import annotations

from typing import Iterable

from services.common.uow import UnitOfWork

from . import domain
from .store import CountsRepository


def record_changes(uow: UnitOfWork, *, changes: Iterable[domain.CountChange]) -> None:
    """Called inside the consumer's transaction (which commits it with the events' receipt)."""
    repo = CountsRepository(uow.session, uow.landlord_id)
    for change in changes:
        if change.delta:
            repo.apply(change)


def people_count(uow: UnitOfWork) -> tuple[int, dict[str, int]]:
    by_status = CountsRepository(uow.session, uow.landlord_id).by_status()
    return by_status.get("current", 0), by_status
