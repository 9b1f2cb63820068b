"""The referrals service's use cases on embedded storage: a referral only of a current person to a provider the
landlord works with; appointments booked, rescheduled in a chain, attended only once started; every change in
the outbox with a growing version; an appointment request that could not be sent changes nothing."""
from __future__ import annotations

import datetime as dt

import pytest

from services.common.errors import AlreadyExists, InUse, InvalidInput, NotFound, Unavailable
from services.referrals import service
from tests.service.referrals.conftest import NOW, YES, outbox

SLOT = {"starts_at": "2026-06-22T10:00", "minutes": 45, "place": "Job Centre, High St", "adviser": "Sam"}


def _fields(refused) -> set[str]:
    return {p.field for p in refused.value.fields}


def _book(referrals, landlord, made):
    """The appointment booked (at SLOT) for the referral."""
    with referrals.runtime.uow(landlord) as uow:
        return service.book(uow, referral_id=made.referral_id, slot=SLOT, user_id="U1").appointments[-1]


def test_a_referral_is_of_a_current_person_to_a_provider_the_landlord_works_with(referrals, people, landlord,
                                                                                   add_provider, choose):
    chosen, other = add_provider("Work Ready"), add_provider("Skills Hub")
    choose(landlord, chosen)
    ada = people.add("Ada Lovelace")
    with referrals.runtime.uow(landlord) as uow:
        for given, field in (({"provider_id": chosen}, "person_id"),
                             ({"person_id": "nobody", "provider_id": chosen}, "person_id"),
                             ({"person_id": ada, "provider_id": other}, "provider_id"),
                             ({"person_id": ada, "provider_id": "no-such-provider"}, "provider_id"),
                             ({"person_id": ada, "provider_id": ""}, "provider_id")):
            with pytest.raises(InvalidInput) as refused:
                service.create_referral(uow, people, user_id="U1", given={**YES, **given})
            assert _fields(refused) == {field}, given
    assert outbox(referrals, landlord) == []

    with referrals.runtime.uow(landlord) as uow:
        made = service.create_referral(uow, people, user_id="U1", given={**YES, "person_id": ada,
                                                                          "provider_id": chosen})
    with referrals.runtime.uow(landlord) as uow:
        found = service.get_referral(uow, referral_id=made.referral_id)
    assert (found.person, found.provider_id, found.status, found.referred_on) == (
        people.people[ada], chosen, "referred", dt.date(2026, 6, 15))
    assert [(e.referral_id, e.version, e.status) for e in outbox(referrals, landlord)] == [
        (made.referral_id, 1, "referred")]


def test_a_no_names_no_provider_and_is_kept_with_its_reason(referrals, people, landlord):
    with referrals.runtime.uow(landlord) as uow:
        made = service.create_referral(uow, people, user_id="U1", given={
            "person_id": people.add(), "wants_support": False, "no_reason": "already_in_work"})
    [event] = outbox(referrals, landlord)
    assert (made.status, event.wants_support, event.no_reason, event.status) == (
        "declined", False, "already_in_work", "declined")
    with referrals.runtime.uow(landlord) as uow:
        with pytest.raises(InUse):
            service.book(uow, referral_id=made.referral_id, slot=SLOT, user_id="U1")


def test_every_change_is_in_the_outbox_with_a_growing_version(referrals, landlord, referral, clock):
    made = referral
    first = _book(referrals, landlord, made)
    with referrals.runtime.uow(landlord) as uow:
        moved = service.reschedule(uow, referral_id=made.referral_id, appointment_id=first.appointment_id,
                                   slot={**SLOT, "starts_at": "2026-06-23T10:00"}, reason="Clash",
                                   user_id="U1").appointments[-1]
    clock.move(dt.timedelta(days=8, hours=1))  # 2026-06-23 11:30 in the UK
    with referrals.runtime.uow(landlord) as uow:
        service.set_status(uow, referral_id=made.referral_id, appointment_id=moved.appointment_id,
                           status="attended", reason="", user_id="U1")
    with referrals.runtime.uow(landlord) as uow:
        service.record_step(uow, referral_id=made.referral_id, step="job_started", date="2026-06-23", notes="",
                            user_id="U1")
    assert [(e.version, e.status, e.first_appointment_on) for e in outbox(referrals, landlord)] == [
        (1, "referred", ""), (2, "appointment_booked", ""), (3, "appointment_booked", ""),
        (4, "in_progress", "2026-06-23"), (5, "in_work", "2026-06-23")]


