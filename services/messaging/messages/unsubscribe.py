"""One-click unsubscribe links (RFC 8058), with no I/O: each email names a link made for its recipient,
carrying the landlord, the person and the channel, and an HMAC-SHA256 of them under a key derived from the
platform's signing secret, so nobody can opt anyone else out by changing the link."""
from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
from dataclasses import dataclass

PURPOSE = b"tenant-tracker unsubscribe links v1"
MAC_BYTES = 16


@dataclass(frozen=True)
class Unsubscribe:
    landlord_id: str
    person_id: str
    channel: str


def _key(secret: str) -> bytes:
    return hmac.new(secret.encode(), PURPOSE, hashlib.sha256).digest()  # its own key: not the bearer tokens'


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def token(secret: str, who: Unsubscribe) -> str:
    payload = f"{who.landlord_id}|{who.person_id}|{who.channel}".encode()
    return f"{_b64(payload)}.{_b64(hmac.new(_key(secret), payload, hashlib.sha256).digest()[:MAC_BYTES])}"


def read(secret: str, given: str) -> Unsubscribe | None:
    """Who the link is for, or None when it is not one this platform made."""
    payload_text, _, mac_text = (given or "").partition(".")
    try:
        payload, mac = _unb64(payload_text), _unb64(mac_text)
    except (binascii.Error, ValueError):
        return None
    expected = hmac.new(_key(secret), payload, hashlib.sha256).digest()[:MAC_BYTES]
    if not secret or not hmac.compare_digest(mac, expected):
        return None
    parts = payload.decode("utf-8", "replace").split("|")
    return Unsubscribe(*parts) if len(parts) == 3 and all(parts) else None
