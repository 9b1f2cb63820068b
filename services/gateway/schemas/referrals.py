"""Bodies of providers, a landlord's choice of them, referrals, appointments and the provider's checklist
(pydantic models; the OpenAPI schemas too)."""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from . import PAGE, Body, DateText

NoReason = Literal["already_in_work", "in_education", "health", "caring", "not_ready", "not_interested", "other"]
Need = Literal["employment", "training", "cv", "interview_skills", "digital_skills", "english", "money_advice",
               "debt_advice", "benefits_advice", "volunteering", "childcare"]
StepName = Literal["first_appointment", "advice", "cv", "training_started", "training_completed", "qualification",
                   "work_placement", "job_started", "job_sustained_13_weeks", "job_sustained_26_weeks"]
Status = Literal["declined", "awaiting_match", "referred", "appointment_requested", "appointment_booked", "in_progress", "in_work"]


class ProviderIn(Body):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": [{
        "name": "Northfield Works", "services": ["Employment support", "Training"], "areas": ["Area A", "Area B"],
        "contact_email": "appointments@northfield-works.example.org"}]})

    name: str = Field(min_length=1, max_length=200)
    services: list[str] = Field(default_factory=list, max_length=50, description="what it offers")
    areas: list[str] = Field(default_factory=list, max_length=50, description="areas or boroughs it serves")
    contact_email: str = Field(min_length=3, max_length=254, description="where appointment requests go")


class ProviderOut(BaseModel):
    id: str
    name: str
    services: list[str]
    areas: list[str]
    contact_email: str
    works_with_landlord: bool = Field(description="in a landlord's list: the landlord works with it")
    created_at: str


class ProviderList(BaseModel):
    items: list[ProviderOut]


class ProviderChoice(Body):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "provider_ids": ["6f1c2b9e-0000-4000-8000-0000000000a1"]}]})

    provider_ids: list[str] = Field(max_length=500, description="every provider the landlord works with, as it is "
                                                                "to be")


class NewReferral(Body):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": [{
        "personal_ref": "NF0001", "wants_support": True, "provider_id": "6f1c2b9e-0000-4000-8000-0000000000a1",
        "needs": ["employment", "cv"], "consent": True, "consent_date": "2026-12-01"}, {
        "person_id": "6f1c2b9e-0000-4000-8000-000000000001", "wants_support": False,
        "no_reason": "caring"}]})

    person_id: Optional[str] = Field(None, max_length=36, description="give this or personal_ref")
    personal_ref: Optional[str] = Field(None, min_length=1, max_length=30, description="the profile is found by it")
    wants_support: bool
    no_reason: Optional[NoReason] = Field(None, description="why not, when the person does not want support")
    provider_id: Optional[str] = Field(None, max_length=36, description="a provider your landlord works with")
    needs: list[Need] = Field(default_factory=list, max_length=20)
    consent: bool = Field(False, description="the person agreed to their details going to the provider")
    consent_date: Optional[DateText] = None
    notes: str = Field("", max_length=4000)
    referred_on: Optional[DateText] = Field(None, description="left out: today")


class SlotIn(Body):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": [{
        "starts_at": "2027-01-12T10:30", "minutes": 45, "place": "Northfield Works, 1 High Street",
        "adviser": "Adviser One"}]})

    starts_at: str = Field(min_length=1, max_length=16, description="UK local date and time, YYYY-MM-DDTHH:MM; not "
                                                                    "in the past")
    minutes: int = Field(60, ge=1, le=480)
    place: str = Field(min_length=1, max_length=200)
    adviser: str = Field("", max_length=200)


class AppointmentStatusIn(Body):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": [
        {"status": "attended"}, {"status": "cancelled", "reason": "The resident has moved away"}]})

    status: Literal["attended", "did_not_attend", "cancelled"]
    reason: str = Field("", max_length=4000, description="required to cancel")


class RescheduleIn(Body):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": [{
        "slot": {"starts_at": "2027-01-19T10:30", "place": "Northfield Works, 1 High Street"},
        "reason": "The adviser is away"}]})

    slot: SlotIn
    reason: str = Field("", max_length=4000)


class StepIn(Body):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": [{
        "step": "training_started", "date": "2026-12-01", "notes": "Level 2 food hygiene"}]})

    step: StepName
    date: DateText = Field(description="not in the future")
    notes: str = Field("", max_length=4000)


class ReferralQuery(Body):
    person_id: str = Field("", max_length=36)
    provider_id: str = Field("", max_length=36)
    status: list[Status] = Field(default_factory=list)
    referred_from: Optional[DateText] = None
    referred_until: Optional[DateText] = None
    page: int = PAGE
    page_size: int = Field(50, ge=1, le=500)


