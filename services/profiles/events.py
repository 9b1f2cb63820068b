"""Domain events of people -> protobuf events: one person's on tracker.people.v1, bulk work's in batches on
tracker.people.bulk.v1."""
from __future__ import annotations

import datetime as dt
from typing import Iterable, Iterator, Mapping

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


PACK_PEOPLE = 500  # people in one PeopleChanged at most
PACK_BYTES = 512 * 1024  # and about this much of their events (the broker takes a message up to 1 MB)


def _message(event: object) -> tuple[events_pb2.PersonCreated | events_pb2.PersonChanged, dt.datetime]:
    """The event's protobuf message and when it happened."""
    p = event.person
    person = stamp(person_message(p), p, event.chosen)  # the version this transaction commits
    person.fields.CopyFrom(_struct(event.shown))  # as the record showed when the event happened
    if isinstance(event, PersonCreated):
        return events_pb2.PersonCreated(person=person, source=event.source), p.created_at
    if isinstance(event, PersonChanged):
        return events_pb2.PersonChanged(person=person, source=event.source,
                                        changed_fields=[c.field for c in event.changes]), p.updated_at
    raise TypeError(f"no event mapping for {type(event).__name__}")


def to_outgoing(event: object) -> Iterable[OutgoingEvent]:
    message, occurred = _message(event)
    yield wrap(topics.PEOPLE, event.person.landlord_id, event.person.person_id, message, occurred)


def outgoing(events: list) -> Iterator[OutgoingEvent]:
    """One commit's events: a person's alone when the commit changed one person; when it changed more,
    PeopleChanged batches on the bulk lane of at most PACK_PEOPLE people (PACK_BYTES), each person's events together in order."""
    by_person: dict[str, list] = {}
    for event in events:
        by_person.setdefault(event.person.person_id, []).append(event)
    if len(by_person) <= 1:
        for event in events:
            yield from to_outgoing(event)
        return
    batch, size, people, occurred, first = events_pb2.PeopleChanged(), 0, 0, None, None
    for theirs in by_person.values():
        for event in theirs:
            message, at = _message(event)
            entry = batch.events.add(**{"created" if isinstance(message, events_pb2.PersonCreated) else "changed":
                                        message})
            size += entry.ByteSize()
            occurred = at if occurred is None else max(occurred, at)
        first, people = first or theirs[0].person, people + 1
        if people >= PACK_PEOPLE or size >= PACK_BYTES:
            yield wrap(topics.PEOPLE_BULK, first.landlord_id, first.person_id, batch, occurred)
            batch, size, people, occurred, first = events_pb2.PeopleChanged(), 0, 0, None, None
    if batch.events:
        yield wrap(topics.PEOPLE_BULK, first.landlord_id, first.person_id, batch, occurred)
