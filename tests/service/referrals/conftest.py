"""The referrals service on embedded defaults (SQLite, in-process bus) with a fixed clock, a fake profiles
(`people`: what it would answer about a landlord's current people) and a fake messaging (`mail`: the notices
it was asked to send, or a failure)."""
from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import select

from services.common.bus.inprocess import InProcessBus
from services.common.clock import FixedClock
from services.common.envelope import payload_as, unwrap
from services.common.errors import Unavailable
from services.gen.tracker.referrals.v1 import events_pb2
from services.referrals import bootstrap, service, tables
from services.referrals.domain import Person
from tests.conftest import embedded_settings

NOW = dt.datetime(2026, 6, 15, 9, 30, tzinfo=dt.timezone.utc)  # 10:30 in the UK
YES = {"wants_support": True, "needs": ["cv", "interview_skills"], "consent": True, "consent_date": "2026-06-10",
       "notes": "Mornings are best"}


class FakePeople:
    def __init__(self):
        self.people: dict[str, Person] = {}

    def add(self, name: str = "Ada Lovelace") -> str:
        person_id = str(uuid.uuid4())
        self.people[person_id] = Person(name, f"T-{len(self.people) + 1:03}", "ada@example.org", "07700 900001")
        return person_id

    def snapshot(self, person_id: str) -> Person | None:
        return self.people.get(person_id)


class FakeMail:
    def __init__(self):
        self.sent: list[dict] = []
        self.failing = False

    def notice(self, *, to: str, subject: str, text: str) -> None:
        if self.failing:
            raise Unavailable("the mail server did not answer")
        self.sent.append({"to": to, "subject": subject, "text": text})


@pytest.fixture
def clock():
    return FixedClock(NOW)


@pytest.fixture
def people():
    return FakePeople()


@pytest.fixture
def mail():
    return FakeMail()


@pytest.fixture
def referrals(tmp_path, people, mail, clock):
    svc = bootstrap.build(embedded_settings(tmp_path), people=people, mail=mail, clock=clock,
                          bus=InProcessBus(str(tmp_path / "events.sqlite")))
    svc.runtime.migrate()
    yield svc
    svc.runtime.bus.close()
    svc.runtime.database.dispose()


@pytest.fixture
def landlord() -> str:
    return str(uuid.uuid4())


@pytest.fixture
def add_provider(referrals):
    """A provider the platform's operator sets up; its id."""
    def add(name: str = "Work Ready") -> str:
        with referrals.runtime.uow(platform=True) as uow:
            return service.add_provider(uow, details={"name": name, "services": ["Employment"], "areas": ["Leeds"],
                                                      "contact_email": "bookings@work-ready.example"}).provider_id
    return add


@pytest.fixture
def choose(referrals):
    """The landlord works with these providers."""
    def chosen(landlord: str, *provider_ids: str) -> None:
        with referrals.runtime.uow(platform=True) as uow:
            known = {p.provider_id for p in service.all_providers(uow)}
        with referrals.runtime.uow(landlord) as uow:
            service.choose_providers(uow, provider_ids=provider_ids, known=known)
    return chosen


@pytest.fixture
def refer(referrals, people):
    """A "yes" referral of a new person of the landlord to the provider; the referral."""
    def made(landlord: str, provider_id: str, **given):
        with referrals.runtime.uow(landlord) as uow:
            return service.create_referral(uow, people, user_id="U1", given={
                "person_id": people.add(), "provider_id": provider_id, **YES, **given})
    return made


@pytest.fixture
def referral(landlord, add_provider, choose, refer):
    """A "yes" referral of the landlord to a provider it works with."""
    provider = add_provider()
    choose(landlord, provider)
    return refer(landlord, provider)


def outbox(referrals, landlord: str) -> list[events_pb2.ReferralChanged]:
    """Every ReferralChanged of the landlord in the outbox, oldest first."""
    with referrals.runtime.uow(landlord) as uow:
        rows = uow.session.execute(select(tables.outbox.c.envelope).where(tables.outbox.c.landlord_id == landlord)
                                   .order_by(tables.outbox.c.id)).scalars().all()
    return [payload_as(unwrap(r), events_pb2.ReferralChanged) for r in rows]
