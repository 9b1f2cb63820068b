"""A provider's view of the referrals made to it, by any landlord it serves: the person's name and contact
details, the needs and the referral (never equality data or any other record), their appointments (booked,
rescheduled, attended, not attended, cancelled; each as an iCalendar invitation) and the checklist of the
journey its advisers keep. Only a provider's users call these; another provider's referral answers 404."""
from __future__ import annotations

from services.common.grpc_client import call
from services.gen.tracker.referrals.v1 import referrals_service_pb2 as pb

from ..api import provider_user
from ..schemas.referrals import (AppointmentStatusIn, LandlordList, ReferralList, ReferralOut, ReferralQuery,
                                 RescheduleIn, SelfReferralIn, SlotIn, StepIn)
from ..store import LandlordRepository
from . import api
from .referrals import CALENDAR, TAG, invitation, page, referral, slot

REFERRALS = "/api/v1/provider/referrals"
REFERRAL = REFERRALS + "/{referral_id}"
APPOINTMENT = REFERRAL + "/appointments/{appointment_id}"
PROVIDER = provider_user()


@api.route("GET", REFERRALS, access=PROVIDER, tag=TAG, query=ReferralQuery, response=ReferralList,
           summary="The referrals made to your provider, newest first")
def listed(gw, caller, query: ReferralQuery):
    return page(gw, query, scope=caller.provider_id)


@api.route("POST", REFERRALS, access=PROVIDER, tag=TAG, status=201, body=SelfReferralIn, response=ReferralOut,
           summary="Register a resident who came to your provider by themselves, for a landlord your provider works "
                   "with (its officers match them to their profile)")
def self_referral(gw, caller, body: SelfReferralIn):
    return referral(call(gw.clients.referrals.SelfReferral, pb.SelfReferralRequest(
        landlord_id=body.landlord_id, person=pb.PersonSnapshot(**body.person.model_dump()), needs=body.needs,
        consent=body.consent, consent_date=body.consent_date.isoformat() if body.consent_date else "",
        notes=body.notes, referred_on=body.referred_on.isoformat() if body.referred_on else "",
        provider_scope=caller.provider_id)))


@api.route("GET", "/api/v1/provider/landlords", access=PROVIDER, tag=TAG, response=LandlordList,
           summary="The landlords your provider works with")
def landlords(gw, caller):
    ids = call(gw.clients.referrals.ListProviderLandlords,
               pb.ProviderLandlordsRequest(provider_scope=caller.provider_id)).landlord_ids
    with gw.uow(platform=True) as uow:
        names = {landlord.landlord_id: landlord.name for landlord in LandlordRepository(uow.session).list()}
    return {"items": sorted(({"id": i, "name": names.get(i, "")} for i in ids), key=lambda x: x["name"])}


@api.route("GET", REFERRAL, access=PROVIDER, tag=TAG, response=ReferralOut, summary="A referral made to your "
                                                                                      "provider")
def get(gw, caller, referral_id: str):
    return referral(call(gw.clients.referrals.GetReferral, pb.GetReferralRequest(
        referral_id=referral_id, provider_scope=caller.provider_id)))


@api.route("POST", REFERRAL + "/appointments", access=PROVIDER, tag=TAG, status=201, body=SlotIn,
           response=ReferralOut, summary="Book an appointment (not in the past)")
def book(gw, caller, referral_id: str, body: SlotIn):
    return referral(call(gw.clients.referrals.BookAppointment, pb.BookAppointmentRequest(
        referral_id=referral_id, slot=slot(body), provider_scope=caller.provider_id)))


@api.route("POST", APPOINTMENT + "/status", access=PROVIDER, tag=TAG, body=AppointmentStatusIn, response=ReferralOut,
           summary="On the day: attended or did not attend; or cancelled (with why)")
def status(gw, caller, referral_id: str, appointment_id: str, body: AppointmentStatusIn):
    return referral(call(gw.clients.referrals.SetAppointmentStatus, pb.SetAppointmentStatusRequest(
        referral_id=referral_id, appointment_id=appointment_id, status=body.status, reason=body.reason,
        provider_scope=caller.provider_id)))


@api.route("POST", APPOINTMENT + "/reschedule", access=PROVIDER, tag=TAG, body=RescheduleIn, response=ReferralOut,
           summary="Move a booked appointment: it is kept as rescheduled, linked to the new one")
def reschedule(gw, caller, referral_id: str, appointment_id: str, body: RescheduleIn):
    return referral(call(gw.clients.referrals.RescheduleAppointment, pb.RescheduleAppointmentRequest(
        referral_id=referral_id, appointment_id=appointment_id, slot=slot(body.slot), reason=body.reason,
        provider_scope=caller.provider_id)))


@api.route("GET", APPOINTMENT + "/invitation", access=PROVIDER, tag=TAG, produces=CALENDAR,
           summary="The appointment as an iCalendar invitation (.ics)")
def calendar(gw, caller, referral_id: str, appointment_id: str):
    return invitation(call(gw.clients.referrals.GetAppointmentInvitation, pb.GetAppointmentRequest(
        referral_id=referral_id, appointment_id=appointment_id, provider_scope=caller.provider_id)))


@api.route("POST", REFERRAL + "/steps", access=PROVIDER, tag=TAG, body=StepIn, response=ReferralOut,
           summary="Record a step of the journey on the checklist (once each; again: a new date)")
def step(gw, caller, referral_id: str, body: StepIn):
    return referral(call(gw.clients.referrals.RecordJourneyStep, pb.RecordJourneyStepRequest(
        referral_id=referral_id, step=body.step, date=body.date.isoformat(), notes=body.notes,
        provider_scope=caller.provider_id)))
