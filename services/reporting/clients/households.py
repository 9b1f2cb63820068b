"""Households as reporting's recount sees it, over gRPC: every household of the caller's landlord as its
newest HouseholdChanged event shows it, a page at a time."""
from __future__ import annotations

from typing import Callable, Iterator

from services.common.grpc_client import call_stream
from services.gen.tracker.households.v1 import events_pb2, households_service_pb2 as pb


class Households:
    def __init__(self, stub: Callable[[], object]):
        """`stub`: the Households stub, asked for at each use (the channel opens on first use)."""
        self._stub = stub

    def states(self, page_size: int = 0) -> Iterator[list[events_pb2.HouseholdChanged]]:
        """Every household (occupied or not), in household id order, a page at a time (0: households' page size)."""
        for page in call_stream(self._stub().StreamHouseholdStates, pb.StreamHouseholdStatesRequest(page_size=page_size),
                                timeout=None):
            yield list(page.households)
