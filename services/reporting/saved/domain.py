"""Saved reports and dashboards with no I/O.

A saved report is a name, its owner, whether the whole landlord may see it (shared) or only its owner,
and its definition: which report (kind) and what it was asked for with (the criteria as written, so a
search template or group in them picks today's people each time it is run). Only the owner changes or
deletes it. A dashboard is a user's widgets in their order, at most eight.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any, Mapping

from services.common.errors import FieldProblem, PermissionDenied, collect
from services.common.ids import new_id

KINDS = ("profile", "build", "trend", "outcomes", "contacts")
MAX_NAME = 100
MAX_DEFINITION_BYTES = 32 * 1024
MAX_WIDGETS = 8
WIDGET_KINDS = ("figure", "breakdown", "crosstab", "trend", "outcomes", "quick_links")


@dataclass
class SavedReport:
    report_id: str
    landlord_id: str
    owner_id: str
    name: str
    kind: str
    definition: dict[str, Any]
    shared: bool
    created_at: dt.datetime
    updated_at: dt.datetime


def _problems(name: str | None, kind: str | None, definition: Mapping | None) -> list[FieldProblem]:
    problems = []
    if name is not None and not 1 <= len(name.strip()) <= MAX_NAME:
        problems.append(FieldProblem("name", f"give a name of 1 to {MAX_NAME} characters"))
    if kind is not None and kind not in KINDS:
        problems.append(FieldProblem("kind", f"must be one of {', '.join(KINDS)}"))
    if definition is not None and len(json.dumps(definition)) > MAX_DEFINITION_BYTES:
        problems.append(FieldProblem("definition", f"is longer than {MAX_DEFINITION_BYTES // 1024} KiB"))
    return problems


def new_report(landlord_id: str, owner_id: str, *, name: str, kind: str, definition: Mapping[str, Any],
               shared: bool, now: dt.datetime) -> SavedReport:
    collect(_problems(name, kind, definition))
    return SavedReport(new_id(), landlord_id, owner_id, name.strip(), kind, dict(definition), shared, now, now)


def change(report: SavedReport, user_id: str, *, now: dt.datetime, name: str | None = None,
           definition: Mapping[str, Any] | None = None, shared: bool | None = None) -> SavedReport:
    """The report changed by its owner (anyone else is refused)."""
    owned_by(report, user_id)
    collect(_problems(name, None, definition))
    if name is not None:
        report.name = name.strip()
    if definition is not None:
        report.definition = dict(definition)
    if shared is not None:
        report.shared = shared
    report.updated_at = now
    return report


def owned_by(report: SavedReport, user_id: str) -> None:
    if report.owner_id != user_id:
        raise PermissionDenied("only the person who saved a report may change or delete it")


def visible_to(report: SavedReport, user_id: str) -> bool:
    return report.shared or report.owner_id == user_id


@dataclass(frozen=True)
class Widget:
    """One tile of a dashboard: how to draw it (kind), and the report it shows: a saved report, or a report
    written into the widget (kind and definition, as a saved report has them)."""
    kind: str
    title: str = ""
    saved_report_id: str = ""
    report_kind: str = ""
    definition: dict = field(default_factory=dict)
    links: tuple[str, ...] = ()  # quick links: the product's paths they open


def check_widgets(widgets: list[Widget]) -> list[Widget]:
    problems = []
    if len(widgets) > MAX_WIDGETS:
        problems.append(FieldProblem("widgets", f"a dashboard holds at most {MAX_WIDGETS} widgets: remove one first"))
    for i, widget in enumerate(widgets):
        if widget.kind not in WIDGET_KINDS:
            problems.append(FieldProblem(f"widgets[{i}].kind", f"must be one of {', '.join(WIDGET_KINDS)}"))
        elif widget.kind != "quick_links" and bool(widget.saved_report_id) == bool(widget.report_kind):
            problems.append(FieldProblem(f"widgets[{i}].saved_report_id",
                                         "name the saved report it shows, or give the report itself (report_kind)"))
        if widget.report_kind and widget.report_kind not in KINDS:
            problems.append(FieldProblem(f"widgets[{i}].report_kind", f"must be one of {', '.join(KINDS)}"))
        if len(widget.title) > MAX_NAME:
            problems.append(FieldProblem(f"widgets[{i}].title", f"is longer than {MAX_NAME} characters"))
    collect(problems)
    return widgets


def _widget(kind: str, title: str, report_kind: str = "", **definition) -> Widget:
    return Widget(kind, title, report_kind=report_kind, definition=definition)


# What a user starts with until they change their dashboard: the whole landlord's profile, data completeness
# and this month's contacts.
STANDARD = (
    _widget("figure", "Current people", "profile"),
    _widget("breakdown", "Gender", "build", rows="gender"),
    _widget("breakdown", "Age bands", "build", rows="age_band"),
    _widget("breakdown", "Tenancy types", "build", rows="tenancy_type"),
    _widget("crosstab", "Areas by household status", "build", rows="area", columns="household_status"),
    _widget("trend", "Data completeness: ethnicity", "trend", characteristic="ethnicity", months=12),
    _widget("breakdown", "This month's contacts", "contacts"),
    Widget("quick_links", "Quick links", links=("/people/search", "/reports/build", "/imports")),
)
