"""Messaging as reporting sees it, over gRPC: for the recount, every communication record as the newest
messaging event shows it (deletions too). The caller's landlord travels in the call context."""
from __future__ import annotations

from typing import Callable, Iterator

from services.common.grpc_client import call_stream
from services.gen.tracker.messaging.v1 import messaging_service_pb2 as pb

from ..contacts.domain import ContactState
from ..messages import contact_state


class Messaging:
    def __init__(self, stub: Callable[[], object]):
        """`stub`: the Messaging stub, asked for at each use (the channel opens on first use)."""
        self._stub = stub

    def contact_states(self, page_size: int = 0) -> Iterator[list[ContactState]]:
        """Every communication record, a page at a time (0: messaging's page size)."""
        request = pb.StreamCommunicationStatesRequest(page_size=page_size)
        for page in call_stream(self._stub().StreamCommunicationStates, request, timeout=None):
            yield [contact_state(record) for record in page.records]
