from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ReferralChanged(_message.Message):
    __slots__ = ("referral_id", "version", "person_id", "provider_id", "wants_support", "no_reason", "status", "referred_on", "first_appointment_on", "steps", "referred_by", "deleted")
    REFERRAL_ID_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_ID_FIELD_NUMBER: _ClassVar[int]
    WANTS_SUPPORT_FIELD_NUMBER: _ClassVar[int]
    NO_REASON_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    REFERRED_ON_FIELD_NUMBER: _ClassVar[int]
    FIRST_APPOINTMENT_ON_FIELD_NUMBER: _ClassVar[int]
    STEPS_FIELD_NUMBER: _ClassVar[int]
    REFERRED_BY_FIELD_NUMBER: _ClassVar[int]
    DELETED_FIELD_NUMBER: _ClassVar[int]
    referral_id: str
    version: int
    person_id: str
    provider_id: str
    wants_support: bool
    no_reason: str
    status: str
    referred_on: str
    first_appointment_on: str
    steps: _containers.RepeatedCompositeFieldContainer[JourneyStep]
    referred_by: str
    deleted: bool
    def __init__(self, referral_id: _Optional[str] = ..., version: _Optional[int] = ..., person_id: _Optional[str] = ..., provider_id: _Optional[str] = ..., wants_support: _Optional[bool] = ..., no_reason: _Optional[str] = ..., status: _Optional[str] = ..., referred_on: _Optional[str] = ..., first_appointment_on: _Optional[str] = ..., steps: _Optional[_Iterable[_Union[JourneyStep, _Mapping]]] = ..., referred_by: _Optional[str] = ..., deleted: _Optional[bool] = ...) -> None: ...

class JourneyStep(_message.Message):
    __slots__ = ("step", "date")
    STEP_FIELD_NUMBER: _ClassVar[int]
    DATE_FIELD_NUMBER: _ClassVar[int]
    step: str
    date: str
    def __init__(self, step: _Optional[str] = ..., date: _Optional[str] = ...) -> None: ...