class PersonSnapshot(BaseModel):
    name: str
    personal_ref: str
    email: str
    mobile: str
    phone: str
    address: str
    area: str = Field(description="the landlord's area the person lives in (\"\" when not known)")


class AppointmentOut(BaseModel):
    id: str
    starts_at: str = Field(description="UK local time")
    minutes: int
    place: str
    adviser: str
    status: Literal["booked", "attended", "did_not_attend", "rescheduled", "cancelled"]
    booked_by: str = Field(description='a user id, or "link" when the provider booked through the request')
    booked_at: str
    rescheduled_from: Optional[str]
    rescheduled_to: Optional[str]
    changed_by: Optional[str]
    reason: str


class StepOut(BaseModel):
    step: StepName
    date: str
    notes: str
    recorded_by: str
    recorded_at: str


class ReferralOut(BaseModel):
    id: str
    person_id: str
    person: PersonSnapshot = Field(description="what the provider sees of the person")
    wants_support: bool
    no_reason: Optional[str]
    no_reason_label: Optional[str]
    provider_id: Optional[str]
    provider_name: Optional[str]
    needs: list[str]
    consent: bool
    consent_date: Optional[str]
    notes: str
    status: Status
    referred_on: str
    referred_by: str
    appointments: list[AppointmentOut]
    steps: list[StepOut]
    request_expires_at: Optional[str] = Field(description="an appointment request's link works until then")
    created_at: str


class ReferralList(BaseModel):
    total: int
    items: list[ReferralOut] = Field(description="newest first")


class LinkedReferralOut(BaseModel):
    provider_name: str
    person: PersonSnapshot
    needs: list[str]
    expires_at: str
    booked: Optional[AppointmentOut]


class LinkBooking(Body):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "slot": {"starts_at": "2027-01-12T10:30", "place": "Northfield Works, 1 High Street"}}]})

    slot: SlotIn


class ReferralReportQuery(Body):
    referred_from: Optional[DateText] = None
    referred_until: Optional[DateText] = None
    provider_id: str = Field("", max_length=36)
    referred_by: str = Field("", max_length=36, description="an officer's user id")


class ReferralReportFileQuery(ReferralReportQuery):
    format: Literal["xlsx", "csv"] = "xlsx"


class ReportCountOut(BaseModel):
    key: str
    label: str
    count: int


class FunnelStepOut(BaseModel):
    step: Literal["referred", "first_appointment", "job_started"]
    label: str
    count: int
    rate_from_previous: Optional[float] = Field(description="per cent of the step before, one decimal")
    rate_from_referred: Optional[float] = Field(description="per cent of those referred who wanted support")
    median_days_from_previous: Optional[float] = Field(description="median days since the step before")


class ReferralReportOut(BaseModel):
    referrals: int
    wanted_support: int
    declined: int
    by_landlord: list[ReportCountOut]
    by_area: list[ReportCountOut] = Field(description="the area the person lived in when referred (key \"\": "
                                                     "not known)")
    by_provider: list[ReportCountOut]
    by_officer: list[ReportCountOut]
    by_status: list[ReportCountOut]
    no_reasons: list[ReportCountOut] = Field(description="the people who said no, by why")
    outcomes: list[ReportCountOut] = Field(description="each checklist step reached")
    funnel: list[FunnelStepOut]


class PersonIn(Body):
    name: str = Field(min_length=1, max_length=200)
    personal_ref: str = Field("", max_length=30, description="their landlord's reference, when they know it")
    email: str = Field("", max_length=200)
    mobile: str = Field("", max_length=200)
    phone: str = Field("", max_length=200)
    address: str = Field("", max_length=200)
    area: str = Field("", max_length=200, description="the landlord's area they live in, when they know it")


class SelfReferralIn(Body):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": [{
        "landlord_id": "6f1c2b9e-0000-4000-8000-0000000000b1",
        "person": {"name": "Ivy Sample", "email": "ivy.sample@example.org", "mobile": "07700 900456"},
        "needs": ["training"], "consent": True, "consent_date": "2026-12-01"}]})

    landlord_id: str = Field(min_length=1, max_length=36, description="a landlord your provider works with: "
                                                                      "GET /api/v1/provider/landlords")
    person: PersonIn
    needs: list[Need] = Field(default_factory=list, max_length=20)
    consent: bool = Field(description="the resident agreed to their landlord being told")
    consent_date: Optional[DateText] = None
    notes: str = Field("", max_length=4000)
    referred_on: Optional[DateText] = Field(None, description="left out: today")


class MatchIn(Body):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "person_id": "6f1c2b9e-0000-4000-8000-000000000001"}]})

    person_id: str = Field(min_length=1, max_length=36, description="a current person of your landlord (add them "
                                                                    "first with POST /api/v1/people when new)")


class LandlordOut(BaseModel):
    id: str
    name: str


class LandlordList(BaseModel):
    items: list[LandlordOut]
