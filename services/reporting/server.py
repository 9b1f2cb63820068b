"""The Reporting gRPC servicer: proto <-> use cases, nothing else."""
from __future__ import annotations

from services.common.context import require_landlord
from services.gen.tracker.reporting.v1 import reporting_service_pb2 as pb, reporting_service_pb2_grpc as pb_grpc

from . import service
from .reports import service as reports
from .reports.domain import Breakdown, Cell


def _cell(cell: Cell) -> pb.Cell:
    message = pb.Cell(value=cell.value, label=cell.label, count=0 if cell.suppressed else cell.count,
                      suppressed=cell.suppressed, archived=cell.archived)
    if cell.percent is not None and not cell.suppressed:
        message.percent = cell.percent
    return message


def _breakdown(breakdown: Breakdown) -> pb.Breakdown:
    message = pb.Breakdown(characteristic=breakdown.characteristic, label=breakdown.label,
                           cells=[_cell(c) for c in breakdown.cells], not_known=_cell(breakdown.not_known),
                           several=breakdown.several, equality=breakdown.equality)
    if breakdown.known is not None:
        message.known = breakdown.known
    return message


class ReportingServicer(pb_grpc.ReportingServicer):
    def __init__(self, runtime, profiles):
        self._runtime = runtime
        self._profiles = profiles

    def GetPeopleCount(self, request, ctx):
        with self._runtime.uow(require_landlord(), read_only=True) as uow:
            total, by_status = service.people_count(uow)
        return pb.PeopleCount(total=total, by_status=by_status)

    def GetTrend(self, request, ctx):
        months, threshold = reports.trend(self._runtime.uow, require_landlord(), self._profiles.catalogue,
                                          characteristic=request.characteristic, months=request.months)
        return pb.Trend(months=[pb.TrendMonth(month=month, current_people=_cell(people), breakdown=_breakdown(b))
                                for month, people, b in months], threshold=threshold)

    def GetReportSettings(self, request, ctx):
        with self._runtime.uow(require_landlord(), read_only=True) as uow:
            return pb.ReportSettings(threshold=reports.threshold(uow))

    def UpdateReportSettings(self, request, ctx):
        with self._runtime.uow(require_landlord()) as uow:
            if request.HasField("threshold"):
                reports.change_threshold(uow, request.threshold)
            return pb.ReportSettings(threshold=reports.threshold(uow))

    def GetProfileReport(self, request, ctx):
        report, as_of = reports.profile_report(self._runtime.uow, require_landlord(), self._profiles.catalogue)
        return pb.ProfileReport(current_people=_cell(report.current_people),
                                occupied_properties=_cell(report.occupied_properties),
                                breakdowns=[_breakdown(b) for b in report.breakdowns], threshold=report.threshold,
                                as_of=as_of)
