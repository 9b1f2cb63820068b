from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Optional as _Optional

DESCRIPTOR: _descriptor.FileDescriptor

class Person(_message.Message):
    __slots__ = ("person_id", "landlord_id", "personal_ref", "status", "first_name", "surname", "created_at", "updated_at", "created_by")
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    LANDLORD_ID_FIELD_NUMBER: _ClassVar[int]
    PERSONAL_REF_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    FIRST_NAME_FIELD_NUMBER: _ClassVar[int]
    SURNAME_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    person_id: str
    landlord_id: str
    personal_ref: str
    status: str
    first_name: str
    surname: str
    created_at: str
    updated_at: str
    created_by: str
    def __init__(self, person_id: _Optional[str] = ..., landlord_id: _Optional[str] = ..., personal_ref: _Optional[str] = ..., status: _Optional[str] = ..., first_name: _Optional[str] = ..., surname: _Optional[str] = ..., created_at: _Optional[str] = ..., updated_at: _Optional[str] = ..., created_by: _Optional[str] = ...) -> None: ...
