from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ProviderDetails(_message.Message):
    __slots__ = ("name", "services", "areas", "contact_email")
    NAME_FIELD_NUMBER: _ClassVar[int]
    SERVICES_FIELD_NUMBER: _ClassVar[int]
    AREAS_FIELD_NUMBER: _ClassVar[int]
    CONTACT_EMAIL_FIELD_NUMBER: _ClassVar[int]
    name: str
    services: _containers.RepeatedScalarFieldContainer[str]
    areas: _containers.RepeatedScalarFieldContainer[str]
    contact_email: str
    def __init__(self, name: _Optional[str] = ..., services: _Optional[_Iterable[str]] = ..., areas: _Optional[_Iterable[str]] = ..., contact_email: _Optional[str] = ...) -> None: ...

class Provider(_message.Message):
    __slots__ = ("provider_id", "details", "works_with_landlord", "created_at")
    PROVIDER_ID_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    WORKS_WITH_LANDLORD_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    provider_id: str
    details: ProviderDetails
    works_with_landlord: bool
    created_at: str
    def __init__(self, provider_id: _Optional[str] = ..., details: _Optional[_Union[ProviderDetails, _Mapping]] = ..., works_with_landlord: _Optional[bool] = ..., created_at: _Optional[str] = ...) -> None: ...

class Providers(_message.Message):
    __slots__ = ("items",)
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[Provider]
    def __init__(self, items: _Optional[_Iterable[_Union[Provider, _Mapping]]] = ...) -> None: ...

class ListProvidersRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class UpdateProviderRequest(_message.Message):
    __slots__ = ("provider_id", "details")
    PROVIDER_ID_FIELD_NUMBER: _ClassVar[int]
    DETAILS_FIELD_NUMBER: _ClassVar[int]
    provider_id: str
    details: ProviderDetails
    def __init__(self, provider_id: _Optional[str] = ..., details: _Optional[_Union[ProviderDetails, _Mapping]] = ...) -> None: ...

class GetProviderRequest(_message.Message):
    __slots__ = ("provider_id",)
    PROVIDER_ID_FIELD_NUMBER: _ClassVar[int]
    provider_id: str
    def __init__(self, provider_id: _Optional[str] = ...) -> None: ...

class ListLandlordProvidersRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class SetLandlordProvidersRequest(_message.Message):
    __slots__ = ("provider_ids",)
    PROVIDER_IDS_FIELD_NUMBER: _ClassVar[int]
    provider_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, provider_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class PersonSnapshot(_message.Message):
    __slots__ = ("name", "personal_ref", "email", "mobile", "phone", "address", "area")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PERSONAL_REF_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    MOBILE_FIELD_NUMBER: _ClassVar[int]
    PHONE_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    AREA_FIELD_NUMBER: _ClassVar[int]
    name: str
    personal_ref: str
    email: str
    mobile: str
    phone: str
    address: str
    area: str
    def __init__(self, name: _Optional[str] = ..., personal_ref: _Optional[str] = ..., email: _Optional[str] = ..., mobile: _Optional[str] = ..., phone: _Optional[str] = ..., address: _Optional[str] = ..., area: _Optional[str] = ...) -> None: ...

class CreateReferralRequest(_message.Message):
    __slots__ = ("person_id", "personal_ref", "wants_support", "no_reason", "provider_id", "needs", "consent", "consent_date", "notes", "referred_on", "provider_scope")
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    PERSONAL_REF_FIELD_NUMBER: _ClassVar[int]
    WANTS_SUPPORT_FIELD_NUMBER: _ClassVar[int]
    NO_REASON_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_ID_FIELD_NUMBER: _ClassVar[int]
    NEEDS_FIELD_NUMBER: _ClassVar[int]
    CONSENT_FIELD_NUMBER: _ClassVar[int]
    CONSENT_DATE_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    REFERRED_ON_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_SCOPE_FIELD_NUMBER: _ClassVar[int]
    person_id: str
    personal_ref: str
    wants_support: bool
    no_reason: str
    provider_id: str
    needs: _containers.RepeatedScalarFieldContainer[str]
    consent: bool
    consent_date: str
    notes: str
    referred_on: str
    provider_scope: str
    def __init__(self, person_id: _Optional[str] = ..., personal_ref: _Optional[str] = ..., wants_support: _Optional[bool] = ..., no_reason: _Optional[str] = ..., provider_id: _Optional[str] = ..., needs: _Optional[_Iterable[str]] = ..., consent: _Optional[bool] = ..., consent_date: _Optional[str] = ..., notes: _Optional[str] = ..., referred_on: _Optional[str] = ..., provider_scope: _Optional[str] = ...) -> None: ...

