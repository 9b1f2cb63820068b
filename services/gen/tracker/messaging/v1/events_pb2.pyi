from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Optional as _Optional

DESCRIPTOR: _descriptor.FileDescriptor

class CommunicationRecorded(_message.Message):
    __slots__ = ("communication_id", "version", "person_id", "communication_code", "outcome_code", "date", "message_id", "deleted", "communication_label", "outcome_label", "satisfaction")
    COMMUNICATION_ID_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    COMMUNICATION_CODE_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_CODE_FIELD_NUMBER: _ClassVar[int]
    DATE_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_ID_FIELD_NUMBER: _ClassVar[int]
    DELETED_FIELD_NUMBER: _ClassVar[int]
    COMMUNICATION_LABEL_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_LABEL_FIELD_NUMBER: _ClassVar[int]
    SATISFACTION_FIELD_NUMBER: _ClassVar[int]
    communication_id: str
    version: int
    person_id: str
    communication_code: str
    outcome_code: str
    date: str
    message_id: str
    deleted: bool
    communication_label: str
    outcome_label: str
    satisfaction: int
    def __init__(self, communication_id: _Optional[str] = ..., version: _Optional[int] = ..., person_id: _Optional[str] = ..., communication_code: _Optional[str] = ..., outcome_code: _Optional[str] = ..., date: _Optional[str] = ..., message_id: _Optional[str] = ..., deleted: _Optional[bool] = ..., communication_label: _Optional[str] = ..., outcome_label: _Optional[str] = ..., satisfaction: _Optional[int] = ...) -> None: ...
