"""Event handlers: people events (tracker.people.v1) place people in households. A batch of one
landlord's events is one transaction: each person once, as their last event gives them."""
from __future__ import annotations

from typing import Iterable, Iterator

from services.common.envelope import payload_as
from services.gen.tracker.profiles.v1 import events_pb2

from . import service
from .domain import ADDRESS_FIELDS, Resident

READ = ("property_ref", "date_of_birth", "tenancy_type", *ADDRESS_FIELDS)
PERSON_EVENTS = {events_pb2.PersonCreated.DESCRIPTOR.full_name: events_pb2.PersonCreated,
                 events_pb2.PersonChanged.DESCRIPTOR.full_name: events_pb2.PersonChanged}


def _labels(fields) -> dict[str, str]:
    """The text values households reads of a person's fields (a Struct of labels by field name)."""
    values = {}
    for name in READ:
        value = fields.fields.get(name)
        if value is not None and value.WhichOneof("kind") == "string_value":
            values[name] = value.string_value
    return values


def resident(person) -> Resident:
    """What households keeps of a person on a people event."""
    return Resident.from_person(person.person_id, personal_ref=person.personal_ref, first_name=person.first_name,
                                surname=person.surname, status=person.status, fields=_labels(person.fields))


def _residents(envelopes: Iterable) -> Iterator[Resident]:
    for envelope in envelopes:
        message_type = PERSON_EVENTS.get(envelope.type)
        if message_type is not None:
            person = payload_as(envelope, message_type).person
            if person.person_id:
                yield resident(person)


def people_event(uow, envelope) -> None:
    people_event_batch(uow, [envelope])


def people_event_batch(uow, envelopes: Iterable) -> None:
    people = list(_residents(envelopes))
    if people:
        service.take_in_people(uow, people)
