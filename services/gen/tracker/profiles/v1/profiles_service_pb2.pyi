from google.protobuf import struct_pb2 as _struct_pb2
from services.gen.tracker.profiles.v1 import person_pb2 as _person_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class CreatePersonRequest(_message.Message):
    __slots__ = ("personal_ref", "first_name", "surname", "fields")
    PERSONAL_REF_FIELD_NUMBER: _ClassVar[int]
    FIRST_NAME_FIELD_NUMBER: _ClassVar[int]
    SURNAME_FIELD_NUMBER: _ClassVar[int]
    FIELDS_FIELD_NUMBER: _ClassVar[int]
    personal_ref: str
    first_name: str
    surname: str
    fields: _struct_pb2.Struct
    def __init__(self, personal_ref: _Optional[str] = ..., first_name: _Optional[str] = ..., surname: _Optional[str] = ..., fields: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class GetPersonRequest(_message.Message):
    __slots__ = ("person_id",)
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    person_id: str
    def __init__(self, person_id: _Optional[str] = ...) -> None: ...

class UpdatePersonRequest(_message.Message):
    __slots__ = ("person_id", "fields")
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    FIELDS_FIELD_NUMBER: _ClassVar[int]
    person_id: str
    fields: _struct_pb2.Struct
    def __init__(self, person_id: _Optional[str] = ..., fields: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class UpsertPeopleRequest(_message.Message):
    __slots__ = ("records", "add_unknown_options", "dry_run", "records_json")
    RECORDS_FIELD_NUMBER: _ClassVar[int]
    ADD_UNKNOWN_OPTIONS_FIELD_NUMBER: _ClassVar[int]
    DRY_RUN_FIELD_NUMBER: _ClassVar[int]
    RECORDS_JSON_FIELD_NUMBER: _ClassVar[int]
    records: _containers.RepeatedCompositeFieldContainer[_struct_pb2.Struct]
    add_unknown_options: _containers.RepeatedScalarFieldContainer[str]
    dry_run: bool
    records_json: bytes
    def __init__(self, records: _Optional[_Iterable[_Union[_struct_pb2.Struct, _Mapping]]] = ..., add_unknown_options: _Optional[_Iterable[str]] = ..., dry_run: _Optional[bool] = ..., records_json: _Optional[bytes] = ...) -> None: ...

class FieldProblem(_message.Message):
    __slots__ = ("field", "reason")
    FIELD_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    field: str
    reason: str
    def __init__(self, field: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class UpsertResult(_message.Message):
    __slots__ = ("outcome", "person_id", "problems", "changed_fields")
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    PROBLEMS_FIELD_NUMBER: _ClassVar[int]
    CHANGED_FIELDS_FIELD_NUMBER: _ClassVar[int]
    outcome: str
    person_id: str
    problems: _containers.RepeatedCompositeFieldContainer[FieldProblem]
    changed_fields: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, outcome: _Optional[str] = ..., person_id: _Optional[str] = ..., problems: _Optional[_Iterable[_Union[FieldProblem, _Mapping]]] = ..., changed_fields: _Optional[_Iterable[str]] = ...) -> None: ...

class UpsertPeopleResponse(_message.Message):
    __slots__ = ("results",)
    RESULTS_FIELD_NUMBER: _ClassVar[int]
    results: _containers.RepeatedCompositeFieldContainer[UpsertResult]
    def __init__(self, results: _Optional[_Iterable[_Union[UpsertResult, _Mapping]]] = ...) -> None: ...

class ListImportedRefsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ImportedRefs(_message.Message):
    __slots__ = ("personal_refs",)
    PERSONAL_REFS_FIELD_NUMBER: _ClassVar[int]
    personal_refs: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, personal_refs: _Optional[_Iterable[str]] = ...) -> None: ...

class ArchiveImportedPeopleRequest(_message.Message):
    __slots__ = ("personal_refs", "dry_run")
    PERSONAL_REFS_FIELD_NUMBER: _ClassVar[int]
    DRY_RUN_FIELD_NUMBER: _ClassVar[int]
    personal_refs: _containers.RepeatedScalarFieldContainer[str]
    dry_run: bool
    def __init__(self, personal_refs: _Optional[_Iterable[str]] = ..., dry_run: _Optional[bool] = ...) -> None: ...

class ArchiveImportedPeopleResponse(_message.Message):
    __slots__ = ("archived",)
    ARCHIVED_FIELD_NUMBER: _ClassVar[int]
    archived: int
    def __init__(self, archived: _Optional[int] = ...) -> None: ...

class GetPersonHistoryRequest(_message.Message):
    __slots__ = ("person_id", "page", "page_size")
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    person_id: str
    page: int
    page_size: int
    def __init__(self, person_id: _Optional[str] = ..., page: _Optional[int] = ..., page_size: _Optional[int] = ...) -> None: ...

class FieldChange(_message.Message):
    __slots__ = ("changed_at", "changed_by", "source", "field", "old_value", "new_value")
    CHANGED_AT_FIELD_NUMBER: _ClassVar[int]
    CHANGED_BY_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    FIELD_FIELD_NUMBER: _ClassVar[int]
    OLD_VALUE_FIELD_NUMBER: _ClassVar[int]
    NEW_VALUE_FIELD_NUMBER: _ClassVar[int]
    changed_at: str
    changed_by: str
    source: str
    field: str
    old_value: str
    new_value: str
    def __init__(self, changed_at: _Optional[str] = ..., changed_by: _Optional[str] = ..., source: _Optional[str] = ..., field: _Optional[str] = ..., old_value: _Optional[str] = ..., new_value: _Optional[str] = ...) -> None: ...

class PersonHistory(_message.Message):
    __slots__ = ("total", "changes")
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    CHANGES_FIELD_NUMBER: _ClassVar[int]
    total: int
    changes: _containers.RepeatedCompositeFieldContainer[FieldChange]
    def __init__(self, total: _Optional[int] = ..., changes: _Optional[_Iterable[_Union[FieldChange, _Mapping]]] = ...) -> None: ...

class SortField(_message.Message):
    __slots__ = ("field", "descending")
    FIELD_FIELD_NUMBER: _ClassVar[int]
    DESCENDING_FIELD_NUMBER: _ClassVar[int]
    field: str
    descending: bool
    def __init__(self, field: _Optional[str] = ..., descending: _Optional[bool] = ...) -> None: ...

class SearchPeopleRequest(_message.Message):
    __slots__ = ("criteria", "page_size", "page", "sort", "columns", "facets", "count_only")
    CRITERIA_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    SORT_FIELD_NUMBER: _ClassVar[int]
    COLUMNS_FIELD_NUMBER: _ClassVar[int]
    FACETS_FIELD_NUMBER: _ClassVar[int]
    COUNT_ONLY_FIELD_NUMBER: _ClassVar[int]
    criteria: _struct_pb2.Struct
    page_size: int
    page: int
    sort: _containers.RepeatedCompositeFieldContainer[SortField]
    columns: _containers.RepeatedScalarFieldContainer[str]
    facets: _containers.RepeatedScalarFieldContainer[str]
    count_only: bool
    def __init__(self, criteria: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., page_size: _Optional[int] = ..., page: _Optional[int] = ..., sort: _Optional[_Iterable[_Union[SortField, _Mapping]]] = ..., columns: _Optional[_Iterable[str]] = ..., facets: _Optional[_Iterable[str]] = ..., count_only: _Optional[bool] = ...) -> None: ...

class FacetCounts(_message.Message):
    __slots__ = ("counts",)
    class CountsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: int
        def __init__(self, key: _Optional[str] = ..., value: _Optional[int] = ...) -> None: ...
    COUNTS_FIELD_NUMBER: _ClassVar[int]
    counts: _containers.ScalarMap[str, int]
    def __init__(self, counts: _Optional[_Mapping[str, int]] = ...) -> None: ...

class FacetValue(_message.Message):
    __slots__ = ("value", "label", "count")
    VALUE_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    value: _struct_pb2.Value
    label: str
    count: int
    def __init__(self, value: _Optional[_Union[_struct_pb2.Value, _Mapping]] = ..., label: _Optional[str] = ..., count: _Optional[int] = ...) -> None: ...

class Facet(_message.Message):
    __slots__ = ("values",)
    VALUES_FIELD_NUMBER: _ClassVar[int]
    values: _containers.RepeatedCompositeFieldContainer[FacetValue]
    def __init__(self, values: _Optional[_Iterable[_Union[FacetValue, _Mapping]]] = ...) -> None: ...

class ColumnValue(_message.Message):
    __slots__ = ("column", "text", "whole_number", "number", "yes_no", "labels")
    COLUMN_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    WHOLE_NUMBER_FIELD_NUMBER: _ClassVar[int]
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    YES_NO_FIELD_NUMBER: _ClassVar[int]
    LABELS_FIELD_NUMBER: _ClassVar[int]
    column: str
    text: str
    whole_number: int
    number: float
    yes_no: bool
    labels: Labels
    def __init__(self, column: _Optional[str] = ..., text: _Optional[str] = ..., whole_number: _Optional[int] = ..., number: _Optional[float] = ..., yes_no: _Optional[bool] = ..., labels: _Optional[_Union[Labels, _Mapping]] = ...) -> None: ...

class Labels(_message.Message):
    __slots__ = ("labels",)
    LABELS_FIELD_NUMBER: _ClassVar[int]
    labels: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, labels: _Optional[_Iterable[str]] = ...) -> None: ...

