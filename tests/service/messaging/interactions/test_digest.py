"""The daily digest through a real SMTP server on loopback (the mail catcher): one email a day to a user with
open actions overdue or due today (the day in the UK), however often it is asked for; none when nothing is due;
another the next day; and when the email server is down nothing is kept, so a later run sends it."""
from __future__ import annotations

import datetime as dt

import pytest

from services.common.errors import InvalidInput, Unavailable
from services.common.mailcatcher import MailCatcher, free_port
from services.messaging.interactions import digest, service as interactions
from services.messaging.messages.smtp import SmtpMailer, SmtpServer
from services.messaging.messages import notices
from tests.service.messaging.interactions.helpers import record, set_clock

UTC = dt.timezone.utc
SAM = {"user_id": "U2", "email_address": "sam.officer@example.org", "name": "Sam Officer"}


@pytest.fixture
def catcher(tmp_path):
    running = MailCatcher(tmp_path / "mail").start()
    yield running
    running.stop()


def _send(messaging, landlord, people, mailer, **user) -> tuple[str, int, int]:
    with messaging.runtime.uow(landlord) as uow:
        return digest.send(uow, mailer, people, **{**SAM, **user})


def _mailer(url: str, **options) -> SmtpMailer:
    return SmtpMailer(SmtpServer.from_url(url), **options)


@pytest.fixture
def actions(messaging, landlord, people, clock):
    """Sam's: one due on 15 June and one on 16 June (Ada's and Bea's); one of Jo's due on 16 June, one of
    Sam's completed; then the clock at 08:00 BST on 16 June."""
    ada, bea = people.add("Ada Adams"), people.add("Bea Brown")
    record(messaging, landlord, people, ada, action={"what": "Ring Ada about rent", "assigned_to": "U2",
                                                     "due_date": "2026-06-15"})
    record(messaging, landlord, people, bea, action={"what": "Send Bea the form", "assigned_to": "U2",
                                                     "due_date": "2026-06-16"})
    record(messaging, landlord, people, bea, action={"what": "Jo's visit", "assigned_to": "U3",
                                                     "due_date": "2026-06-16"})
    done = record(messaging, landlord, people, ada, action={"what": "Already done", "assigned_to": "U2",
                                                            "due_date": "2026-06-15"}).actions[0]
    with messaging.runtime.uow(landlord) as uow:
        interactions.complete_action(uow, action_id=done.action_id, user_id="U2", note="")
    set_clock(clock, dt.datetime(2026, 6, 16, 7, 0, tzinfo=UTC))


def test_one_email_a_day_however_often_it_is_sent(messaging, landlord, people, catcher, clock, actions):
    mailer = _mailer(catcher.url)
    try:
        assert _send(messaging, landlord, people, mailer) == (digest.SENT, 1, 1)
        for hours in (0, 1, 14):  # until 23:59 BST
            clock.move(dt.timedelta(hours=hours))
            assert _send(messaging, landlord, people, mailer) == (digest.ALREADY_SENT, 1, 1)
        assert clock.now() == dt.datetime(2026, 6, 16, 22, 0, tzinfo=UTC)
        assert len(catcher.received) == 1
    finally:
        mailer.close()
    [mail] = catcher.received
    assert mail["To"].addresses[0].addr_spec == "sam.officer@example.org"
    assert mail["To"].addresses[0].display_name == "Sam Officer"
    assert mail["From"].addresses[0].addr_spec == notices.PLATFORM_SENDER[1]
    assert mail["Subject"] == "Your follow-up actions for 16/06/2026: 1 overdue, 1 due today"
    text = mail.get_body(("plain",)).get_content()
    assert "OVERDUE, due 15/06/2026: Ring Ada about rent (Ada Adams, REF1)" in text
    assert "due today: Send Bea the form (Bea Brown, REF2)" in text
    assert "Jo's visit" not in text and "Already done" not in text
    html = mail.get_body(("html",)).get_content()
    assert "<li>OVERDUE, due 15/06/2026: Ring Ada about rent (Ada Adams, REF1)</li>" in html


def test_the_next_day_in_the_uk_brings_another(messaging, landlord, people, catcher, clock, actions):
    mailer = _mailer(catcher.url)
    try:
        assert _send(messaging, landlord, people, mailer) == (digest.SENT, 1, 1)
        set_clock(clock, dt.datetime(2026, 6, 16, 23, 30, tzinfo=UTC))  # 00:30 BST on 17 June
        assert _send(messaging, landlord, people, mailer) == (digest.SENT, 2, 0)
        assert _send(messaging, landlord, people, mailer) == (digest.ALREADY_SENT, 2, 0)
    finally:
        mailer.close()
    assert [m["Subject"] for m in catcher.received] == [
        "Your follow-up actions for 16/06/2026: 1 overdue, 1 due today",
        "Your follow-up actions for 17/06/2026: 2 overdue, 0 due today"]


def test_nothing_due_sends_nothing(messaging, landlord, people, catcher, clock, actions):
    mailer = _mailer(catcher.url)
    try:
        assert _send(messaging, landlord, people, mailer, user_id="U4") == (digest.NOTHING_DUE, 0, 0)
        set_clock(clock, dt.datetime(2026, 6, 15, 12, 0, tzinfo=UTC))  # Jo's is due tomorrow
        assert _send(messaging, landlord, people, mailer, user_id="U3") == (digest.NOTHING_DUE, 0, 0)
        assert _send(messaging, landlord, people, mailer, user_id="U3", email_address="") == (
            digest.NOTHING_DUE, 0, 0)
    finally:
        mailer.close()
    assert catcher.received == []
    with messaging.runtime.uow(landlord) as uow:
        with pytest.raises(InvalidInput):
            digest.send(uow, mailer, people, user_id="", email_address="a@example.org", name="A")


def test_a_user_without_an_email_address_is_told_so_and_can_have_it_later(messaging, landlord, people, catcher,
                                                                           actions):
    mailer = _mailer(catcher.url)
    try:
        assert _send(messaging, landlord, people, mailer, email_address="  ") == (digest.NO_EMAIL, 1, 1)
        assert catcher.received == []
        assert _send(messaging, landlord, people, mailer) == (digest.SENT, 1, 1)
    finally:
        mailer.close()
    assert len(catcher.received) == 1


def test_an_email_server_that_is_down_keeps_no_claim(messaging, landlord, people, tmp_path, clock, actions):
    down = _mailer(f"smtp://127.0.0.1:{free_port()}", attempts=1, backoff_s=0)
    with pytest.raises(Unavailable):
        _send(messaging, landlord, people, down)
    down.close()
    clock.move(dt.timedelta(hours=1))
    catcher = MailCatcher(tmp_path / "mail").start()
    mailer = _mailer(catcher.url)
    try:
        assert _send(messaging, landlord, people, mailer) == (digest.SENT, 1, 1)
        assert _send(messaging, landlord, people, mailer) == (digest.ALREADY_SENT, 1, 1)
        assert len(catcher.received) == 1
    finally:
        mailer.close()
        catcher.stop()
