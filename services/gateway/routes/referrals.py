"""Referrals of a landlord's people to the providers it works with: made from a person's profile (by id or
personal reference), wanted or not (and why not: the "no"s are captured too), with needs and consent; their
appointments booked, requested from the provider by email (a signed link that expires), rescheduled, attended,
not attended or cancelled; each booking as an iCalendar invitation; the provider's checklist. Any staff member
reads them; making and changing them needs edit_profiles. The provider books through its link without
signing in."""
from __future__ import annotations

from flask import Response

from services.common.errors import FieldProblem, InvalidInput
from services.common.grpc_client import call
from services.gen.tracker.referrals.v1 import referrals_service_pb2 as pb

from .. import searching
from ..api import SIGNED, landlord_staff
from ..privileges import Privilege
from ..schemas.referrals import (AppointmentStatusIn, LinkBooking, LinkedReferralOut, MatchIn, NewReferral,
                                 ReferralList, ReferralOut, ReferralQuery, RescheduleIn, SlotIn, StepIn)
from . import api
from .person_links import PERSON, known_person

REFERRALS = "/api/v1/referrals"
REFERRAL = REFERRALS + "/{referral_id}"
APPOINTMENT = REFERRAL + "/appointments/{appointment_id}"
LINK = "/api/v1/appointment-requests/{token}"
READ = landlord_staff()
ACT = landlord_staff(Privilege.EDIT_PROFILES)
TAG = "referrals"
CALENDAR = "text/calendar"


def appointment(a) -> dict:
    return {"id": a.appointment_id, "starts_at": a.starts_at, "minutes": a.minutes, "place": a.place,
            "adviser": a.adviser, "status": a.status, "booked_by": a.booked_by, "booked_at": a.booked_at,
            "rescheduled_from": a.rescheduled_from or None, "rescheduled_to": a.rescheduled_to or None,
            "changed_by": a.changed_by or None, "reason": a.reason}


def person(p) -> dict:
    return {"name": p.name, "personal_ref": p.personal_ref, "email": p.email, "mobile": p.mobile,
            "phone": p.phone, "address": p.address, "area": p.area}


def referral(r) -> dict:
    return {"id": r.referral_id, "person_id": r.person_id, "person": person(r.person),
            "wants_support": r.wants_support, "no_reason": r.no_reason or None,
            "no_reason_label": r.no_reason_label or None, "provider_id": r.provider_id or None,
            "provider_name": r.provider_name or None, "needs": list(r.needs), "consent": r.consent,
            "consent_date": r.consent_date or None, "notes": r.notes, "status": r.status,
            "referred_on": r.referred_on, "referred_by": r.referred_by,
            "appointments": [appointment(a) for a in r.appointments],
            "steps": [{"step": s.step, "date": s.date, "notes": s.notes, "recorded_by": s.recorded_by,
                       "recorded_at": s.recorded_at} for s in r.steps],
            "request_expires_at": r.request_expires_at or None, "created_at": r.created_at}


def slot(body: SlotIn) -> pb.Slot:
    return pb.Slot(starts_at=body.starts_at, minutes=body.minutes, place=body.place, adviser=body.adviser)


def invitation(answer) -> Response:
    return Response(answer.content, mimetype=CALENDAR,
                    headers={"Content-Disposition": f'attachment; filename="{answer.file_name}"'})


def page(gw, query: ReferralQuery, scope: str = "", person_id: str = "") -> dict:
    answer = call(gw.clients.referrals.ListReferrals, pb.ListReferralsRequest(
        person_id=person_id or query.person_id, provider_id=query.provider_id, statuses=query.status,
        referred_from=query.referred_from.isoformat() if query.referred_from else "",
        referred_until=query.referred_until.isoformat() if query.referred_until else "", page=query.page,
        page_size=query.page_size, provider_scope=scope))
    return {"total": answer.total, "items": [referral(r) for r in answer.items]}


def _person_id(gw, caller, body: NewReferral) -> str:
    if (body.person_id is None) == (body.personal_ref is None):
        raise InvalidInput("give person_id or personal_ref (one of them)",
                           [FieldProblem(n, "give person_id or personal_ref (one of them)")
                            for n in ("person_id", "personal_ref")])
    if body.person_id is not None:
        return body.person_id
    try:
        return searching.picked_people(gw, caller, {"personal_ref": [body.personal_ref]}, most=1,
                                       field="personal_ref")[0]
    except InvalidInput:
        raise InvalidInput.field("personal_ref", "no current person of your landlord has this reference") from None


@api.route("POST", REFERRALS, access=ACT, tag=TAG, status=201, body=NewReferral, response=ReferralOut,
           summary="Refer a current person to a provider your landlord works with (or record that they said no, "
                   "and why)")
def create(gw, caller, body: NewReferral):
    return referral(call(gw.clients.referrals.CreateReferral, pb.CreateReferralRequest(
        person_id=_person_id(gw, caller, body), wants_support=body.wants_support, no_reason=body.no_reason or "",
        provider_id=body.provider_id or "", needs=body.needs, consent=body.consent,
        consent_date=body.consent_date.isoformat() if body.consent_date else "", notes=body.notes,
        referred_on=body.referred_on.isoformat() if body.referred_on else "")))


