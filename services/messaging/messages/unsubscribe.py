"""Links signed for one recipient, with no I/O: each email names a one-click unsubscribe link (RFC 8058)
carrying the landlord, the person and the channel, and, where the landlord tracks opens, a picture whose
link carries the landlord, the person and the message; each with an HMAC-SHA256 of them under a key derived
from the platform's signing secret (one key per kind of link: services/common/signed_links.py), so nobody can
forge or change one."""
from __future__ import annotations

from dataclasses import dataclass

from services.common.signed_links import read as _read, sign

PURPOSE = b"tenant-tracker unsubscribe links v1"
OPENED = b"tenant-tracker opened pictures v1"


@dataclass(frozen=True)
class Unsubscribe:
    landlord_id: str
    person_id: str
    channel: str


@dataclass(frozen=True)
class Opened:
    landlord_id: str
    person_id: str
    message_id: str


def token(secret: str, who: Unsubscribe) -> str:
    return sign(secret, PURPOSE, (who.landlord_id, who.person_id, who.channel))


def read(secret: str, given: str) -> Unsubscribe | None:
    """Who the link is for, or None when it is not one this platform made."""
    parts = _read(secret, PURPOSE, given, 3)
    return Unsubscribe(*parts) if parts else None


def opened_token(secret: str, seen: Opened) -> str:
    return sign(secret, OPENED, (seen.landlord_id, seen.person_id, seen.message_id))


def read_opened(secret: str, given: str) -> Opened | None:
    """Whose opening of which message the picture's link tells, or None when it is not one this platform made."""
    parts = _read(secret, OPENED, given, 3)
    return Opened(*parts) if parts else None
