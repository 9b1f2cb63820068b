"""An appointment request's link, with no I/O: signed for one referral of one landlord until an instant
(services/common/signed_links.py, its own key), so the provider books through it without signing in, and
nobody can make, change or stretch one."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from services.common import signed_links

PURPOSE = b"tenant-tracker appointment requests v1"


@dataclass(frozen=True)
class AppointmentLink:
    landlord_id: str
    referral_id: str
    expires_at: dt.datetime


def token(secret: str, link: AppointmentLink) -> str:
    return signed_links.sign(secret, PURPOSE, (link.landlord_id, link.referral_id, link.expires_at.isoformat()))


def read(secret: str, given: str) -> AppointmentLink | None:
    """What the link names, or None when the platform did not make it."""
    parts = signed_links.read(secret, PURPOSE, given, 3)
    if not parts:
        return None
    try:
        return AppointmentLink(parts[0], parts[1], dt.datetime.fromisoformat(parts[2]))
    except ValueError:
        return None


def request_text(referral, provider_name: str, url: str) -> str:
    """The request as the provider reads it: who, what they need, the link and how long it works."""
    needs = ", ".join(referral.needs) or "not given"
    return (f"Dear {provider_name},\n\nPlease book a first appointment for {referral.person.name} "
            f"(needs: {needs}).\n\nBook it here (no sign-in needed): {url}\n\n"
            f"The link works until {referral.request_expires_at:%d/%m/%Y %H:%M} UTC, once.\n")
