"""An appointment as an iCalendar invitation (RFC 5545), with no I/O: one VEVENT whose start and end are given in
UTC (worked out from the UK local time, so a calendar anywhere shows the right hour, summer time or not), its
place, and the provider, adviser and person in the summary and description; text escaped and long lines
folded as the RFC says, lines ending CRLF."""
from __future__ import annotations

import datetime as dt

from services.common.dates import LANDLORD_ZONE

from .domain import Appointment, Referral

PRODUCT_ID = "-//Tenant Tracker//Referrals//EN"


def _escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
            .replace("\n", "\\n"))


def _fold(line: str) -> list[str]:
    """The line in pieces of at most 75 octets, each after the first starting with a space."""
    pieces, current, limit = [], "", 75
    for char in line:
        if len((current + char).encode()) > limit:
            pieces.append(current)
            current, limit = char, 74
        else:
            current += char
    pieces.append(current)
    return [pieces[0], *(" " + p for p in pieces[1:])]


def _utc(instant: dt.datetime) -> str:
    return instant.strftime("%Y%m%dT%H%M%SZ")


def ics(referral: Referral, appointment: Appointment, provider_name: str, now: dt.datetime) -> bytes:
    s = appointment.slot
    start = s.starts_at.replace(tzinfo=LANDLORD_ZONE).astimezone(dt.timezone.utc)
    end = start + dt.timedelta(minutes=s.minutes)  # in UTC: a night the clocks change keeps the length
    about = f"Appointment with {provider_name}" + (f" ({s.adviser})" if s.adviser else "")
    description = "\n".join(x for x in (f"For {referral.person.name}" if referral.person.name else "",
                                        f"Adviser: {s.adviser}" if s.adviser else "",
                                        f"Referral {referral.referral_id}") if x)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODUCT_ID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
             "BEGIN:VEVENT", f"UID:{appointment.appointment_id}@tenant-tracker",
             f"DTSTAMP:{now.astimezone(dt.timezone.utc).strftime('%Y%m%dT%H%M%SZ')}",
             f"DTSTART:{_utc(start)}", f"DTEND:{_utc(end)}", f"SUMMARY:{_escape(about)}",
             f"LOCATION:{_escape(s.place)}", f"DESCRIPTION:{_escape(description)}",
             "STATUS:" + ("CANCELLED" if appointment.status == "cancelled" else "CONFIRMED"),
             "END:VEVENT", "END:VCALENDAR"]
    return "".join(piece + "\r\n" for line in lines for piece in _fold(line)).encode()
