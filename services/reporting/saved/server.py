"""The saved reports' and dashboards' part of the Reporting servicer: proto <-> use cases."""
from __future__ import annotations

from services.common.context import current, require_landlord
from services.gen.tracker.reporting.v1 import reporting_service_pb2 as pb

from ..messages import struct_of
from . import service
from .domain import SavedReport, Widget


def _report(report: SavedReport) -> pb.SavedReport:
    message = pb.SavedReport(report_id=report.report_id, name=report.name, kind=report.kind, shared=report.shared,
                             owner_id=report.owner_id, created_at=report.created_at.isoformat(),
                             updated_at=report.updated_at.isoformat())
    message.definition.update(report.definition)
    return message


def _widget(widget: Widget) -> pb.Widget:
    message = pb.Widget(kind=widget.kind, title=widget.title, saved_report_id=widget.saved_report_id,
                        report_kind=widget.report_kind, links=list(widget.links))
    message.definition.update(widget.definition)
    return message


class SavedReportsServicer:
    """Mixed into ReportingServicer (which has `_runtime`)."""

    def _uow(self, **kw):
        return self._runtime.uow(require_landlord(), **kw)

    def SaveReport(self, request, ctx):
        with self._uow() as uow:
            return _report(service.save_report(uow, current().user_id, name=request.name, kind=request.kind,
                                               definition=struct_of(request, "definition"), shared=request.shared))

    def ListSavedReports(self, request, ctx):
        with self._uow(read_only=True) as uow:
            return pb.SavedReportList(items=[_report(r) for r in service.saved_reports(uow, current().user_id)])

    def GetSavedReport(self, request, ctx):
        with self._uow(read_only=True) as uow:
            return _report(service.saved_report(uow, current().user_id, request.report_id))

    def UpdateSavedReport(self, request, ctx):
        changes = {"name": request.name if request.HasField("name") else None,
                   "definition": struct_of(request, "definition") if request.HasField("definition") else None,
                   "shared": request.shared if request.HasField("shared") else None}
        with self._uow() as uow:
            return _report(service.change_report(uow, current().user_id, request.report_id, **changes))

    def DeleteSavedReport(self, request, ctx):
        with self._uow() as uow:
            service.delete_report(uow, current().user_id, request.report_id)
            return pb.SavedReportList(items=[_report(r) for r in service.saved_reports(uow, current().user_id)])

    def GetDashboard(self, request, ctx):
        with self._uow(read_only=True) as uow:
            widgets, standard = service.dashboard(uow, current().user_id)
        return pb.Dashboard(widgets=[_widget(w) for w in widgets], standard=standard)

    def SaveDashboard(self, request, ctx):
        widgets = [Widget(w.kind, w.title, w.saved_report_id, w.report_kind, struct_of(w, "definition"), tuple(w.links))
                   for w in request.widgets]
        with self._uow() as uow:
            saved = service.save_dashboard(uow, current().user_id, widgets)
        return pb.Dashboard(widgets=[_widget(w) for w in saved], standard=False)
