"""Answers of the report routes."""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from services.common.criteria import CRITERIA_SCHEMA

from . import Body, JsonObject, not_null


class ReportCell(BaseModel):
    value: str = Field(description="the option id, age band or group; empty for Not known")
    label: str
    count: int | None = Field(description="null when suppressed: never shown below the threshold")
    percent: float | None = Field(description="of known, one decimal place, rounded half-up; null when suppressed "
                                              "or for Not known")
    suppressed: bool
    shown: str = Field(description='the count as a report shows it: "1,234", or "fewer than 5"')
    archived: bool = False


class ReportBreakdown(BaseModel):
    characteristic: str = Field(description='a person field, "age_band", "equality_group" or "custom.<key>"')
    label: str
    cells: list[ReportCell]
    not_known: ReportCell
    known: int | None = Field(description="the base of the percentages; null where it would give Not known away")
    several: bool = Field(description="a person may hold several values: counts can add up to more than known")
    equality: bool = Field(description="equality data (shown only with the view equality data privilege)")


class ProfileReportOut(BaseModel):
    as_of: str = Field(description="the date ages are worked out on")
    threshold: int = Field(description="counts from 1 to threshold - 1 are suppressed, and a second cell where one "
                                       "alone would be given away by a total")
    current_people: ReportCell
    occupied_properties: ReportCell | None = Field(description="null for a population")
    breakdowns: list[ReportBreakdown]
    equality_hidden: bool = Field(description="equality breakdowns were left out: the caller may not view them")


class TrendQuery(Body):
    characteristic: str = Field(min_length=1, max_length=80, description='as a breakdown names it, e.g. "ethnicity"')
    months: int = Field(12, ge=1, le=36, description="how many months back, this one included")


class TrendMonthOut(BaseModel):
    month: str = Field(description="yyyy-mm: the figures at the month's end (this month: as of now)")
    current_people: ReportCell
    breakdown: ReportBreakdown


class TrendOut(BaseModel):
    characteristic: str
    threshold: int
    months: list[TrendMonthOut] = Field(description="oldest first; months before any figure was kept are left out")


class ReportSettingsOut(BaseModel):
    threshold: int = Field(description="counts from 1 to threshold - 1 are shown only as \"fewer than <threshold>\"")


class ReportSettingsChanges(Body):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"threshold": 10}]})

    threshold: Optional[int] = not_null(ge=2, le=100)


class PopulationQuery(Body):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": [
        {"criteria": {"area": ["Area A"], "age": {"min": 65}}}, {"criteria": {"search_template": ["<template id>"]}},
        {"criteria": {"admin_group": ["<group id>"]}}]})

    criteria: JsonObject = Field(default_factory=dict, json_schema_extra=CRITERIA_SCHEMA,
                                 description="who to profile: any people search criteria, a search template "
                                             "(search_template) or an admin group (admin_group)")


class BuildQuery(PopulationQuery):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": [
        {"criteria": {"area": ["Area A"]}, "rows": "age_band"},
        {"criteria": {}, "rows": "tenancy_type", "columns": "gender"}]})

    rows: str = Field(min_length=1, max_length=80,
                      description='a characteristic, e.g. "age_band", "custom.pets" (a choice field of people or of '
                                  'their homes, e.g. "custom.estate"), or membership: "admin_group" or "activity"')
    columns: Optional[str] = Field(None, min_length=1, max_length=80,
                                   description="another characteristic, for a cross-tab")


class TableEntry(BaseModel):
    count: int | None = Field(description="null when suppressed")
    percent: float | None = Field(description="of the known in its row (one characteristic: of all known); null "
                                              "for Not known and when suppressed")
    suppressed: bool
    shown: str
    criteria: dict = Field(description="people search criteria for the people behind it: POST them to "
                                       "/api/v1/people/search to drill down (the total equals the count)")


class TableHeading(BaseModel):
    value: str | None = Field(description="option id, band or group; null for Not known")
    label: str


class BuiltReportOut(BaseModel):
    rows_by: str
    rows_label: str
    columns_by: str | None
    columns_label: str | None
    threshold: int
    rows: list[TableHeading]
    columns: list[TableHeading] = Field(description="empty for one characteristic")
    cells: list[list[TableEntry]] = Field(description="[row][column]; one entry a row for one characteristic")
    row_totals: list[TableEntry]
    column_totals: list[TableEntry]
    total: TableEntry


class ExportQuery(BuildQuery):
    format: str = Field("xlsx", pattern="^(xlsx|csv)$", description="xlsx (with a bar chart) or csv")


class OutcomesQuery(Body):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": [
        {"outcome": {"activity": ["<activity id>"]}, "characteristic": "age_band"},
        {"criteria": {"area": ["Area A"]}, "outcome": {"admin_group": ["<group id>"]}, "characteristic": "age_band"}]})

    criteria: JsonObject = Field(default_factory=dict, json_schema_extra=CRITERIA_SCHEMA,
                                 description="who is counted: any people search criteria (empty: every current person)")
    outcome: JsonObject = Field(json_schema_extra=CRITERIA_SCHEMA,
                                description="who has the outcome: e.g. an admin group ({\"admin_group\": [id]}), an "
                                            "activity's people ({\"activity\": [id]}), was contacted "
                                            "({\"contacted\": {\"since\": date}}) or any criteria")
    characteristic: str = Field(min_length=1, max_length=80)


