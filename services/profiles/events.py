"""Domain events of people -> protobuf events: one person's on tracker.people.v1, bulk work's in batches on
tracker.people.bulk.v1."""
from __future__ import annotations

import datetime as dt
from typing import Iterable, Iterator, Mapping

from services.common import topics
from services.common.envelope import OutgoingEvent, wrap
from services.gen.tracker.profiles.v1 import events_pb2, person_pb2

from .domain import Person, PersonChanged, PersonCreated
from .setup.domain import Catalogue


def person_message(person: Person, catalogue: Catalogue | None = None,
                   into: person_pb2.Person | None = None) -> person_pb2.Person:
    """The person as other services and the gateway see it (labels when a catalogue is given), written into
    `into` (an empty message, such as an event's) when given."""
    message = person_pb2.Person() if into is None else into
    message.person_id, message.landlord_id, message.personal_ref = (person.person_id, person.landlord_id,
                                                                    person.personal_ref)
    message.status, message.first_name, message.surname = person.status, person.first_name, person.surname
    message.created_at, message.updated_at = person.created_at.isoformat(), person.updated_at.isoformat()
    message.created_by, message.updated_by = person.created_by, person.updated_by or ""
    message.imported_fields.extend(sorted(person.imported_fields))
    message.alerts.extend(person.alerts())
    if catalogue is not None:
        message.fields.update(person.shown(catalogue))
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


PACK_PEOPLE = 500  # people in one PeopleChanged at most
PACK_BYTES = 512 * 1024  # and about this much of their events (the broker takes a message up to 1 MB)


def _fill(event: object, message: events_pb2.PersonCreated | events_pb2.PersonChanged) -> dt.datetime:
    """The event written into `message` (empty, of the event's kind); answers when it happened."""
    p = event.person
    stamp(person_message(p, into=message.person), p, event.chosen)  # the version this transaction commits
    message.person.fields.update(event.shown)  # as the record showed when the event happened
    message.source = event.source
    if isinstance(event, PersonChanged):
        message.changed_fields.extend(c.field for c in event.changes)
        return p.updated_at
    return p.created_at


def _kind(event: object) -> str:
    """The event's field of PersonEvent."""
    if isinstance(event, PersonCreated):
        return "created"
    if isinstance(event, PersonChanged):
        return "changed"
    raise TypeError(f"no event mapping for {type(event).__name__}")


def to_outgoing(event: object) -> Iterable[OutgoingEvent]:
    message = events_pb2.PersonCreated() if _kind(event) == "created" else events_pb2.PersonChanged()
    occurred = _fill(event, message)
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
            entry = batch.events.add()
            at = _fill(event, getattr(entry, _kind(event)))
            size += entry.ByteSize()
            occurred = at if occurred is None else max(occurred, at)
        first, people = first or theirs[0].person, people + 1
        if people >= PACK_PEOPLE or size >= PACK_BYTES:
            yield wrap(topics.PEOPLE_BULK, first.landlord_id, first.person_id, batch, occurred)
            batch, size, people, occurred, first = events_pb2.PeopleChanged(), 0, 0, None, None
    if batch.events:
        yield wrap(topics.PEOPLE_BULK, first.landlord_id, first.person_id, batch, occurred)
