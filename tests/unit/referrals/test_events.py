"""ReferralChanged carries a referral's whole state, on tracker.referrals.v1, keyed by landlord and referral."""
from __future__ import annotations

import datetime as dt

import pytest

from services.common import topics
from services.common.envelope import payload_as, unwrap
from services.gen.tracker.referrals.v1 import events_pb2
from services.referrals import events
from services.referrals.domain import Person, Referral

NOW = dt.datetime(2026, 6, 15, 9, 30, tzinfo=dt.timezone.utc)
TODAY = dt.date(2026, 6, 15)


def test_a_change_is_published_with_the_referrals_state():
    made = Referral.new(landlord_id="L1", person_id="P1", person=Person("Ada Lovelace"), wants_support=True,
                        no_reason="", provider_id="PR1", needs=["cv"], consent=True, consent_date="2026-06-10",
                        notes="", referred_on="2026-06-12", by="U1", now=NOW, today=TODAY)
    made.record_step("first_appointment", date="2026-06-14", notes="", by="PU1", now=NOW, today=TODAY)
    made.record_step("job_started", date="2026-06-15", notes="", by="PU1", now=NOW, today=TODAY)
    [out] = list(events.to_outgoing(made.events[-1]))
    assert (out.topic, out.landlord_id, out.key) == (topics.REFERRALS, "L1", f"L1:{made.referral_id}")
    envelope = unwrap(out.envelope)
    assert (envelope.entity_id, envelope.occurred_at.ToDatetime(dt.timezone.utc)) == (made.referral_id, NOW)
    sent = payload_as(envelope, events_pb2.ReferralChanged)
    assert (sent.referral_id, sent.version, sent.person_id, sent.provider_id, sent.wants_support, sent.status) == (
        made.referral_id, 3, "P1", "PR1", True, "in_work")
    assert (sent.referred_on, sent.first_appointment_on, sent.referred_by) == ("2026-06-12", "2026-06-14", "U1")
    assert [(s.step, s.date) for s in sent.steps] == [("first_appointment", "2026-06-14"),
                                                      ("job_started", "2026-06-15")]


def test_a_declined_referral_says_why_and_has_no_first_appointment():
    made = Referral.new(landlord_id="L1", person_id="P1", person=Person("Ada"), wants_support=False,
                        no_reason="caring", provider_id="", needs=[], consent=False, consent_date="", notes="",
                        referred_on="", by="U1", now=NOW, today=TODAY)
    sent = events.referral_changed(made.events[0])
    assert (sent.wants_support, sent.no_reason, sent.status, sent.first_appointment_on, sent.version) == (
        False, "caring", "declined", "", 1)


def test_anything_else_has_no_mapping():
    with pytest.raises(TypeError):
        list(events.to_outgoing(object()))
