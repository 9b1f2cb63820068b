"""The composition root of the reporting service."""
from __future__ import annotations

from services.common import topics
from services.common.bus import EventBus
from services.common.group_events import consume_groups
from services.common.people_events import consume_people
from services.common.clock import Clock
from services.common.config import Settings
from services.common.grpc_client import channel
from services.common.runtime import ServiceRuntime, make_bus
from services.gen.tracker.groups.v1 import groups_service_pb2_grpc as groups_grpc
from services.gen.tracker.households.v1 import households_service_pb2_grpc as households_grpc
from services.gen.tracker.messaging.v1 import messaging_service_pb2_grpc as messaging_grpc
from services.gen.tracker.profiles.v1 import profiles_service_pb2_grpc as profiles_grpc
from services.gen.tracker.profiles.v1 import setup_service_pb2_grpc as setup_grpc
from services.gen.tracker.reporting.v1 import reporting_service_pb2_grpc as pb_grpc

from . import handlers, tables
from .choice_fields import ChoiceFields
from .exports.worker import ExportWorker
from .maintenance import DailyJob
from .clients.groups import Groups
from .clients.households import Households
from .clients.messaging import Messaging
from .clients.profiles import Profiles
from .server import ReportingServicer

NAME = "reporting"


class Reporting:
    def __init__(self, settings: Settings, runtime: ServiceRuntime):
        self.settings = settings
        self.runtime = runtime
        self.profiles_address = settings.service_address("profiles")  # the dev runner sets it before start
        # the dev runner sets these once groups, households and messaging are up (reached only when asked)
        self.groups_address = settings.service_address("groups")
        self.households_address = settings.service_address("households")
        self.messaging_address = settings.service_address("messaging")
        self._channels: dict[str, object] = {}
        self.profiles: Profiles | None = None
        self.groups = Groups(lambda: groups_grpc.GroupsStub(self._channel_to("groups")))
        self.households = Households(lambda: households_grpc.HouseholdsStub(self._channel_to("households")))
        self.messaging = Messaging(lambda: messaging_grpc.MessagingStub(self._channel_to("messaging")))
        self.daily = DailyJob(runtime)
        self.exports: ExportWorker | None = None

    def connect(self) -> Profiles:
        """Profiles, reached over gRPC (also for the command line's recount, which serves nothing)."""
        if self.profiles is None:
            opened = self._channel_to("profiles")
            self.profiles = Profiles(setup_grpc.ProfileSetupStub(opened), profiles_grpc.ProfilesStub(opened))
        return self.profiles

    def _channel_to(self, service: str):
        """The channel to another service (its `<service>_address`), opened when first needed."""
        if service not in self._channels:
            self._channels[service] = channel(getattr(self, f"{service}_address"))
        return self._channels[service]

    def start(self, address: str | None = None) -> "Reporting":
        self.exports = ExportWorker(self.runtime, self.connect(), self.settings.var_dir.resolve() / "reporting-exports")
        servicer = ReportingServicer(self.runtime, self.connect(), self.groups, self.exports)
        self.runtime.start([(pb_grpc.add_ReportingServicer_to_server, servicer, "tracker.reporting.v1.Reporting")],
                           address or self.settings.grpc_address(NAME))
        self.daily.start()
        self.exports.start()
        return self

    def stop(self) -> None:
        self.daily.stop()
        if self.exports is not None:
            self.exports.stop()
        self.runtime.stop()
        for opened in self._channels.values():
            opened.close()


def build(settings: Settings, *, bus: EventBus | None = None, clock: Clock | None = None) -> Reporting:
    bus = bus or make_bus(settings, client_id=NAME)
    runtime = ServiceRuntime(NAME, settings, outbox=tables.outbox, processed=tables.processed_events, bus=bus,
                             clock=clock)
    consume_people(runtime, "reporting.people", handlers.people_event, handlers.people_event_batch)
    consume_groups(runtime, "reporting.groups", handlers.groups_event, handlers.groups_event_batch)
    runtime.consume([topics.MESSAGING], "reporting.messaging", handlers.messaging_event, handlers.messaging_event_batch)
    reporting = Reporting(settings, runtime)
    households = handlers.Households(ChoiceFields(lambda: reporting.connect().custom_field_types(), runtime.clock.now))
    runtime.consume([topics.HOUSEHOLDS], "reporting.households", households.event, households.batch)
    return reporting
