"""Domain events of people -> protobuf events on tracker.people.v1."""
from __future__ import annotations

from typing import Iterable

from services.common.envelope import OutgoingEvent, wrap
from services.gen.tracker.profiles.v1 import events_pb2, person_pb2

from .domain import Person, PersonCreated

TOPIC = "tracker.people.v1"


def person_message(person: Person) -> person_pb2.Person:
    return person_pb2.Person(
        person_id=person.person_id, landlord_id=person.landlord_id, personal_ref=person.personal_ref,
        status=person.status, first_name=person.first_name, surname=person.surname,
        created_at=person.created_at.isoformat(), updated_at=person.updated_at.isoformat(),
        created_by=person.created_by,
    )


def to_outgoing(event: object) -> Iterable[OutgoingEvent]:
    if isinstance(event, PersonCreated):
        p = event.person
        yield wrap(TOPIC, p.landlord_id, p.person_id, events_pb2.PersonCreated(person=person_message(p)), p.created_at)
    else:
        raise TypeError(f"no event mapping for {type(event).__name__}")
