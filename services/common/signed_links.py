"""Links the platform signs, with no I/O: the parts a link carries joined and signed with an HMAC-SHA256 under a
key derived from the platform's signing secret for one purpose (one key per kind of link, never the bearer
tokens'), so nobody can forge or change one and a link of one kind is never taken for another."""
from __future__ import annotations

import base64
import binascii
import hashlib
import hmac

MAC_BYTES = 16


def _key(secret: str, purpose: bytes) -> bytes:
    return hmac.new(secret.encode(), purpose, hashlib.sha256).digest()


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def sign(secret: str, purpose: bytes, parts: tuple[str, ...]) -> str:
    """The parts (none holding "|") as a signed token, safe in a URL."""
    payload = "|".join(parts).encode()
    return f"{_b64(payload)}.{_b64(hmac.new(_key(secret, purpose), payload, hashlib.sha256).digest()[:MAC_BYTES])}"


def read(secret: str, purpose: bytes, given: str, count: int) -> list[str] | None:
    """The `count` parts of a token this platform signed for `purpose`, or None for anything else."""
    payload_text, _, mac_text = (given or "").partition(".")
    try:
        payload, mac = _unb64(payload_text), _unb64(mac_text)
    except (binascii.Error, ValueError):
        return None
    expected = hmac.new(_key(secret, purpose), payload, hashlib.sha256).digest()[:MAC_BYTES]
    if not secret or not hmac.compare_digest(mac, expected):
        return None
    parts = payload.decode("utf-8", "replace").split("|")
    return parts if len(parts) == count and all(parts) else None
