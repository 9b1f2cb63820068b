"""gRPC stubs of the services the gateway calls."""
from __future__ import annotations

from services.common.grpc_client import channel
from services.gen.tracker.groups.v1 import groups_service_pb2_grpc
from services.gen.tracker.households.v1 import households_service_pb2_grpc
from services.gen.tracker.imports.v1 import imports_service_pb2_grpc
from services.gen.tracker.messaging.v1 import messaging_service_pb2_grpc
from services.gen.tracker.profiles.v1 import documents_service_pb2_grpc, profiles_service_pb2_grpc
from services.gen.tracker.profiles.v1 import setup_service_pb2_grpc
from services.gen.tracker.referrals.v1 import referrals_service_pb2_grpc
from services.gen.tracker.reporting.v1 import reporting_service_pb2_grpc


class ServiceClients:
    def __init__(self, addresses: dict[str, str]):
        self.addresses = dict(addresses)
        self._channels = {name: channel(address) for name, address in addresses.items()}
        self.profiles = profiles_service_pb2_grpc.ProfilesStub(self._channels["profiles"])
        self.documents = documents_service_pb2_grpc.PersonDocumentsStub(self._channels["profiles"])
        self.setup = setup_service_pb2_grpc.ProfileSetupStub(self._channels["profiles"])
        self.reporting = reporting_service_pb2_grpc.ReportingStub(self._channels["reporting"])
        self.imports = imports_service_pb2_grpc.ImportsStub(self._channels["import"])
        self.households = households_service_pb2_grpc.HouseholdsStub(self._channels["households"])
        self.groups = groups_service_pb2_grpc.GroupsStub(self._channels["groups"])
        self.messaging = messaging_service_pb2_grpc.MessagingStub(self._channels["messaging"])
        self.referrals = referrals_service_pb2_grpc.ReferralsStub(self._channels["referrals"])

    def close(self) -> None:
        for ch in self._channels.values():
            ch.close()
