"""What the interactions service tests share: a fake profiles (whether people are current, and their names),
recording an interaction, the events in the outbox, and setting the fixed clock to an instant."""
from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import select

from services.common.envelope import payload_as, unwrap
from services.gen.tracker.messaging.v1 import events_pb2
from services.messaging import tables
from services.messaging.interactions import service as interactions

CALL = {"communication_code": "phoned", "outcome_code": "", "date": "2026-06-15", "landlord_contact": "Sam Officer",
        "description": "Rent call", "notes": "Asked about arrears"}  # as the server passes them: no outcome given


class FakePeople:
    """person id -> (status, name, personal reference), as profiles would answer."""

    def __init__(self):
        self.people: dict[str, tuple[str, str, str]] = {}

    def add(self, name: str = "Ada Adams", status: str = "current") -> str:
        person_id = str(uuid.uuid4())
        self.people[person_id] = (status, name, f"REF{len(self.people) + 1}")
        return person_id

    def status(self, person_ids):
        return {p: self.people[p][0] for p in person_ids if p in self.people}

    def names(self, person_ids):
        return {p: self.people[p][1:] for p in person_ids if p in self.people}


def set_clock(clock, at: dt.datetime) -> None:
    clock.move(at - clock.now())


def record(messaging, landlord, people, person_id, *, action=None, user_id="U1", **details):
    with messaging.runtime.uow(landlord) as uow:
        return interactions.record_interaction(uow, people, user_id=user_id, person_id=person_id,
                                               details={**CALL, **details}, action=action)


def outbox(messaging, landlord) -> list:
    """(type name, payload) of every event in the outbox, oldest first."""
    with messaging.runtime.uow(landlord) as unit:
        rows = unit.session.execute(select(tables.outbox.c.envelope).where(tables.outbox.c.landlord_id == landlord)
                                    .order_by(tables.outbox.c.id)).scalars().all()
    found = []
    for row in rows:
        env = unwrap(row)
        name = env.type.rsplit(".", 1)[-1]
        found.append((name, payload_as(env, getattr(events_pb2, name))))
    return found
