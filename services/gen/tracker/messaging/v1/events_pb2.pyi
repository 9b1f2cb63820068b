from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class CommunicationRecorded(_message.Message):
    __slots__ = ("communication_id", "version", "person_id", "communication_code", "outcome_code", "date", "message_id", "deleted", "communication_label", "outcome_label", "satisfaction", "changed_by", "changes")
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
    CHANGED_BY_FIELD_NUMBER: _ClassVar[int]
    CHANGES_FIELD_NUMBER: _ClassVar[int]
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
    changed_by: str
    changes: _containers.RepeatedCompositeFieldContainer[InteractionChange]
    def __init__(self, communication_id: _Optional[str] = ..., version: _Optional[int] = ..., person_id: _Optional[str] = ..., communication_code: _Optional[str] = ..., outcome_code: _Optional[str] = ..., date: _Optional[str] = ..., message_id: _Optional[str] = ..., deleted: _Optional[bool] = ..., communication_label: _Optional[str] = ..., outcome_label: _Optional[str] = ..., satisfaction: _Optional[int] = ..., changed_by: _Optional[str] = ..., changes: _Optional[_Iterable[_Union[InteractionChange, _Mapping]]] = ...) -> None: ...

class InteractionChange(_message.Message):
    __slots__ = ("field", "old_value", "new_value")
    FIELD_FIELD_NUMBER: _ClassVar[int]
    OLD_VALUE_FIELD_NUMBER: _ClassVar[int]
    NEW_VALUE_FIELD_NUMBER: _ClassVar[int]
    field: str
    old_value: str
    new_value: str
    def __init__(self, field: _Optional[str] = ..., old_value: _Optional[str] = ..., new_value: _Optional[str] = ...) -> None: ...

class PersonActionsChanged(_message.Message):
    __slots__ = ("person_id", "version", "open_due_dates")
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    OPEN_DUE_DATES_FIELD_NUMBER: _ClassVar[int]
    person_id: str
    version: int
    open_due_dates: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, person_id: _Optional[str] = ..., version: _Optional[int] = ..., open_due_dates: _Optional[_Iterable[str]] = ...) -> None: ...
