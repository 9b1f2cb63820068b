"""An engine outage makes a consumer ask the bus to retry later; a poison event does not."""
import uuid

import pytest
from sqlalchemy import select

from services.common.bus import Message, RetryLater
from services.common.consumers import idempotent
from services.common.envelope import wrap
from services.common.search import SearchUnavailable
from services.gen.tracker.profiles.v1 import events_pb2, person_pb2
from services.reporting import bootstrap
from services.reporting.store import processed_events
from tests.conftest import embedded_settings


@pytest.fixture
def reporting(tmp_path):
    svc = bootstrap.build(embedded_settings(tmp_path))
    svc.runtime.migrate()
    yield svc
    svc.runtime.database.dispose()


def _message(landlord_id: str) -> Message:
    out = wrap("tracker.people.v1", landlord_id, "P1", events_pb2.PersonCreated(person=person_pb2.Person(person_id="P1")))
    return Message(out.topic, out.key, out.envelope)


def _processed(svc, landlord_id):
    with svc.runtime.uow(landlord_id) as uow:
        return list(uow.session.execute(select(processed_events.c.event_id)).scalars())


def test_an_engine_outage_asks_for_a_retry_and_records_nothing(reporting):
    landlord = str(uuid.uuid4())

    def handler(uow, envelope):
        raise SearchUnavailable("cannot reach Elasticsearch")

    handle = idempotent("test.consumer", processed_events, reporting.runtime.uow, handler)
    with pytest.raises(RetryLater):
        handle(_message(landlord))
    assert _processed(reporting, landlord) == []


def test_a_poison_event_is_not_mistaken_for_an_outage(reporting):
    def handler(uow, envelope):
        raise ValueError("cannot make sense of this event")

    handle = idempotent("test.consumer", processed_events, reporting.runtime.uow, handler)
    with pytest.raises(ValueError):
        handle(_message(str(uuid.uuid4())))
    with pytest.raises(ValueError):
        handle(Message("tracker.people.v1", "k", b"not an envelope at all"))
