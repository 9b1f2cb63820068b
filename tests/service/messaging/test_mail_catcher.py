"""The loopback mail catcher `make run` and `make run-cluster` start: every email it takes is a file,
numbered on across restarts so nothing caught before is overwritten."""
from __future__ import annotations

import smtplib
from email.message import EmailMessage

from services.common.mailcatcher import MailCatcher


def _send(catcher: MailCatcher, subject: str) -> None:
    mail = EmailMessage()
    mail["From"], mail["To"], mail["Subject"] = "hello@example.org", "alan.adams@example.org", subject
    mail.set_content("Dear Mr Adams")
    with smtplib.SMTP(catcher.host, catcher.port, timeout=10) as smtp:
        smtp.send_message(mail)


def test_each_email_is_a_file_and_a_restart_keeps_the_earlier_ones(tmp_path):
    first = MailCatcher(tmp_path / "mail").start()
    try:
        _send(first, "First")
    finally:
        first.stop()
    second = MailCatcher(tmp_path / "mail").start()
    try:
        _send(second, "Second")
        assert [m["Subject"] for m in second.received] == ["Second"]
    finally:
        second.stop()
    files = sorted((tmp_path / "mail").glob("*.eml"))
    assert [f.name for f in files] == ["000001.eml", "000002.eml"]
    assert b"Subject: First" in files[0].read_bytes() and b"Subject: Second" in files[1].read_bytes()