class Figure(BaseModel):
    count: int | None = Field(description="null when suppressed")
    suppressed: bool
    shown: str


class OutcomeRateOut(BaseModel):
    value: str | None = Field(description="null for Not known and for everyone")
    label: str
    people: Figure
    with_outcome: Figure
    rate: float | None = Field(description="per cent with the outcome, one decimal place; null when hidden")


class OutcomesOut(BaseModel):
    characteristic: str
    threshold: int
    rows: list[OutcomeRateOut]
    overall: OutcomeRateOut = Field(description="the whole population's rate, to compare each value's with")


REPORT_KINDS = Literal["profile", "build", "trend", "outcomes", "contacts"]
WIDGET_KINDS = Literal["figure", "breakdown", "crosstab", "trend", "outcomes", "quick_links"]


class NewSavedReport(Body):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": [
        {"name": "Over 65s by area", "kind": "build", "definition": {"criteria": {"age": {"min": 65}}, "rows": "area"},
         "shared": True}]})

    name: str = Field(min_length=1, max_length=100)
    kind: REPORT_KINDS = Field(description="which report: profile (POST /reports/profile), build, trend, outcomes or "
                                           "contacts")
    definition: JsonObject = Field(description="what that report's route takes; criteria as written, so templates "
                                               "and groups pick today's people each time it runs")
    shared: bool = Field(False, description="seen (and run) by the landlord's other users; only the owner changes it")


class SavedReportChanges(Body):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True,
                              json_schema_extra={"examples": [{"name": "Over 65s by area", "shared": False}]})

    name: Optional[str] = not_null(min_length=1, max_length=100)
    definition: Optional[JsonObject] = not_null()
    shared: Optional[bool] = not_null()


class SavedReportOut(BaseModel):
    id: str
    name: str
    kind: str
    definition: dict
    shared: bool
    owner_id: str
    created_at: str
    updated_at: str


class SavedReportList(BaseModel):
    items: list[SavedReportOut]


class WidgetIn(Body):
    kind: WIDGET_KINDS
    title: str = Field("", max_length=100)
    saved_report_id: Optional[str] = Field(None, max_length=36, description="the saved report it shows, or")
    report_kind: Optional[REPORT_KINDS] = Field(None, description="a report written into the widget")
    definition: JsonObject = Field(default_factory=dict)
    links: list[str] = Field(default_factory=list, max_length=20)


class DashboardIn(Body):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": [{"widgets": [
        {"kind": "breakdown", "title": "Age bands", "report_kind": "build", "definition": {"rows": "age_band"}},
        {"kind": "quick_links", "title": "Quick links", "links": ["/people/search"]}]}]})

    widgets: list[WidgetIn] = Field(description="in the order shown; at most eight (a ninth is a 422)")


class WidgetOut(WidgetIn):
    data: dict | None = Field(None, description="the report's answer, worked out now")
    error: dict | None = Field(None, description="why it could not be shown (e.g. equality data, a deleted report)")


class DashboardOut(BaseModel):
    standard: bool = Field(description="the product's standard dashboard: the user has not changed theirs")
    widgets: list[WidgetOut]


class NewExport(PopulationQuery):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": [
        {"criteria": {"area": ["Area A"]}, "columns": ["date_of_birth", "tenancy_type", "email"], "format": "xlsx"}]})

    columns: list[str] = Field(default_factory=list, max_length=100,
                               description="background fields after the standard ones (reference, names, status, "
                                           "address): any people search column")
    format: str = Field("xlsx", pattern="^(xlsx|csv)$")


class ExportJobOut(BaseModel):
    id: str
    status: str = Field(description="queued, running, done or failed")
    total: int = Field(description="people the criteria picked")
    rows_written: int
    percent: int
    format: str
    file_name: str
    problem: str | None
    created_at: str
    finished_at: str | None


class BenchmarkJoin(Body):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True,
                              json_schema_extra={"examples": [{"group": "north-west-associations"}]})

    group: str = Field(min_length=3, max_length=60, description="lower-case letters, digits and hyphens; landlords "
                                                                "giving the same name are in the same group")


class MembershipOut(BaseModel):
    group: str | None = Field(description="null when the landlord is in no benchmark group")


class MeasureOut(BaseModel):
    kind: str = Field(description="completeness (share of current people whose value is known), profile (a "
                                  "value's share of the known), participation (share of current people taking "
                                  "part in any activity; characteristic 'activity') or contact (share of current "
                                  "people with a communication record in the last twelve months; characteristic "
                                  "'contacts')")
    characteristic: str
    label: str | None = Field(description="the value, for a profile measure")
    own: float | None
    contributors: int = Field(description="landlords of the group with this measure")
    median: float | None = Field(description="null when fewer than five landlords contribute")
    lower_quartile: float | None
    upper_quartile: float | None


class BenchmarkOut(BaseModel):
    group: str
    members: int
    measures: list[MeasureOut]


class ContactsQuery(Body):
    month: str = Field("", pattern=r"^(\d{4}-\d{2})?$", description='YYYY-MM; empty: this month')


class ContactsOut(BaseModel):
    month: str
    threshold: int
    records: ReportCell = Field(description="communication records dated in the month")
    people: ReportCell = Field(description="people with at least one")
    records_by_code: ReportBreakdown = Field(description="records by communication code, percentages of the records")
    people_by_code: ReportBreakdown = Field(description="people by communication code, percentages of the people "
                                                        "contacted (someone contacted two ways counts in both)")
