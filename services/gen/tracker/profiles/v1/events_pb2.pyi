from services.gen.tracker.profiles.v1 import person_pb2 as _person_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class PersonCreated(_message.Message):
    __slots__ = ("person", "source")
    PERSON_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    person: _person_pb2.Person
    source: str
    def __init__(self, person: _Optional[_Union[_person_pb2.Person, _Mapping]] = ..., source: _Optional[str] = ...) -> None: ...

class PersonChanged(_message.Message):
    __slots__ = ("person", "changed_fields", "source")
    PERSON_FIELD_NUMBER: _ClassVar[int]
    CHANGED_FIELDS_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    person: _person_pb2.Person
    changed_fields: _containers.RepeatedScalarFieldContainer[str]
    source: str
    def __init__(self, person: _Optional[_Union[_person_pb2.Person, _Mapping]] = ..., changed_fields: _Optional[_Iterable[str]] = ..., source: _Optional[str] = ...) -> None: ...

class PersonEvent(_message.Message):
    __slots__ = ("created", "changed")
    CREATED_FIELD_NUMBER: _ClassVar[int]
    CHANGED_FIELD_NUMBER: _ClassVar[int]
    created: PersonCreated
    changed: PersonChanged
    def __init__(self, created: _Optional[_Union[PersonCreated, _Mapping]] = ..., changed: _Optional[_Union[PersonChanged, _Mapping]] = ...) -> None: ...

class PeopleChanged(_message.Message):
    __slots__ = ("events",)
    EVENTS_FIELD_NUMBER: _ClassVar[int]
    events: _containers.RepeatedCompositeFieldContainer[PersonEvent]
    def __init__(self, events: _Optional[_Iterable[_Union[PersonEvent, _Mapping]]] = ...) -> None: ...
