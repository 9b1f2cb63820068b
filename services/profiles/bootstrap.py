"""The composition root of the profiles service."""
from __future__ import annotations

from services.common import topics
from services.common.bus import EventBus
from services.common.group_events import consume_groups
from services.common.people_events import consume_people
from services.common.clock import Clock
from services.common.config import Settings
from services.common.runtime import ServiceRuntime, make_bus, make_search_index
from services.common.search import SearchIndex
from services.gen.tracker.profiles.v1 import documents_service_pb2_grpc as documents_grpc
from services.gen.tracker.profiles.v1 import profiles_service_pb2_grpc as pb_grpc
from services.gen.tracker.profiles.v1 import setup_service_pb2_grpc as setup_grpc

from . import events, handlers, maintenance, search, tables
from .documents.server import PersonDocumentsServicer
from .server import ProfilesServicer
from .setup.server import ProfileSetupServicer

NAME = "profiles"


class Profiles:
    def __init__(self, settings: Settings, runtime: ServiceRuntime, index: SearchIndex):
        self.settings = settings
        self.runtime = runtime
        self.index = index
        self.reconcile_job: maintenance.ReconcileJob | None = None

    def start(self, address: str | None = None) -> "Profiles":
        self.index.ensure_index(search.INDEX, search.index_fields())
        servicer = ProfilesServicer(self.runtime, self.index)
        self.runtime.start([(pb_grpc.add_ProfilesServicer_to_server, servicer, "tracker.profiles.v1.Profiles"),
                            (documents_grpc.add_PersonDocumentsServicer_to_server,
                             PersonDocumentsServicer(self.runtime), "tracker.profiles.v1.PersonDocuments"),
                            (setup_grpc.add_ProfileSetupServicer_to_server, ProfileSetupServicer(self.runtime),
                             "tracker.profiles.v1.ProfileSetup")],
                           address or self.settings.grpc_address(NAME))
        if self.settings.reconcile_interval_seconds > 0:
            self.reconcile_job = maintenance.ReconcileJob(self, self.settings.reconcile_interval_seconds).start()
        return self

    def stop(self) -> None:
        if self.reconcile_job:
            self.reconcile_job.stop()
        self.runtime.stop()


def build(settings: Settings, *, bus: EventBus | None = None, index: SearchIndex | None = None,
          clock: Clock | None = None) -> Profiles:
    bus = bus or make_bus(settings, client_id=NAME)
    index = index or make_search_index(settings)
    runtime = ServiceRuntime(NAME, settings, outbox=tables.outbox, processed=tables.processed_events,
                             event_mapper=events.outgoing, bus=bus, publishes=[topics.PEOPLE, topics.PEOPLE_BULK],
                             clock=clock)
    indexer = handlers.search_indexer(index)
    consume_people(runtime, "profiles.search-indexer", indexer.event, indexer.batch)
    households = handlers.households_consumer(index)
    runtime.consume([topics.HOUSEHOLDS], "profiles.households", households.event, households.batch)
    groups = handlers.groups_consumer(index)
    consume_groups(runtime, "profiles.groups", groups.event, groups.batch)
    contacts = handlers.messaging_consumer(index)
    runtime.consume([topics.MESSAGING], "profiles.messaging", contacts.event, contacts.batch)
    referrals = handlers.referrals_consumer(index)
    runtime.consume([topics.REFERRALS], "profiles.referrals", referrals.event, referrals.batch)
    return Profiles(settings, runtime, index)
