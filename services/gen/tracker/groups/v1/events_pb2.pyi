from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class PersonGroupsChanged(_message.Message):
    __slots__ = ("person_id", "version", "admin_group_ids", "activity_ids", "participations")
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    ADMIN_GROUP_IDS_FIELD_NUMBER: _ClassVar[int]
    ACTIVITY_IDS_FIELD_NUMBER: _ClassVar[int]
    PARTICIPATIONS_FIELD_NUMBER: _ClassVar[int]
    person_id: str
    version: int
    admin_group_ids: _containers.RepeatedScalarFieldContainer[str]
    activity_ids: _containers.RepeatedScalarFieldContainer[str]
    participations: _containers.RepeatedCompositeFieldContainer[Participation]
    def __init__(self, person_id: _Optional[str] = ..., version: _Optional[int] = ..., admin_group_ids: _Optional[_Iterable[str]] = ..., activity_ids: _Optional[_Iterable[str]] = ..., participations: _Optional[_Iterable[_Union[Participation, _Mapping]]] = ...) -> None: ...

class Participation(_message.Message):
    __slots__ = ("activity_id", "date")
    ACTIVITY_ID_FIELD_NUMBER: _ClassVar[int]
    DATE_FIELD_NUMBER: _ClassVar[int]
    activity_id: str
    date: str
    def __init__(self, activity_id: _Optional[str] = ..., date: _Optional[str] = ...) -> None: ...

class PeopleGroupsChanged(_message.Message):
    __slots__ = ("people",)
    PEOPLE_FIELD_NUMBER: _ClassVar[int]
    people: _containers.RepeatedCompositeFieldContainer[PersonGroupsChanged]
    def __init__(self, people: _Optional[_Iterable[_Union[PersonGroupsChanged, _Mapping]]] = ...) -> None: ...
