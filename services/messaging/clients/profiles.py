"""Profiles, as the messaging service sees it: whether people are the landlord's (and current). Over gRPC
(profiles owns people); the caller's landlord and user travel in the call context. Tests pass a fake with
the same method."""
from __future__ import annotations

from typing import Protocol, Sequence

from services.common import people_status
from services.common.grpc_client import channel
from services.gen.tracker.profiles.v1 import profiles_service_pb2_grpc as pb_grpc


class People(Protocol):
    def status(self, person_ids: Sequence[str]) -> dict[str, str]:
        """person id -> current | archived; unknown ids are left out."""


class ProfilesPeople:
    def __init__(self, address: str):
        self._channel = channel(address)
        self._stub = pb_grpc.ProfilesStub(self._channel)

    def status(self, person_ids: Sequence[str]) -> dict[str, str]:
        return people_status.statuses(self._stub, person_ids)

    def close(self) -> None:
        self._channel.close()
