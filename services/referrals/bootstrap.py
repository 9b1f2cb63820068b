"""The composition root of the referrals service."""
from __future__ import annotations

from services.common import topics
from services.common.bus import EventBus
from services.common.clock import Clock
from services.common.uow import each
from services.common.config import Settings
from services.common.runtime import ServiceRuntime, make_bus
from services.gen.tracker.referrals.v1 import referrals_service_pb2_grpc as pb_grpc

from . import events, tables
from .clients.messaging import Mail, MessagingMail
from .clients.profiles import People, ProfilesPeople
from .server import ReferralsServicer

NAME = "referrals"


class Referrals:
    def __init__(self, settings: Settings, runtime: ServiceRuntime, people: People | None = None,
                 mail: Mail | None = None):
        self.settings = settings
        self.runtime = runtime
        self.profiles_address = settings.service_address("profiles")  # the dev runner may set it before start
        self.messaging_address = settings.service_address("messaging")  # the same
        self.people, self._own_people = people, people is None  # fakes in tests; else clients made at start
        self.mail, self._own_mail = mail, mail is None

    def start(self, address: str | None = None) -> "Referrals":
        if self.people is None:
            self.people = ProfilesPeople(self.profiles_address)
        if self.mail is None:
            self.mail = MessagingMail(self.messaging_address)
        servicer = ReferralsServicer(self.runtime, self.people, self.mail, secret=self.settings.signing_secret())
        self.runtime.start([(pb_grpc.add_ReferralsServicer_to_server, servicer, "tracker.referrals.v1.Referrals")],
                           address or self.settings.grpc_address(NAME))
        return self

    def stop(self) -> None:
        self.runtime.stop()
        for own, client in ((self._own_people, self.people), (self._own_mail, self.mail)):
            if own and client is not None:
                client.close()
        if self._own_people:
            self.people = None
        if self._own_mail:
            self.mail = None


def build(settings: Settings, *, bus: EventBus | None = None, people: People | None = None, mail: Mail | None = None,
          clock: Clock | None = None) -> Referrals:
    bus = bus or make_bus(settings, client_id=NAME)
    runtime = ServiceRuntime(NAME, settings, outbox=tables.outbox, processed=tables.processed_events, bus=bus,
                             event_mapper=each(events.to_outgoing), publishes=[topics.REFERRALS], clock=clock)
    return Referrals(settings, runtime, people, mail)
