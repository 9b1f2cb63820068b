from flask import Response
from google.protobuf import json_format

from services.common.grpc_client import call
from services.common.spreadsheet import XLSX
from services.gen.tracker.reporting.v1 import reporting_service_pb2 as pb

from ..api import landlord_user
from ..equality import EQUALITY_FIELDS, check_use, may_view
from ..privileges import Privilege
from ..schemas import PeopleCount
from ..schemas.reports import BuildQuery, BuiltReportOut, ContactsOut, ContactsQuery, ExportQuery, OutcomesOut, OutcomesQuery, PopulationQuery, ProfileReportOut, ReportSettingsChanges, ReportSettingsOut, TrendOut, TrendQuery
from ..searching import checked
from .documents import content_disposition
from . import api


@api.route("GET", "/api/v1/reports/people-count", access=landlord_user(Privilege.VIEW_REPORTS), tag="reports",
           summary="How many people the landlord has, by status", response=PeopleCount)
def people_count(gw, caller):
    answer = call(gw.reporting.GetPeopleCount, pb.GetPeopleCountRequest())
    return {"total": answer.total, "by_status": dict(answer.by_status)}


def _breakdown(b: pb.Breakdown, t: int) -> dict:
    return {"characteristic": b.characteristic, "label": b.label, "cells": [_cell(c, t) for c in b.cells],
            "not_known": _cell(b.not_known, t), "known": b.known if b.HasField("known") else None,
            "several": b.several, "equality": b.equality}


def _equality(b: pb.Breakdown) -> bool:
    return b.equality or b.characteristic in EQUALITY_FIELDS


def _figure(figure, threshold: int) -> dict:
    """A count as reports show it: never the number below the threshold (any message with count, suppressed)."""
    return {"count": None if figure.suppressed else figure.count, "suppressed": figure.suppressed,
            "shown": f"fewer than {threshold}" if figure.suppressed else f"{figure.count:,}"}


def _cell(cell: pb.Cell, threshold: int) -> dict:
    return {"value": cell.value, "label": cell.label, **_figure(cell, threshold),
            "percent": cell.percent if cell.HasField("percent") else None, "archived": cell.archived}


@api.route("GET", "/api/v1/reports/profile", access=landlord_user(Privilege.VIEW_REPORTS), tag="reports",
           summary="The whole landlord's profile: current people, occupied properties and every characteristic's "
                   "values with counts and percentages of known (equality breakdowns need view equality data)",
           response=ProfileReportOut)
def profile_report(gw, caller):
    return _report_json(call(gw.reporting.GetProfileReport, pb.GetProfileReportRequest()), caller)


@api.route("POST", "/api/v1/reports/profile", access=landlord_user(Privilege.VIEW_REPORTS), tag="reports",
           body=PopulationQuery, response=ProfileReportOut,
           summary="The same profile for a population: the people the criteria pick (any search criteria, a search "
                   "template or an admin group), counted exactly; criteria on equality data need view equality data")
def population_report(gw, caller, body: PopulationQuery):
    request = pb.GetPopulationReportRequest()
    request.criteria.update(checked(gw, caller, body.criteria))
    return _report_json(call(gw.reporting.GetPopulationReport, request, timeout=30), caller)


@api.route("POST", "/api/v1/reports/build", access=landlord_user(Privilege.VIEW_REPORTS), tag="reports",
           body=BuildQuery, response=BuiltReportOut,
           summary="The report builder: a population (criteria, a search template or an admin group) broken down by "
                   "one characteristic or cross-tabbed by two, counts and percentages of known, with each cell's "
                   "drill-down criteria")
def build_report(gw, caller, body: BuildQuery):
    check_use([body.rows, body.columns or ""], caller, where="report")
    request = pb.BuildReportRequest(rows=body.rows, columns=body.columns or "")
    request.criteria.update(checked(gw, caller, body.criteria))
    answer = call(gw.reporting.BuildReport, request, timeout=60)
    t = answer.threshold
    entry = lambda e: {**_figure(e, t), "percent": e.percent if e.HasField("percent") else None,  # noqa: E731
                       "criteria": json_format.MessageToDict(e.criteria)}
    heading = lambda h: {"value": h.value or None, "label": h.label}  # noqa: E731
    return {"rows_by": answer.rows_by, "rows_label": answer.rows_label, "columns_by": answer.columns_by or None,
            "columns_label": answer.columns_label or None, "threshold": t,
            "rows": [heading(h) for h in answer.rows], "columns": [heading(h) for h in answer.columns],
            "cells": [[entry(e) for e in row.entries] for row in answer.cells],
            "row_totals": [entry(e) for e in answer.row_totals],
            "column_totals": [entry(e) for e in answer.column_totals], "total": entry(answer.total)}


