"""Use of what households, groups and messaging tell profiles: keep the newest state of
each household, of each person's groups and of each communication record, then bring
the search documents of the people concerned up to date. Called by the consumers inside their unit of work
(they commit it, with the events marked processed)."""
from __future__ import annotations

from services.common.search import SearchIndex
from services.common.uow import UnitOfWork

from ..catalogue_cache import CatalogueCache
from ..search.indexing import index_people
from .domain import ContactFacts, GroupFacts, HouseholdFacts, newest
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


def record_contacts(uow: UnitOfWork, index: SearchIndex, *, contacts: list[ContactFacts],
                    catalogues: CatalogueCache | None = None, mapped: set[str] | None = None) -> None:
    """Communication records' new states (old versions ignored), the people they belong to reindexed."""
    facts = FactsRepository(uow.session, uow.landlord_id)
    fresh = newest(contacts, lambda c: c.communication_id,
                   facts.contact_versions(c.communication_id for c in contacts))
    facts.save_contacts(fresh)
    index_people(uow, index, person_ids=sorted({c.person_id for c in fresh}), catalogues=catalogues, mapped=mapped)