class PersonRow(_message.Message):
    __slots__ = ("id", "status", "personal_ref", "first_name", "surname", "address", "columns")
    ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    PERSONAL_REF_FIELD_NUMBER: _ClassVar[int]
    FIRST_NAME_FIELD_NUMBER: _ClassVar[int]
    SURNAME_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    COLUMNS_FIELD_NUMBER: _ClassVar[int]
    id: str
    status: str
    personal_ref: str
    first_name: str
    surname: str
    address: str
    columns: _containers.RepeatedCompositeFieldContainer[ColumnValue]
    def __init__(self, id: _Optional[str] = ..., status: _Optional[str] = ..., personal_ref: _Optional[str] = ..., first_name: _Optional[str] = ..., surname: _Optional[str] = ..., address: _Optional[str] = ..., columns: _Optional[_Iterable[_Union[ColumnValue, _Mapping]]] = ...) -> None: ...

class SearchPeopleResponse(_message.Message):
    __slots__ = ("total", "items", "facets", "facet_values", "items_json", "rows")
    class FacetsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: FacetCounts
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[FacetCounts, _Mapping]] = ...) -> None: ...
    class FacetValuesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: Facet
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[Facet, _Mapping]] = ...) -> None: ...
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    FACETS_FIELD_NUMBER: _ClassVar[int]
    FACET_VALUES_FIELD_NUMBER: _ClassVar[int]
    ITEMS_JSON_FIELD_NUMBER: _ClassVar[int]
    ROWS_FIELD_NUMBER: _ClassVar[int]
    total: int
    items: _containers.RepeatedCompositeFieldContainer[_struct_pb2.Struct]
    facets: _containers.MessageMap[str, FacetCounts]
    facet_values: _containers.MessageMap[str, Facet]
    items_json: bytes
    rows: _containers.RepeatedCompositeFieldContainer[PersonRow]
    def __init__(self, total: _Optional[int] = ..., items: _Optional[_Iterable[_Union[_struct_pb2.Struct, _Mapping]]] = ..., facets: _Optional[_Mapping[str, FacetCounts]] = ..., facet_values: _Optional[_Mapping[str, Facet]] = ..., items_json: _Optional[bytes] = ..., rows: _Optional[_Iterable[_Union[PersonRow, _Mapping]]] = ...) -> None: ...