@api.route("POST", "/api/v1/reports/build/export", access=landlord_user(Privilege.EXPORT_DATA), tag="reports",
           body=ExportQuery, produces=(XLSX, "text/csv"),
           summary="The built report's table as XLSX (numbers as numbers, a bar chart beside it) or CSV; suppressed "
                   "counts as \"fewer than 5\", text neutralised against formulas")
def export_report(gw, caller, body: ExportQuery):
    check_use([body.rows, body.columns or ""], caller, where="report")
    request = pb.ExportReportRequest(format=body.format, report=pb.BuildReportRequest(rows=body.rows,
                                                                                      columns=body.columns or ""))
    request.report.criteria.update(checked(gw, caller, body.criteria))
    answer = call(gw.reporting.ExportReport, request, timeout=60)
    return Response(answer.content, status=200, content_type=answer.media_type, headers={
        "Content-Disposition": content_disposition(answer.file_name), "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store"})


@api.route("POST", "/api/v1/reports/outcomes", access=landlord_user(Privilege.VIEW_REPORTS), tag="reports",
           body=OutcomesQuery, response=OutcomesOut,
           summary="Equal outcomes: the rate of an outcome (an admin group, an activity's people, any criteria) "
                   "among the people of each value of a characteristic, beside everyone's rate")
def outcome_rates(gw, caller, body: OutcomesQuery):
    check_use([body.characteristic], caller, where="characteristic")
    request = pb.GetOutcomesRequest(characteristic=body.characteristic)
    request.population.update(checked(gw, caller, body.criteria))
    request.outcome.update(checked(gw, caller, body.outcome))
    answer = call(gw.reporting.GetOutcomes, request, timeout=30)
    t = answer.threshold
    rate = lambda r: {"value": r.value or None, "label": r.label, "people": _figure(r.people, t),  # noqa: E731
                      "with_outcome": _figure(r.with_outcome, t), "rate": r.rate if r.HasField("rate") else None}
    return {"characteristic": answer.characteristic, "threshold": t, "rows": [rate(r) for r in answer.rows],
            "overall": rate(answer.overall)}


def _report_json(answer: pb.ProfileReport, caller) -> dict:
    t, equality = answer.threshold, may_view(caller)
    return {"as_of": answer.as_of, "threshold": t, "current_people": _cell(answer.current_people, t),
            "occupied_properties": _cell(answer.occupied_properties, t) if answer.HasField("occupied_properties")
            else None,
            "breakdowns": [_breakdown(b, t) for b in answer.breakdowns if equality or not _equality(b)],
            "equality_hidden": not equality}


@api.route("GET", "/api/v1/reports/trend", access=landlord_user(Privilege.VIEW_REPORTS), tag="reports", query=TrendQuery,
           summary="One characteristic month by month (figures at each month's end, this month as of now): e.g. how "
                   "many ethnicity values are still Not known", response=TrendOut)
def trend(gw, caller, query: TrendQuery):
    check_use([query.characteristic], caller, where="characteristic")
    answer = call(gw.reporting.GetTrend, pb.GetTrendRequest(characteristic=query.characteristic, months=query.months))
    t = answer.threshold
    return {"characteristic": query.characteristic, "threshold": t,
            "months": [{"month": m.month, "current_people": _cell(m.current_people, t),
                        "breakdown": _breakdown(m.breakdown, t)} for m in answer.months]}


@api.route("GET", "/api/v1/reports/contacts", access=landlord_user(Privilege.VIEW_REPORTS), tag="reports",
           query=ContactsQuery, response=ContactsOut,
           summary="A month's contacts: communication records dated in it and the people they reached, by "
                   "communication code (this month unless a month is given)")
def contacts(gw, caller, query: ContactsQuery):
    answer = call(gw.reporting.GetContactsReport, pb.GetContactsReportRequest(month=query.month))
    t = answer.threshold
    return {"month": answer.month, "threshold": t, "records": _cell(answer.records, t),
            "people": _cell(answer.people, t), "records_by_code": _breakdown(answer.records_by_code, t),
            "people_by_code": _breakdown(answer.people_by_code, t)}


@api.route("GET", "/api/v1/reports/settings", access=landlord_user(Privilege.VIEW_REPORTS), tag="reports",
           summary="The landlord's report settings: the disclosure threshold", response=ReportSettingsOut)
def report_settings(gw, caller):
    return {"threshold": call(gw.reporting.GetReportSettings, pb.GetReportSettingsRequest()).threshold}


@api.route("PATCH", "/api/v1/reports/settings", access=landlord_user(Privilege.MANAGE_SETUP), tag="reports",
           body=ReportSettingsChanges, response=ReportSettingsOut,
           summary="Change the disclosure threshold (2 to 100; default 5): counts below it are never shown")
def change_report_settings(gw, caller, body: ReportSettingsChanges):
    request = pb.UpdateReportSettingsRequest()
    if body.threshold is not None:
        request.threshold = body.threshold
    return {"threshold": call(gw.reporting.UpdateReportSettings, request).threshold}
