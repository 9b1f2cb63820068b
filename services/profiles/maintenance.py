"""Operator commands of the profiles service."""
from __future__ import annotations

import logging

from sqlalchemy import select

from . import search, service
from .store import people

log = logging.getLogger(__name__)


def reindex(profiles) -> None:
    """Rebuild the people search index from the database: `python -m services.profiles reindex`."""
    runtime = profiles.runtime
    profiles.index.ensure_index(search.INDEX, search.index_fields())
    with runtime.uow(platform=True) as uow:
        landlords = list(uow.session.execute(select(people.c.landlord_id).distinct()).scalars())
    total = 0
    for number, landlord_id in enumerate(landlords, 1):
        def progress(done: int, number=number) -> None:
            if done % 10_000 == 0:
                log.info("reindexing", extra={"landlord": number, "of": len(landlords), "people": done})
        with runtime.uow(landlord_id) as uow:
            done = service.reindex_landlord(uow, profiles.index, progress)
        total += done
        log.info("reindexed landlord", extra={"landlord": number, "of": len(landlords), "people": done})
    profiles.index.refresh(search.INDEX)
    log.info("reindexed", extra={"landlords": len(landlords), "people": total})