def test_a_refused_change_publishes_nothing_and_changes_nothing(referrals, landlord, referral):
    made = referral
    with referrals.runtime.uow(landlord) as uow:
        with pytest.raises(InvalidInput) as refused:
            service.book(uow, referral_id=made.referral_id, user_id="U1",
                         slot={**SLOT, "starts_at": "2026-06-15T10:00", "place": ""})
    assert _fields(refused) == {"slot.starts_at", "slot.place"}
    with referrals.runtime.uow(landlord) as uow:
        assert service.get_referral(uow, referral_id=made.referral_id).version == 1
        with pytest.raises(NotFound):
            service.book(uow, referral_id="no-such-referral", slot=SLOT, user_id="U1")
    assert len(outbox(referrals, landlord)) == 1


def test_rescheduling_twice_keeps_all_three_linked_both_ways(referrals, landlord, referral):
    made = referral
    first = _book(referrals, landlord, made)
    with referrals.runtime.uow(landlord) as uow:
        second = service.reschedule(uow, referral_id=made.referral_id, appointment_id=first.appointment_id,
                                    slot={**SLOT, "starts_at": "2026-06-23T14:00"}, reason="Clash",
                                    user_id="U1").appointments[-1]
    with referrals.runtime.uow(platform=True) as uow:  # the provider moves it again
        third = service.reschedule(uow, referral_id=made.referral_id, appointment_id=second.appointment_id,
                                   slot={**SLOT, "starts_at": "2026-06-24T09:30", "place": "Library"},
                                   reason="Adviser away", user_id="PU1", provider=made.provider_id).appointments[-1]
    with referrals.runtime.uow(landlord) as uow:
        found = service.get_referral(uow, referral_id=made.referral_id)
        with pytest.raises(InUse):
            service.reschedule(uow, referral_id=made.referral_id, appointment_id=first.appointment_id, slot=SLOT,
                               reason="", user_id="U1")
    ids = [first.appointment_id, second.appointment_id, third.appointment_id]
    assert [a.appointment_id for a in found.appointments] == ids
    assert [(a.status, a.rescheduled_from, a.rescheduled_to, a.reason, a.changed_by) for a in found.appointments] == [
        ("rescheduled", "", ids[1], "Clash", "U1"), ("rescheduled", ids[0], ids[2], "Adviser away", "PU1"),
        ("booked", ids[1], "", "", "")]
    assert [(a.slot.starts_at, a.slot.place) for a in found.appointments] == [
        (dt.datetime(2026, 6, 22, 10), "Job Centre, High St"), (dt.datetime(2026, 6, 23, 14), "Job Centre, High St"),
        (dt.datetime(2026, 6, 24, 9, 30), "Library")]
    assert (found.version, found.status) == (4, "appointment_booked")


def test_attended_is_refused_before_the_start_and_accepted_after_it(referrals, landlord, referral, clock):
    made = referral
    booked = _book(referrals, landlord, made)
    clock.move(dt.datetime(2026, 6, 22, 8, 59, tzinfo=dt.timezone.utc) - NOW)  # 09:59 in the UK on the day
    with referrals.runtime.uow(landlord) as uow:
        for status in ("attended", "did_not_attend"):
            with pytest.raises(InvalidInput) as refused:
                service.set_status(uow, referral_id=made.referral_id, appointment_id=booked.appointment_id,
                                   status=status, reason="", user_id="U1")
            assert _fields(refused) == {"status"}
    clock.move(dt.timedelta(minutes=2))  # 10:01 in the UK
    with referrals.runtime.uow(landlord) as uow:
        service.set_status(uow, referral_id=made.referral_id, appointment_id=booked.appointment_id,
                           status="attended", reason="", user_id="U2")
    with referrals.runtime.uow(landlord) as uow:
        found = service.get_referral(uow, referral_id=made.referral_id)
    assert (found.appointments[0].status, found.appointments[0].changed_by, found.status, found.version) == (
        "attended", "U2", "in_progress", 3)
    assert found.first_appointment_on == dt.date(2026, 6, 22)


