from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class UploadStart(_message.Message):
    __slots__ = ("file_name", "mode", "preview", "mapping", "encoding", "view_equality_data", "edit_equality_data")
    FILE_NAME_FIELD_NUMBER: _ClassVar[int]
    MODE_FIELD_NUMBER: _ClassVar[int]
    PREVIEW_FIELD_NUMBER: _ClassVar[int]
    MAPPING_FIELD_NUMBER: _ClassVar[int]
    ENCODING_FIELD_NUMBER: _ClassVar[int]
    VIEW_EQUALITY_DATA_FIELD_NUMBER: _ClassVar[int]
    EDIT_EQUALITY_DATA_FIELD_NUMBER: _ClassVar[int]
    file_name: str
    mode: str
    preview: bool
    mapping: str
    encoding: str
    view_equality_data: bool
    edit_equality_data: bool
    def __init__(self, file_name: _Optional[str] = ..., mode: _Optional[str] = ..., preview: _Optional[bool] = ..., mapping: _Optional[str] = ..., encoding: _Optional[str] = ..., view_equality_data: _Optional[bool] = ..., edit_equality_data: _Optional[bool] = ...) -> None: ...

class UploadChunk(_message.Message):
    __slots__ = ("start", "data")
    START_FIELD_NUMBER: _ClassVar[int]
    DATA_FIELD_NUMBER: _ClassVar[int]
    start: UploadStart
    data: bytes
    def __init__(self, start: _Optional[_Union[UploadStart, _Mapping]] = ..., data: _Optional[bytes] = ...) -> None: ...

class RunCounts(_message.Message):
    __slots__ = ("rows_read", "accepted", "rejected", "created", "updated", "unchanged", "archived")
    ROWS_READ_FIELD_NUMBER: _ClassVar[int]
    ACCEPTED_FIELD_NUMBER: _ClassVar[int]
    REJECTED_FIELD_NUMBER: _ClassVar[int]
    CREATED_FIELD_NUMBER: _ClassVar[int]
    UPDATED_FIELD_NUMBER: _ClassVar[int]
    UNCHANGED_FIELD_NUMBER: _ClassVar[int]
    ARCHIVED_FIELD_NUMBER: _ClassVar[int]
    rows_read: int
    accepted: int
    rejected: int
    created: int
    updated: int
    unchanged: int
    archived: int
    def __init__(self, rows_read: _Optional[int] = ..., accepted: _Optional[int] = ..., rejected: _Optional[int] = ..., created: _Optional[int] = ..., updated: _Optional[int] = ..., unchanged: _Optional[int] = ..., archived: _Optional[int] = ...) -> None: ...

class SampleRow(_message.Message):
    __slots__ = ("row", "personal_ref", "name", "fields", "reason")
    ROW_FIELD_NUMBER: _ClassVar[int]
    PERSONAL_REF_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    FIELDS_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    row: int
    personal_ref: str
    name: str
    fields: _containers.RepeatedScalarFieldContainer[str]
    reason: str
    def __init__(self, row: _Optional[int] = ..., personal_ref: _Optional[str] = ..., name: _Optional[str] = ..., fields: _Optional[_Iterable[str]] = ..., reason: _Optional[str] = ...) -> None: ...

class Sample(_message.Message):
    __slots__ = ("kind", "rows")
    KIND_FIELD_NUMBER: _ClassVar[int]
    ROWS_FIELD_NUMBER: _ClassVar[int]
    kind: str
    rows: _containers.RepeatedCompositeFieldContainer[SampleRow]
    def __init__(self, kind: _Optional[str] = ..., rows: _Optional[_Iterable[_Union[SampleRow, _Mapping]]] = ...) -> None: ...

