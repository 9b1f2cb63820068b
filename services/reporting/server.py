"""The Reporting gRPC servicer."""
from __future__ import annotations

from services.common.context import require_landlord
from services.gen.tracker.reporting.v1 import reporting_service_pb2 as pb, reporting_service_pb2_grpc as pb_grpc

from . import service


class ReportingServicer(pb_grpc.ReportingServicer):
    def __init__(self, runtime):
        self._runtime = runtime

    def GetPeopleCount(self, request, ctx):
        with self._runtime.uow(require_landlord()) as uow:
            total, by_status = service.people_count(uow)
        return pb.PeopleCount(total=total, by_status=by_status)
