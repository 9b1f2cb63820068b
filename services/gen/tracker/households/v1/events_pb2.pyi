from google.protobuf import struct_pb2 as _struct_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class HouseholdChanged(_message.Message):
    __slots__ = ("household_id", "version", "occupant_ids", "occupant_count", "youngest_date_of_birth", "property_profile", "household_profile", "property_ref")
    HOUSEHOLD_ID_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    OCCUPANT_IDS_FIELD_NUMBER: _ClassVar[int]
    OCCUPANT_COUNT_FIELD_NUMBER: _ClassVar[int]
    YOUNGEST_DATE_OF_BIRTH_FIELD_NUMBER: _ClassVar[int]
    PROPERTY_PROFILE_FIELD_NUMBER: _ClassVar[int]
    HOUSEHOLD_PROFILE_FIELD_NUMBER: _ClassVar[int]
    PROPERTY_REF_FIELD_NUMBER: _ClassVar[int]
    household_id: str
    version: int
    occupant_ids: _containers.RepeatedScalarFieldContainer[str]
    occupant_count: int
    youngest_date_of_birth: str
    property_profile: _struct_pb2.Struct
    household_profile: _struct_pb2.Struct
    property_ref: str
    def __init__(self, household_id: _Optional[str] = ..., version: _Optional[int] = ..., occupant_ids: _Optional[_Iterable[str]] = ..., occupant_count: _Optional[int] = ..., youngest_date_of_birth: _Optional[str] = ..., property_profile: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., household_profile: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., property_ref: _Optional[str] = ...) -> None: ...
