"""An engine or a service that is away makes a consumer ask the bus to retry later; a poison event does not."""
import uuid

import pytest
from sqlalchemy import select

from services.common import topics
from services.common.bus import Message, RetryLater
from services.common.clock import FixedClock
from services.common.consumers import idempotent
from services.common.envelope import unwrap, wrap
from services.common.errors import Unavailable
from services.common.search import SearchUnavailable
from services.gen.tracker.profiles.v1 import events_pb2, person_pb2
from services.reporting import bootstrap
from services.reporting.tables import processed_events
from tests.conftest import embedded_settings


@pytest.fixture
def reporting(tmp_path):
    svc = bootstrap.build(embedded_settings(tmp_path))
    svc.runtime.migrate()
    yield svc
    svc.runtime.database.dispose()


def _message(landlord_id: str) -> Message:
    out = wrap(topics.PEOPLE, landlord_id, "P1", events_pb2.PersonCreated(person=person_pb2.Person(person_id="P1")),
               FixedClock().now())
    return Message(out.topic, out.key, out.envelope)


def _processed(svc, landlord_id):
    with svc.runtime.uow(landlord_id) as uow:
        return list(uow.session.execute(select(processed_events.c.event_id).where(
            processed_events.c.landlord_id == landlord_id)).scalars())


def test_an_engine_outage_asks_for_a_retry_and_records_nothing(reporting):
    landlord = str(uuid.uuid4())

    def handler(uow, envelope):
        raise SearchUnavailable("cannot reach Elasticsearch")

    handle = idempotent("test.consumer", processed_events, reporting.runtime.uow, handler)
    with pytest.raises(RetryLater):
        handle(_message(landlord))
    assert _processed(reporting, landlord) == []


def test_a_service_not_answering_yet_asks_for_a_retry_and_records_nothing(reporting):
    landlord = str(uuid.uuid4())

    def handler(uow, envelope):  # a call to profiles while it starts: gRPC UNAVAILABLE, as the client raises it
        raise Unavailable("unavailable")

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
        handle(Message(topics.PEOPLE, "k", b"not an envelope at all"))


def _messages_of(landlord_id: str, n: int) -> list[Message]:
    return [_message(landlord_id) for _ in range(n)]


def test_a_batch_is_one_transaction_per_landlord_and_handles_each_event_once(reporting):
    a, b = str(uuid.uuid4()), str(uuid.uuid4())
    first_a, first_b = _messages_of(a, 3), _messages_of(b, 2)
    calls: list[tuple[str, str]] = []

    def handler(uow, envelope):
        calls.append((uow.landlord_id, envelope.event_id))

    handle = idempotent("test.consumer", processed_events, reporting.runtime.uow, handler)
    handle(first_a[0])  # already processed before the batch arrives
    calls.clear()
    batch = [first_a[0], first_b[0], first_a[1], first_a[1], first_b[1], first_a[2]]  # interleaved, one repeated

    handle.batch(batch)

    ids = lambda messages: [unwrap(m.value).event_id for m in messages]  # noqa: E731
    assert calls == [(a, e) for e in ids(first_a[1:])] + [(b, e) for e in ids(first_b)], "in order, once each"
    assert sorted(_processed(reporting, a)) == sorted(ids(first_a))
    assert sorted(_processed(reporting, b)) == sorted(ids(first_b))
    calls.clear()
    handle.batch(batch)  # redelivered whole
    assert calls == []


def test_a_batch_handler_gets_each_landlords_new_events_together(reporting):
    a, b = str(uuid.uuid4()), str(uuid.uuid4())
    batch = _messages_of(a, 2) + _messages_of(b, 1) + _messages_of(a, 1)
    groups: list[tuple[str, list[str]]] = []

    def batch_handler(uow, envelopes):
        groups.append((uow.landlord_id, [env.event_id for env in envelopes]))

    def handler(uow, envelope):
        raise AssertionError("the batch handler takes batches")

    idempotent("test.consumer", processed_events, reporting.runtime.uow, handler, batch_handler).batch(batch)

    event_ids = [unwrap(m.value).event_id for m in batch]
    assert groups == [(a, [event_ids[0], event_ids[1], event_ids[3]]), (b, [event_ids[2]])]


def test_an_engine_outage_in_a_batch_asks_for_a_retry_and_records_nothing_for_that_landlord(reporting):
    landlord = str(uuid.uuid4())

    def batch_handler(uow, envelopes):
        raise SearchUnavailable("cannot reach Elasticsearch")

    handle = idempotent("test.consumer", processed_events, reporting.runtime.uow, lambda uow, env: None, batch_handler)
    with pytest.raises(RetryLater):
        handle.batch(_messages_of(landlord, 3))
    assert _processed(reporting, landlord) == []
    with pytest.raises(ValueError):  # not an outage: the bus goes one at a time and finds the bad one
        handle.batch(_messages_of(landlord, 1) + [Message(topics.PEOPLE, "k", b"not an envelope at all")])
