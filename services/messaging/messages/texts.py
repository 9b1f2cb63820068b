"""Texts out through Twilio's Programmable Messaging API, or anything that speaks it (the text catcher on
loopback in `make run` and the tests): one POST per text with the account and its token as Basic auth,
one HTTP session kept while a send job runs. Twilio saying no because it is busy or failing (429, 5xx)
or a lost connection is tried again with backoff, then failed; any other refusal fails at once, with
Twilio's code and message, and the outcome it means for the recipient's record (a number that cannot
take texts, a recipient who replied STOP). Twilio's later delivery reports are read by `callback_outcome`."""
from __future__ import annotations

import logging
import time
from urllib.parse import quote

import requests

from .domain import FAILED, SENT_TO, Delivery

log = logging.getLogger(__name__)

TWILIO_API = "https://api.twilio.com"  # production; never contacted here unless a caller passes it
ATTEMPTS = 3
BACKOFF_S = 0.5  # doubled after each attempt
TIMEOUT_S = 30.0
RETRY_AFTER_MAX_S = 30.0  # the longest a Retry-After from the provider makes us wait

# The outcome codes of a texted communication record.
DELIVERED, ILLEGAL_NUMBER, NETWORK_ERROR = "delivered", "illegal_number", "network_error"
BLOCKED_BY_USER = "blocked_by_user"

# Twilio refusing a text when it is sent (HTTP 4xx).
_REFUSED = {21211: ILLEGAL_NUMBER, 21214: ILLEGAL_NUMBER, 21612: ILLEGAL_NUMBER, 21614: ILLEGAL_NUMBER,
            21635: ILLEGAL_NUMBER, 21610: BLOCKED_BY_USER}
# Twilio reporting a text failed or undelivered, by its ErrorCode. As Twilio's error pages describe them:
# 30003 is a handset switched off or out of signal (worth trying later), not a bad number; 30002 (our
# account suspended) and 30010 (our MaxPrice) are no fault of the recipient's network: plain failed.
_UNDELIVERED = {30005: ILLEGAL_NUMBER, 30006: ILLEGAL_NUMBER, 30004: BLOCKED_BY_USER, 21610: BLOCKED_BY_USER,
                30001: NETWORK_ERROR, 30003: NETWORK_ERROR, 30008: NETWORK_ERROR, 30009: NETWORK_ERROR}


def callback_outcome(status: str, error_code: str | None) -> str | None:
    """The outcome a delivery report (MessageStatus, ErrorCode) gives the recipient's record; None while
    the text is still on its way, or for a status this does not know."""
    if status == "delivered":
        return DELIVERED
    if status in ("failed", "undelivered"):
        try:
            return _UNDELIVERED.get(int(error_code or ""), FAILED)
        except ValueError:
            return FAILED
    return None


def _refusal(response: requests.Response) -> tuple[int | None, str]:
    """Twilio's error code and message from a refusal, or what the server said instead."""
    try:
        said = response.json()
        code, message = said.get("code"), said.get("message")
        return (code if isinstance(code, int) else None), str(message or response.reason)
    except (ValueError, AttributeError):
        return None, response.reason or response.text[:200]


def _retry_after(response: requests.Response) -> float:
    try:
        return min(max(float(response.headers.get("Retry-After", "")), 0.0), RETRY_AFTER_MAX_S)
    except ValueError:
        return 0.0


class TwilioTexts:
    def __init__(self, api_url: str, account: str, token: str, *, attempts: int = ATTEMPTS,
                 backoff_s: float = BACKOFF_S, timeout_s: float = TIMEOUT_S):
        self._url = f"{api_url.rstrip('/')}/2010-04-01/Accounts/{quote(account, safe='')}/Messages.json"
        self._attempts, self._backoff, self._timeout = attempts, backoff_s, timeout_s
        self._session = requests.Session()
        self._session.auth = (account, token)

    def close(self) -> None:
        self._session.close()

    def send(self, to: str, from_: str, body: str, status_callback: str = "") -> Delivery:
        """Sent (with the provider's id for the text, which its delivery reports carry) or failed (with what
        the provider said and the outcome it means)."""
        form = {"To": to, "From": from_, "Body": body}
        if status_callback:
            form["StatusCallback"] = status_callback
        error = ""
        for attempt in range(1, self._attempts + 1):
            wait = self._backoff * 2 ** (attempt - 1)
            try:
                response = self._session.post(self._url, data=form, timeout=self._timeout)
            except requests.RequestException as lost:
                error = f"{type(lost).__name__}: {lost}"
            else:
                if 200 <= response.status_code < 300:
                    try:
                        sid = str(response.json().get("sid") or "")
                    except (ValueError, AttributeError):
                        sid = ""
                    return Delivery(SENT_TO, provider_ref=sid)
                code, said = _refusal(response)
                error = f"{code} {said}" if code else f"HTTP {response.status_code} {said}"
                if response.status_code != 429 and response.status_code < 500:
                    return Delivery(FAILED, error=error, outcome=_REFUSED.get(code or 0, FAILED))
                wait = max(wait, _retry_after(response))
            log.warning("text not sent (attempt %d/%d): %s", attempt, self._attempts, error)
            if attempt < self._attempts:
                time.sleep(wait)
        return Delivery(FAILED, error=error)
