"""The composition root of the groups service."""
from __future__ import annotations

from services.common import topics
from services.common.bus import EventBus
from services.common.people_events import consume_people
from services.common.clock import Clock
from services.common.config import Settings
from services.common.runtime import ServiceRuntime, make_bus
from services.gen.tracker.groups.v1 import groups_service_pb2_grpc as pb_grpc

from . import events, handlers, tables
from .clients.profiles import People, ProfilesPeople
from .server import GroupsServicer

NAME = "groups"


class Groups:
    def __init__(self, settings: Settings, runtime: ServiceRuntime, people: People | None = None):
        self.settings = settings
        self.runtime = runtime
        self.profiles_address = settings.service_address("profiles")  # the dev runner may set it before start
        self.people = people  # a fake in tests; else a profiles client made at start
        self._own_people = people is None
        self.servicer: GroupsServicer | None = None

    def start(self, address: str | None = None) -> "Groups":
        if self.people is None:
            self.people = ProfilesPeople(self.profiles_address)
        self.servicer = GroupsServicer(self.runtime, self.people)
        self.runtime.start([(pb_grpc.add_GroupsServicer_to_server, self.servicer, "tracker.groups.v1.Groups")],
                           address or self.settings.grpc_address(NAME))
        return self

    def stop(self) -> None:
        self.runtime.stop()
        if self._own_people and self.people is not None:
            self.people.close()
            self.people = None


def build(settings: Settings, *, bus: EventBus | None = None, people: People | None = None,
          clock: Clock | None = None) -> Groups:
    bus = bus or make_bus(settings, client_id=NAME)
    runtime = ServiceRuntime(NAME, settings, outbox=tables.outbox, processed=tables.processed_events, bus=bus,
                             event_mapper=events.outgoing, publishes=[topics.GROUPS, topics.GROUPS_BULK], clock=clock)
    consume_people(runtime, "groups.people", handlers.people_events, handlers.people_event_batch)
    return Groups(settings, runtime, people)
