"""Links signed for one recipient, with no I/O: each email names a one-click unsubscribe link (RFC 8058)
carrying the landlord, the person and the channel, and, where the landlord tracks opens, a picture whose
link carries the landlord, the person and the message; each with an HMAC-SHA256 of them under a key derived
from the platform's signing secret (one key per kind of link), so nobody can forge or change one."""
from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from dataclasses import dataclass

PURPOSE = b"tenant-tracker unsubscribe links v1"
OPENED = b"tenant-tracker opened pictures v1"
MAC_BYTES = 16


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


def _key(secret: str, purpose: bytes = PURPOSE) -> bytes:
    return hmac.new(secret.encode(), purpose, hashlib.sha256).digest()  # its own key: not the bearer tokens'


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _signed(secret: str, purpose: bytes, parts: tuple[str, str, str]) -> str:
    payload = "|".join(parts).encode()
    return f"{_b64(payload)}.{_b64(hmac.new(_key(secret, purpose), payload, hashlib.sha256).digest()[:MAC_BYTES])}"


def _parts(secret: str, purpose: bytes, given: str) -> list[str] | None:
    payload_text, _, mac_text = (given or "").partition(".")
    try:
        payload, mac = _unb64(payload_text), _unb64(mac_text)
    except (binascii.Error, ValueError):
        return None
    expected = hmac.new(_key(secret, purpose), payload, hashlib.sha256).digest()[:MAC_BYTES]
    if not secret or not hmac.compare_digest(mac, expected):
        return None
    parts = payload.decode("utf-8", "replace").split("|")
    return parts if len(parts) == 3 and all(parts) else None


def token(secret: str, who: Unsubscribe) -> str:
    return _signed(secret, PURPOSE, (who.landlord_id, who.person_id, who.channel))


def read(secret: str, given: str) -> Unsubscribe | None:
    """Who the link is for, or None when it is not one this platform made."""
    parts = _parts(secret, PURPOSE, given)
    return Unsubscribe(*parts) if parts else None


def opened_token(secret: str, seen: Opened) -> str:
    return _signed(secret, OPENED, (seen.landlord_id, seen.person_id, seen.message_id))


def read_opened(secret: str, given: str) -> Opened | None:
    """Whose opening of which message the picture's link tells, or None when it is not one this platform made."""
    parts = _parts(secret, OPENED, given)
    return Opened(*parts) if parts else None
