"""Households, as the messaging service sees it: the household each person on a postal mailing lives in
now (its address and current occupants), over gRPC (households owns them). Tests pass a fake with the same
method."""
from __future__ import annotations

from typing import Protocol, Sequence

from services.common.grpc_client import call, channel
from services.gen.tracker.households.v1 import households_service_pb2 as pb, households_service_pb2_grpc as pb_grpc

from ..messages.post import Home

READ = 5_000  # people one GetPeopleHouseholds call reads (households' limit)


class Households(Protocol):
    def homes(self, person_ids: Sequence[str]) -> dict[str, Home]:
        """person id -> the household they live in now; people with none (or unknown) left out."""


class HouseholdsHomes:
    def __init__(self, address: str):
        self._channel = channel(address)
        self._stub = pb_grpc.HouseholdsStub(self._channel)

    def homes(self, person_ids: Sequence[str]) -> dict[str, Home]:
        found: dict[str, Home] = {}
        for start in range(0, len(person_ids), READ):
            answer = call(self._stub.GetPeopleHouseholds,
                          pb.GetPeopleHouseholdsRequest(person_ids=person_ids[start:start + READ]))
            homes = {h.household_id: Home(h.household_id, (h.address_line_1, h.address_line_2, h.address_line_3,
                                                            h.address_line_4), h.postcode,
                                          tuple(o.person_id for o in h.occupants)) for h in answer.households}
            found.update({p.person_id: homes[p.household_id] for p in answer.people if p.household_id in homes})
        return found

    def close(self) -> None:
        self._channel.close()
