"""Booking through an appointment request's link: it works for 14 days, once, and only while it is the newest
request of its referral; a link read back from its token names the instant the stored request expires."""
from __future__ import annotations

import datetime as dt

import pytest

from services.common.errors import InvalidInput
from services.referrals import links, service
from tests.service.referrals.conftest import NOW

SECRET = "a-signing-secret-for-the-tests-only"
SLOT = {"starts_at": "2026-06-22T10:00", "minutes": 60, "place": "Work Ready office", "adviser": "Sam"}


@pytest.fixture
def requested(referrals, landlord, referral):
    """A referral and a function requesting its appointment now, returning when the request's link expires."""
    made = referral

    def request() -> dt.datetime:
        with referrals.runtime.uow(landlord) as uow:
            return service.request_appointment(uow, referral_id=made.referral_id,
                                               send=lambda referral: None).request_expires_at
    return made, request


def _linked(referrals, landlord, referral_id, expires_at):
    with referrals.runtime.uow(landlord) as uow:
        return service.linked_referral(uow, referral_id=referral_id, expires_at=expires_at)


def _book(referrals, landlord, referral_id, expires_at, **slot):
    with referrals.runtime.uow(landlord) as uow:
        return service.book_by_link(uow, referral_id=referral_id, slot={**SLOT, **slot}, expires_at=expires_at)


def _refused(call, *args, **kwargs) -> None:
    with pytest.raises(InvalidInput) as refused:
        call(*args, **kwargs)
    assert [p.field for p in refused.value.fields] == ["token"]


def test_a_link_works_for_fourteen_days_and_not_a_minute_more(referrals, landlord, requested, clock):
    made, request = requested
    expires_at = request()
    assert expires_at == NOW + dt.timedelta(days=14) == NOW + service.REQUEST_LIFETIME
    clock.move(dt.timedelta(days=14, minutes=-1))
    assert _linked(referrals, landlord, made.referral_id, expires_at).referral_id == made.referral_id
    clock.move(dt.timedelta(minutes=2))  # 14 days and a minute after the request
    _refused(_linked, referrals, landlord, made.referral_id, expires_at)
    _refused(_book, referrals, landlord, made.referral_id, expires_at)
    with referrals.runtime.uow(landlord) as uow:
        assert service.get_referral(uow, referral_id=made.referral_id).appointments == []


def test_a_link_books_once(referrals, landlord, requested):
    made, request = requested
    expires_at = request()
    booked = _book(referrals, landlord, made.referral_id, expires_at)
    assert (booked.status, booked.request_expires_at, booked.version) == ("appointment_booked", None, 3)
    assert [(a.booked_by, a.slot.place) for a in booked.appointments] == [("link", "Work Ready office")]
    _refused(_linked, referrals, landlord, made.referral_id, expires_at)
    _refused(_book, referrals, landlord, made.referral_id, expires_at, starts_at="2026-06-23T10:00")
    with referrals.runtime.uow(landlord) as uow:
        assert len(service.get_referral(uow, referral_id=made.referral_id).appointments) == 1


def test_a_newer_request_makes_the_older_link_stop_working(referrals, landlord, requested, clock):
    made, request = requested
    older = request()
    clock.move(dt.timedelta(hours=3))
    newer = request()
    assert newer == older + dt.timedelta(hours=3)
    _refused(_linked, referrals, landlord, made.referral_id, older)
    _refused(_book, referrals, landlord, made.referral_id, older)
    assert _book(referrals, landlord, made.referral_id, newer).status == "appointment_booked"


def test_a_link_only_names_a_referral_of_its_landlord(referrals, landlord, requested):
    made, request = requested
    expires_at = request()
    _refused(_linked, referrals, "another-landlord", made.referral_id, expires_at)
    _refused(_linked, referrals, landlord, "no-such-referral", expires_at)


def test_a_token_read_back_opens_the_stored_request_to_the_microsecond(referrals, landlord, requested, clock):
    made, request = requested
    clock.move(dt.timedelta(microseconds=123457))  # a real clock's now has microseconds
    expires_at = request()
    given = links.token(SECRET, links.AppointmentLink(landlord, made.referral_id, expires_at))
    link = links.read(SECRET, given)
    assert (link.landlord_id, link.referral_id) == (landlord, made.referral_id)
    assert _linked(referrals, link.landlord_id, link.referral_id, link.expires_at).referral_id == made.referral_id
    assert _book(referrals, link.landlord_id, link.referral_id, link.expires_at).status == "appointment_booked"
