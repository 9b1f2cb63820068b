"""The composition root of the messaging service."""
from __future__ import annotations

import datetime as dt

from services.common import topics
from services.common.bus import EventBus
from services.common.clock import Clock
from services.common.uow import each
from services.common.config import Settings
from services.common.runtime import ServiceRuntime, make_bus
from services.gen.tracker.messaging.v1 import messaging_service_pb2_grpc as pb_grpc

from . import events, tables
from .clients.households import Households, HouseholdsHomes
from .clients.profiles import People, ProfilesPeople
from .messages.sending import SendJob
from .messages.smtp import SmtpMailer, SmtpServer
from .messages.texts import TwilioTexts
from .server import MessagingServicer

NAME = "messaging"


class Messaging:
    def __init__(self, settings: Settings, runtime: ServiceRuntime, people: People | None = None,
                 households: Households | None = None):
        self.settings = settings
        self.runtime = runtime
        self.profiles_address = settings.service_address("profiles")  # the dev runner may set it before start
        self.households_address = settings.service_address("households")  # the same
        self.smtp_url = settings.smtp_url  # the dev runner may set it before start
        self.sms_api_url = settings.sms_api_url  # the dev runner may set it before start
        self.public_url = settings.gateway_public_url  # the dev runner sets it once the gateway has its port
        self.people = people  # a fake in tests; else a profiles client made at start
        self._own_people = people is None
        self.households = households  # a fake in tests; else a households client made at start
        self._own_households = households is None
        self.send_job: SendJob | None = None

    def start(self, address: str | None = None) -> "Messaging":
        if self.people is None:
            self.people = ProfilesPeople(self.profiles_address)
        if self.households is None:
            self.households = HouseholdsHomes(self.households_address)
        s = self.settings
        texts = TwilioTexts(self.sms_api_url, s.sms_account, s.sms_token)
        self.send_job = SendJob(self.runtime, self.people, SmtpMailer(SmtpServer.from_url(self.smtp_url)), texts,
                                lambda: self.public_url, s.signing_secret(),
                                dt.timedelta(seconds=s.send_claim_lease_seconds))
        servicer = MessagingServicer(self.runtime, self.people, self.send_job.nudge, text_token=s.sms_token,
                                     public_url=lambda: self.public_url, secret=s.signing_secret(),
                                     households=self.households,
                                     digest_mailer=lambda: SmtpMailer(SmtpServer.from_url(self.smtp_url)))
        self.runtime.start([(pb_grpc.add_MessagingServicer_to_server, servicer, "tracker.messaging.v1.Messaging")],
                           address or self.settings.grpc_address(NAME))
        self.send_job.start()
        return self

    def stop(self) -> None:
        if self.send_job is not None:
            self.send_job.stop()
        self.runtime.stop()
        if self._own_people and self.people is not None:
            self.people.close()
            self.people = None
        if self._own_households and self.households is not None:
            self.households.close()
            self.households = None


def build(settings: Settings, *, bus: EventBus | None = None, people: People | None = None,
          households: Households | None = None, clock: Clock | None = None) -> Messaging:
    bus = bus or make_bus(settings, client_id=NAME)
    runtime = ServiceRuntime(NAME, settings, outbox=tables.outbox, processed=tables.processed_events, bus=bus,
                             event_mapper=each(events.to_outgoing), publishes=[topics.MESSAGING], clock=clock)
    return Messaging(settings, runtime, people, households)
