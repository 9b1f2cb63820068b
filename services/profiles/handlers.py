"""Event handlers of the profiles service. The search indexer keeps each person's
search document up to date from the database (the source of truth), so replays and
out-of-order deliveries converge on the current state. The households, groups, messaging and
referrals consumers keep what those services say about people (newest version wins) and
reindex the people concerned once that commits (search/indexing.py); the messaging consumer also writes
what users changed by hand on interactions into the people's history, in the same unit of work."""
from __future__ import annotations

import datetime as dt
from typing import Callable, Iterable, Iterator

from google.protobuf import json_format

from services.common.criteria import SATISFACTION_HIGHEST, SATISFACTION_LOWEST
from services.common.envelope import payload_as
from services.common.group_events import person_groups
from services.common.people_events import person_events
from services.common.search import SearchIndex
from services.gen.tracker.households.v1 import events_pb2 as households_events
from services.gen.tracker.messaging.v1 import events_pb2 as messaging_events
from services.gen.tracker.referrals.v1 import events_pb2 as referrals_events

from .catalogue_cache import CatalogueCache
from .domain import FieldChange
from .facts import service as facts_service
from .facts.domain import (ActionFacts, ContactFacts, GroupFacts, HouseholdFacts, InteractionChanges, ReferralFacts,
                           cells, iso_date)
from .search.indexing import index_now

VALUE_MAX = 1000  # characters of one stored custom value
JOB_STARTED = "job_started"  # the step of a referral's journey that puts the person in work


class _Indexing:
    def __init__(self, index: SearchIndex) -> None:
        self._index = index
        self._catalogues = CatalogueCache(recheck_seconds=0)  # always checks the version: documents must be exact
        self._mapped: set[str] = set()  # custom fields this consumer has added to the mapping


class SearchIndexer(_Indexing):
    """`batch(uow, envelopes)` for the events of a batch (one landlord's), `event(uow,
    envelope)` for one event (the bus's fallback when a batch fails)."""

    def event(self, uow, envelope) -> None:
        self.batch(uow, [envelope])

    def batch(self, uow, envelopes) -> None:
        """The changes committed before their events were sent: written at once, inside this
        transaction, so the events are offered again if the index is away."""
        index_now(uow, self._index, person_ids=[e.person_id for e in person_events(envelopes)],
                  catalogues=self._catalogues, mapped=self._mapped)


class FactsConsumer(_Indexing):
    """Events of households, groups or referrals, read into facts and recorded a batch at a time. `read` takes
    the batch's envelopes and yields the facts they hold (`each` reads one fact, or none, from each)."""

    def __init__(self, index: SearchIndex, read: Callable[[list], Iterable], record: Callable, keyword: str) -> None:
        super().__init__(index)
        self._read, self._record, self._keyword = read, record, keyword

    def event(self, uow, envelope) -> None:
        self.batch(uow, [envelope])

    def batch(self, uow, envelopes) -> None:
        facts = list(self._read(envelopes))
        if facts:
            self._record(uow, self._index, catalogues=self._catalogues, mapped=self._mapped,
                         **{self._keyword: facts})


class MessagingConsumer(_Indexing):
    """Events of messaging: communication records and people's open actions kept as facts, and the changes users
    made by hand on interactions written into the history, a batch at a time in the consumer's unit of work."""

    def event(self, uow, envelope) -> None:
        self.batch(uow, [envelope])

    def batch(self, uow, envelopes) -> None:
        contacts = [f for f in (contact_facts(env) for env in envelopes) if f is not None]
        actions = [f for f in (action_facts(env) for env in envelopes) if f is not None]
        interactions = [i for i in (interaction_changes(env) for env in envelopes) if i is not None]
        if interactions:
            facts_service.record_interactions(uow, interactions=interactions)
        if contacts or actions:
            facts_service.record_messaging(uow, self._index, contacts=contacts, actions=actions,
                                           catalogues=self._catalogues, mapped=self._mapped)


