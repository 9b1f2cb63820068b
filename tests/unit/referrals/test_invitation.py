"""An appointment's iCalendar invitation: start and end in UTC worked out from the UK local time (summer time or
not), text escaped, lines folded at 75 octets and ending CRLF, a cancelled one marked so."""
from __future__ import annotations

import datetime as dt

import pytest

from services.common.errors import InvalidInput
from services.referrals import appointments, domain, invitation
from services.referrals.appointments import Appointment, Slot
from services.referrals.domain import Person, Referral

NOW = dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.timezone.utc)


def _referral(name: str = "Ada Lovelace") -> Referral:
    return Referral("R1", "L1", "P1", Person(name), True, "", "PR1", ("cv",), True, dt.date(2026, 1, 2), "",
                    dt.date(2026, 1, 2), "U1", NOW)


def _appointment(starts_at: str, minutes: int = 60, place: str = "Room 1", adviser: str = "Sam",
                 status: str = domain.BOOKED) -> Appointment:
    return Appointment("A1", Slot(dt.datetime.fromisoformat(starts_at), minutes, place, adviser), status, "U1", NOW)


def _lines(content: bytes) -> list[str]:
    """The invitation's lines unfolded, after checking every physical line ends CRLF and has at most 75 octets."""
    assert content.endswith(b"\r\n")
    physical = content[:-2].split(b"\r\n")
    assert all(b"\n" not in p and b"\r" not in p for p in physical)
    assert all(len(p) <= 75 for p in physical), [len(p) for p in physical]
    return content.decode().replace("\r\n ", "").split("\r\n")[:-1]


def _field(content: bytes, name: str) -> str:
    return next(line.split(":", 1)[1] for line in _lines(content) if line.startswith(name + ":"))


def test_a_summer_appointment_is_an_hour_earlier_in_utc():
    made = invitation.ics(_referral(), _appointment("2026-03-30T10:00", 90), "Work Ready", NOW)
    assert (_field(made, "DTSTART"), _field(made, "DTEND")) == ("20260330T090000Z", "20260330T103000Z")


def test_a_winter_appointment_is_the_same_hour_in_utc():
    made = invitation.ics(_referral(), _appointment("2026-01-12T10:00", 45), "Work Ready", NOW)
    assert (_field(made, "DTSTART"), _field(made, "DTEND")) == ("20260112T100000Z", "20260112T104500Z")
    late_october = invitation.ics(_referral(), _appointment("2026-10-26T10:00"), "Work Ready", NOW)  # after the change
    assert _field(late_october, "DTSTART") == "20261026T100000Z"
    before_the_change = invitation.ics(_referral(), _appointment("2026-10-24T10:00"), "Work Ready", NOW)
    assert _field(before_the_change, "DTSTART") == "20261024T090000Z"


def test_the_invitation_is_one_event_with_its_place_people_and_stamp():
    made = invitation.ics(_referral(), _appointment("2026-01-12T10:00"), "Work Ready", NOW)
    lines = _lines(made)
    assert lines[:6] == ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{invitation.PRODUCT_ID}", "CALSCALE:GREGORIAN",
                         "METHOD:PUBLISH", "BEGIN:VEVENT"]
    assert lines[-2:] == ["END:VEVENT", "END:VCALENDAR"]
    assert (_field(made, "UID"), _field(made, "DTSTAMP")) == ("A1@tenant-tracker", "20260105T090000Z")
    assert _field(made, "SUMMARY") == "Appointment with Work Ready (Sam)"
    assert _field(made, "LOCATION") == "Room 1"
    assert _field(made, "DESCRIPTION") == "For Ada Lovelace\\nAdviser: Sam\\nReferral R1"
    assert _field(made, "STATUS") == "CONFIRMED"
    no_adviser = invitation.ics(_referral(name=""), _appointment("2026-01-12T10:00", adviser=""), "Work Ready", NOW)
    assert (_field(no_adviser, "SUMMARY"), _field(no_adviser, "DESCRIPTION")) == (
        "Appointment with Work Ready", "Referral R1")


def test_commas_semicolons_backslashes_and_new_lines_are_escaped():
    place = "Unit 4, Mill Lane; rear door\\side\nAsk at desk\r\nThen lift"
    made = invitation.ics(_referral(), _appointment("2026-01-12T10:00", place=place), "Smith, Jones; Co", NOW)
    assert _field(made, "LOCATION") == "Unit 4\\, Mill Lane\\; rear door\\\\side\\nAsk at desk\\nThen lift"
    assert _field(made, "SUMMARY") == "Appointment with Smith\\, Jones\\; Co (Sam)"


def test_long_lines_fold_at_75_octets_without_splitting_a_character():
    place = "Café Élan, " * 20  # two-octet characters throughout
    made = invitation.ics(_referral(), _appointment("2026-01-12T10:00", place=place), "Work Ready", NOW)
    assert _field(made, "LOCATION") == place.replace(",", "\\,")
    folded = made.split(b"\r\n")
    start = next(i for i, p in enumerate(folded) if p.startswith(b"LOCATION:"))
    assert len(folded[start]) in (74, 75) and folded[start + 1].startswith(b" ")
    for piece in folded:
        piece.decode()  # each physical line is whole UTF-8: raises where a character was split


def test_a_cancelled_appointment_is_marked_cancelled():
    made = invitation.ics(_referral(), _appointment("2026-01-12T10:00", status=domain.CANCELLED), "Work Ready", NOW)
    assert _field(made, "STATUS") == "CANCELLED"


def test_an_appointment_across_a_clock_change_keeps_its_length():
    autumn = invitation.ics(_referral(), _appointment("2026-10-25T00:30", 120), "Work Ready", NOW)
    assert (_field(autumn, "DTSTART"), _field(autumn, "DTEND")) == ("20261024T233000Z", "20261025T013000Z")
    spring = invitation.ics(_referral(), _appointment("2026-03-29T00:30", 120), "Work Ready", NOW)
    assert (_field(spring, "DTSTART"), _field(spring, "DTEND")) == ("20260329T003000Z", "20260329T023000Z")


def test_a_time_the_uk_clock_skips_is_not_a_slot():
    with pytest.raises(InvalidInput) as refused:
        appointments.slot(starts_at="2026-03-29T01:30", minutes=60, place="Room 1", adviser="", now=NOW)
    assert [p.field for p in refused.value.fields] == ["slot.starts_at"]
    assert appointments.slot(starts_at="2026-03-29T02:30", minutes=60, place="Room 1", adviser="", now=NOW).minutes == 60
