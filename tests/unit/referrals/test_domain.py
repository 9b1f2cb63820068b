"""Referrals' rules with no I/O: a "yes" needs a provider and consent dated not in the future, a "no" its reason
and no provider; slots are UK local times not in the past, of 1 to 480 minutes, with a place; an appointment is
attended or missed only once it has started, cancelled only with why, and changes once; a rescheduled one is
kept and linked both ways to the new; the journey's steps are recorded once each, in the journey's order."""
from __future__ import annotations

import datetime as dt

import pytest

from services.common.errors import InUse, InvalidInput
from services.referrals import appointments, domain
from services.referrals.domain import Person, Referral, ReferralChanged

NOW = dt.datetime(2026, 6, 15, 9, 30, tzinfo=dt.timezone.utc)  # 10:30 in the UK (summer time)
TODAY = dt.date(2026, 6, 15)
ADA = Person("Ada Lovelace", "T-001", "ada@example.org", "07700 900001")
YES = {"landlord_id": "L1", "person_id": "P1", "person": ADA, "wants_support": True, "no_reason": "",
       "provider_id": "PR1", "needs": ["cv", "training", "cv"], "consent": True, "consent_date": "2026-06-10",
       "notes": " Prefers mornings ", "referred_on": "", "by": "U1", "now": NOW, "today": TODAY}
NO = {**YES, "wants_support": False, "no_reason": "in_education", "provider_id": "", "consent": False,
      "consent_date": "", "needs": []}
SLOT = {"starts_at": "2026-06-22T10:00", "minutes": 45, "place": "Job Centre, High St", "adviser": "Sam"}


def _referral(**changes) -> Referral:
    return Referral.new(**{**YES, **changes})


def _slot(**changes) -> appointments.Slot:
    return appointments.slot(**{**SLOT, "now": NOW, **changes})


def _refused(error, make, **changes) -> dict[str, str]:
    with pytest.raises(error) as refused:
        make(**changes)
    return {p.field: p.reason for p in refused.value.fields}


def _at(local: str) -> dt.datetime:
    """The instant of a UK local time."""
    return dt.datetime.fromisoformat(local).replace(tzinfo=domain.LANDLORD_ZONE).astimezone(dt.timezone.utc)


def test_a_yes_keeps_its_provider_needs_and_consent_and_says_it_changed():
    made = _referral()
    assert (made.wants_support, made.provider_id, made.no_reason) == (True, "PR1", "")
    assert made.needs == ("cv", "training")  # once each, in the order given
    assert (made.consent, made.consent_date) == (True, dt.date(2026, 6, 10))
    assert (made.referred_on, made.referred_by, made.notes) == (TODAY, "U1", "Prefers mornings")
    assert (made.status, made.version, made.first_appointment_on) == ("referred", 1, None)
    assert made.events == [ReferralChanged("L1", made, NOW)]


def test_a_yes_needs_a_provider_and_the_persons_consent_dated_not_in_the_future():
    assert _refused(InvalidInput, _referral, provider_id="", consent=False) == {
        "provider_id": "is required when the person wants support",
        "consent": "the person must agree to their details going to the provider"}
    assert set(_refused(InvalidInput, _referral, consent_date="")) == {"consent_date"}
    assert _refused(InvalidInput, _referral, consent_date="2026-06-16") == {"consent_date": "must not be in the future"}
    assert _refused(InvalidInput, _referral, no_reason="health") == {
        "no_reason": "is only for someone who does not want support"}
    assert _referral(consent_date="2026-06-15").consent_date == TODAY  # today is not the future


def test_a_no_needs_a_reason_from_the_list_and_no_provider():
    made = Referral.new(**NO)
    assert (made.status, made.no_reason, made.provider_id, made.consent_date) == ("declined", "in_education", "", None)
    assert set(_refused(InvalidInput, Referral.new, **{**NO, "no_reason": ""})) == {"no_reason"}
    assert set(_refused(InvalidInput, Referral.new, **{**NO, "no_reason": "Busy"})) == {"no_reason"}
    assert _refused(InvalidInput, Referral.new, **{**NO, "provider_id": "PR1"}) == {
        "provider_id": "is only for someone who wants support"}


def test_needs_dates_and_notes_are_checked_and_every_bad_field_is_named_at_once():
    problems = _refused(InvalidInput, _referral, needs=["cv", "juggling"], referred_on="2026-06-16",
                        notes="x" * (domain.NOTES_MAX + 1))
    assert set(problems) == {"needs", "referred_on", "notes"}
    assert problems["needs"].startswith("unknown: juggling;")
    assert set(_refused(InvalidInput, _referral, referred_on="15/06/2026")) == {"referred_on"}
    assert _referral(referred_on="2026-05-01").referred_on == dt.date(2026, 5, 1)


