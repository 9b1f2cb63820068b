"""The Reporting gRPC servicer."""
from __future__ import annotations

from services.common import context
from services.common.errors import Unauthenticated
from services.gen.tracker.reporting.v1 import reporting_service_pb2 as pb, reporting_service_pb2_grpc as pb_grpc

from . import service


class ReportingServicer(pb_grpc.ReportingServicer):
    def __init__(self, runtime):
        self._runtime = runtime

    def GetPeopleCount(self, request, ctx):
        landlord_id = context.current().landlord_id
        if not landlord_id:
            raise Unauthenticated("no landlord in the call metadata")
        with self._runtime.uow(landlord_id) as uow:
            total, by_status = service.people_count(uow)
        return pb.PeopleCount(total=total, by_status=by_status)