class AppointmentRecord(_message.Message):
    __slots__ = ("appointment_id", "starts_at", "minutes", "place", "adviser", "status", "booked_by", "booked_at", "rescheduled_from", "rescheduled_to", "changed_by", "reason")
    APPOINTMENT_ID_FIELD_NUMBER: _ClassVar[int]
    STARTS_AT_FIELD_NUMBER: _ClassVar[int]
    MINUTES_FIELD_NUMBER: _ClassVar[int]
    PLACE_FIELD_NUMBER: _ClassVar[int]
    ADVISER_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    BOOKED_BY_FIELD_NUMBER: _ClassVar[int]
    BOOKED_AT_FIELD_NUMBER: _ClassVar[int]
    RESCHEDULED_FROM_FIELD_NUMBER: _ClassVar[int]
    RESCHEDULED_TO_FIELD_NUMBER: _ClassVar[int]
    CHANGED_BY_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    appointment_id: str
    starts_at: str
    minutes: int
    place: str
    adviser: str
    status: str
    booked_by: str
    booked_at: str
    rescheduled_from: str
    rescheduled_to: str
    changed_by: str
    reason: str
    def __init__(self, appointment_id: _Optional[str] = ..., starts_at: _Optional[str] = ..., minutes: _Optional[int] = ..., place: _Optional[str] = ..., adviser: _Optional[str] = ..., status: _Optional[str] = ..., booked_by: _Optional[str] = ..., booked_at: _Optional[str] = ..., rescheduled_from: _Optional[str] = ..., rescheduled_to: _Optional[str] = ..., changed_by: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class StepRecord(_message.Message):
    __slots__ = ("step", "date", "notes", "recorded_by", "recorded_at")
    STEP_FIELD_NUMBER: _ClassVar[int]
    DATE_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    RECORDED_BY_FIELD_NUMBER: _ClassVar[int]
    RECORDED_AT_FIELD_NUMBER: _ClassVar[int]
    step: str
    date: str
    notes: str
    recorded_by: str
    recorded_at: str
    def __init__(self, step: _Optional[str] = ..., date: _Optional[str] = ..., notes: _Optional[str] = ..., recorded_by: _Optional[str] = ..., recorded_at: _Optional[str] = ...) -> None: ...

class Referral(_message.Message):
    __slots__ = ("referral_id", "landlord_id", "person_id", "person", "wants_support", "no_reason", "no_reason_label", "provider_id", "provider_name", "needs", "consent", "consent_date", "notes", "status", "referred_on", "referred_by", "appointments", "steps", "version", "created_at", "request_expires_at")
    REFERRAL_ID_FIELD_NUMBER: _ClassVar[int]
    LANDLORD_ID_FIELD_NUMBER: _ClassVar[int]
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    PERSON_FIELD_NUMBER: _ClassVar[int]
    WANTS_SUPPORT_FIELD_NUMBER: _ClassVar[int]
    NO_REASON_FIELD_NUMBER: _ClassVar[int]
    NO_REASON_LABEL_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_ID_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_NAME_FIELD_NUMBER: _ClassVar[int]
    NEEDS_FIELD_NUMBER: _ClassVar[int]
    CONSENT_FIELD_NUMBER: _ClassVar[int]
    CONSENT_DATE_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    REFERRED_ON_FIELD_NUMBER: _ClassVar[int]
    REFERRED_BY_FIELD_NUMBER: _ClassVar[int]
    APPOINTMENTS_FIELD_NUMBER: _ClassVar[int]
    STEPS_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    REQUEST_EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    referral_id: str
    landlord_id: str
    person_id: str
    person: PersonSnapshot
    wants_support: bool
    no_reason: str
    no_reason_label: str
    provider_id: str
    provider_name: str
    needs: _containers.RepeatedScalarFieldContainer[str]
    consent: bool
    consent_date: str
    notes: str
    status: str
    referred_on: str
    referred_by: str
    appointments: _containers.RepeatedCompositeFieldContainer[AppointmentRecord]
    steps: _containers.RepeatedCompositeFieldContainer[StepRecord]
    version: int
    created_at: str
    request_expires_at: str
    def __init__(self, referral_id: _Optional[str] = ..., landlord_id: _Optional[str] = ..., person_id: _Optional[str] = ..., person: _Optional[_Union[PersonSnapshot, _Mapping]] = ..., wants_support: _Optional[bool] = ..., no_reason: _Optional[str] = ..., no_reason_label: _Optional[str] = ..., provider_id: _Optional[str] = ..., provider_name: _Optional[str] = ..., needs: _Optional[_Iterable[str]] = ..., consent: _Optional[bool] = ..., consent_date: _Optional[str] = ..., notes: _Optional[str] = ..., status: _Optional[str] = ..., referred_on: _Optional[str] = ..., referred_by: _Optional[str] = ..., appointments: _Optional[_Iterable[_Union[AppointmentRecord, _Mapping]]] = ..., steps: _Optional[_Iterable[_Union[StepRecord, _Mapping]]] = ..., version: _Optional[int] = ..., created_at: _Optional[str] = ..., request_expires_at: _Optional[str] = ...) -> None: ...

class GetReferralRequest(_message.Message):
    __slots__ = ("referral_id", "provider_scope")
    REFERRAL_ID_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_SCOPE_FIELD_NUMBER: _ClassVar[int]
    referral_id: str
    provider_scope: str
    def __init__(self, referral_id: _Optional[str] = ..., provider_scope: _Optional[str] = ...) -> None: ...

class ListReferralsRequest(_message.Message):
    __slots__ = ("person_id", "provider_id", "statuses", "referred_from", "referred_until", "page", "page_size", "provider_scope")
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_ID_FIELD_NUMBER: _ClassVar[int]
    STATUSES_FIELD_NUMBER: _ClassVar[int]
    REFERRED_FROM_FIELD_NUMBER: _ClassVar[int]
    REFERRED_UNTIL_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_SCOPE_FIELD_NUMBER: _ClassVar[int]
    person_id: str
    provider_id: str
    statuses: _containers.RepeatedScalarFieldContainer[str]
    referred_from: str
    referred_until: str
    page: int
    page_size: int
    provider_scope: str
    def __init__(self, person_id: _Optional[str] = ..., provider_id: _Optional[str] = ..., statuses: _Optional[_Iterable[str]] = ..., referred_from: _Optional[str] = ..., referred_until: _Optional[str] = ..., page: _Optional[int] = ..., page_size: _Optional[int] = ..., provider_scope: _Optional[str] = ...) -> None: ...

class ReferralPage(_message.Message):
    __slots__ = ("total", "items")
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    total: int
    items: _containers.RepeatedCompositeFieldContainer[Referral]
    def __init__(self, total: _Optional[int] = ..., items: _Optional[_Iterable[_Union[Referral, _Mapping]]] = ...) -> None: ...

class Slot(_message.Message):
    __slots__ = ("starts_at", "minutes", "place", "adviser")
    STARTS_AT_FIELD_NUMBER: _ClassVar[int]
    MINUTES_FIELD_NUMBER: _ClassVar[int]
    PLACE_FIELD_NUMBER: _ClassVar[int]
    ADVISER_FIELD_NUMBER: _ClassVar[int]
    starts_at: str
    minutes: int
    place: str
    adviser: str
    def __init__(self, starts_at: _Optional[str] = ..., minutes: _Optional[int] = ..., place: _Optional[str] = ..., adviser: _Optional[str] = ...) -> None: ...

class BookAppointmentRequest(_message.Message):
    __slots__ = ("referral_id", "slot", "provider_scope")
    REFERRAL_ID_FIELD_NUMBER: _ClassVar[int]
    SLOT_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_SCOPE_FIELD_NUMBER: _ClassVar[int]
    referral_id: str
    slot: Slot
    provider_scope: str
    def __init__(self, referral_id: _Optional[str] = ..., slot: _Optional[_Union[Slot, _Mapping]] = ..., provider_scope: _Optional[str] = ...) -> None: ...

class SetAppointmentStatusRequest(_message.Message):
    __slots__ = ("referral_id", "appointment_id", "status", "reason", "provider_scope")
    REFERRAL_ID_FIELD_NUMBER: _ClassVar[int]
    APPOINTMENT_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_SCOPE_FIELD_NUMBER: _ClassVar[int]
    referral_id: str
    appointment_id: str
    status: str
    reason: str
    provider_scope: str
    def __init__(self, referral_id: _Optional[str] = ..., appointment_id: _Optional[str] = ..., status: _Optional[str] = ..., reason: _Optional[str] = ..., provider_scope: _Optional[str] = ...) -> None: ...

class RescheduleAppointmentRequest(_message.Message):
    __slots__ = ("referral_id", "appointment_id", "slot", "reason", "provider_scope")
    REFERRAL_ID_FIELD_NUMBER: _ClassVar[int]
    APPOINTMENT_ID_FIELD_NUMBER: _ClassVar[int]
    SLOT_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_SCOPE_FIELD_NUMBER: _ClassVar[int]
    referral_id: str
    appointment_id: str
    slot: Slot
    reason: str
    provider_scope: str
    def __init__(self, referral_id: _Optional[str] = ..., appointment_id: _Optional[str] = ..., slot: _Optional[_Union[Slot, _Mapping]] = ..., reason: _Optional[str] = ..., provider_scope: _Optional[str] = ...) -> None: ...

class GetAppointmentRequest(_message.Message):
    __slots__ = ("referral_id", "appointment_id", "provider_scope")
    REFERRAL_ID_FIELD_NUMBER: _ClassVar[int]
    APPOINTMENT_ID_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_SCOPE_FIELD_NUMBER: _ClassVar[int]
    referral_id: str
    appointment_id: str
    provider_scope: str
    def __init__(self, referral_id: _Optional[str] = ..., appointment_id: _Optional[str] = ..., provider_scope: _Optional[str] = ...) -> None: ...

class Invitation(_message.Message):
    __slots__ = ("file_name", "content")
    FILE_NAME_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    file_name: str
    content: bytes
    def __init__(self, file_name: _Optional[str] = ..., content: _Optional[bytes] = ...) -> None: ...

class RequestAppointmentRequest(_message.Message):
    __slots__ = ("referral_id", "public_url")
    REFERRAL_ID_FIELD_NUMBER: _ClassVar[int]
    PUBLIC_URL_FIELD_NUMBER: _ClassVar[int]
    referral_id: str
    public_url: str
    def __init__(self, referral_id: _Optional[str] = ..., public_url: _Optional[str] = ...) -> None: ...

class AppointmentLinkRequest(_message.Message):
    __slots__ = ("token",)
    TOKEN_FIELD_NUMBER: _ClassVar[int]
    token: str
    def __init__(self, token: _Optional[str] = ...) -> None: ...

class LinkedReferral(_message.Message):
    __slots__ = ("provider_name", "person_name", "person", "needs", "expires_at", "booked")
    PROVIDER_NAME_FIELD_NUMBER: _ClassVar[int]
    PERSON_NAME_FIELD_NUMBER: _ClassVar[int]
    PERSON_FIELD_NUMBER: _ClassVar[int]
    NEEDS_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    BOOKED_FIELD_NUMBER: _ClassVar[int]
    provider_name: str
    person_name: str
    person: PersonSnapshot
    needs: _containers.RepeatedScalarFieldContainer[str]
    expires_at: str
    booked: AppointmentRecord
    def __init__(self, provider_name: _Optional[str] = ..., person_name: _Optional[str] = ..., person: _Optional[_Union[PersonSnapshot, _Mapping]] = ..., needs: _Optional[_Iterable[str]] = ..., expires_at: _Optional[str] = ..., booked: _Optional[_Union[AppointmentRecord, _Mapping]] = ...) -> None: ...

class BookByLinkRequest(_message.Message):
    __slots__ = ("token", "slot")
    TOKEN_FIELD_NUMBER: _ClassVar[int]
    SLOT_FIELD_NUMBER: _ClassVar[int]
    token: str
    slot: Slot
    def __init__(self, token: _Optional[str] = ..., slot: _Optional[_Union[Slot, _Mapping]] = ...) -> None: ...

class RecordJourneyStepRequest(_message.Message):
    __slots__ = ("referral_id", "step", "date", "notes", "provider_scope")
    REFERRAL_ID_FIELD_NUMBER: _ClassVar[int]
    STEP_FIELD_NUMBER: _ClassVar[int]
    DATE_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_SCOPE_FIELD_NUMBER: _ClassVar[int]
    referral_id: str
    step: str
    date: str
    notes: str
    provider_scope: str
    def __init__(self, referral_id: _Optional[str] = ..., step: _Optional[str] = ..., date: _Optional[str] = ..., notes: _Optional[str] = ..., provider_scope: _Optional[str] = ...) -> None: ...

class ReferralReportRequest(_message.Message):
    __slots__ = ("referred_from", "referred_until", "provider_id", "referred_by", "provider_scope", "format", "names")
    class NamesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    REFERRED_FROM_FIELD_NUMBER: _ClassVar[int]
    REFERRED_UNTIL_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_ID_FIELD_NUMBER: _ClassVar[int]
    REFERRED_BY_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_SCOPE_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    NAMES_FIELD_NUMBER: _ClassVar[int]
    referred_from: str
    referred_until: str
    provider_id: str
    referred_by: str
    provider_scope: str
    format: str
    names: _containers.ScalarMap[str, str]
    def __init__(self, referred_from: _Optional[str] = ..., referred_until: _Optional[str] = ..., provider_id: _Optional[str] = ..., referred_by: _Optional[str] = ..., provider_scope: _Optional[str] = ..., format: _Optional[str] = ..., names: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ReportCount(_message.Message):
    __slots__ = ("key", "label", "count")
    KEY_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    key: str
    label: str
    count: int
    def __init__(self, key: _Optional[str] = ..., label: _Optional[str] = ..., count: _Optional[int] = ...) -> None: ...

class FunnelStep(_message.Message):
    __slots__ = ("step", "label", "count", "rate_from_previous", "rate_from_referred", "median_days_from_previous")
    STEP_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    RATE_FROM_PREVIOUS_FIELD_NUMBER: _ClassVar[int]
    RATE_FROM_REFERRED_FIELD_NUMBER: _ClassVar[int]
    MEDIAN_DAYS_FROM_PREVIOUS_FIELD_NUMBER: _ClassVar[int]
    step: str
    label: str
    count: int
    rate_from_previous: float
    rate_from_referred: float
    median_days_from_previous: float
    def __init__(self, step: _Optional[str] = ..., label: _Optional[str] = ..., count: _Optional[int] = ..., rate_from_previous: _Optional[float] = ..., rate_from_referred: _Optional[float] = ..., median_days_from_previous: _Optional[float] = ...) -> None: ...

class ReferralReport(_message.Message):
    __slots__ = ("referrals", "wanted_support", "declined", "by_landlord", "by_provider", "by_officer", "by_status", "no_reasons", "outcomes", "funnel", "by_area")
    REFERRALS_FIELD_NUMBER: _ClassVar[int]
    WANTED_SUPPORT_FIELD_NUMBER: _ClassVar[int]
    DECLINED_FIELD_NUMBER: _ClassVar[int]
    BY_LANDLORD_FIELD_NUMBER: _ClassVar[int]
    BY_PROVIDER_FIELD_NUMBER: _ClassVar[int]
    BY_OFFICER_FIELD_NUMBER: _ClassVar[int]
    BY_STATUS_FIELD_NUMBER: _ClassVar[int]
    NO_REASONS_FIELD_NUMBER: _ClassVar[int]
    OUTCOMES_FIELD_NUMBER: _ClassVar[int]
    FUNNEL_FIELD_NUMBER: _ClassVar[int]
    BY_AREA_FIELD_NUMBER: _ClassVar[int]
    referrals: int
    wanted_support: int
    declined: int
    by_landlord: _containers.RepeatedCompositeFieldContainer[ReportCount]
    by_provider: _containers.RepeatedCompositeFieldContainer[ReportCount]
    by_officer: _containers.RepeatedCompositeFieldContainer[ReportCount]
    by_status: _containers.RepeatedCompositeFieldContainer[ReportCount]
    no_reasons: _containers.RepeatedCompositeFieldContainer[ReportCount]
    outcomes: _containers.RepeatedCompositeFieldContainer[ReportCount]
    funnel: _containers.RepeatedCompositeFieldContainer[FunnelStep]
    by_area: _containers.RepeatedCompositeFieldContainer[ReportCount]
    def __init__(self, referrals: _Optional[int] = ..., wanted_support: _Optional[int] = ..., declined: _Optional[int] = ..., by_landlord: _Optional[_Iterable[_Union[ReportCount, _Mapping]]] = ..., by_provider: _Optional[_Iterable[_Union[ReportCount, _Mapping]]] = ..., by_officer: _Optional[_Iterable[_Union[ReportCount, _Mapping]]] = ..., by_status: _Optional[_Iterable[_Union[ReportCount, _Mapping]]] = ..., no_reasons: _Optional[_Iterable[_Union[ReportCount, _Mapping]]] = ..., outcomes: _Optional[_Iterable[_Union[ReportCount, _Mapping]]] = ..., funnel: _Optional[_Iterable[_Union[FunnelStep, _Mapping]]] = ..., by_area: _Optional[_Iterable[_Union[ReportCount, _Mapping]]] = ...) -> None: ...

class FileChunk(_message.Message):
    __slots__ = ("data",)
    DATA_FIELD_NUMBER: _ClassVar[int]
    data: bytes
    def __init__(self, data: _Optional[bytes] = ...) -> None: ...

class SelfReferralRequest(_message.Message):
    __slots__ = ("landlord_id", "person", "needs", "consent", "consent_date", "notes", "referred_on", "provider_scope")
    LANDLORD_ID_FIELD_NUMBER: _ClassVar[int]
    PERSON_FIELD_NUMBER: _ClassVar[int]
    NEEDS_FIELD_NUMBER: _ClassVar[int]
    CONSENT_FIELD_NUMBER: _ClassVar[int]
    CONSENT_DATE_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    REFERRED_ON_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_SCOPE_FIELD_NUMBER: _ClassVar[int]
    landlord_id: str
    person: PersonSnapshot
    needs: _containers.RepeatedScalarFieldContainer[str]
    consent: bool
    consent_date: str
    notes: str
    referred_on: str
    provider_scope: str
    def __init__(self, landlord_id: _Optional[str] = ..., person: _Optional[_Union[PersonSnapshot, _Mapping]] = ..., needs: _Optional[_Iterable[str]] = ..., consent: _Optional[bool] = ..., consent_date: _Optional[str] = ..., notes: _Optional[str] = ..., referred_on: _Optional[str] = ..., provider_scope: _Optional[str] = ...) -> None: ...

class MatchReferralRequest(_message.Message):
    __slots__ = ("referral_id", "person_id")
    REFERRAL_ID_FIELD_NUMBER: _ClassVar[int]
    PERSON_ID_FIELD_NUMBER: _ClassVar[int]
    referral_id: str
    person_id: str
    def __init__(self, referral_id: _Optional[str] = ..., person_id: _Optional[str] = ...) -> None: ...

class ProviderLandlordsRequest(_message.Message):
    __slots__ = ("provider_scope",)
    PROVIDER_SCOPE_FIELD_NUMBER: _ClassVar[int]
    provider_scope: str
    def __init__(self, provider_scope: _Optional[str] = ...) -> None: ...

class ProviderLandlords(_message.Message):
    __slots__ = ("landlord_ids",)
    LANDLORD_IDS_FIELD_NUMBER: _ClassVar[int]
    landlord_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, landlord_ids: _Optional[_Iterable[str]] = ...) -> None: ...