def test_a_slot_is_a_uk_local_time_not_in_the_past_with_a_length_and_a_place():
    chosen = _slot(minutes=0, place="  Room 2 ", adviser=" Sam ")
    assert chosen == appointments.Slot(dt.datetime(2026, 6, 22, 10, 0), 60, "Room 2", "Sam")
    assert _slot(starts_at="2026-06-15T10:30").starts_at == dt.datetime(2026, 6, 15, 10, 30)  # now, in the UK
    # 10:15 in the UK is 09:15Z, before now (09:30Z), though 10:15 is after 09:30
    assert _refused(InvalidInput, _slot, starts_at="2026-06-15T10:15") == {"slot.starts_at": "must not be in the past"}
    for bad in ("2026-06-22 10:00", "22/06/2026 10:00", "2026-06-22", ""):
        assert set(_refused(InvalidInput, _slot, starts_at=bad)) == {"slot.starts_at"}, bad
    assert _slot(minutes=480).minutes == 480 and _slot(minutes=1).minutes == 1
    for bad in (481, -5):
        assert _refused(InvalidInput, _slot, minutes=bad) == {"slot.minutes": "must be between 1 and 480"}, bad
    assert _refused(InvalidInput, _slot, place="   ") == {"slot.place": "is required"}
    assert set(_refused(InvalidInput, _slot, starts_at="soon", place="", minutes=999, prefix="new.")) == {
        "new.starts_at", "new.place", "new.minutes"}


def test_booking_an_appointment_makes_the_referral_booked_and_a_declined_one_takes_none():
    made = _referral()
    booked = made.book(_slot(), by="U2", now=NOW)
    assert (booked.status, booked.booked_by, booked.booked_at) == ("booked", "U2", NOW)
    assert (made.status, made.version, made.appointments) == ("appointment_booked", 2, [booked])
    assert len(made.events) == 2
    declined = Referral.new(**NO)
    assert set(_refused(InUse, declined.book, chosen=_slot(), by="U2", now=NOW)) == {"referral_id"}
    assert declined.appointments == [] and declined.version == 1


def test_attended_and_not_attended_only_once_the_appointment_has_started():
    made = _referral()
    booked = made.book(_slot(), by="U2", now=NOW)
    before = _at("2026-06-22T09:59")
    assert _refused(InvalidInput, made.set_status, appointment_id=booked.appointment_id, status="attended",
                    reason="", by="U2", now=before) == {"status": "the appointment has not happened yet"}
    assert set(_refused(InvalidInput, made.set_status, appointment_id=booked.appointment_id,
                        status="did_not_attend", reason="", by="U2", now=before)) == {"status"}
    assert (booked.status, made.version) == ("booked", 2)
    made.set_status(booked.appointment_id, "attended", reason="", by="U3", now=_at("2026-06-22T10:00"))
    assert (booked.status, booked.changed_by, made.version, made.status) == ("attended", "U3", 3, "in_progress")
    assert made.first_appointment_on == dt.date(2026, 6, 22)
    assert _refused(InUse, made.set_status, appointment_id=booked.appointment_id, status="did_not_attend",
                    reason="", by="U3", now=_at("2026-06-23T10:00")) == {
        "status": "the appointment is attended already"}


def test_a_missed_appointment_leaves_the_referral_waiting_for_another():
    made = _referral()
    booked = made.book(_slot(), by="U2", now=NOW)
    made.set_status(booked.appointment_id, "did_not_attend", reason=" phoned, no answer ", by="U2",
                    now=_at("2026-06-22T11:00"))
    assert (booked.status, booked.reason, made.status, made.first_appointment_on) == (
        "did_not_attend", "phoned, no answer", "referred", None)


def test_cancelling_needs_why_works_before_the_day_and_only_a_known_outcome_is_set():
    made = _referral()
    booked = made.book(_slot(), by="U2", now=NOW)
    assert _refused(InvalidInput, made.set_status, appointment_id=booked.appointment_id, status="cancelled",
                    reason="  ", by="U2", now=NOW) == {"reason": "is required to cancel"}
    assert set(_refused(InvalidInput, made.set_status, appointment_id=booked.appointment_id, status="booked",
                        reason="", by="U2", now=NOW)) == {"status"}
    assert set(_refused(InvalidInput, made.set_status, appointment_id="nope", status="cancelled", reason="ill",
                        by="U2", now=NOW)) == {"appointment_id"}
    made.set_status(booked.appointment_id, "cancelled", reason="Adviser ill", by="PU1", now=NOW)
    assert (booked.status, booked.reason, booked.changed_by, made.status) == (
        "cancelled", "Adviser ill", "PU1", "referred")
    assert set(_refused(InUse, made.set_status, appointment_id=booked.appointment_id, status="cancelled",
                        reason="again", by="U2", now=NOW)) == {"status"}


