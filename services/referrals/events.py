"""Domain events of the referrals service -> protobuf events on tracker.referrals.v1."""
from __future__ import annotations

from typing import Iterable

from services.common import topics
from services.common.envelope import OutgoingEvent, wrap
from services.gen.tracker.referrals.v1 import events_pb2

from .domain import ReferralChanged


def referral_changed(event: ReferralChanged) -> events_pb2.ReferralChanged:
    r = event.referral
    first = r.first_appointment_on
    return events_pb2.ReferralChanged(
        referral_id=r.referral_id, version=r.version, person_id=r.person_id, provider_id=r.provider_id,
        wants_support=r.wants_support, no_reason=r.no_reason, status=r.status,
        referred_on=r.referred_on.isoformat(), first_appointment_on=first.isoformat() if first else "",
        steps=[events_pb2.JourneyStep(step=s.step, date=s.date.isoformat()) for s in r.steps],
        referred_by=r.referred_by)


def to_outgoing(event: object) -> Iterable[OutgoingEvent]:
    if not isinstance(event, ReferralChanged):
        raise TypeError(f"no event mapping for {type(event).__name__}")
    yield wrap(topics.REFERRALS, event.landlord_id, event.referral.referral_id, referral_changed(event),
               event.occurred_at)
