from google.protobuf import struct_pb2 as _struct_pb2
from services.gen.tracker.messaging.v1 import events_pb2 as _events_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ProviderRequest(_message.Message):
    __slots__ = ("params", "signature")
    class ParamsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    PARAMS_FIELD_NUMBER: _ClassVar[int]
    SIGNATURE_FIELD_NUMBER: _ClassVar[int]
    params: _containers.ScalarMap[str, str]
    signature: str
    def __init__(self, params: _Optional[_Mapping[str, str]] = ..., signature: _Optional[str] = ...) -> None: ...

class UnsubscribeRequest(_message.Message):
    __slots__ = ("token",)
    TOKEN_FIELD_NUMBER: _ClassVar[int]
    token: str
    def __init__(self, token: _Optional[str] = ...) -> None: ...

class ProviderAnswer(_message.Message):
    __slots__ = ("done",)
    DONE_FIELD_NUMBER: _ClassVar[int]
    done: str
    def __init__(self, done: _Optional[str] = ...) -> None: ...

class GetTextCreditsRequest(_message.Message):
    __slots__ = ("page", "page_size")
    PAGE_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    page: int
    page_size: int
    def __init__(self, page: _Optional[int] = ..., page_size: _Optional[int] = ...) -> None: ...

class TopUpTextCreditsRequest(_message.Message):
    __slots__ = ("credits", "note")
    CREDITS_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    credits: int
    note: str
    def __init__(self, credits: _Optional[int] = ..., note: _Optional[str] = ...) -> None: ...

class CreditMovement(_message.Message):
    __slots__ = ("movement_id", "kind", "credits", "balance_after", "message_id", "note", "created_at", "created_by")
    MOVEMENT_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    CREDITS_FIELD_NUMBER: _ClassVar[int]
    BALANCE_AFTER_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_ID_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    movement_id: str
    kind: str
    credits: int
    balance_after: int
    message_id: str
    note: str
    created_at: str
    created_by: str
    def __init__(self, movement_id: _Optional[str] = ..., kind: _Optional[str] = ..., credits: _Optional[int] = ..., balance_after: _Optional[int] = ..., message_id: _Optional[str] = ..., note: _Optional[str] = ..., created_at: _Optional[str] = ..., created_by: _Optional[str] = ...) -> None: ...

class TextCredits(_message.Message):
    __slots__ = ("balance", "low", "low_below", "total", "movements")
    BALANCE_FIELD_NUMBER: _ClassVar[int]
    LOW_FIELD_NUMBER: _ClassVar[int]
    LOW_BELOW_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    MOVEMENTS_FIELD_NUMBER: _ClassVar[int]
    balance: int
    low: bool
    low_below: int
    total: int
    movements: _containers.RepeatedCompositeFieldContainer[CreditMovement]
    def __init__(self, balance: _Optional[int] = ..., low: _Optional[bool] = ..., low_below: _Optional[int] = ..., total: _Optional[int] = ..., movements: _Optional[_Iterable[_Union[CreditMovement, _Mapping]]] = ...) -> None: ...

class CreateMessageRequest(_message.Message):
    __slots__ = ("channel", "description", "sender_name", "sender_email", "reply_to", "subject", "html", "greeting", "landlord_contact", "notes", "text", "reply_to_number", "mailing", "household_rules", "variants", "survey_method")
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    SENDER_NAME_FIELD_NUMBER: _ClassVar[int]
    SENDER_EMAIL_FIELD_NUMBER: _ClassVar[int]
    REPLY_TO_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    HTML_FIELD_NUMBER: _ClassVar[int]
    GREETING_FIELD_NUMBER: _ClassVar[int]
    LANDLORD_CONTACT_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    REPLY_TO_NUMBER_FIELD_NUMBER: _ClassVar[int]
    MAILING_FIELD_NUMBER: _ClassVar[int]
    HOUSEHOLD_RULES_FIELD_NUMBER: _ClassVar[int]
    VARIANTS_FIELD_NUMBER: _ClassVar[int]
    SURVEY_METHOD_FIELD_NUMBER: _ClassVar[int]
    channel: str
    description: str
    sender_name: str
    sender_email: str
    reply_to: str
    subject: str
    html: str
    greeting: str
    landlord_contact: str
    notes: str
    text: str
    reply_to_number: str
    mailing: str
    household_rules: _struct_pb2.Struct
    variants: _containers.RepeatedCompositeFieldContainer[Variant]
    survey_method: str
    def __init__(self, channel: _Optional[str] = ..., description: _Optional[str] = ..., sender_name: _Optional[str] = ..., sender_email: _Optional[str] = ..., reply_to: _Optional[str] = ..., subject: _Optional[str] = ..., html: _Optional[str] = ..., greeting: _Optional[str] = ..., landlord_contact: _Optional[str] = ..., notes: _Optional[str] = ..., text: _Optional[str] = ..., reply_to_number: _Optional[str] = ..., mailing: _Optional[str] = ..., household_rules: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., variants: _Optional[_Iterable[_Union[Variant, _Mapping]]] = ..., survey_method: _Optional[str] = ...) -> None: ...

class Variant(_message.Message):
    __slots__ = ("language", "subject", "html", "text")
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    HTML_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    language: str
    subject: str
    html: str
    text: str
    def __init__(self, language: _Optional[str] = ..., subject: _Optional[str] = ..., html: _Optional[str] = ..., text: _Optional[str] = ...) -> None: ...

class ListMessagesRequest(_message.Message):
    __slots__ = ("channel", "status", "reference", "notes", "landlord_contact", "created_from", "created_to", "page", "page_size")
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    REFERENCE_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    LANDLORD_CONTACT_FIELD_NUMBER: _ClassVar[int]
    CREATED_FROM_FIELD_NUMBER: _ClassVar[int]
    CREATED_TO_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    channel: str
    status: str
    reference: str
    notes: str
    landlord_contact: str
    created_from: str
    created_to: str
    page: int
    page_size: int
    def __init__(self, channel: _Optional[str] = ..., status: _Optional[str] = ..., reference: _Optional[str] = ..., notes: _Optional[str] = ..., landlord_contact: _Optional[str] = ..., created_from: _Optional[str] = ..., created_to: _Optional[str] = ..., page: _Optional[int] = ..., page_size: _Optional[int] = ...) -> None: ...

