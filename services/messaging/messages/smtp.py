"""Email out over SMTP (smtplib), as TRACKER_SMTP_URL says: smtp://host:port (STARTTLS when the server
offers it and `?starttls=required` insists), smtps://host:port (TLS from the start), user:password@ for
AUTH. One connection is kept while a send job runs. A permanent refusal of the recipient (5xx) is a bounce;
a refusal that may pass later (4xx) or a lost connection is tried again with backoff, then failed."""
from __future__ import annotations

import logging
import smtplib
import ssl
import time
from dataclasses import dataclass
from email.message import EmailMessage
from urllib.parse import parse_qs, unquote, urlsplit

from .domain import BOUNCED, FAILED, SENT_TO, Delivery

log = logging.getLogger(__name__)

ATTEMPTS = 3
BACKOFF_S = 0.5  # doubled after each attempt
TIMEOUT_S = 30.0


class SmtpUrlError(ValueError):
    pass


@dataclass(frozen=True)
class SmtpServer:
    host: str
    port: int
    tls: str = "starttls"  # starttls (when offered), required (STARTTLS or fail), ssl (TLS from the start)
    username: str = ""
    password: str = ""

    @classmethod
    def from_url(cls, url: str) -> "SmtpServer":
        parts = urlsplit(url.strip())
        if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
            raise SmtpUrlError(f"TRACKER_SMTP_URL={url!r}: expected smtp://host:port or smtps://host:port")
        starttls = parse_qs(parts.query).get("starttls", [""])[0]
        tls = "ssl" if parts.scheme == "smtps" else "required" if starttls == "required" else "starttls"
        return cls(parts.hostname, parts.port or (465 if tls == "ssl" else 25), tls,
                   unquote(parts.username or ""), unquote(parts.password or ""))


class SmtpMailer:
    def __init__(self, server: SmtpServer, *, attempts: int = ATTEMPTS, backoff_s: float = BACKOFF_S):
        self.server, self._attempts, self._backoff = server, attempts, backoff_s
        self._connection: smtplib.SMTP | None = None

    def _connect(self) -> smtplib.SMTP:
        if self._connection is None:
            s = self.server
            context = ssl.create_default_context()
            connection = (smtplib.SMTP_SSL(s.host, s.port, timeout=TIMEOUT_S, context=context) if s.tls == "ssl"
                          else smtplib.SMTP(s.host, s.port, timeout=TIMEOUT_S))
            connection.ehlo()
            if s.tls != "ssl" and (connection.has_extn("starttls") or s.tls == "required"):
                connection.starttls(context=context)
                connection.ehlo()
            if s.username:
                connection.login(s.username, s.password)
            self._connection = connection
        return self._connection

    def close(self) -> None:
        if self._connection is not None:
            try:
                self._connection.quit()
            except (smtplib.SMTPException, OSError):
                pass
            self._connection = None

    def send(self, email: EmailMessage) -> Delivery:
        error = ""
        for attempt in range(1, self._attempts + 1):
            try:
                self._connect().send_message(email)
                return Delivery(SENT_TO)
            except smtplib.SMTPRecipientsRefused as refused:
                code, said = next(iter(refused.recipients.values()))
                error = f"{code} {said.decode('utf-8', 'replace') if isinstance(said, bytes) else said}"
                if code >= 500:
                    return Delivery(BOUNCED, error)
            except smtplib.SMTPResponseException as refused:
                error = f"{refused.smtp_code} {refused.smtp_error.decode('utf-8', 'replace')}"
                if refused.smtp_code >= 500:
                    return Delivery(FAILED, error)
                self.close()
            except (smtplib.SMTPException, OSError) as lost:
                error = f"{type(lost).__name__}: {lost}"
                self.close()
            log.warning("email not sent (attempt %d/%d): %s", attempt, self._attempts, error)
            if attempt < self._attempts:
                time.sleep(self._backoff * 2 ** (attempt - 1))
        return Delivery(FAILED, error)
