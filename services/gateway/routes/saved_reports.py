"""Saved reports (named report definitions, private or shared with the landlord, run again at any time) and
each user's dashboard (at most eight widgets, each a report worked out when the dashboard is opened)."""
from __future__ import annotations

from google.protobuf import json_format

from services.common.errors import DomainError
from services.common.grpc_client import call
from services.gen.tracker.reporting.v1 import reporting_service_pb2 as pb

from ..api import landlord_user, validated
from ..privileges import Privilege
from ..schemas.reports import (BuildQuery, ContactsQuery, DashboardIn, DashboardOut, NewSavedReport, OutcomesQuery, PopulationQuery,
                               SavedReportChanges, SavedReportList, SavedReportOut, TrendQuery)
from . import api, reports

SAVED = "/api/v1/reports/saved"
ONE = SAVED + "/{report_id}"
READ = landlord_user(Privilege.VIEW_REPORTS)
TAG = "reports"
MODELS = {"profile": PopulationQuery, "build": BuildQuery, "trend": TrendQuery, "outcomes": OutcomesQuery,
          "contacts": ContactsQuery}


def checked_definition(kind: str, definition: dict, where: str = "definition"):
    """The definition as its report's route takes it, or a 422 naming each bad field under `where`."""
    return validated(MODELS[kind], definition, where)


def run(gw, caller, kind: str, definition: dict) -> dict:
    """A report worked out now, as its own route would answer it (the caller's privileges apply)."""
    query = checked_definition(kind, definition)
    if kind == "profile":
        return reports.population_report(gw, caller, query) if query.criteria else reports.profile_report(gw, caller)
    return {"build": reports.build_report, "trend": reports.trend, "outcomes": reports.outcome_rates,
            "contacts": reports.contacts}[kind](gw, caller, query)


def _saved(message) -> dict:
    return {"id": message.report_id, "name": message.name, "kind": message.kind, "shared": message.shared,
            "definition": json_format.MessageToDict(message.definition) if message.HasField("definition") else {},
            "owner_id": message.owner_id, "created_at": message.created_at, "updated_at": message.updated_at}


@api.route("GET", SAVED, access=READ, tag=TAG, response=SavedReportList,
           summary="The caller's saved reports and those shared with the landlord, by name")
def list_saved(gw, caller):
    return {"items": [_saved(m) for m in call(gw.reporting.ListSavedReports, pb.ListSavedReportsRequest()).items]}


@api.route("POST", SAVED, access=READ, tag=TAG, status=201, body=NewSavedReport, response=SavedReportOut,
           summary="Save a report definition (checked as its report's route checks it) to run again later")
def save_report(gw, caller, body: NewSavedReport):
    checked_definition(body.kind, body.definition)
    request = pb.SaveReportRequest(name=body.name, kind=body.kind, shared=body.shared)
    request.definition.update(body.definition)
    return _saved(call(gw.reporting.SaveReport, request))


@api.route("GET", ONE, access=READ, tag=TAG, response=SavedReportOut, summary="One saved report")
def get_saved(gw, caller, report_id: str):
    return _saved(call(gw.reporting.GetSavedReport, pb.SavedReportRef(report_id=report_id)))


@api.route("PATCH", ONE, access=READ, tag=TAG, body=SavedReportChanges, response=SavedReportOut,
           summary="Rename, redefine, share or unshare a saved report (its owner only)")
def change_saved(gw, caller, report_id: str, body: SavedReportChanges):
    request = pb.UpdateSavedReportRequest(report_id=report_id)
    if body.definition is not None:
        kind = call(gw.reporting.GetSavedReport, pb.SavedReportRef(report_id=report_id)).kind
        checked_definition(kind, body.definition)
        request.definition.update(body.definition)
    if body.name is not None:
        request.name = body.name
    if body.shared is not None:
        request.shared = body.shared
    return _saved(call(gw.reporting.UpdateSavedReport, request))


@api.route("DELETE", ONE, access=READ, tag=TAG, status=204, summary="Delete a saved report (its owner only)")
def delete_saved(gw, caller, report_id: str):
    call(gw.reporting.DeleteSavedReport, pb.SavedReportRef(report_id=report_id))
    return None, 204


@api.route("POST", ONE + "/run", access=READ, tag=TAG,
           summary="Run a saved report now: the answer of its report's route (templates and groups pick today's "
                   "people)")
def run_saved(gw, caller, report_id: str):
    saved = call(gw.reporting.GetSavedReport, pb.SavedReportRef(report_id=report_id))
    return run(gw, caller, saved.kind, json_format.MessageToDict(saved.definition))


def _widget(gw, caller, widget) -> dict:
    shown = {"kind": widget.kind, "title": widget.title, "saved_report_id": widget.saved_report_id or None,
             "report_kind": widget.report_kind or None, "links": list(widget.links),
             "definition": json_format.MessageToDict(widget.definition) if widget.HasField("definition") else {},
             "data": None, "error": None}
    if widget.kind == "quick_links":
        return shown
    try:
        if widget.saved_report_id:
            saved = call(gw.reporting.GetSavedReport, pb.SavedReportRef(report_id=widget.saved_report_id))
            shown["data"] = run(gw, caller, saved.kind, json_format.MessageToDict(saved.definition))
        else:
            shown["data"] = run(gw, caller, widget.report_kind, shown["definition"])
    except DomainError as error:  # one widget that cannot be shown leaves the others
        shown["error"] = {"code": error.code, "message": error.message}
    return shown


@api.route("GET", "/api/v1/dashboard", access=READ, tag=TAG, response=DashboardOut,
           summary="The caller's dashboard, every widget worked out now (the standard one until they change it)")
def get_dashboard(gw, caller):
    answer = call(gw.reporting.GetDashboard, pb.GetDashboardRequest())
    return {"standard": answer.standard, "widgets": [_widget(gw, caller, w) for w in answer.widgets]}


@api.route("PUT", "/api/v1/dashboard", access=READ, tag=TAG, body=DashboardIn, response=DashboardOut,
           summary="Choose the caller's widgets and their order (at most eight)")
def put_dashboard(gw, caller, body: DashboardIn):
    for i, widget in enumerate(body.widgets):
        if widget.report_kind:
            checked_definition(widget.report_kind, widget.definition, f"widgets.{i}.definition")
    request = pb.Dashboard()
    for widget in body.widgets:
        message = request.widgets.add(kind=widget.kind, title=widget.title, saved_report_id=widget.saved_report_id or "",
                                      report_kind=widget.report_kind or "", links=widget.links)
        message.definition.update(widget.definition)
    call(gw.reporting.SaveDashboard, request)
    return get_dashboard(gw, caller)
