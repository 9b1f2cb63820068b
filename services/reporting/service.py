"""Use cases of the reporting service."""
from __future__ import annotations

from services.common.uow import UnitOfWork

from . import domain
from .store import CountsRepository


def record_person_created(uow: UnitOfWork, *, status: str) -> None:
    """Called inside the consumer's transaction (which commits it with the event's receipt)."""
    repo = CountsRepository(uow.session, uow.landlord_id)
    for change in domain.person_created(status):
        repo.apply(change)


def record_status_changed(uow: UnitOfWork, *, status: str) -> None:
    repo = CountsRepository(uow.session, uow.landlord_id)
    for change in domain.status_changed(status):
        repo.apply(change)


def people_count(uow: UnitOfWork) -> tuple[int, dict[str, int]]:
    by_status = CountsRepository(uow.session, uow.landlord_id).by_status()
    return by_status.get("current", 0), by_status
