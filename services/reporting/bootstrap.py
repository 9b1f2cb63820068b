"""The composition root of the reporting service."""
from __future__ import annotations

from services.common import topics
from services.common.bus import EventBus
from services.common.clock import Clock
from services.common.config import Settings
from services.common.runtime import ServiceRuntime, make_bus
from services.gen.tracker.reporting.v1 import reporting_service_pb2_grpc as pb_grpc

from . import handlers, tables
from .server import ReportingServicer

NAME = "reporting"


class Reporting:
    def __init__(self, settings: Settings, runtime: ServiceRuntime):
        self.settings = settings
        self.runtime = runtime

    def start(self, address: str | None = None) -> "Reporting":
        servicer = ReportingServicer(self.runtime)
        self.runtime.start([(pb_grpc.add_ReportingServicer_to_server, servicer, "tracker.reporting.v1.Reporting")],
                           address or self.settings.grpc_address(NAME))
        return self

    def stop(self) -> None:
        self.runtime.stop()


def build(settings: Settings, *, bus: EventBus | None = None, clock: Clock | None = None) -> Reporting:
    bus = bus or make_bus(settings, client_id=NAME)
    runtime = ServiceRuntime(NAME, settings, outbox=tables.outbox, processed=tables.processed_events, bus=bus,
                             clock=clock)
    runtime.consume([topics.PEOPLE], "reporting.people", handlers.people_events, handlers.people_event_batch)
    return Reporting(settings, runtime)
