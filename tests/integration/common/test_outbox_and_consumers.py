"""Events: committed with the change through the outbox, published by the relay,
handled once by idempotent consumers. The same scenarios on embedded defaults
(SQLite + in-process bus) and on the real engines (PostgreSQL + Kafka)."""
from __future__ import annotations

import datetime as dt
import threading
import uuid

import pytest

from services.common import topics
from services.common.bus import Message
from services.common.consumers import idempotent
from services.common.envelope import payload_as, unwrap
from services.common.errors import InvalidInput
from services.gen.tracker.profiles.v1 import events_pb2
from services.profiles import bootstrap as profiles_bootstrap, service
from services.profiles.domain import Person
from services.profiles.setup.store import load_catalogue
from services.profiles.store import PersonRepository
from services.reporting import bootstrap as reporting_bootstrap
from services.reporting import handlers, tables as reporting_tables
from services.reporting import service as reporting_service
from tests.conftest import MODES, settings_for


@pytest.fixture(scope="module", params=MODES)
def profiles(request, tmp_path_factory):
    svc = profiles_bootstrap.build(settings_for(request.param, tmp_path_factory.mktemp("outbox")))
    svc.runtime.migrate()
    svc.runtime.bus.ensure_topics([topics.PEOPLE])
    yield svc
    svc.runtime.bus.close()
    svc.runtime.database.dispose()


def _collect(bus, landlord_id: str, expected: int, timeout: float = 30.0) -> list:
    """Envelopes of `landlord_id` on the people topic, read by a fresh consumer group."""
    got, done = [], threading.Event()

    def handler(message: Message):
        env = unwrap(message.value)
        if env.landlord_id == landlord_id:
            got.append((message.key, env))
            if len(got) >= expected:
                done.set()

    def batch_handler(messages):  # in batches: the shared topic may hold many earlier events
        for message in messages:
            handler(message)

    subscription = bus.subscribe(topics=[topics.PEOPLE], group=f"test-{uuid.uuid4().hex[:8]}", handler=handler,
                                 batch_handler=batch_handler)
    done.wait(timeout)
    subscription.wait_idle(timeout)
    subscription.stop()
    return got


def test_a_committed_change_publishes_its_event_once_with_the_envelope(profiles):
    landlord = str(uuid.uuid4())
    with profiles.runtime.uow(landlord) as uow:
        person, _ = service.add_person(uow, raw={"personal_ref": "EV-1", "first_name": "Jo", "surname": "Example"}, user_id="U1")
    while profiles.runtime.relay.publish_pending():
        pass
    got = _collect(profiles.runtime.bus, landlord, expected=1)
    assert len(got) == 1
    key, env = got[0]
    assert key == f"{landlord}:{person.person_id}"
    assert env.type == "tracker.profiles.v1.PersonCreated" and env.schema_version == 1
    assert env.entity_id == person.person_id and env.event_id
    created = payload_as(env, events_pb2.PersonCreated)
    assert created.person.personal_ref == "EV-1" and created.source == "user"
    assert created.person.fields["surname"] == "Example" and created.person.fields["interests"] == [], \
        "consumers get the whole record as users see it"


def test_a_refused_or_rolled_back_change_publishes_nothing(profiles):
    landlord = str(uuid.uuid4())
    with profiles.runtime.uow(landlord) as uow:
        with pytest.raises(InvalidInput):
            service.add_person(uow, raw={"personal_ref": "", "first_name": "Jo", "surname": "Example"}, user_id="U1")
    with profiles.runtime.uow(landlord) as uow:  # leaves without commit: rolled back
        p = Person.add(landlord_id=landlord, raw={"personal_ref": "RB-1", "first_name": "A", "surname": "B"},
                       catalogue=load_catalogue(uow.session, landlord), created_by="U1",
                       now=dt.datetime.now(dt.timezone.utc))
        PersonRepository(uow.session, landlord).add(p)
        uow.track(p)
    with profiles.runtime.uow(landlord) as uow:  # a marker that does commit
        service.add_person(uow, raw={"personal_ref": "MARK-1", "first_name": "Jo", "surname": "Marker"}, user_id="U1")
    while profiles.runtime.relay.publish_pending():
        pass
    got = _collect(profiles.runtime.bus, landlord, expected=1)
    assert [payload_as(env, events_pb2.PersonCreated).person.personal_ref for _, env in got] == ["MARK-1"]


def test_the_same_event_delivered_twice_moves_the_report_once(profiles, tmp_path):
    reporting = reporting_bootstrap.build(profiles.settings, bus=profiles.runtime.bus)
    reporting.runtime.migrate()
    landlord = str(uuid.uuid4())
    with profiles.runtime.uow(landlord) as uow:
        service.add_person(uow, raw={"personal_ref": "TWICE-1", "first_name": "Jo", "surname": "Example"}, user_id="U1")
        outbox_row = uow.session.execute(
            profiles_bootstrap.tables.outbox.select().where(profiles_bootstrap.tables.outbox.c.landlord_id == landlord)
        ).mappings().one()
    message = Message(topic=outbox_row["topic"], key=outbox_row["key"], value=outbox_row["envelope"])
    consumer = f"test-reporting-{uuid.uuid4().hex[:8]}"
    handle = idempotent(consumer, reporting_tables.processed_events, lambda lid: reporting.runtime.uow(lid), handlers.people_event)
    handle(message)
    handle(message)  # redelivered, e.g. after a relay crash between publish and mark
    with reporting.runtime.uow(landlord) as uow:
        assert reporting_service.people_count(uow) == (1, {"current": 1, "archived": 0})
    reporting.runtime.database.dispose()
