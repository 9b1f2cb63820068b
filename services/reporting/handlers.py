"""Event handlers: each event (or batch of events) is read into the states of the people and households
it shows, which the use cases count. The consumer is idempotent, and states carry versions, so events that
come twice or out of order leave the counts exact."""
from __future__ import annotations

import datetime as dt
from typing import Iterable, Iterator

from services.common.envelope import payload_as
from services.common.group_events import person_groups
from services.common.people_events import person_events
from services.gen.tracker.households.v1 import events_pb2 as households_pb2
from services.gen.tracker.messaging.v1 import events_pb2 as messaging_pb2

from . import service
from .contacts import service as contacts
from .choice_fields import ChoiceFields
from .domain import HouseholdState, PersonState
from .messages import contact_state, household_state, membership_state, person_state, profile_values

def _people(envelopes: Iterable) -> Iterator[PersonState]:
    for event in person_events(envelopes):
        yield person_state(event.person)


def _households(envelopes: Iterable, landlord_id: str, choice_fields: ChoiceFields) -> Iterator[HouseholdState]:
    for envelope in envelopes:
        if envelope.type == households_pb2.HouseholdChanged.DESCRIPTOR.full_name:
            changed = payload_as(envelope, households_pb2.HouseholdChanged)
            choice = choice_fields.of(landlord_id, profile_values(changed), envelope.occurred_at.ToDatetime(dt.timezone.utc))
            yield household_state(changed, choice)


def _memberships(envelopes: Iterable) -> Iterator:
    for changed in person_groups(envelopes):
        yield membership_state(changed)


def _contacts(envelopes: Iterable) -> Iterator:
    for envelope in envelopes:
        if envelope.type == messaging_pb2.CommunicationRecorded.DESCRIPTOR.full_name:
            yield contact_state(payload_as(envelope, messaging_pb2.CommunicationRecorded))


def people_event(uow, envelope) -> None:
    service.count_people(uow, _people([envelope]))


def people_event_batch(uow, envelopes: Iterable) -> None:
    service.count_people(uow, _people(envelopes))


def groups_event(uow, envelope) -> None:
    service.count_memberships(uow, _memberships([envelope]))


def groups_event_batch(uow, envelopes: Iterable) -> None:
    service.count_memberships(uow, _memberships(envelopes))


def messaging_event(uow, envelope) -> None:
    contacts.take_in(uow, _contacts([envelope]))


def messaging_event_batch(uow, envelopes: Iterable) -> None:
    contacts.take_in(uow, _contacts(envelopes))


class Households:
    """The households consumer's handlers: which of a household's custom fields are choice fields comes from
    profiles' set-up (`ChoiceFields`)."""

    def __init__(self, choice_fields: ChoiceFields):
        self.choice_fields = choice_fields

    def event(self, uow, envelope) -> None:
        self.batch(uow, [envelope])

    def batch(self, uow, envelopes: Iterable) -> None:
        service.count_households(uow, _households(envelopes, uow.landlord_id, self.choice_fields))