class ImportRun(_message.Message):
    __slots__ = ("run_id", "source", "mode", "preview", "status", "phase", "file_name", "started_by", "created_at", "started_at", "finished_at", "counts", "rows_total", "rows_done", "problem", "warnings", "samples", "feed_run_id", "encoding")
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    MODE_FIELD_NUMBER: _ClassVar[int]
    PREVIEW_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    PHASE_FIELD_NUMBER: _ClassVar[int]
    FILE_NAME_FIELD_NUMBER: _ClassVar[int]
    STARTED_BY_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    STARTED_AT_FIELD_NUMBER: _ClassVar[int]
    FINISHED_AT_FIELD_NUMBER: _ClassVar[int]
    COUNTS_FIELD_NUMBER: _ClassVar[int]
    ROWS_TOTAL_FIELD_NUMBER: _ClassVar[int]
    ROWS_DONE_FIELD_NUMBER: _ClassVar[int]
    PROBLEM_FIELD_NUMBER: _ClassVar[int]
    WARNINGS_FIELD_NUMBER: _ClassVar[int]
    SAMPLES_FIELD_NUMBER: _ClassVar[int]
    FEED_RUN_ID_FIELD_NUMBER: _ClassVar[int]
    ENCODING_FIELD_NUMBER: _ClassVar[int]
    run_id: str
    source: str
    mode: str
    preview: bool
    status: str
    phase: str
    file_name: str
    started_by: str
    created_at: str
    started_at: str
    finished_at: str
    counts: RunCounts
    rows_total: int
    rows_done: int
    problem: str
    warnings: _containers.RepeatedScalarFieldContainer[str]
    samples: _containers.RepeatedCompositeFieldContainer[Sample]
    feed_run_id: str
    encoding: str
    def __init__(self, run_id: _Optional[str] = ..., source: _Optional[str] = ..., mode: _Optional[str] = ..., preview: _Optional[bool] = ..., status: _Optional[str] = ..., phase: _Optional[str] = ..., file_name: _Optional[str] = ..., started_by: _Optional[str] = ..., created_at: _Optional[str] = ..., started_at: _Optional[str] = ..., finished_at: _Optional[str] = ..., counts: _Optional[_Union[RunCounts, _Mapping]] = ..., rows_total: _Optional[int] = ..., rows_done: _Optional[int] = ..., problem: _Optional[str] = ..., warnings: _Optional[_Iterable[str]] = ..., samples: _Optional[_Iterable[_Union[Sample, _Mapping]]] = ..., feed_run_id: _Optional[str] = ..., encoding: _Optional[str] = ...) -> None: ...

class GetRunRequest(_message.Message):
    __slots__ = ("run_id",)
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    run_id: str
    def __init__(self, run_id: _Optional[str] = ...) -> None: ...

class ListRunsRequest(_message.Message):
    __slots__ = ("page", "page_size")
    PAGE_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    page: int
    page_size: int
    def __init__(self, page: _Optional[int] = ..., page_size: _Optional[int] = ...) -> None: ...

class ListRunsResponse(_message.Message):
    __slots__ = ("total", "runs")
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    RUNS_FIELD_NUMBER: _ClassVar[int]
    total: int
    runs: _containers.RepeatedCompositeFieldContainer[ImportRun]
    def __init__(self, total: _Optional[int] = ..., runs: _Optional[_Iterable[_Union[ImportRun, _Mapping]]] = ...) -> None: ...

class GetRejectedRowsRequest(_message.Message):
    __slots__ = ("run_id", "format", "view_equality_data")
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    VIEW_EQUALITY_DATA_FIELD_NUMBER: _ClassVar[int]
    run_id: str
    format: str
    view_equality_data: bool
    def __init__(self, run_id: _Optional[str] = ..., format: _Optional[str] = ..., view_equality_data: _Optional[bool] = ...) -> None: ...

class FileChunk(_message.Message):
    __slots__ = ("data",)
    DATA_FIELD_NUMBER: _ClassVar[int]
    data: bytes
    def __init__(self, data: _Optional[bytes] = ...) -> None: ...

class GetSettingsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ImportSettings(_message.Message):
    __slots__ = ("add_unknown_options",)
    ADD_UNKNOWN_OPTIONS_FIELD_NUMBER: _ClassVar[int]
    add_unknown_options: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, add_unknown_options: _Optional[_Iterable[str]] = ...) -> None: ...

class ColumnMapping(_message.Message):
    __slots__ = ("name", "columns", "updated_at")
    class ColumnsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    NAME_FIELD_NUMBER: _ClassVar[int]
    COLUMNS_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    name: str
    columns: _containers.ScalarMap[str, str]
    updated_at: str
    def __init__(self, name: _Optional[str] = ..., columns: _Optional[_Mapping[str, str]] = ..., updated_at: _Optional[str] = ...) -> None: ...

class ListMappingsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListMappingsResponse(_message.Message):
    __slots__ = ("mappings",)
    MAPPINGS_FIELD_NUMBER: _ClassVar[int]
    mappings: _containers.RepeatedCompositeFieldContainer[ColumnMapping]
    def __init__(self, mappings: _Optional[_Iterable[_Union[ColumnMapping, _Mapping]]] = ...) -> None: ...

class DeleteMappingRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class DeleteMappingResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ValueMapping(_message.Message):
    __slots__ = ("field", "feed_value", "option")
    FIELD_FIELD_NUMBER: _ClassVar[int]
    FEED_VALUE_FIELD_NUMBER: _ClassVar[int]
    OPTION_FIELD_NUMBER: _ClassVar[int]
    field: str
    feed_value: str
    option: str
    def __init__(self, field: _Optional[str] = ..., feed_value: _Optional[str] = ..., option: _Optional[str] = ...) -> None: ...

class ListValueMappingsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ValueMappings(_message.Message):
    __slots__ = ("mappings",)
    MAPPINGS_FIELD_NUMBER: _ClassVar[int]
    mappings: _containers.RepeatedCompositeFieldContainer[ValueMapping]
    def __init__(self, mappings: _Optional[_Iterable[_Union[ValueMapping, _Mapping]]] = ...) -> None: ...

class SaveValueMappingsRequest(_message.Message):
    __slots__ = ("field", "mappings", "run_id")
    FIELD_FIELD_NUMBER: _ClassVar[int]
    MAPPINGS_FIELD_NUMBER: _ClassVar[int]
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    field: str
    mappings: _containers.RepeatedCompositeFieldContainer[ValueMapping]
    run_id: str
    def __init__(self, field: _Optional[str] = ..., mappings: _Optional[_Iterable[_Union[ValueMapping, _Mapping]]] = ..., run_id: _Optional[str] = ...) -> None: ...

class GetUnknownValuesRequest(_message.Message):
    __slots__ = ("run_id",)
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    run_id: str
    def __init__(self, run_id: _Optional[str] = ...) -> None: ...

class UnknownValue(_message.Message):
    __slots__ = ("field", "feed_value", "rows", "mapped_to", "suggestion")
    FIELD_FIELD_NUMBER: _ClassVar[int]
    FEED_VALUE_FIELD_NUMBER: _ClassVar[int]
    ROWS_FIELD_NUMBER: _ClassVar[int]
    MAPPED_TO_FIELD_NUMBER: _ClassVar[int]
    SUGGESTION_FIELD_NUMBER: _ClassVar[int]
    field: str
    feed_value: str
    rows: int
    mapped_to: str
    suggestion: str
    def __init__(self, field: _Optional[str] = ..., feed_value: _Optional[str] = ..., rows: _Optional[int] = ..., mapped_to: _Optional[str] = ..., suggestion: _Optional[str] = ...) -> None: ...

class UnknownValues(_message.Message):
    __slots__ = ("values",)
    VALUES_FIELD_NUMBER: _ClassVar[int]
    values: _containers.RepeatedCompositeFieldContainer[UnknownValue]
    def __init__(self, values: _Optional[_Iterable[_Union[UnknownValue, _Mapping]]] = ...) -> None: ...

class ValueMappingPreview(_message.Message):
    __slots__ = ("rejected_rows", "would_be_accepted", "values")
    REJECTED_ROWS_FIELD_NUMBER: _ClassVar[int]
    WOULD_BE_ACCEPTED_FIELD_NUMBER: _ClassVar[int]
    VALUES_FIELD_NUMBER: _ClassVar[int]
    rejected_rows: int
    would_be_accepted: int
    values: _containers.RepeatedCompositeFieldContainer[UnknownValue]
    def __init__(self, rejected_rows: _Optional[int] = ..., would_be_accepted: _Optional[int] = ..., values: _Optional[_Iterable[_Union[UnknownValue, _Mapping]]] = ...) -> None: ...