class ResolvePeopleRequest(_message.Message):
    __slots__ = ("criteria", "chunk_size")
    CRITERIA_FIELD_NUMBER: _ClassVar[int]
    CHUNK_SIZE_FIELD_NUMBER: _ClassVar[int]
    criteria: _struct_pb2.Struct
    chunk_size: int
    def __init__(self, criteria: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., chunk_size: _Optional[int] = ...) -> None: ...

class PeopleIds(_message.Message):
    __slots__ = ("person_ids", "total")
    PERSON_IDS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    person_ids: _containers.RepeatedScalarFieldContainer[str]
    total: int
    def __init__(self, person_ids: _Optional[_Iterable[str]] = ..., total: _Optional[int] = ...) -> None: ...

class StreamPeopleRowsRequest(_message.Message):
    __slots__ = ("criteria", "columns", "chunk_size")
    CRITERIA_FIELD_NUMBER: _ClassVar[int]
    COLUMNS_FIELD_NUMBER: _ClassVar[int]
    CHUNK_SIZE_FIELD_NUMBER: _ClassVar[int]
    criteria: _struct_pb2.Struct
    columns: _containers.RepeatedScalarFieldContainer[str]
    chunk_size: int
    def __init__(self, criteria: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., columns: _Optional[_Iterable[str]] = ..., chunk_size: _Optional[int] = ...) -> None: ...

class PeopleRows(_message.Message):
    __slots__ = ("rows_json", "total")
    ROWS_JSON_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    rows_json: bytes
    total: int
    def __init__(self, rows_json: _Optional[bytes] = ..., total: _Optional[int] = ...) -> None: ...

class GetPeopleStatusRequest(_message.Message):
    __slots__ = ("person_ids",)
    PERSON_IDS_FIELD_NUMBER: _ClassVar[int]
    person_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, person_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class GetPeopleRequest(_message.Message):
    __slots__ = ("person_ids",)
    PERSON_IDS_FIELD_NUMBER: _ClassVar[int]
    person_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, person_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class People(_message.Message):
    __slots__ = ("people",)
    PEOPLE_FIELD_NUMBER: _ClassVar[int]
    people: _containers.RepeatedCompositeFieldContainer[_person_pb2.Person]
    def __init__(self, people: _Optional[_Iterable[_Union[_person_pb2.Person, _Mapping]]] = ...) -> None: ...

class PeopleStatus(_message.Message):
    __slots__ = ("status",)
    class StatusEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    STATUS_FIELD_NUMBER: _ClassVar[int]
    status: _containers.ScalarMap[str, str]
    def __init__(self, status: _Optional[_Mapping[str, str]] = ...) -> None: ...

class StreamPeopleStatesRequest(_message.Message):
    __slots__ = ("page_size", "after_person_id")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    AFTER_PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    after_person_id: str
    def __init__(self, page_size: _Optional[int] = ..., after_person_id: _Optional[str] = ...) -> None: ...

class PeopleStates(_message.Message):
    __slots__ = ("people",)
    PEOPLE_FIELD_NUMBER: _ClassVar[int]
    people: _containers.RepeatedCompositeFieldContainer[_person_pb2.Person]
    def __init__(self, people: _Optional[_Iterable[_Union[_person_pb2.Person, _Mapping]]] = ...) -> None: ...
