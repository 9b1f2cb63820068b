from google.protobuf import struct_pb2 as _struct_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GetPeopleCountRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class PeopleCount(_message.Message):
    __slots__ = ("total", "by_status")
    class ByStatusEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: int
        def __init__(self, key: _Optional[str] = ..., value: _Optional[int] = ...) -> None: ...
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    BY_STATUS_FIELD_NUMBER: _ClassVar[int]
    total: int
    by_status: _containers.ScalarMap[str, int]
    def __init__(self, total: _Optional[int] = ..., by_status: _Optional[_Mapping[str, int]] = ...) -> None: ...

class GetProfileReportRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetPopulationReportRequest(_message.Message):
    __slots__ = ("criteria",)
    CRITERIA_FIELD_NUMBER: _ClassVar[int]
    criteria: _struct_pb2.Struct
    def __init__(self, criteria: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class Cell(_message.Message):
    __slots__ = ("value", "label", "count", "percent", "suppressed", "archived")
    VALUE_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    PERCENT_FIELD_NUMBER: _ClassVar[int]
    SUPPRESSED_FIELD_NUMBER: _ClassVar[int]
    ARCHIVED_FIELD_NUMBER: _ClassVar[int]
    value: str
    label: str
    count: int
    percent: float
    suppressed: bool
    archived: bool
    def __init__(self, value: _Optional[str] = ..., label: _Optional[str] = ..., count: _Optional[int] = ..., percent: _Optional[float] = ..., suppressed: _Optional[bool] = ..., archived: _Optional[bool] = ...) -> None: ...

class Breakdown(_message.Message):
    __slots__ = ("characteristic", "label", "cells", "not_known", "known", "several", "equality")
    CHARACTERISTIC_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    CELLS_FIELD_NUMBER: _ClassVar[int]
    NOT_KNOWN_FIELD_NUMBER: _ClassVar[int]
    KNOWN_FIELD_NUMBER: _ClassVar[int]
    SEVERAL_FIELD_NUMBER: _ClassVar[int]
    EQUALITY_FIELD_NUMBER: _ClassVar[int]
    characteristic: str
    label: str
    cells: _containers.RepeatedCompositeFieldContainer[Cell]
    not_known: Cell
    known: int
    several: bool
    equality: bool
    def __init__(self, characteristic: _Optional[str] = ..., label: _Optional[str] = ..., cells: _Optional[_Iterable[_Union[Cell, _Mapping]]] = ..., not_known: _Optional[_Union[Cell, _Mapping]] = ..., known: _Optional[int] = ..., several: _Optional[bool] = ..., equality: _Optional[bool] = ...) -> None: ...

class ProfileReport(_message.Message):
    __slots__ = ("current_people", "occupied_properties", "breakdowns", "threshold", "as_of")
    CURRENT_PEOPLE_FIELD_NUMBER: _ClassVar[int]
    OCCUPIED_PROPERTIES_FIELD_NUMBER: _ClassVar[int]
    BREAKDOWNS_FIELD_NUMBER: _ClassVar[int]
    THRESHOLD_FIELD_NUMBER: _ClassVar[int]
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    current_people: Cell
    occupied_properties: Cell
    breakdowns: _containers.RepeatedCompositeFieldContainer[Breakdown]
    threshold: int
    as_of: str
    def __init__(self, current_people: _Optional[_Union[Cell, _Mapping]] = ..., occupied_properties: _Optional[_Union[Cell, _Mapping]] = ..., breakdowns: _Optional[_Iterable[_Union[Breakdown, _Mapping]]] = ..., threshold: _Optional[int] = ..., as_of: _Optional[str] = ...) -> None: ...

class GetTrendRequest(_message.Message):
    __slots__ = ("characteristic", "months")
    CHARACTERISTIC_FIELD_NUMBER: _ClassVar[int]
    MONTHS_FIELD_NUMBER: _ClassVar[int]
    characteristic: str
    months: int
    def __init__(self, characteristic: _Optional[str] = ..., months: _Optional[int] = ...) -> None: ...

class TrendMonth(_message.Message):
    __slots__ = ("month", "current_people", "breakdown")
    MONTH_FIELD_NUMBER: _ClassVar[int]
    CURRENT_PEOPLE_FIELD_NUMBER: _ClassVar[int]
    BREAKDOWN_FIELD_NUMBER: _ClassVar[int]
    month: str
    current_people: Cell
    breakdown: Breakdown
    def __init__(self, month: _Optional[str] = ..., current_people: _Optional[_Union[Cell, _Mapping]] = ..., breakdown: _Optional[_Union[Breakdown, _Mapping]] = ...) -> None: ...

class Trend(_message.Message):
    __slots__ = ("months", "threshold")
    MONTHS_FIELD_NUMBER: _ClassVar[int]
    THRESHOLD_FIELD_NUMBER: _ClassVar[int]
    months: _containers.RepeatedCompositeFieldContainer[TrendMonth]
    threshold: int
    def __init__(self, months: _Optional[_Iterable[_Union[TrendMonth, _Mapping]]] = ..., threshold: _Optional[int] = ...) -> None: ...

class GetReportSettingsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ReportSettings(_message.Message):
    __slots__ = ("threshold",)
    THRESHOLD_FIELD_NUMBER: _ClassVar[int]
    threshold: int
    def __init__(self, threshold: _Optional[int] = ...) -> None: ...

class UpdateReportSettingsRequest(_message.Message):
    __slots__ = ("threshold",)
    THRESHOLD_FIELD_NUMBER: _ClassVar[int]
    threshold: int
    def __init__(self, threshold: _Optional[int] = ...) -> None: ...

class BuildReportRequest(_message.Message):
    __slots__ = ("criteria", "rows", "columns")
    CRITERIA_FIELD_NUMBER: _ClassVar[int]
    ROWS_FIELD_NUMBER: _ClassVar[int]
    COLUMNS_FIELD_NUMBER: _ClassVar[int]
    criteria: _struct_pb2.Struct
    rows: str
    columns: str
    def __init__(self, criteria: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., rows: _Optional[str] = ..., columns: _Optional[str] = ...) -> None: ...

class Heading(_message.Message):
    __slots__ = ("value", "label")
    VALUE_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    value: str
    label: str
    def __init__(self, value: _Optional[str] = ..., label: _Optional[str] = ...) -> None: ...

class Entry(_message.Message):
    __slots__ = ("count", "percent", "suppressed", "criteria")
    COUNT_FIELD_NUMBER: _ClassVar[int]
    PERCENT_FIELD_NUMBER: _ClassVar[int]
    SUPPRESSED_FIELD_NUMBER: _ClassVar[int]
    CRITERIA_FIELD_NUMBER: _ClassVar[int]
    count: int
    percent: float
    suppressed: bool
    criteria: _struct_pb2.Struct
    def __init__(self, count: _Optional[int] = ..., percent: _Optional[float] = ..., suppressed: _Optional[bool] = ..., criteria: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class EntryRow(_message.Message):
    __slots__ = ("entries",)
    ENTRIES_FIELD_NUMBER: _ClassVar[int]
    entries: _containers.RepeatedCompositeFieldContainer[Entry]
    def __init__(self, entries: _Optional[_Iterable[_Union[Entry, _Mapping]]] = ...) -> None: ...

class BuiltReport(_message.Message):
    __slots__ = ("rows_by", "rows_label", "columns_by", "columns_label", "rows", "columns", "cells", "row_totals", "column_totals", "total", "threshold")
    ROWS_BY_FIELD_NUMBER: _ClassVar[int]
    ROWS_LABEL_FIELD_NUMBER: _ClassVar[int]
    COLUMNS_BY_FIELD_NUMBER: _ClassVar[int]
    COLUMNS_LABEL_FIELD_NUMBER: _ClassVar[int]
    ROWS_FIELD_NUMBER: _ClassVar[int]
    COLUMNS_FIELD_NUMBER: _ClassVar[int]
    CELLS_FIELD_NUMBER: _ClassVar[int]
    ROW_TOTALS_FIELD_NUMBER: _ClassVar[int]
    COLUMN_TOTALS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    THRESHOLD_FIELD_NUMBER: _ClassVar[int]
    rows_by: str
    rows_label: str
    columns_by: str
    columns_label: str
    rows: _containers.RepeatedCompositeFieldContainer[Heading]
    columns: _containers.RepeatedCompositeFieldContainer[Heading]
    cells: _containers.RepeatedCompositeFieldContainer[EntryRow]
    row_totals: _containers.RepeatedCompositeFieldContainer[Entry]
    column_totals: _containers.RepeatedCompositeFieldContainer[Entry]
    total: Entry
    threshold: int
    def __init__(self, rows_by: _Optional[str] = ..., rows_label: _Optional[str] = ..., columns_by: _Optional[str] = ..., columns_label: _Optional[str] = ..., rows: _Optional[_Iterable[_Union[Heading, _Mapping]]] = ..., columns: _Optional[_Iterable[_Union[Heading, _Mapping]]] = ..., cells: _Optional[_Iterable[_Union[EntryRow, _Mapping]]] = ..., row_totals: _Optional[_Iterable[_Union[Entry, _Mapping]]] = ..., column_totals: _Optional[_Iterable[_Union[Entry, _Mapping]]] = ..., total: _Optional[_Union[Entry, _Mapping]] = ..., threshold: _Optional[int] = ...) -> None: ...

class ExportReportRequest(_message.Message):
    __slots__ = ("report", "format")
    REPORT_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    report: BuildReportRequest
    format: str
    def __init__(self, report: _Optional[_Union[BuildReportRequest, _Mapping]] = ..., format: _Optional[str] = ...) -> None: ...

class ExportedReport(_message.Message):
    __slots__ = ("content", "media_type", "file_name")
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    MEDIA_TYPE_FIELD_NUMBER: _ClassVar[int]
    FILE_NAME_FIELD_NUMBER: _ClassVar[int]
    content: bytes
    media_type: str
    file_name: str
    def __init__(self, content: _Optional[bytes] = ..., media_type: _Optional[str] = ..., file_name: _Optional[str] = ...) -> None: ...

class GetOutcomesRequest(_message.Message):
    __slots__ = ("population", "outcome", "characteristic")
    POPULATION_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    CHARACTERISTIC_FIELD_NUMBER: _ClassVar[int]
    population: _struct_pb2.Struct
    outcome: _struct_pb2.Struct
    characteristic: str
    def __init__(self, population: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., outcome: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., characteristic: _Optional[str] = ...) -> None: ...

class Figure(_message.Message):
    __slots__ = ("count", "suppressed")
    COUNT_FIELD_NUMBER: _ClassVar[int]
    SUPPRESSED_FIELD_NUMBER: _ClassVar[int]
    count: int
    suppressed: bool
    def __init__(self, count: _Optional[int] = ..., suppressed: _Optional[bool] = ...) -> None: ...

class OutcomeRate(_message.Message):
    __slots__ = ("value", "label", "people", "with_outcome", "rate")
    VALUE_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    PEOPLE_FIELD_NUMBER: _ClassVar[int]
    WITH_OUTCOME_FIELD_NUMBER: _ClassVar[int]
    RATE_FIELD_NUMBER: _ClassVar[int]
    value: str
    label: str
    people: Figure
    with_outcome: Figure
    rate: float
    def __init__(self, value: _Optional[str] = ..., label: _Optional[str] = ..., people: _Optional[_Union[Figure, _Mapping]] = ..., with_outcome: _Optional[_Union[Figure, _Mapping]] = ..., rate: _Optional[float] = ...) -> None: ...

class OutcomeRates(_message.Message):
    __slots__ = ("characteristic", "rows", "overall", "threshold")
    CHARACTERISTIC_FIELD_NUMBER: _ClassVar[int]
    ROWS_FIELD_NUMBER: _ClassVar[int]
    OVERALL_FIELD_NUMBER: _ClassVar[int]
    THRESHOLD_FIELD_NUMBER: _ClassVar[int]
    characteristic: str
    rows: _containers.RepeatedCompositeFieldContainer[OutcomeRate]
    overall: OutcomeRate
    threshold: int
    def __init__(self, characteristic: _Optional[str] = ..., rows: _Optional[_Iterable[_Union[OutcomeRate, _Mapping]]] = ..., overall: _Optional[_Union[OutcomeRate, _Mapping]] = ..., threshold: _Optional[int] = ...) -> None: ...

class SaveReportRequest(_message.Message):
    __slots__ = ("name", "kind", "definition", "shared")
    NAME_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    DEFINITION_FIELD_NUMBER: _ClassVar[int]
    SHARED_FIELD_NUMBER: _ClassVar[int]
    name: str
    kind: str
    definition: _struct_pb2.Struct
    shared: bool
    def __init__(self, name: _Optional[str] = ..., kind: _Optional[str] = ..., definition: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., shared: _Optional[bool] = ...) -> None: ...

class SavedReport(_message.Message):
    __slots__ = ("report_id", "name", "kind", "definition", "shared", "owner_id", "created_at", "updated_at")
    REPORT_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    DEFINITION_FIELD_NUMBER: _ClassVar[int]
    SHARED_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    report_id: str
    name: str
    kind: str
    definition: _struct_pb2.Struct
    shared: bool
    owner_id: str
    created_at: str
    updated_at: str
    def __init__(self, report_id: _Optional[str] = ..., name: _Optional[str] = ..., kind: _Optional[str] = ..., definition: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., shared: _Optional[bool] = ..., owner_id: _Optional[str] = ..., created_at: _Optional[str] = ..., updated_at: _Optional[str] = ...) -> None: ...

class ListSavedReportsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class SavedReportList(_message.Message):
    __slots__ = ("items",)
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[SavedReport]
    def __init__(self, items: _Optional[_Iterable[_Union[SavedReport, _Mapping]]] = ...) -> None: ...

class SavedReportRef(_message.Message):
    __slots__ = ("report_id",)
    REPORT_ID_FIELD_NUMBER: _ClassVar[int]
    report_id: str
    def __init__(self, report_id: _Optional[str] = ...) -> None: ...

class UpdateSavedReportRequest(_message.Message):
    __slots__ = ("report_id", "name", "definition", "shared")
    REPORT_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DEFINITION_FIELD_NUMBER: _ClassVar[int]
    SHARED_FIELD_NUMBER: _ClassVar[int]
    report_id: str
    name: str
    definition: _struct_pb2.Struct
    shared: bool
    def __init__(self, report_id: _Optional[str] = ..., name: _Optional[str] = ..., definition: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., shared: _Optional[bool] = ...) -> None: ...

class GetDashboardRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class Widget(_message.Message):
    __slots__ = ("kind", "title", "saved_report_id", "report_kind", "definition", "links")
    KIND_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    SAVED_REPORT_ID_FIELD_NUMBER: _ClassVar[int]
    REPORT_KIND_FIELD_NUMBER: _ClassVar[int]
    DEFINITION_FIELD_NUMBER: _ClassVar[int]
    LINKS_FIELD_NUMBER: _ClassVar[int]
    kind: str
    title: str
    saved_report_id: str
    report_kind: str
    definition: _struct_pb2.Struct
    links: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, kind: _Optional[str] = ..., title: _Optional[str] = ..., saved_report_id: _Optional[str] = ..., report_kind: _Optional[str] = ..., definition: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., links: _Optional[_Iterable[str]] = ...) -> None: ...

class Dashboard(_message.Message):
    __slots__ = ("widgets", "standard")
    WIDGETS_FIELD_NUMBER: _ClassVar[int]
    STANDARD_FIELD_NUMBER: _ClassVar[int]
    widgets: _containers.RepeatedCompositeFieldContainer[Widget]
    standard: bool
    def __init__(self, widgets: _Optional[_Iterable[_Union[Widget, _Mapping]]] = ..., standard: _Optional[bool] = ...) -> None: ...

class StartExportRequest(_message.Message):
    __slots__ = ("criteria", "columns", "format")
    CRITERIA_FIELD_NUMBER: _ClassVar[int]
    COLUMNS_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    criteria: _struct_pb2.Struct
    columns: _containers.RepeatedScalarFieldContainer[str]
    format: str
    def __init__(self, criteria: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., columns: _Optional[_Iterable[str]] = ..., format: _Optional[str] = ...) -> None: ...

class ExportRef(_message.Message):
    __slots__ = ("job_id",)
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    def __init__(self, job_id: _Optional[str] = ...) -> None: ...

class ExportJob(_message.Message):
    __slots__ = ("job_id", "status", "total", "rows_written", "percent", "format", "file_name", "problem", "created_at", "finished_at")
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    ROWS_WRITTEN_FIELD_NUMBER: _ClassVar[int]
    PERCENT_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    FILE_NAME_FIELD_NUMBER: _ClassVar[int]
    PROBLEM_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    FINISHED_AT_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    status: str
    total: int
    rows_written: int
    percent: int
    format: str
    file_name: str
    problem: str
    created_at: str
    finished_at: str
    def __init__(self, job_id: _Optional[str] = ..., status: _Optional[str] = ..., total: _Optional[int] = ..., rows_written: _Optional[int] = ..., percent: _Optional[int] = ..., format: _Optional[str] = ..., file_name: _Optional[str] = ..., problem: _Optional[str] = ..., created_at: _Optional[str] = ..., finished_at: _Optional[str] = ...) -> None: ...

class FileChunk(_message.Message):
    __slots__ = ("data",)
    DATA_FIELD_NUMBER: _ClassVar[int]
    data: bytes
    def __init__(self, data: _Optional[bytes] = ...) -> None: ...

class JoinBenchmarkGroupRequest(_message.Message):
    __slots__ = ("group",)
    GROUP_FIELD_NUMBER: _ClassVar[int]
    group: str
    def __init__(self, group: _Optional[str] = ...) -> None: ...

class LeaveBenchmarkGroupRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class BenchmarkMembership(_message.Message):
    __slots__ = ("group",)
    GROUP_FIELD_NUMBER: _ClassVar[int]
    group: str
    def __init__(self, group: _Optional[str] = ...) -> None: ...

class GetBenchmarkRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class Measure(_message.Message):
    __slots__ = ("kind", "characteristic", "label", "own", "contributors", "median", "lower_quartile", "upper_quartile")
    KIND_FIELD_NUMBER: _ClassVar[int]
    CHARACTERISTIC_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    OWN_FIELD_NUMBER: _ClassVar[int]
    CONTRIBUTORS_FIELD_NUMBER: _ClassVar[int]
    MEDIAN_FIELD_NUMBER: _ClassVar[int]
    LOWER_QUARTILE_FIELD_NUMBER: _ClassVar[int]
    UPPER_QUARTILE_FIELD_NUMBER: _ClassVar[int]
    kind: str
    characteristic: str
    label: str
    own: float
    contributors: int
    median: float
    lower_quartile: float
    upper_quartile: float
    def __init__(self, kind: _Optional[str] = ..., characteristic: _Optional[str] = ..., label: _Optional[str] = ..., own: _Optional[float] = ..., contributors: _Optional[int] = ..., median: _Optional[float] = ..., lower_quartile: _Optional[float] = ..., upper_quartile: _Optional[float] = ...) -> None: ...

class Benchmark(_message.Message):
    __slots__ = ("group", "members", "measures")
    GROUP_FIELD_NUMBER: _ClassVar[int]
    MEMBERS_FIELD_NUMBER: _ClassVar[int]
    MEASURES_FIELD_NUMBER: _ClassVar[int]
    group: str
    members: int
    measures: _containers.RepeatedCompositeFieldContainer[Measure]
    def __init__(self, group: _Optional[str] = ..., members: _Optional[int] = ..., measures: _Optional[_Iterable[_Union[Measure, _Mapping]]] = ...) -> None: ...

class GetContactsReportRequest(_message.Message):
    __slots__ = ("month",)
    MONTH_FIELD_NUMBER: _ClassVar[int]
    month: str
    def __init__(self, month: _Optional[str] = ...) -> None: ...

class ContactsReport(_message.Message):
    __slots__ = ("month", "records", "people", "records_by_code", "people_by_code", "threshold")
    MONTH_FIELD_NUMBER: _ClassVar[int]
    RECORDS_FIELD_NUMBER: _ClassVar[int]
    PEOPLE_FIELD_NUMBER: _ClassVar[int]
    RECORDS_BY_CODE_FIELD_NUMBER: _ClassVar[int]
    PEOPLE_BY_CODE_FIELD_NUMBER: _ClassVar[int]
    THRESHOLD_FIELD_NUMBER: _ClassVar[int]
    month: str
    records: Cell
    people: Cell
    records_by_code: Breakdown
    people_by_code: Breakdown
    threshold: int
    def __init__(self, month: _Optional[str] = ..., records: _Optional[_Union[Cell, _Mapping]] = ..., people: _Optional[_Union[Cell, _Mapping]] = ..., records_by_code: _Optional[_Union[Breakdown, _Mapping]] = ..., people_by_code: _Optional[_Union[Breakdown, _Mapping]] = ..., threshold: _Optional[int] = ...) -> None: ...
