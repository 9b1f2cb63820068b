"""The composition root of the import service."""
from __future__ import annotations

from services.common import topics
from services.common.bus import EventBus
from services.common.clock import Clock
from services.common.config import Settings
from services.common.runtime import ServiceRuntime, make_bus
from services.gen.tracker.imports.v1 import imports_service_pb2_grpc as pb_grpc

from . import handlers, tables
from .clients.profiles import ProfilesPeople
from .runner import Runner
from .server import ImportsServicer
from .store import unavailable_when_down
from .worker import RunWorker

NAME = "import"


class Import:
    def __init__(self, settings: Settings, runtime: ServiceRuntime):
        self.settings = settings
        self.runtime = runtime
        self.uploads_dir = settings.var_dir.resolve() / "imports"
        self.profiles_address = settings.service_address("profiles")
        self.people: ProfilesPeople | None = None
        self.worker: RunWorker | None = None
        self._feed = None

    def start(self, address: str | None = None) -> "Import":
        self.uploads_dir.mkdir(parents=True, exist_ok=True)
        self.people = ProfilesPeople(self.profiles_address)
        uow = unavailable_when_down(self.runtime.uow)  # the database away: Unavailable, and the worker pauses
        self.worker = RunWorker(lambda: uow(platform=True), uow,
                                lambda name: Runner(uow, self.people, self.uploads_dir, clock=self.runtime.clock,
                                                    worker=name))
        servicer = ImportsServicer(self.runtime, self.uploads_dir, self.worker.nudge, self.people.option_labels)
        self.runtime.start([(pb_grpc.add_ImportsServicer_to_server, servicer, "tracker.imports.v1.Imports")],
                           address or self.settings.grpc_address(NAME))
        self.runtime.bus.ensure_topics([topics.HOUSING_FEED])
        self._feed = self.runtime.bus.subscribe(topics=[topics.HOUSING_FEED], group="import.housing-feed",
                                                handler=handlers.feed_records(uow, self.worker.nudge))
        self.worker.start()
        return self

    def stop(self) -> None:
        if self.worker:
            self.worker.stop()
        if self._feed:
            self._feed.stop()
        self.runtime.stop()
        if self.people:
            self.people.close()


def build(settings: Settings, *, bus: EventBus | None = None, clock: Clock | None = None) -> Import:
    bus = bus or make_bus(settings, client_id=NAME)
    runtime = ServiceRuntime(NAME, settings, outbox=tables.outbox, processed=tables.processed_events, bus=bus,
                             clock=clock)
    return Import(settings, runtime)