@api.route("POST", REFERRAL + "/match", access=ACT, tag=TAG, body=MatchIn, response=ReferralOut,
           summary="Match a resident who referred themselves to a provider to their profile (a new resident: add "
                   "them first with POST /api/v1/people)")
def match(gw, caller, referral_id: str, body: MatchIn):
    return referral(call(gw.clients.referrals.MatchReferral,
                         pb.MatchReferralRequest(referral_id=referral_id, person_id=body.person_id)))


@api.route("GET", REFERRALS, access=READ, tag=TAG, query=ReferralQuery, response=ReferralList,
           summary="Your landlord's referrals, newest first, by person, provider, status and date")
def listed(gw, caller, query: ReferralQuery):
    return page(gw, query)


@api.route("GET", PERSON + "/referrals", access=READ, tag=TAG, query=ReferralQuery, response=ReferralList,
           summary="A person's referrals, newest first")
def person_referrals(gw, caller, person_id: str, query: ReferralQuery):
    known_person(gw, person_id)
    return page(gw, query, person_id=person_id)


@api.route("GET", REFERRAL, access=READ, tag=TAG, response=ReferralOut, summary="A referral, its appointments "
                                                                                  "and its journey")
def get(gw, caller, referral_id: str):
    return referral(call(gw.clients.referrals.GetReferral, pb.GetReferralRequest(referral_id=referral_id)))


@api.route("POST", REFERRAL + "/appointments", access=ACT, tag=TAG, status=201, body=SlotIn, response=ReferralOut,
           summary="Book an appointment agreed with the provider (not in the past)")
def book(gw, caller, referral_id: str, body: SlotIn):
    return referral(call(gw.clients.referrals.BookAppointment,
                         pb.BookAppointmentRequest(referral_id=referral_id, slot=slot(body))))


@api.route("POST", APPOINTMENT + "/status", access=ACT, tag=TAG, body=AppointmentStatusIn, response=ReferralOut,
           summary="On the day: attended or did not attend; or cancelled (with why)")
def status(gw, caller, referral_id: str, appointment_id: str, body: AppointmentStatusIn):
    return referral(call(gw.clients.referrals.SetAppointmentStatus, pb.SetAppointmentStatusRequest(
        referral_id=referral_id, appointment_id=appointment_id, status=body.status, reason=body.reason)))


@api.route("POST", APPOINTMENT + "/reschedule", access=ACT, tag=TAG, body=RescheduleIn, response=ReferralOut,
           summary="Move a booked appointment: it is kept as rescheduled, linked to the new one")
def reschedule(gw, caller, referral_id: str, appointment_id: str, body: RescheduleIn):
    return referral(call(gw.clients.referrals.RescheduleAppointment, pb.RescheduleAppointmentRequest(
        referral_id=referral_id, appointment_id=appointment_id, slot=slot(body.slot), reason=body.reason)))


@api.route("GET", APPOINTMENT + "/invitation", access=READ, tag=TAG, produces=CALENDAR,
           summary="The appointment as an iCalendar invitation (.ics)")
def calendar(gw, caller, referral_id: str, appointment_id: str):
    return invitation(call(gw.clients.referrals.GetAppointmentInvitation, pb.GetAppointmentRequest(
        referral_id=referral_id, appointment_id=appointment_id)))


@api.route("POST", REFERRAL + "/steps", access=ACT, tag=TAG, body=StepIn, response=ReferralOut,
           summary="Record a step of the journey on the provider's checklist (once each; again: a new date)")
def step(gw, caller, referral_id: str, body: StepIn):
    return referral(call(gw.clients.referrals.RecordJourneyStep, pb.RecordJourneyStepRequest(
        referral_id=referral_id, step=body.step, date=body.date.isoformat(), notes=body.notes)))


@api.route("POST", REFERRAL + "/appointment-request", access=ACT, tag=TAG, response=ReferralOut,
           summary="Email the provider an appointment request with a link to book through (it expires in 14 days "
                   "and works once)")
def request_appointment(gw, caller, referral_id: str):
    return referral(call(gw.clients.referrals.RequestAppointment, pb.RequestAppointmentRequest(
        referral_id=referral_id, public_url=gw.settings.gateway_public_url)))


def _linked(answer) -> dict:
    return {"provider_name": answer.provider_name, "person": person(answer.person), "needs": list(answer.needs),
            "expires_at": answer.expires_at, "booked": appointment(answer.booked) if answer.HasField("booked")
            else None}


@api.route("GET", LINK, access=SIGNED, tag=TAG, response=LinkedReferralOut,
           summary="An appointment request, as the provider opens its link: who and what they need (403 for a "
                   "link the platform did not sign; 422 once it has expired or been used)")
def read_link(gw, caller, token: str):
    return _linked(call(gw.clients.referrals.ReadAppointmentLink, pb.AppointmentLinkRequest(token=token)))


@api.route("POST", LINK, access=SIGNED, tag=TAG, status=201, body=LinkBooking, response=LinkedReferralOut,
           summary="The provider books the appointment through its link (once)")
def book_by_link(gw, caller, token: str, body: LinkBooking):
    return _linked(call(gw.clients.referrals.BookByLink, pb.BookByLinkRequest(token=token, slot=slot(body.slot))))
