"""A people event as the bus hands it over, for tests that drive the search indexer by hand."""
from __future__ import annotations

import datetime as dt

from services.common import topics
from services.common.envelope import unwrap, wrap
from services.gen.tracker.profiles.v1 import events_pb2, person_pb2


def changed(landlord_id: str, person_id: str):
    """An unwrapped PersonChanged envelope about the person (the indexer reads the rest from the database)."""
    message = events_pb2.PersonChanged(person=person_pb2.Person(person_id=person_id, landlord_id=landlord_id))
    return unwrap(wrap(topics.PEOPLE, landlord_id, person_id, message, dt.datetime.now(dt.timezone.utc)).envelope)
