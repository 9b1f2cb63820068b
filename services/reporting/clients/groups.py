"""Groups as reporting sees it, over gRPC: the names of the landlord's admin groups and activities, so a
breakdown by group membership or activity shows names (people search counts them by id); and, for the
recount, every person's groups as the newest groups event shows them. The caller's landlord travels in the
call context."""
from __future__ import annotations

from typing import Callable, Iterator

from services.common.grpc_client import call, call_stream
from services.gen.tracker.groups.v1 import groups_service_pb2 as pb

from ..domain import MembershipState
from ..messages import membership_state

PAGE = 500  # groups' largest page


class Groups:
    def __init__(self, stub: Callable[[], object]):
        """`stub`: the Groups stub, asked for at each use (the channel opens on first use)."""
        self._stub = stub

    def names(self, kind: str) -> dict[str, str]:
        """Every admin group's reference (kind "admin_group") or activity's name ("activity"), by id."""
        stub = self._stub()
        method = stub.ListAdminGroups if kind == "admin_group" else stub.ListActivities
        found: dict[str, str] = {}
        page = 1
        while True:
            answer = call(method, pb.ListRequest(page_size=PAGE, page=page))
            for item in answer.items:
                found[item.group_id if kind == "admin_group" else item.activity_id] = \
                    item.reference if kind == "admin_group" else item.name
            if not answer.items or len(found) >= answer.total:
                return found
            page += 1

    def memberships(self, page_size: int = 0) -> Iterator[list[MembershipState]]:
        """Every person whose groups ever changed, their admin groups and activities now, a page at a time (0: groups' page size)."""
        request = pb.StreamPersonGroupsStatesRequest(page_size=page_size)
        for page in call_stream(self._stub().StreamPersonGroupsStates, request, timeout=None):
            yield [membership_state(person) for person in page.people]
