"""The referrals service's objects as the protobuf messages of the Referrals API."""
from __future__ import annotations

from dataclasses import asdict

from services.gen.tracker.referrals.v1 import referrals_service_pb2 as pb

from .domain import NO_REASONS, STEPS, Appointment, Person, Referral
from .providers import Provider
from .reports import STATUS_LABELS, Report


def provider_message(p: Provider, chosen: bool = False) -> pb.Provider:
    return pb.Provider(provider_id=p.provider_id, details=pb.ProviderDetails(
        name=p.name, services=list(p.services), areas=list(p.areas), contact_email=p.contact_email),
        works_with_landlord=chosen, created_at=p.created_at.isoformat())


def person_message(p: Person) -> pb.PersonSnapshot:
    return pb.PersonSnapshot(**asdict(p))


def appointment_message(a: Appointment) -> pb.AppointmentRecord:
    return pb.AppointmentRecord(
        appointment_id=a.appointment_id, starts_at=a.slot.starts_at.strftime("%Y-%m-%dT%H:%M"),
        minutes=a.slot.minutes, place=a.slot.place, adviser=a.slot.adviser, status=a.status, booked_by=a.booked_by,
        booked_at=a.booked_at.isoformat(), rescheduled_from=a.rescheduled_from, rescheduled_to=a.rescheduled_to,
        changed_by=a.changed_by, reason=a.reason)


def referral_message(r: Referral, provider_name: str) -> pb.Referral:
    return pb.Referral(
        referral_id=r.referral_id, landlord_id=r.landlord_id, person_id=r.person_id, person=person_message(r.person),
        wants_support=r.wants_support, no_reason=r.no_reason, no_reason_label=NO_REASONS.get(r.no_reason, ""),
        provider_id=r.provider_id, provider_name=provider_name, needs=list(r.needs), consent=r.consent,
        consent_date=r.consent_date.isoformat() if r.consent_date else "", notes=r.notes, status=r.status,
        referred_on=r.referred_on.isoformat(), referred_by=r.referred_by,
        appointments=[appointment_message(a) for a in r.appointments],
        steps=[pb.StepRecord(step=s.step, date=s.date.isoformat(), notes=s.notes, recorded_by=s.recorded_by,
                             recorded_at=s.recorded_at.isoformat()) for s in r.steps],
        version=r.version, created_at=r.created_at.isoformat(),
        request_expires_at=r.request_expires_at.isoformat() if r.request_expires_at else "")


def linked_message(found: Referral, provider_name: str, expires_at, booked: pb.AppointmentRecord | None = None
                   ) -> pb.LinkedReferral:
    """What the provider sees through the link: name and contact details, the needs; never anything else."""
    return pb.LinkedReferral(provider_name=provider_name, person_name=found.person.name,
                             person=person_message(found.person), needs=list(found.needs),
                             expires_at=expires_at.isoformat(), booked=booked)


def slot_given(message: pb.Slot) -> dict:
    return {"starts_at": message.starts_at, "minutes": message.minutes, "place": message.place,
            "adviser": message.adviser}


def _counts(found, labels) -> list[pb.ReportCount]:
    return [pb.ReportCount(key=key, label=labels(key), count=n) for key, n in found]


def _same(key: str) -> str:
    return key  # user and landlord names are the gateway's


def report_message(r: Report, providers: dict[str, str]) -> pb.ReferralReport:
    same = _same
    return pb.ReferralReport(
        referrals=r.referrals, wanted_support=r.wanted_support, declined=r.declined,
        by_landlord=_counts(r.by_landlord, same), by_area=_counts(r.by_area, lambda k: k or "Not known"),
        by_provider=_counts(r.by_provider, lambda k: providers.get(k, k)),
        by_officer=_counts(r.by_officer, same), by_status=_counts(r.by_status, lambda k: STATUS_LABELS.get(k, k)),
        no_reasons=_counts(r.no_reasons, lambda k: NO_REASONS.get(k, k)),
        outcomes=_counts(r.outcomes, lambda k: STEPS.get(k, k)),
        funnel=[pb.FunnelStep(step=f.step, label=f.label, count=f.count, rate_from_previous=f.rate_from_previous,
                              rate_from_referred=f.rate_from_referred,
                              median_days_from_previous=f.median_days_from_previous) for f in r.funnel])
