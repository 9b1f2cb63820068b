"""Domain events of people -> protobuf events on tracker.people.v1."""
from __future__ import annotations

from typing import Iterable, Mapping

from google.protobuf import struct_pb2

from services.common import topics
from services.common.envelope import OutgoingEvent, wrap
from services.gen.tracker.profiles.v1 import events_pb2, person_pb2

from .domain import Person, PersonChanged, PersonCreated
from .setup.domain import Catalogue


def person_message(person: Person, catalogue: Catalogue | None = None) -> person_pb2.Person:
    """The person as other services and the gateway see it (labels when a catalogue is given)."""
    message = person_pb2.Person(
        person_id=person.person_id, landlord_id=person.landlord_id, personal_ref=person.personal_ref,
        status=person.status, first_name=person.first_name, surname=person.surname,
        created_at=person.created_at.isoformat(), updated_at=person.updated_at.isoformat(),
        created_by=person.created_by, updated_by=person.updated_by or "",
        imported_fields=sorted(person.imported_fields), alerts=person.alerts(),
    )
    if catalogue is not None:
        message.fields.CopyFrom(_struct(person.shown(catalogue)))
    return message


def stamp(message: person_pb2.Person, person: Person, chosen: Mapping[str, Iterable[str]]) -> person_pb2.Person:
    """`message` with the person's version and the options the record holds (option ids by field name):
    what events and the reporting service's recount carry so a consumer keeps the newest state."""
    message.version = person.version  # the version of the state read or committed (the store sets it on saving)
    for name, ids in chosen.items():
        message.options[name].ids.extend(ids)
    return message


def person_state(person: Person, catalogue: Catalogue) -> person_pb2.Person:
    """The person as stored now, labels in `fields`, with its version and options (as events carry them)."""
    return stamp(person_message(person, catalogue), person, person.chosen(catalogue))


def _struct(values: dict) -> struct_pb2.Struct:
    message = struct_pb2.Struct()
    message.update(values)
    return message


def to_outgoing(event: object) -> Iterable[OutgoingEvent]:
    p = event.person
    person = stamp(person_message(p), p, event.chosen)  # the version this transaction commits
    person.fields.CopyFrom(_struct(event.shown))  # as the record showed when the event happened
    if isinstance(event, PersonCreated):
        message = events_pb2.PersonCreated(person=person, source=event.source)
        yield wrap(topics.PEOPLE, p.landlord_id, p.person_id, message, p.created_at)
    elif isinstance(event, PersonChanged):
        message = events_pb2.PersonChanged(person=person, source=event.source,
                                           changed_fields=[c.field for c in event.changes])
        yield wrap(topics.PEOPLE, p.landlord_id, p.person_id, message, p.updated_at)
    else:
        raise TypeError(f"no event mapping for {type(event).__name__}")
