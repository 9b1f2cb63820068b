from google.protobuf import struct_pb2 as _struct_pb2
from services.gen.tracker.groups.v1 import events_pb2 as _events_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class StreamPersonGroupsStatesRequest(_message.Message):
    __slots__ = ("page_size", "after_person_id")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    AFTER_PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    after_person_id: str
    def __init__(self, page_size: _Optional[int] = ..., after_person_id: _Optional[str] = ...) -> None: ...

class PersonGroupsStates(_message.Message):
    __slots__ = ("people",)
    PEOPLE_FIELD_NUMBER: _ClassVar[int]
    people: _containers.RepeatedCompositeFieldContainer[_events_pb2.PersonGroupsChanged]
    def __init__(self, people: _Optional[_Iterable[_Union[_events_pb2.PersonGroupsChanged, _Mapping]]] = ...) -> None: ...

class GetByIdRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class ListRequest(_message.Message):
    __slots__ = ("page_size", "page", "text")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page: int
    text: str
    def __init__(self, page_size: _Optional[int] = ..., page: _Optional[int] = ..., text: _Optional[str] = ...) -> None: ...

class Deleted(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class Activity(_message.Message):
    __slots__ = ("activity_id", "name", "type", "start_date", "end_date", "description", "unspecified", "member_count", "created_at", "created_by")
    ACTIVITY_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    START_DATE_FIELD_NUMBER: _ClassVar[int]
    END_DATE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    UNSPECIFIED_FIELD_NUMBER: _ClassVar[int]
    MEMBER_COUNT_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    activity_id: str
    name: str
    type: str
    start_date: str
    end_date: str
    description: str
    unspecified: bool
    member_count: int
    created_at: str
    created_by: str
    def __init__(self, activity_id: _Optional[str] = ..., name: _Optional[str] = ..., type: _Optional[str] = ..., start_date: _Optional[str] = ..., end_date: _Optional[str] = ..., description: _Optional[str] = ..., unspecified: _Optional[bool] = ..., member_count: _Optional[int] = ..., created_at: _Optional[str] = ..., created_by: _Optional[str] = ...) -> None: ...

class CreateActivityRequest(_message.Message):
    __slots__ = ("name", "type", "start_date", "end_date", "description")
    NAME_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    START_DATE_FIELD_NUMBER: _ClassVar[int]
    END_DATE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    name: str
    type: str
    start_date: str
    end_date: str
    description: str
    def __init__(self, name: _Optional[str] = ..., type: _Optional[str] = ..., start_date: _Optional[str] = ..., end_date: _Optional[str] = ..., description: _Optional[str] = ...) -> None: ...

class UpdateActivityRequest(_message.Message):
    __slots__ = ("activity_id", "name", "type", "start_date", "end_date", "description")
    ACTIVITY_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    START_DATE_FIELD_NUMBER: _ClassVar[int]
    END_DATE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    activity_id: str
    name: str
    type: str
    start_date: str
    end_date: str
    description: str
    def __init__(self, activity_id: _Optional[str] = ..., name: _Optional[str] = ..., type: _Optional[str] = ..., start_date: _Optional[str] = ..., end_date: _Optional[str] = ..., description: _Optional[str] = ...) -> None: ...

class ActivityList(_message.Message):
    __slots__ = ("total", "items")
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    total: int
    items: _containers.RepeatedCompositeFieldContainer[Activity]
    def __init__(self, total: _Optional[int] = ..., items: _Optional[_Iterable[_Union[Activity, _Mapping]]] = ...) -> None: ...

class ParticipationRecord(_message.Message):
    __slots__ = ("participation_id", "person_id", "activity_id", "activity_name", "date", "role", "notes", "created_at", "created_by")
    PARTICIPATION_ID_FIELD_NUMBER: _ClassVar[int]
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    ACTIVITY_ID_FIELD_NUMBER: _ClassVar[int]
    ACTIVITY_NAME_FIELD_NUMBER: _ClassVar[int]
    DATE_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    participation_id: str
    person_id: str
    activity_id: str
    activity_name: str
    date: str
    role: str
    notes: str
    created_at: str
    created_by: str
    def __init__(self, participation_id: _Optional[str] = ..., person_id: _Optional[str] = ..., activity_id: _Optional[str] = ..., activity_name: _Optional[str] = ..., date: _Optional[str] = ..., role: _Optional[str] = ..., notes: _Optional[str] = ..., created_at: _Optional[str] = ..., created_by: _Optional[str] = ...) -> None: ...

class RecordParticipationRequest(_message.Message):
    __slots__ = ("person_id", "activity_id", "date", "role", "notes")
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    ACTIVITY_ID_FIELD_NUMBER: _ClassVar[int]
    DATE_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    person_id: str
    activity_id: str
    date: str
    role: str
    notes: str
    def __init__(self, person_id: _Optional[str] = ..., activity_id: _Optional[str] = ..., date: _Optional[str] = ..., role: _Optional[str] = ..., notes: _Optional[str] = ...) -> None: ...

class RecordParticipationsRequest(_message.Message):
    __slots__ = ("person_ids", "activity_id", "date", "role", "notes")
    PERSON_IDS_FIELD_NUMBER: _ClassVar[int]
    ACTIVITY_ID_FIELD_NUMBER: _ClassVar[int]
    DATE_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    person_ids: _containers.RepeatedScalarFieldContainer[str]
    activity_id: str
    date: str
    role: str
    notes: str
    def __init__(self, person_ids: _Optional[_Iterable[str]] = ..., activity_id: _Optional[str] = ..., date: _Optional[str] = ..., role: _Optional[str] = ..., notes: _Optional[str] = ...) -> None: ...

class ParticipationOutcome(_message.Message):
    __slots__ = ("person_id", "outcome", "participation_id")
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    PARTICIPATION_ID_FIELD_NUMBER: _ClassVar[int]
    person_id: str
    outcome: str
    participation_id: str
    def __init__(self, person_id: _Optional[str] = ..., outcome: _Optional[str] = ..., participation_id: _Optional[str] = ...) -> None: ...

class ParticipationsRecorded(_message.Message):
    __slots__ = ("outcomes",)
    OUTCOMES_FIELD_NUMBER: _ClassVar[int]
    outcomes: _containers.RepeatedCompositeFieldContainer[ParticipationOutcome]
    def __init__(self, outcomes: _Optional[_Iterable[_Union[ParticipationOutcome, _Mapping]]] = ...) -> None: ...

class UpdateParticipationRequest(_message.Message):
    __slots__ = ("participation_id", "date", "role", "notes")
    PARTICIPATION_ID_FIELD_NUMBER: _ClassVar[int]
    DATE_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    participation_id: str
    date: str
    role: str
    notes: str
    def __init__(self, participation_id: _Optional[str] = ..., date: _Optional[str] = ..., role: _Optional[str] = ..., notes: _Optional[str] = ...) -> None: ...

class ListParticipationRequest(_message.Message):
    __slots__ = ("person_id", "activity_id", "page_size", "page")
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    ACTIVITY_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    person_id: str
    activity_id: str
    page_size: int
    page: int
    def __init__(self, person_id: _Optional[str] = ..., activity_id: _Optional[str] = ..., page_size: _Optional[int] = ..., page: _Optional[int] = ...) -> None: ...

class ParticipationList(_message.Message):
    __slots__ = ("total", "items")
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    total: int
    items: _containers.RepeatedCompositeFieldContainer[ParticipationRecord]
    def __init__(self, total: _Optional[int] = ..., items: _Optional[_Iterable[_Union[ParticipationRecord, _Mapping]]] = ...) -> None: ...

class AdminGroup(_message.Message):
    __slots__ = ("group_id", "reference", "description", "activity_id", "member_count", "created_at", "created_by", "updated_at")
    GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    REFERENCE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    ACTIVITY_ID_FIELD_NUMBER: _ClassVar[int]
    MEMBER_COUNT_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    group_id: str
    reference: str
    description: str
    activity_id: str
    member_count: int
    created_at: str
    created_by: str
    updated_at: str
    def __init__(self, group_id: _Optional[str] = ..., reference: _Optional[str] = ..., description: _Optional[str] = ..., activity_id: _Optional[str] = ..., member_count: _Optional[int] = ..., created_at: _Optional[str] = ..., created_by: _Optional[str] = ..., updated_at: _Optional[str] = ...) -> None: ...

class CreateAdminGroupRequest(_message.Message):
    __slots__ = ("reference", "description", "person_ids", "criteria", "search_template_id")
    REFERENCE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    PERSON_IDS_FIELD_NUMBER: _ClassVar[int]
    CRITERIA_FIELD_NUMBER: _ClassVar[int]
    SEARCH_TEMPLATE_ID_FIELD_NUMBER: _ClassVar[int]
    reference: str
    description: str
    person_ids: _containers.RepeatedScalarFieldContainer[str]
    criteria: _struct_pb2.Struct
    search_template_id: str
    def __init__(self, reference: _Optional[str] = ..., description: _Optional[str] = ..., person_ids: _Optional[_Iterable[str]] = ..., criteria: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., search_template_id: _Optional[str] = ...) -> None: ...

class UpdateAdminGroupRequest(_message.Message):
    __slots__ = ("group_id", "reference", "description")
    GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    REFERENCE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    group_id: str
    reference: str
    description: str
    def __init__(self, group_id: _Optional[str] = ..., reference: _Optional[str] = ..., description: _Optional[str] = ...) -> None: ...

class AdminGroupList(_message.Message):
    __slots__ = ("total", "items")
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    total: int
    items: _containers.RepeatedCompositeFieldContainer[AdminGroup]
    def __init__(self, total: _Optional[int] = ..., items: _Optional[_Iterable[_Union[AdminGroup, _Mapping]]] = ...) -> None: ...

class ListGroupMembersRequest(_message.Message):
    __slots__ = ("group_id", "page_size", "page")
    GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    group_id: str
    page_size: int
    page: int
    def __init__(self, group_id: _Optional[str] = ..., page_size: _Optional[int] = ..., page: _Optional[int] = ...) -> None: ...

class GroupMember(_message.Message):
    __slots__ = ("person_id", "added_at", "added_by")
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    ADDED_AT_FIELD_NUMBER: _ClassVar[int]
    ADDED_BY_FIELD_NUMBER: _ClassVar[int]
    person_id: str
    added_at: str
    added_by: str
    def __init__(self, person_id: _Optional[str] = ..., added_at: _Optional[str] = ..., added_by: _Optional[str] = ...) -> None: ...

class GroupMemberList(_message.Message):
    __slots__ = ("total", "items")
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    total: int
    items: _containers.RepeatedCompositeFieldContainer[GroupMember]
    def __init__(self, total: _Optional[int] = ..., items: _Optional[_Iterable[_Union[GroupMember, _Mapping]]] = ...) -> None: ...

class ChangeMembersRequest(_message.Message):
    __slots__ = ("group_id", "person_ids", "criteria")
    GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    PERSON_IDS_FIELD_NUMBER: _ClassVar[int]
    CRITERIA_FIELD_NUMBER: _ClassVar[int]
    group_id: str
    person_ids: _containers.RepeatedScalarFieldContainer[str]
    criteria: _struct_pb2.Struct
    def __init__(self, group_id: _Optional[str] = ..., person_ids: _Optional[_Iterable[str]] = ..., criteria: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class MembersChanged(_message.Message):
    __slots__ = ("changed", "member_count")
    CHANGED_FIELD_NUMBER: _ClassVar[int]
    MEMBER_COUNT_FIELD_NUMBER: _ClassVar[int]
    changed: int
    member_count: int
    def __init__(self, changed: _Optional[int] = ..., member_count: _Optional[int] = ...) -> None: ...

class PersonGroup(_message.Message):
    __slots__ = ("group_id", "kind", "name", "description", "activity_id", "activity_name", "linked_at", "how")
    GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    ACTIVITY_ID_FIELD_NUMBER: _ClassVar[int]
    ACTIVITY_NAME_FIELD_NUMBER: _ClassVar[int]
    LINKED_AT_FIELD_NUMBER: _ClassVar[int]
    HOW_FIELD_NUMBER: _ClassVar[int]
    group_id: str
    kind: str
    name: str
    description: str
    activity_id: str
    activity_name: str
    linked_at: str
    how: str
    def __init__(self, group_id: _Optional[str] = ..., kind: _Optional[str] = ..., name: _Optional[str] = ..., description: _Optional[str] = ..., activity_id: _Optional[str] = ..., activity_name: _Optional[str] = ..., linked_at: _Optional[str] = ..., how: _Optional[str] = ...) -> None: ...

class ListPersonGroupsRequest(_message.Message):
    __slots__ = ("person_id",)
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    person_id: str
    def __init__(self, person_id: _Optional[str] = ...) -> None: ...

class PersonGroupList(_message.Message):
    __slots__ = ("total", "items")
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    total: int
    items: _containers.RepeatedCompositeFieldContainer[PersonGroup]
    def __init__(self, total: _Optional[int] = ..., items: _Optional[_Iterable[_Union[PersonGroup, _Mapping]]] = ...) -> None: ...

class LinkPersonRequest(_message.Message):
    __slots__ = ("person_id", "admin_group_id", "activity_id")
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    ADMIN_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    ACTIVITY_ID_FIELD_NUMBER: _ClassVar[int]
    person_id: str
    admin_group_id: str
    activity_id: str
    def __init__(self, person_id: _Optional[str] = ..., admin_group_id: _Optional[str] = ..., activity_id: _Optional[str] = ...) -> None: ...

class SearchTemplate(_message.Message):
    __slots__ = ("search_template_id", "name", "description", "criteria", "created_at", "created_by", "updated_at")
    SEARCH_TEMPLATE_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    CRITERIA_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    search_template_id: str
    name: str
    description: str
    criteria: _struct_pb2.Struct
    created_at: str
    created_by: str
    updated_at: str
    def __init__(self, search_template_id: _Optional[str] = ..., name: _Optional[str] = ..., description: _Optional[str] = ..., criteria: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., created_at: _Optional[str] = ..., created_by: _Optional[str] = ..., updated_at: _Optional[str] = ...) -> None: ...

class CreateSearchTemplateRequest(_message.Message):
    __slots__ = ("name", "description", "criteria")
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    CRITERIA_FIELD_NUMBER: _ClassVar[int]
    name: str
    description: str
    criteria: _struct_pb2.Struct
    def __init__(self, name: _Optional[str] = ..., description: _Optional[str] = ..., criteria: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class UpdateSearchTemplateRequest(_message.Message):
    __slots__ = ("search_template_id", "name", "description", "criteria")
    SEARCH_TEMPLATE_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    CRITERIA_FIELD_NUMBER: _ClassVar[int]
    search_template_id: str
    name: str
    description: str
    criteria: _struct_pb2.Struct
    def __init__(self, search_template_id: _Optional[str] = ..., name: _Optional[str] = ..., description: _Optional[str] = ..., criteria: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class SearchTemplateList(_message.Message):
    __slots__ = ("total", "items")
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    total: int
    items: _containers.RepeatedCompositeFieldContainer[SearchTemplate]
    def __init__(self, total: _Optional[int] = ..., items: _Optional[_Iterable[_Union[SearchTemplate, _Mapping]]] = ...) -> None: ...

class ExpandCriteriaRequest(_message.Message):
    __slots__ = ("criteria",)
    CRITERIA_FIELD_NUMBER: _ClassVar[int]
    criteria: _struct_pb2.Struct
    def __init__(self, criteria: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class ExpandCriteriaResponse(_message.Message):
    __slots__ = ("criteria",)
    CRITERIA_FIELD_NUMBER: _ClassVar[int]
    criteria: _struct_pb2.Struct
    def __init__(self, criteria: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class ResolvePeopleRequest(_message.Message):
    __slots__ = ("criteria", "search_template_id", "admin_group_id", "activity_id", "chunk_size")
    CRITERIA_FIELD_NUMBER: _ClassVar[int]
    SEARCH_TEMPLATE_ID_FIELD_NUMBER: _ClassVar[int]
    ADMIN_GROUP_ID_FIELD_NUMBER: _ClassVar[int]
    ACTIVITY_ID_FIELD_NUMBER: _ClassVar[int]
    CHUNK_SIZE_FIELD_NUMBER: _ClassVar[int]
    criteria: _struct_pb2.Struct
    search_template_id: str
    admin_group_id: str
    activity_id: str
    chunk_size: int
    def __init__(self, criteria: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., search_template_id: _Optional[str] = ..., admin_group_id: _Optional[str] = ..., activity_id: _Optional[str] = ..., chunk_size: _Optional[int] = ...) -> None: ...

class PeopleChunk(_message.Message):
    __slots__ = ("person_ids", "total")
    PERSON_IDS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    person_ids: _containers.RepeatedScalarFieldContainer[str]
    total: int
    def __init__(self, person_ids: _Optional[_Iterable[str]] = ..., total: _Optional[int] = ...) -> None: ...
