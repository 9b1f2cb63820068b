"""Use of what households, groups, messaging and referrals tell profiles: keep the newest state of
each household, of each person's groups, of each communication record, of each person's open follow-up
actions and of each referral, then bring the search documents of the people concerned up to date; and write
what users changed by hand on interactions into the people's history. Called by the consumers inside their unit of work
(they commit it, with the events marked processed)."""
from __future__ import annotations

from typing import Iterable

from services.common.search import SearchIndex
from services.common.uow import UnitOfWork

from ..catalogue_cache import CatalogueCache, catalogue_of
from ..domain import INTERACTIONS
from ..search.document import group_fields, household_fields
from ..search.indexing import ensure_custom_fields, index_people, update_people
from ..history import HistoryRepository
from .domain import (ActionFacts, ContactFacts, GroupFacts, HouseholdFacts, InteractionChanges, ReferralFacts,
                     newest)
from .store import FactsRepository


def record_households(uow: UnitOfWork, index: SearchIndex, *, households: list[HouseholdFacts],
                      catalogues: CatalogueCache | None = None, mapped: set[str] | None = None) -> None:
    """Households' new states (old versions ignored): the household fields of their occupants' documents, past
    and present, updated (a past one's to where they live now, if anywhere)."""
    facts = FactsRepository(uow.session, uow.landlord_id)
    fresh = newest(households, lambda h: h.household_id, facts.household_versions(h.household_id for h in households))
    people = facts.save_households(fresh, now=uow.clock.now())
    if not people:
        return
    catalogue = catalogue_of(uow.session, uow.landlord_id, catalogues)
    ensure_custom_fields(index, catalogue, mapped)  # the household custom fields, before any update names them
    lives_in = facts.households_of(people)
    update_people(uow, index, fields={p: household_fields(lives_in.get(p), catalogue) for p in sorted(people)},
                  catalogues=catalogues, mapped=mapped)


def record_groups(uow: UnitOfWork, index: SearchIndex, *, groups: list[GroupFacts],
                  catalogues: CatalogueCache | None = None, mapped: set[str] | None = None) -> None:
    """People's new groups states (old versions ignored): those fields of their documents updated."""
    facts = FactsRepository(uow.session, uow.landlord_id)
    fresh = newest(groups, lambda g: g.person_id, facts.group_versions(g.person_id for g in groups))
    facts.save_groups(fresh, now=uow.clock.now())
    update_people(uow, index, fields={g.person_id: group_fields(g) for g in fresh}, catalogues=catalogues,
                  mapped=mapped)


def record_messaging(uow: UnitOfWork, index: SearchIndex, *, contacts: Iterable[ContactFacts] = (),
                     actions: Iterable[ActionFacts] = (), catalogues: CatalogueCache | None = None,
                     mapped: set[str] | None = None) -> None:
    """Communication records' and people's open actions' new states (old versions ignored), the people they
    belong to reindexed once."""
    contacts, actions = list(contacts), list(actions)
    facts = FactsRepository(uow.session, uow.landlord_id)
    fresh_contacts = newest(contacts, lambda c: c.communication_id,
                            facts.contact_versions(c.communication_id for c in contacts))
    facts.save_contacts(fresh_contacts)
    fresh_actions = newest(actions, lambda a: a.person_id, facts.action_versions(a.person_id for a in actions))
    facts.save_actions(fresh_actions, now=uow.clock.now())
    people = {c.person_id for c in fresh_contacts} | {a.person_id for a in fresh_actions}
    index_people(uow, index, person_ids=sorted(people), catalogues=catalogues, mapped=mapped)


def record_contacts(uow: UnitOfWork, index: SearchIndex, *, contacts: list[ContactFacts],
                    catalogues: CatalogueCache | None = None, mapped: set[str] | None = None) -> None:
    """Communication records' new states (old versions ignored), the people they belong to reindexed."""
    record_messaging(uow, index, contacts=contacts, catalogues=catalogues, mapped=mapped)


def record_actions(uow: UnitOfWork, index: SearchIndex, *, actions: list[ActionFacts],
                   catalogues: CatalogueCache | None = None, mapped: set[str] | None = None) -> None:
    """People's open actions' new states (old versions ignored), those people reindexed."""
    record_messaging(uow, index, actions=actions, catalogues=catalogues, mapped=mapped)


def record_referrals(uow: UnitOfWork, index: SearchIndex, *, referrals: list[ReferralFacts],
                     catalogues: CatalogueCache | None = None, mapped: set[str] | None = None) -> None:
    """Referrals' new states (old versions ignored; a deleted one kept so it stays gone), the people they belonged
    to before and belong to now reindexed."""
    facts = FactsRepository(uow.session, uow.landlord_id)
    fresh = newest(referrals, lambda r: r.referral_id, facts.referral_versions(r.referral_id for r in referrals))
    people = facts.save_referrals(fresh, now=uow.clock.now())
    index_people(uow, index, person_ids=sorted(people), catalogues=catalogues, mapped=mapped)


def record_interactions(uow: UnitOfWork, *, interactions: Iterable[InteractionChanges]) -> None:
    """What users changed by hand on interactions, into the people's history (source "interactions"), each
    change as of when it was made and by whom. The consumer hands each event over once (by its id)."""
    history = HistoryRepository(uow.session, uow.landlord_id)
    for done in interactions:
        history.record(done.person_id, done.changes, by=done.changed_by, at=done.changed_at, source=INTERACTIONS)
