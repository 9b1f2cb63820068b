"""Profiles, as the groups service sees it: whether people exist (and are current), who matches
criteria now, and whether criteria are valid. Over gRPC (profiles owns people); the caller's
landlord and user travel in the call context. Tests pass a fake with the same three methods."""
from __future__ import annotations

from typing import Iterator, Protocol, Sequence

from google.protobuf import struct_pb2

from services.common import people_status
from services.common.grpc_client import call, call_stream, channel
from services.gen.tracker.profiles.v1 import profiles_service_pb2 as pb, profiles_service_pb2_grpc as pb_grpc

TIMEOUT = 30.0
RESOLVE_TIMEOUT = 300.0  # seconds: every id of a very large selection, streamed


class People(Protocol):
    def status(self, person_ids: Sequence[str]) -> dict[str, str]:
        """person id -> current | archived; unknown ids are left out."""

    def resolve(self, criteria: dict, chunk_size: int = 5000) -> Iterator[tuple[list[str], int]]:
        """Everyone who matches `criteria` now: (person ids, total on the first chunk else 0) in chunks."""

    def count(self, criteria: dict) -> int:
        """How many match; raises InvalidInput (fields `criteria.<key>`) when profiles refuses the criteria."""


def struct(values: dict) -> struct_pb2.Struct:
    message = struct_pb2.Struct()
    message.update(values)
    return message


class ProfilesPeople:
    def __init__(self, address: str):
        self._channel = channel(address)
        self._stub = pb_grpc.ProfilesStub(self._channel)

    def status(self, person_ids: Sequence[str]) -> dict[str, str]:
        return people_status.statuses(self._stub, person_ids)

    def resolve(self, criteria: dict, chunk_size: int = 5000) -> Iterator[tuple[list[str], int]]:
        streamed = call_stream(self._stub.ResolvePeople,
                               pb.ResolvePeopleRequest(criteria=struct(criteria), chunk_size=chunk_size),
                               timeout=RESOLVE_TIMEOUT)
        try:
            for chunk in streamed:
                yield list(chunk.person_ids), chunk.total
        finally:
            streamed.close()

    def count(self, criteria: dict) -> int:
        answer = call(self._stub.SearchPeople, pb.SearchPeopleRequest(criteria=struct(criteria), count_only=True,
                                                                      page_size=1, page=1), timeout=TIMEOUT)
        return answer.total

    def close(self) -> None:
        self._channel.close()
