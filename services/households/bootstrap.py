"""The composition root of the households service."""
from __future__ import annotations

from services.common import topics
from services.common.bus import EventBus
from services.common.people_events import consume_people
from services.common.clock import Clock
from services.common.uow import each
from services.common.config import Settings
from services.common.grpc_client import channel
from services.common.runtime import ServiceRuntime, make_bus
from services.gen.tracker.households.v1 import households_service_pb2_grpc as pb_grpc
from services.gen.tracker.profiles.v1 import setup_service_pb2_grpc as setup_grpc

from . import events, handlers, tables
from .clients.profiles import ProfilesSetup
from .server import HouseholdsServicer

NAME = "households"


class Households:
    def __init__(self, settings: Settings, runtime: ServiceRuntime, setup_stub=None):
        self.settings = settings
        self.runtime = runtime
        self.profiles_address = settings.service_address("profiles")  # the dev runner sets it before start
        self._setup_stub = setup_stub  # tests pass a fake ProfileSetup stub
        self._channel = None
        self.setup: ProfilesSetup | None = None

    def start(self, address: str | None = None) -> "Households":
        stub = self._setup_stub
        if stub is None:
            self._channel = channel(self.profiles_address)
            stub = setup_grpc.ProfileSetupStub(self._channel)
        self.setup = ProfilesSetup(stub)
        servicer = HouseholdsServicer(self.runtime, self.setup)
        self.runtime.start([(pb_grpc.add_HouseholdsServicer_to_server, servicer, "tracker.households.v1.Households")],
                           address or self.settings.grpc_address(NAME))
        return self

    def stop(self) -> None:
        self.runtime.stop()
        if self._channel is not None:
            self._channel.close()


def build(settings: Settings, *, bus: EventBus | None = None, setup_stub=None, clock: Clock | None = None) -> Households:
    bus = bus or make_bus(settings, client_id=NAME)
    runtime = ServiceRuntime(NAME, settings, outbox=tables.outbox, processed=tables.processed_events, bus=bus,
                             event_mapper=each(events.to_outgoing), publishes=[topics.HOUSEHOLDS], clock=clock)
    consume_people(runtime, "households.people", handlers.people_event, handlers.people_event_batch)
    return Households(settings, runtime, setup_stub)
