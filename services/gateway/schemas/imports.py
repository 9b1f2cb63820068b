"""Request and response bodies of the housing-system import: uploaded feed files,
runs, rejected rows, settings and saved column mappings (pydantic models; they
are the OpenAPI schemas too)."""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from ..forms import UploadedStream
from . import PAGE, Body

# A feed file of 1,000,000 rows is about 150 MB; the gateway refuses larger uploads itself, with 413.
MAX_IMPORT_BYTES = 300 * 1024 * 1024
SampleKind = Literal["created", "updated", "archived", "rejected"]


def _examples(*examples: dict) -> ConfigDict:
    return ConfigDict(extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": list(examples)})


class ImportUpload(Body):
    model_config = _examples({"file": "people.csv", "mode": "delta", "preview": True})

    file: UploadedStream = Field(description="the feed file: CSV (UTF-8, comma, semicolon or tab separated) or XLSX "
                                             "(the first sheet), its first row naming the columns (feed format v1, "
                                             "or the columns of the mapping named), at most 300 MiB")
    mode: Literal["full", "delta"] = Field(description="full: a snapshot of every current resident, so imported "
                                                       "people missing from it are archived; delta: only the people "
                                                       "who changed, nobody is archived")
    preview: bool = Field(False, description="only say what the run would change (counts and sample rows); "
                                             "change nothing")
    mapping: str = Field("", max_length=100, description="the name of a saved column mapping to read the file's "
                                                         "columns with; empty: the feed format v1 column names")
    encoding: Literal["utf-8", "cp1252"] = Field("utf-8", description="how a CSV file's text is written: utf-8 "
                                                 "(a BOM is fine) or cp1252 (Windows-1252, from older programs); "
                                                 "nothing is guessed. XLSX files ignore it")


class RunCounts(BaseModel):
    rows_read: int = Field(description="data rows read from the file (the header and blank rows not counted)")
    accepted: int = Field(description="rows that passed every check")
    rejected: int = Field(description="rows refused, each kept with its reasons in the rejected-rows report")
    created: int = Field(description="people added")
    updated: int = Field(description="people whose imported fields changed")
    unchanged: int = Field(description="people already exactly as the file has them")
    archived: int = Field(description="imported people a full snapshot no longer has, archived")


class RunProgress(BaseModel):
    rows_total: int = Field(description="rows to apply, known once the file has been checked (0 before)")
    rows_done: int = Field(description="rows applied so far")
    percent: float = Field(ge=0, le=100, description="rows_done of rows_total, 0 to 100 (100 once completed)")


class SampleRow(BaseModel):
    row: int = Field(description="the row's number as a spreadsheet shows it (the header is row 1); 0 for an "
                                 "archived person, who is on no row")
    personal_ref: str
    name: str = Field(description="the person's name as the file or the record has it")
    fields: list[str] = Field(description="updated: the fields that would change (equality fields only for callers "
                                          "with 'view_equality_data'); rejected: the columns at fault")
    reason: str = Field(description="rejected: why; empty for the other kinds")


class ImportRunOut(BaseModel):
    id: str = Field(description="the run's id")
    source: str = Field(description="file: uploaded here; feed: records the housing system published")
    mode: str = Field(description="full (a snapshot: archives the imported people it lacks) or delta")
    preview: bool = Field(description="only says what it would change; changes nothing")
    status: str = Field(description="queued, running, completed or failed: the last two are final (poll "
                                    "GET /api/v1/imports/{run_id} until then)")
    phase: str = Field(description="waiting (feed records still arriving), checking, applying, archiving, done")
    file_name: str = Field(description="as uploaded; empty for a feed run")
    started_by: str = Field(description="the user id of who uploaded the file; empty for a feed run")
    created_at: str = Field(description="ISO 8601, UTC")
    started_at: Optional[str] = Field(description="ISO 8601, UTC; null while queued")
    finished_at: Optional[str] = Field(description="ISO 8601, UTC; null until completed or failed")
    counts: RunCounts
    progress: RunProgress
    problem: Optional[str] = Field(description="why a failed run failed as a whole; null otherwise")
    warnings: list[str] = Field(description="things worth knowing that rejected no row (e.g. columns ignored)")
    samples: dict[SampleKind, list[SampleRow]] = Field(
        description="preview runs: up to 10 rows of each kind of change (created, updated, archived, rejected); "
                    "empty for other runs")
    feed_run_id: Optional[str] = Field(description="the housing system's id for a feed run; null for a file")
    encoding: Optional[str] = Field(description="a file run's CSV encoding (utf-8 or cp1252); null for a feed run")


class ImportRunList(BaseModel):
    total: int = Field(description="every run of the landlord")
    items: list[ImportRunOut] = Field(description="newest first")


class RunsQuery(Body):
    page: int = PAGE
    page_size: int = Field(25, ge=1, le=200)


class RejectedRowsQuery(Body):
    format: Literal["csv", "xlsx"] = Field("csv", description="csv (UTF-8 with a byte order mark, for Excel) or xlsx")


class ImportSettingsBody(Body):
    model_config = _examples({"add_unknown_options": ["ethnicity", "area"]})

    add_unknown_options: list[str] = Field(
        max_length=50, description="option lists (e.g. ethnicity, area, tenancy_type) where a value the feed sends "
                                   "that names no option becomes a new option; in other lists it rejects the row")


class ImportSettingsOut(BaseModel):
    add_unknown_options: list[str] = Field(description="option lists where unknown feed values become new options")


class MappingBody(Body):
    model_config = _examples({"columns": {"Tenant Ref": "personal_ref", "Forename": "first_name",
                                          "Family Name": "surname", "Internal notes": None}})

    columns: dict[str, Optional[str]] = Field(
        max_length=500, description="the file's column name -> the feed format v1 column it gives (personal_ref, "
                                    "first_name, surname, date_of_birth, ...); null or empty: ignore the column. "
                                    "Column names compare ignoring case, spaces, underscores and hyphens")


class MappingOut(BaseModel):
    name: str
    columns: dict[str, Optional[str]] = Field(description="the file's column -> feed format v1 column; null: ignored")
    updated_at: str = Field(description="ISO 8601, UTC")


class MappingList(BaseModel):
    total: int
    items: list[MappingOut] = Field(description="by name")


OptionField = Literal["title", "gender", "ethnicity", "disability", "tenancy_type", "household_status", "area",
                      "gender_identity", "marriage_civil_partnership", "pregnancy_maternity"]


class ValueMappingIn(Body):
    feed_value: str = Field(min_length=1, max_length=400,
                            description="the value as the housing system writes it (case and repeated spaces do "
                                        "not count)")
    option: str = Field(min_length=1, max_length=200, description="the label of one of your options of the field's "
                                                                  "list (GET /api/v1/option-lists/{list_name})")


class ValueMappingsBody(Body):
    model_config = _examples({"mappings": [{"feed_value": "Lead tenant", "option": "Head"},
                                            {"feed_value": "Joint tenant", "option": "Joint"}]})

    mappings: list[ValueMappingIn] = Field(max_length=1000, description="every mapping of the field: the field's "
                                                                        "saved mappings are replaced by these")


class ValueMappingOut(BaseModel):
    field: OptionField
    feed_value: str
    option: str


class ValueMappingList(BaseModel):
    total: int
    items: list[ValueMappingOut] = Field(description="by field, then feed value")


class UnknownValueOut(BaseModel):
    field: OptionField
    feed_value: str = Field(description="as the first rejected row giving it wrote it")
    rows: int = Field(description="rejected rows that gave it")
    mapped_to: Optional[str] = Field(description="the option a mapping (saved, or previewed) gives it")
    suggestion: Optional[str] = Field(description="the option it most likely means, when one is close")


class UnknownValueList(BaseModel):
    total: int
    items: list[UnknownValueOut] = Field(description="most rows first")


class ValueMappingPreviewOut(BaseModel):
    rejected_rows: int = Field(description="the run's rejected rows")
    would_be_accepted: int = Field(description="of them, rows rejected only for values the mappings map")
    items: list[UnknownValueOut]
