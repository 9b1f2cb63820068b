from google.protobuf import struct_pb2 as _struct_pb2
from services.gen.tracker.households.v1 import events_pb2 as _events_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class StreamHouseholdStatesRequest(_message.Message):
    __slots__ = ("page_size", "after_household_id")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    AFTER_HOUSEHOLD_ID_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    after_household_id: str
    def __init__(self, page_size: _Optional[int] = ..., after_household_id: _Optional[str] = ...) -> None: ...

class HouseholdStates(_message.Message):
    __slots__ = ("households",)
    HOUSEHOLDS_FIELD_NUMBER: _ClassVar[int]
    households: _containers.RepeatedCompositeFieldContainer[_events_pb2.HouseholdChanged]
    def __init__(self, households: _Optional[_Iterable[_Union[_events_pb2.HouseholdChanged, _Mapping]]] = ...) -> None: ...

class Occupant(_message.Message):
    __slots__ = ("person_id", "personal_ref", "first_name", "surname", "status", "date_of_birth", "age", "tenancy_type", "joined_at", "left_at")
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    PERSONAL_REF_FIELD_NUMBER: _ClassVar[int]
    FIRST_NAME_FIELD_NUMBER: _ClassVar[int]
    SURNAME_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    DATE_OF_BIRTH_FIELD_NUMBER: _ClassVar[int]
    AGE_FIELD_NUMBER: _ClassVar[int]
    TENANCY_TYPE_FIELD_NUMBER: _ClassVar[int]
    JOINED_AT_FIELD_NUMBER: _ClassVar[int]
    LEFT_AT_FIELD_NUMBER: _ClassVar[int]
    person_id: str
    personal_ref: str
    first_name: str
    surname: str
    status: str
    date_of_birth: str
    age: int
    tenancy_type: str
    joined_at: str
    left_at: str
    def __init__(self, person_id: _Optional[str] = ..., personal_ref: _Optional[str] = ..., first_name: _Optional[str] = ..., surname: _Optional[str] = ..., status: _Optional[str] = ..., date_of_birth: _Optional[str] = ..., age: _Optional[int] = ..., tenancy_type: _Optional[str] = ..., joined_at: _Optional[str] = ..., left_at: _Optional[str] = ...) -> None: ...

class Household(_message.Message):
    __slots__ = ("household_id", "matched_by", "property_ref", "address_line_1", "address_line_2", "address_line_3", "address_line_4", "postcode", "address", "occupant_count", "occupied", "occupants", "former_occupants", "property_profile", "household_profile", "created_at", "updated_at")
    HOUSEHOLD_ID_FIELD_NUMBER: _ClassVar[int]
    MATCHED_BY_FIELD_NUMBER: _ClassVar[int]
    PROPERTY_REF_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_LINE_1_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_LINE_2_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_LINE_3_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_LINE_4_FIELD_NUMBER: _ClassVar[int]
    POSTCODE_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    OCCUPANT_COUNT_FIELD_NUMBER: _ClassVar[int]
    OCCUPIED_FIELD_NUMBER: _ClassVar[int]
    OCCUPANTS_FIELD_NUMBER: _ClassVar[int]
    FORMER_OCCUPANTS_FIELD_NUMBER: _ClassVar[int]
    PROPERTY_PROFILE_FIELD_NUMBER: _ClassVar[int]
    HOUSEHOLD_PROFILE_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    household_id: str
    matched_by: str
    property_ref: str
    address_line_1: str
    address_line_2: str
    address_line_3: str
    address_line_4: str
    postcode: str
    address: str
    occupant_count: int
    occupied: bool
    occupants: _containers.RepeatedCompositeFieldContainer[Occupant]
    former_occupants: _containers.RepeatedCompositeFieldContainer[Occupant]
    property_profile: _struct_pb2.Struct
    household_profile: _struct_pb2.Struct
    created_at: str
    updated_at: str
    def __init__(self, household_id: _Optional[str] = ..., matched_by: _Optional[str] = ..., property_ref: _Optional[str] = ..., address_line_1: _Optional[str] = ..., address_line_2: _Optional[str] = ..., address_line_3: _Optional[str] = ..., address_line_4: _Optional[str] = ..., postcode: _Optional[str] = ..., address: _Optional[str] = ..., occupant_count: _Optional[int] = ..., occupied: _Optional[bool] = ..., occupants: _Optional[_Iterable[_Union[Occupant, _Mapping]]] = ..., former_occupants: _Optional[_Iterable[_Union[Occupant, _Mapping]]] = ..., property_profile: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., household_profile: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., created_at: _Optional[str] = ..., updated_at: _Optional[str] = ...) -> None: ...

class SearchHouseholdsRequest(_message.Message):
    __slots__ = ("criteria", "page_size", "page", "sort")
    CRITERIA_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    SORT_FIELD_NUMBER: _ClassVar[int]
    criteria: _struct_pb2.Struct
    page_size: int
    page: int
    sort: str
    def __init__(self, criteria: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., page_size: _Optional[int] = ..., page: _Optional[int] = ..., sort: _Optional[str] = ...) -> None: ...

class SearchHouseholdsResponse(_message.Message):
    __slots__ = ("total", "items")
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    total: int
    items: _containers.RepeatedCompositeFieldContainer[Household]
    def __init__(self, total: _Optional[int] = ..., items: _Optional[_Iterable[_Union[Household, _Mapping]]] = ...) -> None: ...

class GetHouseholdRequest(_message.Message):
    __slots__ = ("household_id",)
    HOUSEHOLD_ID_FIELD_NUMBER: _ClassVar[int]
    household_id: str
    def __init__(self, household_id: _Optional[str] = ...) -> None: ...

class GetPersonHouseholdRequest(_message.Message):
    __slots__ = ("person_id",)
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    person_id: str
    def __init__(self, person_id: _Optional[str] = ...) -> None: ...

class GetPeopleHouseholdsRequest(_message.Message):
    __slots__ = ("person_ids",)
    PERSON_IDS_FIELD_NUMBER: _ClassVar[int]
    person_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, person_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class PersonHousehold(_message.Message):
    __slots__ = ("person_id", "household_id")
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    HOUSEHOLD_ID_FIELD_NUMBER: _ClassVar[int]
    person_id: str
    household_id: str
    def __init__(self, person_id: _Optional[str] = ..., household_id: _Optional[str] = ...) -> None: ...

class PeopleHouseholds(_message.Message):
    __slots__ = ("people", "households")
    PEOPLE_FIELD_NUMBER: _ClassVar[int]
    HOUSEHOLDS_FIELD_NUMBER: _ClassVar[int]
    people: _containers.RepeatedCompositeFieldContainer[PersonHousehold]
    households: _containers.RepeatedCompositeFieldContainer[Household]
    def __init__(self, people: _Optional[_Iterable[_Union[PersonHousehold, _Mapping]]] = ..., households: _Optional[_Iterable[_Union[Household, _Mapping]]] = ...) -> None: ...

class UpdateHouseholdProfilesRequest(_message.Message):
    __slots__ = ("household_id", "property_profile", "household_profile")
    HOUSEHOLD_ID_FIELD_NUMBER: _ClassVar[int]
    PROPERTY_PROFILE_FIELD_NUMBER: _ClassVar[int]
    HOUSEHOLD_PROFILE_FIELD_NUMBER: _ClassVar[int]
    household_id: str
    property_profile: _struct_pb2.Struct
    household_profile: _struct_pb2.Struct
    def __init__(self, household_id: _Optional[str] = ..., property_profile: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., household_profile: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...
