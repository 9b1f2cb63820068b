"""Event handlers of the profiles service: the search indexer keeps each
person's search document up to date from the database (the source of truth),
so replays and out-of-order deliveries converge on the current state."""
from __future__ import annotations

from services.common.search import SearchIndex

from . import service
from .catalogue_cache import CatalogueCache


def search_indexer(index: SearchIndex):
    catalogues = CatalogueCache(recheck_seconds=0)  # always checks the version: documents must be exact
    mapped: set[str] = set()  # custom fields this indexer has added to the mapping

    def handle(uow, envelope) -> None:
        service.index_person(uow, index, person_id=envelope.entity_id, catalogues=catalogues, mapped=mapped)
    return handle
