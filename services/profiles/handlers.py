"""Event handlers of the profiles service: the search indexer keeps each
person's search document up to date from the database (the source of truth),
so replays and out-of-order deliveries converge on the current state."""
from __future__ import annotations

from services.common.search import SearchIndex

from . import service
from .catalogue_cache import CatalogueCache
from .indexing import index_people


class SearchIndexer:
    """`batch(uow, envelopes)` for the events of a batch (one landlord's), `event(uow,
    envelope)` for one event (the bus's fallback when a batch fails)."""

    def __init__(self, index: SearchIndex) -> None:
        self._index = index
        self._catalogues = CatalogueCache(recheck_seconds=0)  # always checks the version: documents must be exact
        self._mapped: set[str] = set()  # custom fields this indexer has added to the mapping

    def event(self, uow, envelope) -> None:
        service.index_person(uow, self._index, person_id=envelope.entity_id, catalogues=self._catalogues,
                             mapped=self._mapped)

    def batch(self, uow, envelopes) -> None:
        index_people(uow, self._index, person_ids=[env.entity_id for env in envelopes], catalogues=self._catalogues,
                     mapped=self._mapped)


def search_indexer(index: SearchIndex) -> SearchIndexer:
    return SearchIndexer(index)