def household_facts(envelope) -> HouseholdFacts | None:
    if envelope.type != households_events.HouseholdChanged.DESCRIPTOR.full_name:
        return None  # not a kind of event profiles needs
    changed = payload_as(envelope, households_events.HouseholdChanged)
    custom = {}
    for profile in (changed.property_profile, changed.household_profile):
        for field_id, value in json_format.MessageToDict(profile).items():
            stored = tuple(c[:VALUE_MAX] for c in cells(value))
            if stored:
                custom[field_id] = stored
    return HouseholdFacts(changed.household_id, changed.version, tuple(dict.fromkeys(changed.occupant_ids)),
                          changed.occupant_count, iso_date(changed.youngest_date_of_birth), custom)


def each(read_one: Callable) -> Callable[[list], Iterator]:
    """A reader of envelopes from a reader of one fact (or None) per envelope."""
    def read(envelopes: list) -> Iterator:
        return (fact for fact in map(read_one, envelopes) if fact is not None)
    return read


def group_facts(envelopes: list) -> Iterator[GroupFacts]:
    """Every person's groups state the envelopes hold, alone or in batches."""
    for changed in person_groups(envelopes):
        yield GroupFacts(changed.person_id, changed.version, tuple(changed.admin_group_ids),
                         tuple(changed.activity_ids),
                         tuple((p.activity_id, p.date) for p in changed.participations if iso_date(p.date)))


def contact_facts(envelope) -> ContactFacts | None:
    if envelope.type != messaging_events.CommunicationRecorded.DESCRIPTOR.full_name:
        return None
    recorded = payload_as(envelope, messaging_events.CommunicationRecorded)
    date = iso_date(recorded.date)
    if date is None:
        return None
    score = recorded.satisfaction if recorded.HasField("satisfaction") else None
    return ContactFacts(recorded.communication_id, recorded.version, recorded.person_id, recorded.communication_code,
                        recorded.outcome_code, date, recorded.deleted,
                        score if score is not None and SATISFACTION_LOWEST <= score <= SATISFACTION_HIGHEST else None)


def action_facts(envelope) -> ActionFacts | None:
    if envelope.type != messaging_events.PersonActionsChanged.DESCRIPTOR.full_name:
        return None
    changed = payload_as(envelope, messaging_events.PersonActionsChanged)
    return ActionFacts(changed.person_id, changed.version,
                       tuple(d for d in changed.open_due_dates if iso_date(d) is not None))  # a bad date: no date


def referral_facts(envelope) -> ReferralFacts | None:
    """A referral's whole state; None for events of other kinds and for one with no valid referral date."""
    if envelope.type != referrals_events.ReferralChanged.DESCRIPTOR.full_name:
        return None
    changed = payload_as(envelope, referrals_events.ReferralChanged)
    referred_on = iso_date(changed.referred_on)
    if referred_on is None:
        return None
    job = [day for day in (iso_date(s.date) for s in changed.steps if s.step == JOB_STARTED) if day is not None]
    return ReferralFacts(changed.referral_id, changed.version, changed.person_id, changed.provider_id,
                         changed.wants_support, referred_on, min(job, default=None), changed.deleted)


def interaction_changes(envelope) -> InteractionChanges | None:
    """What a user changed by hand on a communication record (an interaction), as of the event's time; None when
    the event changed nothing by hand (the platform's own writes) or is of another kind."""
    if envelope.type != messaging_events.CommunicationRecorded.DESCRIPTOR.full_name:
        return None
    recorded = payload_as(envelope, messaging_events.CommunicationRecorded)
    changes = tuple(FieldChange(c.field, c.old_value or None, c.new_value or None) for c in recorded.changes)
    if not changes or not recorded.person_id:
        return None
    return InteractionChanges(recorded.person_id, recorded.changed_by,
                              envelope.occurred_at.ToDatetime(dt.timezone.utc), changes)


def search_indexer(index: SearchIndex) -> SearchIndexer:
    return SearchIndexer(index)


def households_consumer(index: SearchIndex) -> FactsConsumer:
    return FactsConsumer(index, each(household_facts), facts_service.record_households, "households")


def groups_consumer(index: SearchIndex) -> FactsConsumer:
    return FactsConsumer(index, group_facts, facts_service.record_groups, "groups")


def messaging_consumer(index: SearchIndex) -> MessagingConsumer:
    return MessagingConsumer(index)



def referrals_consumer(index: SearchIndex) -> FactsConsumer:
    return FactsConsumer(index, each(referral_facts), facts_service.record_referrals, "referrals")
