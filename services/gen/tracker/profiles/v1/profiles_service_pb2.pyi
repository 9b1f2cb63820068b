from google.protobuf import struct_pb2 as _struct_pb2
from services.gen.tracker.profiles.v1 import person_pb2 as _person_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class CreatePersonRequest(_message.Message):
    __slots__ = ("personal_ref", "first_name", "surname")
    PERSONAL_REF_FIELD_NUMBER: _ClassVar[int]
    FIRST_NAME_FIELD_NUMBER: _ClassVar[int]
    SURNAME_FIELD_NUMBER: _ClassVar[int]
    personal_ref: str
    first_name: str
    surname: str
    def __init__(self, personal_ref: _Optional[str] = ..., first_name: _Optional[str] = ..., surname: _Optional[str] = ...) -> None: ...

class GetPersonRequest(_message.Message):
    __slots__ = ("person_id",)
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    person_id: str
    def __init__(self, person_id: _Optional[str] = ...) -> None: ...

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

class SearchPeopleResponse(_message.Message):
    __slots__ = ("total", "items", "facets")
    class FacetsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: FacetCounts
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[FacetCounts, _Mapping]] = ...) -> None: ...
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    FACETS_FIELD_NUMBER: _ClassVar[int]
    total: int
    items: _containers.RepeatedCompositeFieldContainer[_struct_pb2.Struct]
    facets: _containers.MessageMap[str, FacetCounts]
    def __init__(self, total: _Optional[int] = ..., items: _Optional[_Iterable[_Union[_struct_pb2.Struct, _Mapping]]] = ..., facets: _Optional[_Mapping[str, FacetCounts]] = ...) -> None: ...