def test_rescheduling_twice_keeps_a_chain_of_three_linked_both_ways_one_version_each():
    made = _referral()
    first = made.book(_slot(), by="U2", now=NOW)
    second = made.reschedule(first.appointment_id, _slot(starts_at="2026-06-23T14:00"), reason="Clash", by="U2",
                             now=NOW)
    assert made.version == 3
    third = made.reschedule(second.appointment_id, _slot(starts_at="2026-06-24T09:00", place="Library"),
                            reason="Person asked", by="PU1", now=NOW)
    assert made.version == 4 and len(made.events) == 4
    assert made.appointments == [first, second, third]
    assert [(a.status, a.rescheduled_from, a.rescheduled_to) for a in made.appointments] == [
        ("rescheduled", "", second.appointment_id),
        ("rescheduled", first.appointment_id, third.appointment_id),
        ("booked", second.appointment_id, "")]
    assert (first.reason, first.changed_by, second.reason, second.changed_by) == ("Clash", "U2", "Person asked", "PU1")
    assert (third.slot.place, third.booked_by, made.status) == ("Library", "PU1", "appointment_booked")
    assert set(_refused(InUse, made.reschedule, appointment_id=first.appointment_id, chosen=_slot(), reason="",
                        by="U2", now=NOW)) == {"appointment_id"}
    assert len(made.appointments) == 3 and made.version == 4


def test_a_request_waits_for_the_provider_until_an_appointment_is_booked():
    made = _referral()
    made.requested(expires_at=NOW + dt.timedelta(days=14), now=NOW)
    assert (made.status, made.request_expires_at, made.version) == ("appointment_requested", NOW + dt.timedelta(14), 2)
    made.book(_slot(), by="link", now=NOW)
    assert (made.status, made.request_expires_at) == ("appointment_booked", None)
    declined = Referral.new(**NO)
    assert set(_refused(InUse, declined.requested, expires_at=NOW, now=NOW)) == {"referral_id"}


def test_steps_are_recorded_once_each_in_the_journeys_order_and_move_the_status():
    made = _referral()
    made.record_step("cv", date="2026-06-10", notes="", by="PU1", now=NOW, today=TODAY)
    made.record_step("first_appointment", date="2026-06-01", notes="", by="PU1", now=NOW, today=TODAY)
    assert [s.step for s in made.steps] == ["first_appointment", "cv"] and made.status == "in_progress"
    made.record_step("cv", date="2026-06-12", notes="Second draft", by="PU2", now=NOW, today=TODAY)
    assert [(s.step, s.date, s.notes, s.recorded_by) for s in made.steps] == [
        ("first_appointment", dt.date(2026, 6, 1), "", "PU1"), ("cv", dt.date(2026, 6, 12), "Second draft", "PU2")]
    made.record_step("job_started", date="2026-06-15", notes="", by="PU1", now=NOW, today=TODAY)
    assert (made.status, made.version, made.first_appointment_on) == ("in_work", 5, dt.date(2026, 6, 1))
    assert set(_refused(InvalidInput, made.record_step, step="juggling", date="2026-06-16", notes="", by="PU1",
                        now=NOW, today=TODAY)) == {"step", "date"}
    assert made.version == 5
    assert set(_refused(InUse, Referral.new(**NO).record_step, step="cv", date="2026-06-10", notes="", by="PU1",
                        now=NOW, today=TODAY)) == {"referral_id"}


def test_the_first_appointment_is_the_earliest_attended_or_recorded():
    made = _referral()
    booked = made.book(_slot(starts_at="2026-06-16T09:00"), by="U2", now=NOW)
    made.set_status(booked.appointment_id, "attended", reason="", by="U2", now=_at("2026-06-16T09:05"))
    assert made.first_appointment_on == dt.date(2026, 6, 16)
    made.record_step("first_appointment", date="2026-06-14", notes="", by="PU1", now=NOW, today=TODAY)
    assert made.first_appointment_on == dt.date(2026, 6, 14)
