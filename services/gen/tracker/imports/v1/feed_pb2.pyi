from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class RunMode(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    RUN_MODE_UNSPECIFIED: _ClassVar[RunMode]
    FULL_SNAPSHOT: _ClassVar[RunMode]
    DELTA: _ClassVar[RunMode]
RUN_MODE_UNSPECIFIED: RunMode
FULL_SNAPSHOT: RunMode
DELTA: RunMode

class FeedMessage(_message.Message):
    __slots__ = ("landlord_id", "run_id", "run_started", "person", "run_ended")
    LANDLORD_ID_FIELD_NUMBER: _ClassVar[int]
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    RUN_STARTED_FIELD_NUMBER: _ClassVar[int]
    PERSON_FIELD_NUMBER: _ClassVar[int]
    RUN_ENDED_FIELD_NUMBER: _ClassVar[int]
    landlord_id: str
    run_id: str
    run_started: RunStarted
    person: FeedPerson
    run_ended: RunEnded
    def __init__(self, landlord_id: _Optional[str] = ..., run_id: _Optional[str] = ..., run_started: _Optional[_Union[RunStarted, _Mapping]] = ..., person: _Optional[_Union[FeedPerson, _Mapping]] = ..., run_ended: _Optional[_Union[RunEnded, _Mapping]] = ...) -> None: ...

class RunStarted(_message.Message):
    __slots__ = ("mode", "started_at")
    MODE_FIELD_NUMBER: _ClassVar[int]
    STARTED_AT_FIELD_NUMBER: _ClassVar[int]
    mode: RunMode
    started_at: str
    def __init__(self, mode: _Optional[_Union[RunMode, str]] = ..., started_at: _Optional[str] = ...) -> None: ...

class RunEnded(_message.Message):
    __slots__ = ("record_count",)
    RECORD_COUNT_FIELD_NUMBER: _ClassVar[int]
    record_count: int
    def __init__(self, record_count: _Optional[int] = ...) -> None: ...

class FeedPerson(_message.Message):
    __slots__ = ("sequence", "personal_ref", "title", "first_name", "surname", "date_of_birth", "gender", "ethnicity", "disability", "tenancy_type", "household_status", "area", "property_ref", "address1", "address2", "address3", "address4", "postcode", "phone", "mobile", "email", "gender_identity", "marriage_civil_partnership", "pregnancy_maternity")
    SEQUENCE_FIELD_NUMBER: _ClassVar[int]
    PERSONAL_REF_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    FIRST_NAME_FIELD_NUMBER: _ClassVar[int]
    SURNAME_FIELD_NUMBER: _ClassVar[int]
    DATE_OF_BIRTH_FIELD_NUMBER: _ClassVar[int]
    GENDER_FIELD_NUMBER: _ClassVar[int]
    ETHNICITY_FIELD_NUMBER: _ClassVar[int]
    DISABILITY_FIELD_NUMBER: _ClassVar[int]
    TENANCY_TYPE_FIELD_NUMBER: _ClassVar[int]
    HOUSEHOLD_STATUS_FIELD_NUMBER: _ClassVar[int]
    AREA_FIELD_NUMBER: _ClassVar[int]
    PROPERTY_REF_FIELD_NUMBER: _ClassVar[int]
    ADDRESS1_FIELD_NUMBER: _ClassVar[int]
    ADDRESS2_FIELD_NUMBER: _ClassVar[int]
    ADDRESS3_FIELD_NUMBER: _ClassVar[int]
    ADDRESS4_FIELD_NUMBER: _ClassVar[int]
    POSTCODE_FIELD_NUMBER: _ClassVar[int]
    PHONE_FIELD_NUMBER: _ClassVar[int]
    MOBILE_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    GENDER_IDENTITY_FIELD_NUMBER: _ClassVar[int]
    MARRIAGE_CIVIL_PARTNERSHIP_FIELD_NUMBER: _ClassVar[int]
    PREGNANCY_MATERNITY_FIELD_NUMBER: _ClassVar[int]
    sequence: int
    personal_ref: str
    title: str
    first_name: str
    surname: str
    date_of_birth: str
    gender: str
    ethnicity: str
    disability: str
    tenancy_type: str
    household_status: str
    area: str
    property_ref: str
    address1: str
    address2: str
    address3: str
    address4: str
    postcode: str
    phone: str
    mobile: str
    email: str
    gender_identity: str
    marriage_civil_partnership: str
    pregnancy_maternity: str
    def __init__(self, sequence: _Optional[int] = ..., personal_ref: _Optional[str] = ..., title: _Optional[str] = ..., first_name: _Optional[str] = ..., surname: _Optional[str] = ..., date_of_birth: _Optional[str] = ..., gender: _Optional[str] = ..., ethnicity: _Optional[str] = ..., disability: _Optional[str] = ..., tenancy_type: _Optional[str] = ..., household_status: _Optional[str] = ..., area: _Optional[str] = ..., property_ref: _Optional[str] = ..., address1: _Optional[str] = ..., address2: _Optional[str] = ..., address3: _Optional[str] = ..., address4: _Optional[str] = ..., postcode: _Optional[str] = ..., phone: _Optional[str] = ..., mobile: _Optional[str] = ..., email: _Optional[str] = ..., gender_identity: _Optional[str] = ..., marriage_civil_partnership: _Optional[str] = ..., pregnancy_maternity: _Optional[str] = ...) -> None: ...
