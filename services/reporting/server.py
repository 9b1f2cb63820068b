"""The Reporting gRPC servicer: proto <-> use cases, nothing else."""
from __future__ import annotations

from services.common.context import require_landlord
from services.gen.tracker.reporting.v1 import reporting_service_pb2 as pb, reporting_service_pb2_grpc as pb_grpc

from . import service
from .builder import service as builder
from .builder.domain import Entry, Table
from .contacts import service as contacts
from .messages import struct_of
from .outcomes import service as outcomes
from .reports import service as reports
from .benchmark.server import BenchmarkServicer
from .exports.server import ExportsServicer
from .saved.server import SavedReportsServicer
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


def _entry(entry: Entry) -> pb.Entry:
    message = pb.Entry(count=0 if entry.suppressed else entry.count, suppressed=entry.suppressed)
    if entry.percent is not None and not entry.suppressed:
        message.percent = entry.percent
    if entry.criteria is not None:
        message.criteria.update(dict(entry.criteria))
    return message


def _table(table: Table, threshold: int, labels: dict[str, str]) -> pb.BuiltReport:
    heading = lambda v: pb.Heading(value=v.value or "", label=v.label)  # noqa: E731
    return pb.BuiltReport(
        rows_by=table.rows_by, rows_label=labels.get(table.rows_by, table.rows_by),
        columns_by=table.columns_by or "", columns_label=labels.get(table.columns_by or "", ""),
        rows=[heading(v) for v in table.rows], columns=[heading(v) for v in table.columns],
        cells=[pb.EntryRow(entries=[_entry(e) for e in row]) for row in table.cells],
        row_totals=[_entry(e) for e in table.row_totals], column_totals=[_entry(e) for e in table.column_totals],
        total=_entry(table.total), threshold=threshold)


def _report(report, as_of: str) -> pb.ProfileReport:
    message = pb.ProfileReport(current_people=_cell(report.current_people),
                               breakdowns=[_breakdown(b) for b in report.breakdowns], threshold=report.threshold,
                               as_of=as_of)
    if report.occupied_properties is not None:
        message.occupied_properties.CopyFrom(_cell(report.occupied_properties))
    return message


def _rate(row) -> pb.OutcomeRate:
    figure = lambda f: pb.Figure(count=0 if f.suppressed else f.count, suppressed=f.suppressed)  # noqa: E731
    message = pb.OutcomeRate(value=row.value or "", label=row.label, people=figure(row.people),
                             with_outcome=figure(row.with_outcome))
    if row.rate is not None:
        message.rate = row.rate
    return message


class ReportingServicer(SavedReportsServicer, ExportsServicer, BenchmarkServicer, pb_grpc.ReportingServicer):
    def __init__(self, runtime, profiles, groups, exports):
        self._runtime = runtime
        self._profiles = profiles
        self._groups = groups
        self._exports = exports

    def GetPeopleCount(self, request, ctx):
        with self._runtime.uow(require_landlord(), read_only=True) as uow:
            total, by_status = service.people_count(uow)
        return pb.PeopleCount(total=total, by_status=by_status)

    def BuildReport(self, request, ctx):
        criteria = struct_of(request, "criteria")
        table, threshold, labels = builder.build(self._runtime.uow, require_landlord(), self._profiles, self._groups,
                                                 criteria=criteria, rows=request.rows, columns=request.columns)
        return _table(table, threshold, labels)

    def ExportReport(self, request, ctx):
        report = request.report
        criteria = struct_of(report, "criteria")
        content, media_type, name = builder.export(self._runtime.uow, require_landlord(), self._profiles, self._groups,
                                                   criteria=criteria, rows=report.rows, columns=report.columns,
                                                   file_format=request.format)
        return pb.ExportedReport(content=content, media_type=media_type, file_name=name)

    def GetOutcomes(self, request, ctx):
        found, threshold = outcomes.outcomes(self._runtime.uow, require_landlord(), self._profiles,
                                             population=struct_of(request, "population"),
                                             outcome=struct_of(request, "outcome"), characteristic=request.characteristic)
        return pb.OutcomeRates(characteristic=found.characteristic, rows=[_rate(r) for r in found.rows],
                               overall=_rate(found.overall), threshold=threshold)

    def GetTrend(self, request, ctx):
        months, threshold = reports.trend(self._runtime.uow, require_landlord(), self._profiles.catalogue,
                                          characteristic=request.characteristic, months=request.months)
        return pb.Trend(months=[pb.TrendMonth(month=month, current_people=_cell(people), breakdown=_breakdown(b))
                                for month, people, b in months], threshold=threshold)

    def GetContactsReport(self, request, ctx):
        with self._runtime.uow(require_landlord(), read_only=True) as uow:
            found = contacts.report(uow, month=request.month)
        return pb.ContactsReport(month=found.month, records=_cell(found.records), people=_cell(found.people),
                                 records_by_code=_breakdown(found.records_by_code),
                                 people_by_code=_breakdown(found.people_by_code), threshold=found.threshold)

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
        return _report(report, as_of)

    def GetPopulationReport(self, request, ctx):
        criteria = struct_of(request, "criteria")
        report = reports.population_report(self._runtime.uow, require_landlord(), self._profiles, criteria)
        return _report(report, self._runtime.clock.today().isoformat())
