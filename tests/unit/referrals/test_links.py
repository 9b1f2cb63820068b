"""An appointment request's link names its landlord, referral and expiry, signed: changed, made with another
secret or made for another kind of link, it is no link at all."""
from __future__ import annotations

import datetime as dt

from services.common import signed_links
from services.messaging.messages import unsubscribe
from services.referrals import links
from services.referrals.domain import Person, Referral

SECRET = "a-signing-secret-for-the-tests-only"
EXPIRES = dt.datetime(2026, 6, 29, 9, 30, 12, 345678, tzinfo=dt.timezone.utc)
LINK = links.AppointmentLink("6f1c2b9e-0000-4000-8000-000000000001", "6f1c2b9e-0000-4000-8000-000000000002",
                             EXPIRES)


def test_a_link_reads_back_to_the_instant_it_expires():
    given = links.token(SECRET, LINK)
    assert links.read(SECRET, given) == LINK
    assert links.read(SECRET, given).expires_at.utcoffset() == dt.timedelta(0)
    assert all(c.isalnum() or c in "-_." for c in given)


def test_a_changed_foreign_or_other_purpose_link_is_none():
    given = links.token(SECRET, LINK)
    later = links.token(SECRET, links.AppointmentLink(LINK.landlord_id, LINK.referral_id,
                                                      EXPIRES + dt.timedelta(days=30)))
    assert links.read(SECRET, later.split(".")[0] + "." + given.split(".")[1]) is None  # stretched, old signature
    assert links.read("another-secret", given) is None
    assert links.read("", given) is None
    unsubscribing = unsubscribe.token(SECRET, unsubscribe.Unsubscribe(LINK.landlord_id, LINK.referral_id, "x"))
    assert links.read(SECRET, unsubscribing) is None  # three parts, signed by the platform, but not for this
    for junk in ("", ".", "abc", given + "x", given.split(".")[0]):
        assert links.read(SECRET, junk) is None, junk


def test_a_signed_link_whose_expiry_is_not_a_time_is_none():
    odd = signed_links.sign(SECRET, links.PURPOSE, (LINK.landlord_id, LINK.referral_id, "next Tuesday"))
    assert links.read(SECRET, odd) is None


def test_the_request_names_the_person_their_needs_the_link_and_when_it_stops_working():
    referral = Referral("R1", "L1", "P1", Person("Ada Lovelace"), True, "", "PR1", ("cv", "training"), True,
                        dt.date(2026, 6, 1), "", dt.date(2026, 6, 1), "U1", EXPIRES, request_expires_at=EXPIRES)
    text = links.request_text(referral, "Work Ready", "https://tracker.example/book/abc")
    assert text.startswith("Dear Work Ready,")
    assert "for Ada Lovelace (needs: cv, training)" in text
    assert "https://tracker.example/book/abc" in text
    assert "until 29/06/2026 09:30 UTC, once." in text
