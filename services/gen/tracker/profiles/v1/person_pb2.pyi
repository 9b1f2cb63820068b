from google.protobuf import struct_pb2 as _struct_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Person(_message.Message):
    __slots__ = ("person_id", "landlord_id", "personal_ref", "status", "first_name", "surname", "created_at", "updated_at", "created_by", "fields", "imported_fields", "alerts", "updated_by", "version", "options")
    class OptionsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: OptionIds
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[OptionIds, _Mapping]] = ...) -> None: ...
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    LANDLORD_ID_FIELD_NUMBER: _ClassVar[int]
    PERSONAL_REF_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    FIRST_NAME_FIELD_NUMBER: _ClassVar[int]
    SURNAME_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    FIELDS_FIELD_NUMBER: _ClassVar[int]
    IMPORTED_FIELDS_FIELD_NUMBER: _ClassVar[int]
    ALERTS_FIELD_NUMBER: _ClassVar[int]
    UPDATED_BY_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    person_id: str
    landlord_id: str
    personal_ref: str
    status: str
    first_name: str
    surname: str
    created_at: str
    updated_at: str
    created_by: str
    fields: _struct_pb2.Struct
    imported_fields: _containers.RepeatedScalarFieldContainer[str]
    alerts: _containers.RepeatedScalarFieldContainer[str]
    updated_by: str
    version: int
    options: _containers.MessageMap[str, OptionIds]
    def __init__(self, person_id: _Optional[str] = ..., landlord_id: _Optional[str] = ..., personal_ref: _Optional[str] = ..., status: _Optional[str] = ..., first_name: _Optional[str] = ..., surname: _Optional[str] = ..., created_at: _Optional[str] = ..., updated_at: _Optional[str] = ..., created_by: _Optional[str] = ..., fields: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., imported_fields: _Optional[_Iterable[str]] = ..., alerts: _Optional[_Iterable[str]] = ..., updated_by: _Optional[str] = ..., version: _Optional[int] = ..., options: _Optional[_Mapping[str, OptionIds]] = ...) -> None: ...

class OptionIds(_message.Message):
    __slots__ = ("ids",)
    IDS_FIELD_NUMBER: _ClassVar[int]
    ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, ids: _Optional[_Iterable[str]] = ...) -> None: ...
