"""The signature Twilio puts on every request it makes to us (the X-Twilio-Signature header), so we
can tell a real delivery report or reply from a forged one, and so our loopback fake signs the same
way. As Twilio documents it: the full URL the request was sent to, then each form parameter's name
followed by its value, names in order (a name given more than once: its values in order), signed with
HMAC-SHA1 keyed by the account's auth token, in base64."""
from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Mapping, Sequence

HEADER = "X-Twilio-Signature"

Params = Mapping[str, str | Sequence[str]]


def _values(value: str | Sequence[str]) -> list[str]:
    return [value] if isinstance(value, str) else sorted(value)


def signature(token: str, url: str, params: Params) -> str:
    """The signature Twilio would send for a POST of these form parameters to this URL."""
    signed = url + "".join(name + value for name in sorted(params) for value in _values(params[name]))
    digest = hmac.new(token.encode("utf-8"), signed.encode("utf-8"), hashlib.sha1).digest()
    return base64.b64encode(digest).decode("ascii")


def is_valid(token: str, url: str, params: Params, given: str | None) -> bool:
    """Whether `given` (the header as it came, or None) is the signature for this request. A missing
    or empty signature, or no token to check it with, is never valid."""
    if not token or not given:
        return False
    return hmac.compare_digest(signature(token, url, params).encode("ascii"), given.encode("utf-8"))
