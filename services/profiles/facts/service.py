"""Use of what households and groups tell profiles: keep the newest state of each
household and of each person's groups, then bring the search documents of the
people concerned up to date. Called by the consumers inside their unit of work
(they commit it, with the events marked processed)."""
from __future__ import annotations

from services.common.search import SearchIndex
from services.common.uow import UnitOfWork

from ..catalogue_cache import CatalogueCache
from ..search.indexing import index_people
from .domain import GroupFacts, HouseholdFacts, newest
from .store import FactsRepository


def record_households(uow: UnitOfWork, index: SearchIndex, *, households: list[HouseholdFacts],
                      catalogues: CatalogueCache | None = None, mapped: set[str] | None = None) -> None:
    """Households' new states (old versions ignored); their occupants, past and present, reindexed."""
    facts = FactsRepository(uow.session, uow.landlord_id)
    fresh = newest(households, lambda h: h.household_id, facts.household_versions(h.household_id for h in households))
    people = facts.save_households(fresh, now=uow.clock.now())
    index_people(uow, index, person_ids=sorted(people), catalogues=catalogues, mapped=mapped)


def record_groups(uow: UnitOfWork, index: SearchIndex, *, groups: list[GroupFacts],
                  catalogues: CatalogueCache | None = None, mapped: set[str] | None = None) -> None:
    """People's new groups states (old versions ignored), those people reindexed."""
    facts = FactsRepository(uow.session, uow.landlord_id)
    fresh = newest(groups, lambda g: g.person_id, facts.group_versions(g.person_id for g in groups))
    facts.save_groups(fresh, now=uow.clock.now())
    index_people(uow, index, person_ids=[g.person_id for g in fresh], catalogues=catalogues, mapped=mapped)
