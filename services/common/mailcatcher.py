"""A loopback SMTP server that keeps what it is sent (aiosmtpd): `make run` and the tests start it so
messages go somewhere real without leaving the machine. Each email is written to <directory>/<n>.eml
(numbered on from the files already there, so a restart keeps what came before) and kept in memory
(`received`, what came since this start)."""
from __future__ import annotations

import email
import logging
import socket
import threading
from email import policy
from email.message import EmailMessage
from pathlib import Path
from urllib.parse import urlsplit

from aiosmtpd.controller import Controller


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd's line per connection and command: noise


class _Keeper:
    def __init__(self, directory: Path, refuse: frozenset[str]):
        self.directory, self.refuse = directory, refuse
        self.received: list[EmailMessage] = []
        self._lock = threading.Lock()
        self._written = max((int(p.stem) for p in directory.glob("*.eml") if p.stem.isdigit()), default=0)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.refuse:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        mail = email.message_from_bytes(envelope.content, policy=policy.default)
        with self._lock:
            self.received.append(mail)
            self._written += 1
            self.directory.mkdir(parents=True, exist_ok=True)
            (self.directory / f"{self._written:06d}.eml").write_bytes(envelope.content)
        return "250 Message accepted"


class MailCatcher:
    """`refuse`: addresses refused for good (550), as a mailbox that does not exist is (a bounce)."""

    def __init__(self, directory: Path, host: str = "127.0.0.1", port: int = 0, refuse: frozenset[str] = frozenset()):
        self._keeper = _Keeper(directory, frozenset(a.lower() for a in refuse))
        self.host, self.port = host, port or free_port(host)
        self._controller = Controller(self._keeper, hostname=host, port=self.port)

    @property
    def url(self) -> str:
        return f"smtp://{self.host}:{self.port}"

    @property
    def directory(self) -> Path:
        return self._keeper.directory

    @property
    def received(self) -> list[EmailMessage]:
        with self._keeper._lock:
            return list(self._keeper.received)

    @classmethod
    def for_settings(cls, settings, *, any_port: bool = False) -> "MailCatcher | None":
        """The catcher a platform on these settings starts (None when TRACKER_MAIL_CATCHER=0): at
        TRACKER_SMTP_URL's port, or any free port, keeping mail in <var>/mail/."""
        if not settings.mail_catcher:
            return None
        port = 0 if any_port else urlsplit(settings.smtp_url).port or 2525
        return cls(settings.var_dir / "mail", port=port)

    def described(self) -> str:
        return f"caught on {self.url}; each one is a file in {self.directory.resolve()}/"

    def start(self) -> "MailCatcher":
        self._controller.start()
        return self

    def stop(self) -> None:
        self._controller.stop()
