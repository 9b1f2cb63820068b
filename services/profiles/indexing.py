"""Bringing many people's search documents up to date at once: what the search
indexer does with a batch of events (one database read and one bulk index call
instead of one of each per event). The database is the source of truth, so the
documents converge on the current state whatever the events said or their order."""
from __future__ import annotations

from typing import Iterable

from services.common.search import SearchIndex
from services.common.uow import UnitOfWork

from . import search
from .catalogue_cache import CatalogueCache
from .facts_domain import NO_FACTS
from .facts_store import FactsRepository
from .service import _ensure_custom_fields
from .setup_store import load_catalogue
from .store import PersonRepository


def index_people(uow: UnitOfWork, index: SearchIndex, *, person_ids: Iterable[str],
                 catalogues: CatalogueCache | None = None, mapped: set[str] | None = None) -> None:
    """Index these people as the database holds them now; remove from the index those
    no longer in it. Like service.index_person, for many people of one landlord."""
    ids = list(dict.fromkeys(person_ids))
    if not ids:
        return
    catalogue = (catalogues.load if catalogues else load_catalogue)(uow.session, uow.landlord_id)
    found = PersonRepository(uow.session, uow.landlord_id, catalogue.custom_fields.values()).get_many(ids)
    if found:
        facts = FactsRepository(uow.session, uow.landlord_id).get_many(found)
        _ensure_custom_fields(index, catalogue, mapped)
        index.index_many(search.INDEX, uow.landlord_id, {
            person_id: search.document(person, catalogue, facts.get(person_id, NO_FACTS))
            for person_id, person in found.items()})
    for person_id in ids:
        if person_id not in found:  # deleted since the event: rare, one call each
            index.delete(search.INDEX, uow.landlord_id, person_id)
