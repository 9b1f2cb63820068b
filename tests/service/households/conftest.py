"""A households service on SQLite (migrated once per module), people events driven through its
consumer, and a fake profiles Setup stub."""
from __future__ import annotations

import uuid

import pytest
from google.protobuf import struct_pb2

from services.common import context, topics
from services.common.bus import Message
from services.common.clock import FixedClock
from services.common.envelope import unwrap, wrap
from services.common.errors import FieldProblem, InvalidInput
from services.gen.tracker.profiles.v1 import events_pb2, person_pb2, setup_service_pb2 as setup_pb
from services.households import bootstrap
from services.households.clients.profiles import ProfilesSetup
from tests.conftest import embedded_settings

FIELDS = [  # (field_id, key, type, applies_to, options)
    ("f-heating", "heating", "choice", "property", {"o-gas": "Gas", "o-electric": "Electric", "o-none": "None"}),
    ("f-floor", "floor", "number", "property", {}),
    ("f-pets", "pets", "yes_no", "household", {}),
    ("f-notes", "notes", "text", "household", {}),
    ("f-moved", "moved_in", "date", "household", {}),
    ("f-needs", "needs", "multi_choice", "household", {"o-ramp": "Ramp", "o-rail": "Hand rail"}),
]


class FakeSetup:
    """Profiles' ProfileSetup as households calls it: a catalogue, and a value check."""

    def __init__(self):
        self.catalogue_calls = 0
        self.check_calls = 0

    def GetCustomFieldCatalogue(self, request, timeout=None):
        self.catalogue_calls += 1
        answer = setup_pb.CustomFieldCatalogue()
        for field_id, key, kind, applies_to, options in FIELDS:
            if applies_to == request.applies_to:
                item = answer.fields.add()
                item.field.CopyFrom(setup_pb.CustomField(field_id=field_id, key=key, label=key.title(), type=kind,
                                                         applies_to=applies_to))
                for option_id, label in options.items():
                    item.options.add(option_id=option_id, label=label)
        return answer

    def CheckCustomValues(self, request, timeout=None):
        self.check_calls += 1
        from google.protobuf import json_format
        given = json_format.MessageToDict(request.given)
        stored = json_format.MessageToDict(request.current)
        problems = []
        for key, value in given.items():
            spec = next((f for f in FIELDS if f[1] == key and f[3] == request.applies_to), None)
            if spec is None:
                problems.append(FieldProblem(f"custom.{key}", "is not a custom field of " + request.applies_to))
                continue
            field_id, _, kind, _, options = spec
            by_label = {label: option_id for option_id, label in options.items()}
            if value is None:
                stored.pop(field_id, None)
            elif kind == "choice" and value in by_label:
                stored[field_id] = by_label[value]
            elif kind == "multi_choice" and isinstance(value, list) and all(v in by_label for v in value):
                stored[field_id] = [by_label[v] for v in value]
            elif kind == "number" and isinstance(value, (int, float)) and not isinstance(value, bool):
                stored[field_id] = value
            elif kind == "yes_no" and isinstance(value, bool):
                stored[field_id] = value
            elif kind in ("text", "date") and isinstance(value, str):
                stored[field_id] = value
            else:
                problems.append(FieldProblem(f"custom.{key}", "is not an acceptable value"))
        if problems:
            raise InvalidInput("bad values", problems)
        answer = setup_pb.CheckCustomValuesResponse()
        answer.stored.update(stored)
        return answer


@pytest.fixture(scope="module")
def households(tmp_path_factory):
    svc = bootstrap.build(embedded_settings(tmp_path_factory.mktemp("households")), setup_stub=FakeSetup())
    svc.runtime.migrate()
    svc.setup = ProfilesSetup(svc._setup_stub, keep_seconds=0)
    yield svc
    svc.runtime.bus.close()
    svc.runtime.database.dispose()


@pytest.fixture
def landlord():
    landlord_id = str(uuid.uuid4())
    with context.bound(context.CallContext(landlord_id=landlord_id, request_id="test")):
        yield landlord_id


def person(person_id, *, ref="", line_1="", line_2="", line_3="", line_4="", postcode="", status="current",
           born="", tenancy="General needs", first="Sam", surname="Example", personal_ref=None, version=0):
    fields = struct_pb2.Struct()
    fields.update({"property_ref": ref, "address_line_1": line_1, "address_line_2": line_2, "address_line_3": line_3,
                   "address_line_4": line_4, "postcode": postcode, "date_of_birth": born, "tenancy_type": tenancy,
                   "interests": [], "custom": {}})
    return person_pb2.Person(person_id=person_id, personal_ref=personal_ref or f"R-{person_id[:6]}", status=status,
                             first_name=first, surname=surname, fields=fields, version=version)


def message(landlord_id, p, *, created=False):
    payload = events_pb2.PersonCreated(person=p, source="user") if created else \
        events_pb2.PersonChanged(person=p, source="user", changed_fields=["address_line_1"])
    p.landlord_id = landlord_id
    out = wrap(topics.PEOPLE, landlord_id, p.person_id, payload, FixedClock().now())
    return Message(topics.PEOPLE, out.key, out.envelope)


def batch_message(landlord_id, *people, created=False):
    """One PeopleChanged (what bulk work publishes) holding each person's event, in order, keyed by the first."""
    batch = events_pb2.PeopleChanged()
    for p in people:
        p.landlord_id = landlord_id
        if created:
            batch.events.add(created=events_pb2.PersonCreated(person=p, source="import"))
        else:
            batch.events.add(changed=events_pb2.PersonChanged(person=p, source="import",
                                                              changed_fields=["address_line_1"]))
    out = wrap(topics.PEOPLE, landlord_id, people[0].person_id, batch, FixedClock().now())
    return Message(topics.PEOPLE, out.key, out.envelope)


def offer(svc, *messages):
    """Messages through the service's idempotent consumer, as one batch of the bus."""
    svc.runtime._consumers[0][2].batch(list(messages))
    return list(messages)


def deliver(svc, landlord_id, *people, created=False):
    """People events through the service's idempotent consumer, as one batch."""
    return offer(svc, *(message(landlord_id, p, created=created) for p in people))


def envelope(msg):
    return unwrap(msg.value)