class MessagePage(_message.Message):
    __slots__ = ("total", "items")
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    total: int
    items: _containers.RepeatedCompositeFieldContainer[MessageSummary]
    def __init__(self, total: _Optional[int] = ..., items: _Optional[_Iterable[_Union[MessageSummary, _Mapping]]] = ...) -> None: ...

class GetMessageRequest(_message.Message):
    __slots__ = ("message_id",)
    MESSAGE_ID_FIELD_NUMBER: _ClassVar[int]
    message_id: str
    def __init__(self, message_id: _Optional[str] = ...) -> None: ...

class AddRecipientsRequest(_message.Message):
    __slots__ = ("message_id", "criteria")
    MESSAGE_ID_FIELD_NUMBER: _ClassVar[int]
    CRITERIA_FIELD_NUMBER: _ClassVar[int]
    message_id: str
    criteria: _struct_pb2.Struct
    def __init__(self, message_id: _Optional[str] = ..., criteria: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class RemoveRecipientsRequest(_message.Message):
    __slots__ = ("message_id", "person_ids", "all")
    MESSAGE_ID_FIELD_NUMBER: _ClassVar[int]
    PERSON_IDS_FIELD_NUMBER: _ClassVar[int]
    ALL_FIELD_NUMBER: _ClassVar[int]
    message_id: str
    person_ids: _containers.RepeatedScalarFieldContainer[str]
    all: bool
    def __init__(self, message_id: _Optional[str] = ..., person_ids: _Optional[_Iterable[str]] = ..., all: _Optional[bool] = ...) -> None: ...

class ReasonCount(_message.Message):
    __slots__ = ("reason", "label", "count")
    REASON_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    reason: str
    label: str
    count: int
    def __init__(self, reason: _Optional[str] = ..., label: _Optional[str] = ..., count: _Optional[int] = ...) -> None: ...

class MessageSummary(_message.Message):
    __slots__ = ("message_id", "channel", "reference", "status", "sender_name", "sender_email", "reply_to", "subject", "html", "greeting", "landlord_contact", "notes", "included", "excluded", "sent", "bounced", "failed", "waiting", "created_at", "created_by", "sent_at", "text", "reply_to_number", "delivered", "credits_needed", "mailing", "household_rules", "attachment", "open_tracking", "variants", "survey_method")
    MESSAGE_ID_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    REFERENCE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    SENDER_NAME_FIELD_NUMBER: _ClassVar[int]
    SENDER_EMAIL_FIELD_NUMBER: _ClassVar[int]
    REPLY_TO_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    HTML_FIELD_NUMBER: _ClassVar[int]
    GREETING_FIELD_NUMBER: _ClassVar[int]
    LANDLORD_CONTACT_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    INCLUDED_FIELD_NUMBER: _ClassVar[int]
    EXCLUDED_FIELD_NUMBER: _ClassVar[int]
    SENT_FIELD_NUMBER: _ClassVar[int]
    BOUNCED_FIELD_NUMBER: _ClassVar[int]
    FAILED_FIELD_NUMBER: _ClassVar[int]
    WAITING_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    SENT_AT_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    REPLY_TO_NUMBER_FIELD_NUMBER: _ClassVar[int]
    DELIVERED_FIELD_NUMBER: _ClassVar[int]
    CREDITS_NEEDED_FIELD_NUMBER: _ClassVar[int]
    MAILING_FIELD_NUMBER: _ClassVar[int]
    HOUSEHOLD_RULES_FIELD_NUMBER: _ClassVar[int]
    ATTACHMENT_FIELD_NUMBER: _ClassVar[int]
    OPEN_TRACKING_FIELD_NUMBER: _ClassVar[int]
    VARIANTS_FIELD_NUMBER: _ClassVar[int]
    SURVEY_METHOD_FIELD_NUMBER: _ClassVar[int]
    message_id: str
    channel: str
    reference: str
    status: str
    sender_name: str
    sender_email: str
    reply_to: str
    subject: str
    html: str
    greeting: str
    landlord_contact: str
    notes: str
    included: int
    excluded: _containers.RepeatedCompositeFieldContainer[ReasonCount]
    sent: int
    bounced: int
    failed: int
    waiting: int
    created_at: str
    created_by: str
    sent_at: str
    text: str
    reply_to_number: str
    delivered: int
    credits_needed: int
    mailing: str
    household_rules: _struct_pb2.Struct
    attachment: AttachmentInfo
    open_tracking: bool
    variants: _containers.RepeatedCompositeFieldContainer[Variant]
    survey_method: str
    def __init__(self, message_id: _Optional[str] = ..., channel: _Optional[str] = ..., reference: _Optional[str] = ..., status: _Optional[str] = ..., sender_name: _Optional[str] = ..., sender_email: _Optional[str] = ..., reply_to: _Optional[str] = ..., subject: _Optional[str] = ..., html: _Optional[str] = ..., greeting: _Optional[str] = ..., landlord_contact: _Optional[str] = ..., notes: _Optional[str] = ..., included: _Optional[int] = ..., excluded: _Optional[_Iterable[_Union[ReasonCount, _Mapping]]] = ..., sent: _Optional[int] = ..., bounced: _Optional[int] = ..., failed: _Optional[int] = ..., waiting: _Optional[int] = ..., created_at: _Optional[str] = ..., created_by: _Optional[str] = ..., sent_at: _Optional[str] = ..., text: _Optional[str] = ..., reply_to_number: _Optional[str] = ..., delivered: _Optional[int] = ..., credits_needed: _Optional[int] = ..., mailing: _Optional[str] = ..., household_rules: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., attachment: _Optional[_Union[AttachmentInfo, _Mapping]] = ..., open_tracking: _Optional[bool] = ..., variants: _Optional[_Iterable[_Union[Variant, _Mapping]]] = ..., survey_method: _Optional[str] = ...) -> None: ...

class AttachmentInfo(_message.Message):
    __slots__ = ("file_name", "content_type", "size_bytes", "sha256", "uploaded_at", "uploaded_by")
    FILE_NAME_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    SIZE_BYTES_FIELD_NUMBER: _ClassVar[int]
    SHA256_FIELD_NUMBER: _ClassVar[int]
    UPLOADED_AT_FIELD_NUMBER: _ClassVar[int]
    UPLOADED_BY_FIELD_NUMBER: _ClassVar[int]
    file_name: str
    content_type: str
    size_bytes: int
    sha256: str
    uploaded_at: str
    uploaded_by: str
    def __init__(self, file_name: _Optional[str] = ..., content_type: _Optional[str] = ..., size_bytes: _Optional[int] = ..., sha256: _Optional[str] = ..., uploaded_at: _Optional[str] = ..., uploaded_by: _Optional[str] = ...) -> None: ...

class PutAttachmentRequest(_message.Message):
    __slots__ = ("message_id", "file_name", "content")
    MESSAGE_ID_FIELD_NUMBER: _ClassVar[int]
    FILE_NAME_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    message_id: str
    file_name: str
    content: bytes
    def __init__(self, message_id: _Optional[str] = ..., file_name: _Optional[str] = ..., content: _Optional[bytes] = ...) -> None: ...

class AttachmentFile(_message.Message):
    __slots__ = ("info", "content")
    INFO_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    info: AttachmentInfo
    content: bytes
    def __init__(self, info: _Optional[_Union[AttachmentInfo, _Mapping]] = ..., content: _Optional[bytes] = ...) -> None: ...

class PreviewMessageRequest(_message.Message):
    __slots__ = ("message_id", "page", "page_size")
    MESSAGE_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    message_id: str
    page: int
    page_size: int
    def __init__(self, message_id: _Optional[str] = ..., page: _Optional[int] = ..., page_size: _Optional[int] = ...) -> None: ...

class Recipient(_message.Message):
    __slots__ = ("person_id", "name", "state", "reason", "reason_label", "to_address", "to_name", "subject", "html", "communication_id", "text", "segments", "error", "large_print", "household_id", "language")
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REASON_LABEL_FIELD_NUMBER: _ClassVar[int]
    TO_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    TO_NAME_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    HTML_FIELD_NUMBER: _ClassVar[int]
    COMMUNICATION_ID_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    SEGMENTS_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    LARGE_PRINT_FIELD_NUMBER: _ClassVar[int]
    HOUSEHOLD_ID_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    person_id: str
    name: str
    state: str
    reason: str
    reason_label: str
    to_address: str
    to_name: str
    subject: str
    html: str
    communication_id: str
    text: str
    segments: int
    error: str
    large_print: bool
    household_id: str
    language: str
    def __init__(self, person_id: _Optional[str] = ..., name: _Optional[str] = ..., state: _Optional[str] = ..., reason: _Optional[str] = ..., reason_label: _Optional[str] = ..., to_address: _Optional[str] = ..., to_name: _Optional[str] = ..., subject: _Optional[str] = ..., html: _Optional[str] = ..., communication_id: _Optional[str] = ..., text: _Optional[str] = ..., segments: _Optional[int] = ..., error: _Optional[str] = ..., large_print: _Optional[bool] = ..., household_id: _Optional[str] = ..., language: _Optional[str] = ...) -> None: ...

class MessageFileRequest(_message.Message):
    __slots__ = ("message_id", "format")
    MESSAGE_ID_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    message_id: str
    format: str
    def __init__(self, message_id: _Optional[str] = ..., format: _Optional[str] = ...) -> None: ...

class FileChunk(_message.Message):
    __slots__ = ("data",)
    DATA_FIELD_NUMBER: _ClassVar[int]
    data: bytes
    def __init__(self, data: _Optional[bytes] = ...) -> None: ...

class MessagePreview(_message.Message):
    __slots__ = ("message", "total", "recipients")
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    RECIPIENTS_FIELD_NUMBER: _ClassVar[int]
    message: MessageSummary
    total: int
    recipients: _containers.RepeatedCompositeFieldContainer[Recipient]
    def __init__(self, message: _Optional[_Union[MessageSummary, _Mapping]] = ..., total: _Optional[int] = ..., recipients: _Optional[_Iterable[_Union[Recipient, _Mapping]]] = ...) -> None: ...

class StreamCommunicationStatesRequest(_message.Message):
    __slots__ = ("page_size", "after_communication_id")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    AFTER_COMMUNICATION_ID_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    after_communication_id: str
    def __init__(self, page_size: _Optional[int] = ..., after_communication_id: _Optional[str] = ...) -> None: ...

class CommunicationStates(_message.Message):
    __slots__ = ("records",)
    RECORDS_FIELD_NUMBER: _ClassVar[int]
    records: _containers.RepeatedCompositeFieldContainer[_events_pb2.CommunicationRecorded]
    def __init__(self, records: _Optional[_Iterable[_Union[_events_pb2.CommunicationRecorded, _Mapping]]] = ...) -> None: ...

class ListCommunicationCodesRequest(_message.Message):
    __slots__ = ("archived",)
    ARCHIVED_FIELD_NUMBER: _ClassVar[int]
    archived: bool
    def __init__(self, archived: _Optional[bool] = ...) -> None: ...

class CommunicationCode(_message.Message):
    __slots__ = ("code", "label", "outcomes", "archived", "platform", "colour", "text_colour")
    CODE_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    OUTCOMES_FIELD_NUMBER: _ClassVar[int]
    ARCHIVED_FIELD_NUMBER: _ClassVar[int]
    PLATFORM_FIELD_NUMBER: _ClassVar[int]
    COLOUR_FIELD_NUMBER: _ClassVar[int]
    TEXT_COLOUR_FIELD_NUMBER: _ClassVar[int]
    code: str
    label: str
    outcomes: _containers.RepeatedCompositeFieldContainer[OutcomeCode]
    archived: bool
    platform: bool
    colour: str
    text_colour: str
    def __init__(self, code: _Optional[str] = ..., label: _Optional[str] = ..., outcomes: _Optional[_Iterable[_Union[OutcomeCode, _Mapping]]] = ..., archived: _Optional[bool] = ..., platform: _Optional[bool] = ..., colour: _Optional[str] = ..., text_colour: _Optional[str] = ...) -> None: ...

class OutcomeCode(_message.Message):
    __slots__ = ("code", "label", "archived", "platform")
    CODE_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    ARCHIVED_FIELD_NUMBER: _ClassVar[int]
    PLATFORM_FIELD_NUMBER: _ClassVar[int]
    code: str
    label: str
    archived: bool
    platform: bool
    def __init__(self, code: _Optional[str] = ..., label: _Optional[str] = ..., archived: _Optional[bool] = ..., platform: _Optional[bool] = ...) -> None: ...

class NewOutcomeCode(_message.Message):
    __slots__ = ("code", "label")
    CODE_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    code: str
    label: str
    def __init__(self, code: _Optional[str] = ..., label: _Optional[str] = ...) -> None: ...

class AddCommunicationCodeRequest(_message.Message):
    __slots__ = ("code", "label", "outcomes", "colour", "text_colour")
    CODE_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    OUTCOMES_FIELD_NUMBER: _ClassVar[int]
    COLOUR_FIELD_NUMBER: _ClassVar[int]
    TEXT_COLOUR_FIELD_NUMBER: _ClassVar[int]
    code: str
    label: str
    outcomes: _containers.RepeatedCompositeFieldContainer[NewOutcomeCode]
    colour: str
    text_colour: str
    def __init__(self, code: _Optional[str] = ..., label: _Optional[str] = ..., outcomes: _Optional[_Iterable[_Union[NewOutcomeCode, _Mapping]]] = ..., colour: _Optional[str] = ..., text_colour: _Optional[str] = ...) -> None: ...

class UpdateCommunicationCodeRequest(_message.Message):
    __slots__ = ("code", "label", "archived", "colour", "text_colour")
    CODE_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    ARCHIVED_FIELD_NUMBER: _ClassVar[int]
    COLOUR_FIELD_NUMBER: _ClassVar[int]
    TEXT_COLOUR_FIELD_NUMBER: _ClassVar[int]
    code: str
    label: str
    archived: bool
    colour: str
    text_colour: str
    def __init__(self, code: _Optional[str] = ..., label: _Optional[str] = ..., archived: _Optional[bool] = ..., colour: _Optional[str] = ..., text_colour: _Optional[str] = ...) -> None: ...

class DeleteCommunicationCodeRequest(_message.Message):
    __slots__ = ("code",)
    CODE_FIELD_NUMBER: _ClassVar[int]
    code: str
    def __init__(self, code: _Optional[str] = ...) -> None: ...

class AddOutcomeCodeRequest(_message.Message):
    __slots__ = ("communication_code", "code", "label")
    COMMUNICATION_CODE_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    communication_code: str
    code: str
    label: str
    def __init__(self, communication_code: _Optional[str] = ..., code: _Optional[str] = ..., label: _Optional[str] = ...) -> None: ...

class UpdateOutcomeCodeRequest(_message.Message):
    __slots__ = ("communication_code", "code", "label", "archived")
    COMMUNICATION_CODE_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    ARCHIVED_FIELD_NUMBER: _ClassVar[int]
    communication_code: str
    code: str
    label: str
    archived: bool
    def __init__(self, communication_code: _Optional[str] = ..., code: _Optional[str] = ..., label: _Optional[str] = ..., archived: _Optional[bool] = ...) -> None: ...

class DeleteOutcomeCodeRequest(_message.Message):
    __slots__ = ("communication_code", "code")
    COMMUNICATION_CODE_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    communication_code: str
    code: str
    def __init__(self, communication_code: _Optional[str] = ..., code: _Optional[str] = ...) -> None: ...

class CommunicationCodeDeleted(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class CommunicationCodes(_message.Message):
    __slots__ = ("codes",)
    CODES_FIELD_NUMBER: _ClassVar[int]
    codes: _containers.RepeatedCompositeFieldContainer[CommunicationCode]
    def __init__(self, codes: _Optional[_Iterable[_Union[CommunicationCode, _Mapping]]] = ...) -> None: ...

class CommunicationDetails(_message.Message):
    __slots__ = ("communication_code", "outcome_code", "date", "landlord_contact", "description", "notes", "satisfaction")
    COMMUNICATION_CODE_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_CODE_FIELD_NUMBER: _ClassVar[int]
    DATE_FIELD_NUMBER: _ClassVar[int]
    LANDLORD_CONTACT_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    SATISFACTION_FIELD_NUMBER: _ClassVar[int]
    communication_code: str
    outcome_code: str
    date: str
    landlord_contact: str
    description: str
    notes: str
    satisfaction: int
    def __init__(self, communication_code: _Optional[str] = ..., outcome_code: _Optional[str] = ..., date: _Optional[str] = ..., landlord_contact: _Optional[str] = ..., description: _Optional[str] = ..., notes: _Optional[str] = ..., satisfaction: _Optional[int] = ...) -> None: ...

class RecordCommunicationsRequest(_message.Message):
    __slots__ = ("person_ids", "details")
    PERSON_IDS_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    person_ids: _containers.RepeatedScalarFieldContainer[str]
    details: CommunicationDetails
    def __init__(self, person_ids: _Optional[_Iterable[str]] = ..., details: _Optional[_Union[CommunicationDetails, _Mapping]] = ...) -> None: ...

class RecordCommunicationsResponse(_message.Message):
    __slots__ = ("recorded", "communication_ids")
    RECORDED_FIELD_NUMBER: _ClassVar[int]
    COMMUNICATION_IDS_FIELD_NUMBER: _ClassVar[int]
    recorded: int
    communication_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, recorded: _Optional[int] = ..., communication_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class Communication(_message.Message):
    __slots__ = ("communication_id", "person_id", "details", "communication_label", "outcome_label", "message_id", "created_at", "created_by", "updated_at")
    COMMUNICATION_ID_FIELD_NUMBER: _ClassVar[int]
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    COMMUNICATION_LABEL_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_LABEL_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_ID_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    communication_id: str
    person_id: str
    details: CommunicationDetails
    communication_label: str
    outcome_label: str
    message_id: str
    created_at: str
    created_by: str
    updated_at: str
    def __init__(self, communication_id: _Optional[str] = ..., person_id: _Optional[str] = ..., details: _Optional[_Union[CommunicationDetails, _Mapping]] = ..., communication_label: _Optional[str] = ..., outcome_label: _Optional[str] = ..., message_id: _Optional[str] = ..., created_at: _Optional[str] = ..., created_by: _Optional[str] = ..., updated_at: _Optional[str] = ...) -> None: ...

class ListPersonCommunicationsRequest(_message.Message):
    __slots__ = ("person_id", "page", "page_size")
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    person_id: str
    page: int
    page_size: int
    def __init__(self, person_id: _Optional[str] = ..., page: _Optional[int] = ..., page_size: _Optional[int] = ...) -> None: ...

class CommunicationPage(_message.Message):
    __slots__ = ("total", "items")
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    total: int
    items: _containers.RepeatedCompositeFieldContainer[Communication]
    def __init__(self, total: _Optional[int] = ..., items: _Optional[_Iterable[_Union[Communication, _Mapping]]] = ...) -> None: ...

class GetCommunicationRequest(_message.Message):
    __slots__ = ("communication_id",)
    COMMUNICATION_ID_FIELD_NUMBER: _ClassVar[int]
    communication_id: str
    def __init__(self, communication_id: _Optional[str] = ...) -> None: ...

class UpdateCommunicationRequest(_message.Message):
    __slots__ = ("communication_id", "communication_code", "outcome_code", "date", "landlord_contact", "description", "notes")
    COMMUNICATION_ID_FIELD_NUMBER: _ClassVar[int]
    COMMUNICATION_CODE_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_CODE_FIELD_NUMBER: _ClassVar[int]
    DATE_FIELD_NUMBER: _ClassVar[int]
    LANDLORD_CONTACT_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    communication_id: str
    communication_code: str
    outcome_code: str
    date: str
    landlord_contact: str
    description: str
    notes: str
    def __init__(self, communication_id: _Optional[str] = ..., communication_code: _Optional[str] = ..., outcome_code: _Optional[str] = ..., date: _Optional[str] = ..., landlord_contact: _Optional[str] = ..., description: _Optional[str] = ..., notes: _Optional[str] = ...) -> None: ...

class DeleteCommunicationResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetNeedRulesRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class NeedRule(_message.Message):
    __slots__ = ("need", "channel", "action")
    NEED_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    ACTION_FIELD_NUMBER: _ClassVar[int]
    need: str
    channel: str
    action: str
    def __init__(self, need: _Optional[str] = ..., channel: _Optional[str] = ..., action: _Optional[str] = ...) -> None: ...

class NeedRules(_message.Message):
    __slots__ = ("rules",)
    RULES_FIELD_NUMBER: _ClassVar[int]
    rules: _containers.RepeatedCompositeFieldContainer[NeedRule]
    def __init__(self, rules: _Optional[_Iterable[_Union[NeedRule, _Mapping]]] = ...) -> None: ...

class OutcomeCount(_message.Message):
    __slots__ = ("code", "label", "count")
    CODE_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    code: str
    label: str
    count: int
    def __init__(self, code: _Optional[str] = ..., label: _Optional[str] = ..., count: _Optional[int] = ...) -> None: ...

class MessageReport(_message.Message):
    __slots__ = ("message", "outcomes")
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    OUTCOMES_FIELD_NUMBER: _ClassVar[int]
    message: MessageSummary
    outcomes: _containers.RepeatedCompositeFieldContainer[OutcomeCount]
    def __init__(self, message: _Optional[_Union[MessageSummary, _Mapping]] = ..., outcomes: _Optional[_Iterable[_Union[OutcomeCount, _Mapping]]] = ...) -> None: ...

class RecipientCopyRequest(_message.Message):
    __slots__ = ("message_id", "person_id")
    MESSAGE_ID_FIELD_NUMBER: _ClassVar[int]
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    message_id: str
    person_id: str
    def __init__(self, message_id: _Optional[str] = ..., person_id: _Optional[str] = ...) -> None: ...

class RecipientCopy(_message.Message):
    __slots__ = ("recipient",)
    RECIPIENT_FIELD_NUMBER: _ClassVar[int]
    recipient: Recipient
    def __init__(self, recipient: _Optional[_Union[Recipient, _Mapping]] = ...) -> None: ...

class CommunicationReportRequest(_message.Message):
    __slots__ = ("communication_code", "date_from", "date_to", "landlord_contact", "message_id")
    COMMUNICATION_CODE_FIELD_NUMBER: _ClassVar[int]
    DATE_FROM_FIELD_NUMBER: _ClassVar[int]
    DATE_TO_FIELD_NUMBER: _ClassVar[int]
    LANDLORD_CONTACT_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_ID_FIELD_NUMBER: _ClassVar[int]
    communication_code: str
    date_from: str
    date_to: str
    landlord_contact: str
    message_id: str
    def __init__(self, communication_code: _Optional[str] = ..., date_from: _Optional[str] = ..., date_to: _Optional[str] = ..., landlord_contact: _Optional[str] = ..., message_id: _Optional[str] = ...) -> None: ...

class MessageShare(_message.Message):
    __slots__ = ("message_id", "reference", "channel", "records", "people", "first_date", "last_date")
    MESSAGE_ID_FIELD_NUMBER: _ClassVar[int]
    REFERENCE_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    RECORDS_FIELD_NUMBER: _ClassVar[int]
    PEOPLE_FIELD_NUMBER: _ClassVar[int]
    FIRST_DATE_FIELD_NUMBER: _ClassVar[int]
    LAST_DATE_FIELD_NUMBER: _ClassVar[int]
    message_id: str
    reference: str
    channel: str
    records: int
    people: int
    first_date: str
    last_date: str
    def __init__(self, message_id: _Optional[str] = ..., reference: _Optional[str] = ..., channel: _Optional[str] = ..., records: _Optional[int] = ..., people: _Optional[int] = ..., first_date: _Optional[str] = ..., last_date: _Optional[str] = ...) -> None: ...

class CommunicationReport(_message.Message):
    __slots__ = ("messages", "dates", "records", "people", "by_message")
    MESSAGES_FIELD_NUMBER: _ClassVar[int]
    DATES_FIELD_NUMBER: _ClassVar[int]
    RECORDS_FIELD_NUMBER: _ClassVar[int]
    PEOPLE_FIELD_NUMBER: _ClassVar[int]
    BY_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    messages: int
    dates: int
    records: int
    people: int
    by_message: _containers.RepeatedCompositeFieldContainer[MessageShare]
    def __init__(self, messages: _Optional[int] = ..., dates: _Optional[int] = ..., records: _Optional[int] = ..., people: _Optional[int] = ..., by_message: _Optional[_Iterable[_Union[MessageShare, _Mapping]]] = ...) -> None: ...

class CommunicationReportFileRequest(_message.Message):
    __slots__ = ("filter", "what", "format")
    FILTER_FIELD_NUMBER: _ClassVar[int]
    WHAT_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    filter: CommunicationReportRequest
    what: str
    format: str
    def __init__(self, filter: _Optional[_Union[CommunicationReportRequest, _Mapping]] = ..., what: _Optional[str] = ..., format: _Optional[str] = ...) -> None: ...

class GetMessageDefaultsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class MessageDefaults(_message.Message):
    __slots__ = ("sender_name", "sender_email", "reply_to", "reply_to_number", "open_tracking")
    SENDER_NAME_FIELD_NUMBER: _ClassVar[int]
    SENDER_EMAIL_FIELD_NUMBER: _ClassVar[int]
    REPLY_TO_FIELD_NUMBER: _ClassVar[int]
    REPLY_TO_NUMBER_FIELD_NUMBER: _ClassVar[int]
    OPEN_TRACKING_FIELD_NUMBER: _ClassVar[int]
    sender_name: str
    sender_email: str
    reply_to: str
    reply_to_number: str
    open_tracking: bool
    def __init__(self, sender_name: _Optional[str] = ..., sender_email: _Optional[str] = ..., reply_to: _Optional[str] = ..., reply_to_number: _Optional[str] = ..., open_tracking: _Optional[bool] = ...) -> None: ...

class SurveyResult(_message.Message):
    __slots__ = ("person_id", "outcome_code", "satisfaction", "date", "notes")
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_CODE_FIELD_NUMBER: _ClassVar[int]
    SATISFACTION_FIELD_NUMBER: _ClassVar[int]
    DATE_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    person_id: str
    outcome_code: str
    satisfaction: int
    date: str
    notes: str
    def __init__(self, person_id: _Optional[str] = ..., outcome_code: _Optional[str] = ..., satisfaction: _Optional[int] = ..., date: _Optional[str] = ..., notes: _Optional[str] = ...) -> None: ...

class SurveyResultsRequest(_message.Message):
    __slots__ = ("message_id", "results")
    MESSAGE_ID_FIELD_NUMBER: _ClassVar[int]
    RESULTS_FIELD_NUMBER: _ClassVar[int]
    message_id: str
    results: _containers.RepeatedCompositeFieldContainer[SurveyResult]
    def __init__(self, message_id: _Optional[str] = ..., results: _Optional[_Iterable[_Union[SurveyResult, _Mapping]]] = ...) -> None: ...

class ListLandlordContactsRequest(_message.Message):
    __slots__ = ("archived",)
    ARCHIVED_FIELD_NUMBER: _ClassVar[int]
    archived: bool
    def __init__(self, archived: _Optional[bool] = ...) -> None: ...

class LandlordContact(_message.Message):
    __slots__ = ("contact_id", "name", "archived", "in_use")
    CONTACT_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    ARCHIVED_FIELD_NUMBER: _ClassVar[int]
    IN_USE_FIELD_NUMBER: _ClassVar[int]
    contact_id: str
    name: str
    archived: bool
    in_use: int
    def __init__(self, contact_id: _Optional[str] = ..., name: _Optional[str] = ..., archived: _Optional[bool] = ..., in_use: _Optional[int] = ...) -> None: ...

class LandlordContacts(_message.Message):
    __slots__ = ("contacts",)
    CONTACTS_FIELD_NUMBER: _ClassVar[int]
    contacts: _containers.RepeatedCompositeFieldContainer[LandlordContact]
    def __init__(self, contacts: _Optional[_Iterable[_Union[LandlordContact, _Mapping]]] = ...) -> None: ...

class AddLandlordContactRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class UpdateLandlordContactRequest(_message.Message):
    __slots__ = ("contact_id", "name", "archived")
    CONTACT_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    ARCHIVED_FIELD_NUMBER: _ClassVar[int]
    contact_id: str
    name: str
    archived: bool
    def __init__(self, contact_id: _Optional[str] = ..., name: _Optional[str] = ..., archived: _Optional[bool] = ...) -> None: ...

class DeleteLandlordContactRequest(_message.Message):
    __slots__ = ("contact_id",)
    CONTACT_ID_FIELD_NUMBER: _ClassVar[int]
    contact_id: str
    def __init__(self, contact_id: _Optional[str] = ...) -> None: ...

class LandlordContactDeleted(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class NewAction(_message.Message):
    __slots__ = ("what", "assigned_to", "due_date")
    WHAT_FIELD_NUMBER: _ClassVar[int]
    ASSIGNED_TO_FIELD_NUMBER: _ClassVar[int]
    DUE_DATE_FIELD_NUMBER: _ClassVar[int]
    what: str
    assigned_to: str
    due_date: str
    def __init__(self, what: _Optional[str] = ..., assigned_to: _Optional[str] = ..., due_date: _Optional[str] = ...) -> None: ...

class RecordInteractionRequest(_message.Message):
    __slots__ = ("person_id", "details", "action")
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    ACTION_FIELD_NUMBER: _ClassVar[int]
    person_id: str
    details: CommunicationDetails
    action: NewAction
    def __init__(self, person_id: _Optional[str] = ..., details: _Optional[_Union[CommunicationDetails, _Mapping]] = ..., action: _Optional[_Union[NewAction, _Mapping]] = ...) -> None: ...

class ListPersonInteractionsRequest(_message.Message):
    __slots__ = ("person_id", "types", "page", "page_size")
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    TYPES_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    person_id: str
    types: _containers.RepeatedScalarFieldContainer[str]
    page: int
    page_size: int
    def __init__(self, person_id: _Optional[str] = ..., types: _Optional[_Iterable[str]] = ..., page: _Optional[int] = ..., page_size: _Optional[int] = ...) -> None: ...

class Interaction(_message.Message):
    __slots__ = ("record", "colour", "text_colour", "actions")
    RECORD_FIELD_NUMBER: _ClassVar[int]
    COLOUR_FIELD_NUMBER: _ClassVar[int]
    TEXT_COLOUR_FIELD_NUMBER: _ClassVar[int]
    ACTIONS_FIELD_NUMBER: _ClassVar[int]
    record: Communication
    colour: str
    text_colour: str
    actions: _containers.RepeatedCompositeFieldContainer[FollowUpAction]
    def __init__(self, record: _Optional[_Union[Communication, _Mapping]] = ..., colour: _Optional[str] = ..., text_colour: _Optional[str] = ..., actions: _Optional[_Iterable[_Union[FollowUpAction, _Mapping]]] = ...) -> None: ...

class InteractionPage(_message.Message):
    __slots__ = ("total", "items")
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    total: int
    items: _containers.RepeatedCompositeFieldContainer[Interaction]
    def __init__(self, total: _Optional[int] = ..., items: _Optional[_Iterable[_Union[Interaction, _Mapping]]] = ...) -> None: ...

class ActionStep(_message.Message):
    __slots__ = ("step", "at", "by", "assigned_to", "due_date", "note")
    STEP_FIELD_NUMBER: _ClassVar[int]
    AT_FIELD_NUMBER: _ClassVar[int]
    BY_FIELD_NUMBER: _ClassVar[int]
    ASSIGNED_TO_FIELD_NUMBER: _ClassVar[int]
    DUE_DATE_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    step: str
    at: str
    by: str
    assigned_to: str
    due_date: str
    note: str
    def __init__(self, step: _Optional[str] = ..., at: _Optional[str] = ..., by: _Optional[str] = ..., assigned_to: _Optional[str] = ..., due_date: _Optional[str] = ..., note: _Optional[str] = ...) -> None: ...

class FollowUpAction(_message.Message):
    __slots__ = ("action_id", "communication_id", "person_id", "interaction_type", "interaction_label", "colour", "text_colour", "interaction_title", "what", "assigned_to", "due_date", "status", "overdue", "completed_at", "completed_by", "completion_note", "created_at", "created_by", "steps")
    ACTION_ID_FIELD_NUMBER: _ClassVar[int]
    COMMUNICATION_ID_FIELD_NUMBER: _ClassVar[int]
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    INTERACTION_TYPE_FIELD_NUMBER: _ClassVar[int]
    INTERACTION_LABEL_FIELD_NUMBER: _ClassVar[int]
    COLOUR_FIELD_NUMBER: _ClassVar[int]
    TEXT_COLOUR_FIELD_NUMBER: _ClassVar[int]
    INTERACTION_TITLE_FIELD_NUMBER: _ClassVar[int]
    WHAT_FIELD_NUMBER: _ClassVar[int]
    ASSIGNED_TO_FIELD_NUMBER: _ClassVar[int]
    DUE_DATE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    OVERDUE_FIELD_NUMBER: _ClassVar[int]
    COMPLETED_AT_FIELD_NUMBER: _ClassVar[int]
    COMPLETED_BY_FIELD_NUMBER: _ClassVar[int]
    COMPLETION_NOTE_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    STEPS_FIELD_NUMBER: _ClassVar[int]
    action_id: str
    communication_id: str
    person_id: str
    interaction_type: str
    interaction_label: str
    colour: str
    text_colour: str
    interaction_title: str
    what: str
    assigned_to: str
    due_date: str
    status: str
    overdue: bool
    completed_at: str
    completed_by: str
    completion_note: str
    created_at: str
    created_by: str
    steps: _containers.RepeatedCompositeFieldContainer[ActionStep]
    def __init__(self, action_id: _Optional[str] = ..., communication_id: _Optional[str] = ..., person_id: _Optional[str] = ..., interaction_type: _Optional[str] = ..., interaction_label: _Optional[str] = ..., colour: _Optional[str] = ..., text_colour: _Optional[str] = ..., interaction_title: _Optional[str] = ..., what: _Optional[str] = ..., assigned_to: _Optional[str] = ..., due_date: _Optional[str] = ..., status: _Optional[str] = ..., overdue: _Optional[bool] = ..., completed_at: _Optional[str] = ..., completed_by: _Optional[str] = ..., completion_note: _Optional[str] = ..., created_at: _Optional[str] = ..., created_by: _Optional[str] = ..., steps: _Optional[_Iterable[_Union[ActionStep, _Mapping]]] = ...) -> None: ...

class AddActionRequest(_message.Message):
    __slots__ = ("communication_id", "action")
    COMMUNICATION_ID_FIELD_NUMBER: _ClassVar[int]
    ACTION_FIELD_NUMBER: _ClassVar[int]
    communication_id: str
    action: NewAction
    def __init__(self, communication_id: _Optional[str] = ..., action: _Optional[_Union[NewAction, _Mapping]] = ...) -> None: ...

class GetActionRequest(_message.Message):
    __slots__ = ("action_id",)
    ACTION_ID_FIELD_NUMBER: _ClassVar[int]
    action_id: str
    def __init__(self, action_id: _Optional[str] = ...) -> None: ...

class CompleteActionRequest(_message.Message):
    __slots__ = ("action_id", "note")
    ACTION_ID_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    action_id: str
    note: str
    def __init__(self, action_id: _Optional[str] = ..., note: _Optional[str] = ...) -> None: ...

class ReassignActionRequest(_message.Message):
    __slots__ = ("action_id", "assigned_to", "due_date", "note")
    ACTION_ID_FIELD_NUMBER: _ClassVar[int]
    ASSIGNED_TO_FIELD_NUMBER: _ClassVar[int]
    DUE_DATE_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    action_id: str
    assigned_to: str
    due_date: str
    note: str
    def __init__(self, action_id: _Optional[str] = ..., assigned_to: _Optional[str] = ..., due_date: _Optional[str] = ..., note: _Optional[str] = ...) -> None: ...

class ListActionsRequest(_message.Message):
    __slots__ = ("assigned_to", "types", "due_from", "due_until", "statuses", "overdue", "page", "page_size", "format", "person_id", "user_names")
    class UserNamesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ASSIGNED_TO_FIELD_NUMBER: _ClassVar[int]
    TYPES_FIELD_NUMBER: _ClassVar[int]
    DUE_FROM_FIELD_NUMBER: _ClassVar[int]
    DUE_UNTIL_FIELD_NUMBER: _ClassVar[int]
    STATUSES_FIELD_NUMBER: _ClassVar[int]
    OVERDUE_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    USER_NAMES_FIELD_NUMBER: _ClassVar[int]
    assigned_to: _containers.RepeatedScalarFieldContainer[str]
    types: _containers.RepeatedScalarFieldContainer[str]
    due_from: str
    due_until: str
    statuses: _containers.RepeatedScalarFieldContainer[str]
    overdue: bool
    page: int
    page_size: int
    format: str
    person_id: str
    user_names: _containers.ScalarMap[str, str]
    def __init__(self, assigned_to: _Optional[_Iterable[str]] = ..., types: _Optional[_Iterable[str]] = ..., due_from: _Optional[str] = ..., due_until: _Optional[str] = ..., statuses: _Optional[_Iterable[str]] = ..., overdue: _Optional[bool] = ..., page: _Optional[int] = ..., page_size: _Optional[int] = ..., format: _Optional[str] = ..., person_id: _Optional[str] = ..., user_names: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ActionCount(_message.Message):
    __slots__ = ("key", "label", "total", "overdue")
    KEY_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    OVERDUE_FIELD_NUMBER: _ClassVar[int]
    key: str
    label: str
    total: int
    overdue: int
    def __init__(self, key: _Optional[str] = ..., label: _Optional[str] = ..., total: _Optional[int] = ..., overdue: _Optional[int] = ...) -> None: ...

class ActionPage(_message.Message):
    __slots__ = ("total", "items", "today", "by_type", "by_assignee", "by_status")
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    TODAY_FIELD_NUMBER: _ClassVar[int]
    BY_TYPE_FIELD_NUMBER: _ClassVar[int]
    BY_ASSIGNEE_FIELD_NUMBER: _ClassVar[int]
    BY_STATUS_FIELD_NUMBER: _ClassVar[int]
    total: int
    items: _containers.RepeatedCompositeFieldContainer[FollowUpAction]
    today: str
    by_type: _containers.RepeatedCompositeFieldContainer[ActionCount]
    by_assignee: _containers.RepeatedCompositeFieldContainer[ActionCount]
    by_status: _containers.RepeatedCompositeFieldContainer[ActionCount]
    def __init__(self, total: _Optional[int] = ..., items: _Optional[_Iterable[_Union[FollowUpAction, _Mapping]]] = ..., today: _Optional[str] = ..., by_type: _Optional[_Iterable[_Union[ActionCount, _Mapping]]] = ..., by_assignee: _Optional[_Iterable[_Union[ActionCount, _Mapping]]] = ..., by_status: _Optional[_Iterable[_Union[ActionCount, _Mapping]]] = ...) -> None: ...

class SendActionDigestRequest(_message.Message):
    __slots__ = ("user_id", "email", "name")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    email: str
    name: str
    def __init__(self, user_id: _Optional[str] = ..., email: _Optional[str] = ..., name: _Optional[str] = ...) -> None: ...

class ActionDigestSent(_message.Message):
    __slots__ = ("outcome", "overdue", "due_today")
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    OVERDUE_FIELD_NUMBER: _ClassVar[int]
    DUE_TODAY_FIELD_NUMBER: _ClassVar[int]
    outcome: str
    overdue: int
    due_today: int
    def __init__(self, outcome: _Optional[str] = ..., overdue: _Optional[int] = ..., due_today: _Optional[int] = ...) -> None: ...

class NoticeRequest(_message.Message):
    __slots__ = ("to", "subject", "text")
    TO_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    to: str
    subject: str
    text: str
    def __init__(self, to: _Optional[str] = ..., subject: _Optional[str] = ..., text: _Optional[str] = ...) -> None: ...

class NoticeSent(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...