def test_a_person_who_did_not_attend_is_booked_again(referrals, landlord, referral, clock):
    made = referral
    booked = _book(referrals, landlord, made)
    clock.move(dt.timedelta(days=7, hours=2))  # 2026-06-22 12:30 in the UK
    with referrals.runtime.uow(landlord) as uow:
        service.set_status(uow, referral_id=made.referral_id, appointment_id=booked.appointment_id,
                           status="did_not_attend", reason="No answer at the door", user_id="U1")
    with referrals.runtime.uow(landlord) as uow:
        with pytest.raises(InUse):
            service.set_status(uow, referral_id=made.referral_id, appointment_id=booked.appointment_id,
                               status="attended", reason="", user_id="U1")
        again = service.book(uow, referral_id=made.referral_id, user_id="U1",
                             slot={**SLOT, "starts_at": "2026-06-29T10:00"})
    assert [(a.status, a.reason) for a in again.appointments] == [
        ("did_not_attend", "No answer at the door"), ("booked", "")]
    assert [e.status for e in outbox(referrals, landlord)] == ["referred", "appointment_booked", "referred",
                                                              "appointment_booked"]


def test_a_request_that_could_not_be_sent_leaves_the_referral_unchanged(referrals, landlord, referral, mail):
    made = referral

    def send(referral) -> None:
        mail.notice(to="bookings@work-ready.example", subject="Appointment request", text=referral.referral_id)

    mail.failing = True
    with referrals.runtime.uow(landlord) as uow:
        with pytest.raises(Unavailable):
            service.request_appointment(uow, referral_id=made.referral_id, send=send)
    with referrals.runtime.uow(landlord) as uow:
        found = service.get_referral(uow, referral_id=made.referral_id)
    assert (found.status, found.version, found.request_expires_at) == ("referred", 1, None)
    assert len(outbox(referrals, landlord)) == 1 and mail.sent == []

    mail.failing = False
    with referrals.runtime.uow(landlord) as uow:
        service.request_appointment(uow, referral_id=made.referral_id, send=send)
    with referrals.runtime.uow(landlord) as uow:
        found = service.get_referral(uow, referral_id=made.referral_id)
    assert (found.status, found.version, found.request_expires_at) == (
        "appointment_requested", 2, NOW + service.REQUEST_LIFETIME)
    assert [m["text"] for m in mail.sent] == [made.referral_id]
    assert [e.status for e in outbox(referrals, landlord)] == ["referred", "appointment_requested"]


def test_providers_are_one_of_a_name_and_a_landlord_chooses_only_known_ones(referrals, landlord, add_provider,
                                                                            choose):
    first = add_provider("Work Ready")
    with pytest.raises(AlreadyExists):
        add_provider("WORK READY")
    second = add_provider("Skills Hub")
    with referrals.runtime.uow(platform=True) as uow:
        assert [p.name for p in service.all_providers(uow)] == ["Skills Hub", "Work Ready"]
        changed = service.update_provider(uow, provider_id=second, details={
            "name": "Skills Hub North", "services": [], "areas": ["Leeds", "Bradford"],
            "contact_email": "hub@skills.example"})
    assert (changed.name, changed.areas) == ("Skills Hub North", ("Leeds", "Bradford"))
    with referrals.runtime.uow(landlord) as uow:
        with pytest.raises(InvalidInput) as refused:
            service.choose_providers(uow, provider_ids=[first, "nope"], known={first, second})
    assert _fields(refused) == {"provider_ids[1]"}
    choose(landlord, first, second, first)
    with referrals.runtime.uow(landlord) as uow:
        assert service.chosen_providers(uow) == {first, second}
    choose(landlord, second)
    with referrals.runtime.uow(landlord) as uow:
        assert service.chosen_providers(uow) == {second}


def test_today_is_the_uk_date_just_after_midnight_in_summer(referrals, landlord, referral, refer, clock):
    clock.move(dt.datetime(2026, 6, 15, 23, 30, tzinfo=dt.timezone.utc) - NOW)  # 00:30 on the 16th in the UK
    with referrals.runtime.uow(landlord) as uow:
        found = service.record_step(uow, referral_id=referral.referral_id, step="first_appointment",
                                    date="2026-06-16", notes="", user_id="PU1")
    assert found.first_appointment_on == dt.date(2026, 6, 16)
    assert refer(landlord, referral.provider_id, consent_date="2026-06-16").referred_on == dt.date(2026, 6, 16)
    with referrals.runtime.uow(landlord) as uow:
        with pytest.raises(InvalidInput) as refused:
            service.record_step(uow, referral_id=referral.referral_id, step="cv", date="2026-06-17", notes="",
                                user_id="PU1")
    assert _fields(refused) == {"date"}
