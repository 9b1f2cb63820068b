"""Reading people events the one way every consumer does: a person's event on its own (PersonCreated,
PersonChanged, on tracker.people.v1) and the events a batch holds (PeopleChanged, what bulk work publishes on
tracker.people.bulk.v1) as one sequence of person events, in order. Other kinds of event are passed over.
The two topics are two lanes (lanes.py), both read by `consume_people`."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator

from services.gen.tracker.profiles.v1 import events_pb2, person_pb2

from . import topics
from .consumers import BatchEventHandler, EventHandler
from .envelope import payload_as
from .lanes import consume_lanes

CREATED = events_pb2.PersonCreated.DESCRIPTOR.full_name
CHANGED = events_pb2.PersonChanged.DESCRIPTOR.full_name
BATCH = events_pb2.PeopleChanged.DESCRIPTOR.full_name


@dataclass(frozen=True)
class PersonEvent:
    """A person as one event left them: `created` for PersonCreated; `changed_fields` for PersonChanged."""
    person: person_pb2.Person
    created: bool
    changed_fields: tuple[str, ...]
    source: str

    @property
    def person_id(self) -> str:
        return self.person.person_id

    @property
    def version(self) -> int:
        return self.person.version


def _created(message: events_pb2.PersonCreated) -> PersonEvent:
    return PersonEvent(message.person, True, (), message.source)


def _changed(message: events_pb2.PersonChanged) -> PersonEvent:
    return PersonEvent(message.person, False, tuple(message.changed_fields), message.source)


def person_events(envelopes: Iterable) -> Iterator[PersonEvent]:
    """Every person event in these envelopes, in order (a batch's in its order)."""
    for envelope in envelopes:
        if envelope.type == CREATED:
            yield _created(payload_as(envelope, events_pb2.PersonCreated))
        elif envelope.type == CHANGED:
            yield _changed(payload_as(envelope, events_pb2.PersonChanged))
        elif envelope.type == BATCH:
            for event in payload_as(envelope, events_pb2.PeopleChanged).events:
                kind = event.WhichOneof("event")
                if kind == "created":
                    yield _created(event.created)
                elif kind == "changed":
                    yield _changed(event.changed)


def latest(events: Iterable[PersonEvent]) -> dict[str, PersonEvent]:
    """Each person's event of the highest version among these (the later one of equal versions: one commit's
    events of a person carry the same version, and the last shows all it did)."""
    found: dict[str, PersonEvent] = {}
    for event in events:
        held = found.get(event.person_id)
        if held is None or event.version >= held.version:
            found[event.person_id] = event
    return found


def consume_people(runtime, consumer: str, handler: EventHandler, batch_handler: BatchEventHandler) -> None:
    """Consume both lanes of people events with the same handlers (lanes.py)."""
    consume_lanes(runtime, topics.PEOPLE, consumer, handler, batch_handler)
