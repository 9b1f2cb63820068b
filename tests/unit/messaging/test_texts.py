"""Texts out through a Twilio-compatible API (a real text catcher on loopback): a text accepted carries
its sid; Twilio busy or failing is tried again, honouring Retry-After, then failed with the reason; a
bad number or wrong credentials fail at once with the outcome they mean; delivery reports map to the
recipient's outcome."""
from __future__ import annotations

import socket
import time

import pytest

from services.common.text_catcher import TextCatcher
from services.messaging.messages.domain import Delivery
from services.messaging.messages.texts import TwilioTexts, callback_outcome

ACCOUNT, TOKEN = "AC" + "a" * 32, "texts-token"
SENDER, RESIDENT = "+447700900001", "+447700900123"
BODY = "Your gas safety check is on Tuesday."


@pytest.fixture
def catcher(tmp_path):
    c = TextCatcher(tmp_path / "texts", ACCOUNT, TOKEN).start()
    yield c
    c.stop()


@pytest.fixture
def texts(catcher):
    t = TwilioTexts(catcher.url, ACCOUNT, TOKEN, backoff_s=0.01, timeout_s=5)
    yield t
    t.close()


def _tries(caplog) -> int:
    return sum("text not sent" in r.getMessage() for r in caplog.records)


def test_a_text_accepted_is_sent_with_its_sid(catcher, texts):
    delivery = texts.send(RESIDENT, SENDER, BODY, status_callback="http://127.0.0.1:9/texts/status")
    [caught] = catcher.received
    assert delivery == Delivery("sent", provider_ref=caught["sid"])
    assert (caught["to"], caught["from"], caught["body"]) == (RESIDENT, SENDER, BODY)
    assert caught["status_callback"] == "http://127.0.0.1:9/texts/status"


def test_twilio_busy_is_tried_again_until_it_accepts(catcher, texts):
    catcher.refuse(429, times=2)
    delivery = texts.send(RESIDENT, SENDER, BODY)
    assert delivery.state == "sent" and delivery.provider_ref == catcher.received[0]["sid"]
    assert len(catcher.received) == 1


def test_retry_after_is_honoured(catcher, texts):
    catcher.refuse(429, retry_after=0.3)
    started = time.monotonic()
    assert texts.send(RESIDENT, SENDER, BODY).state == "sent"
    assert time.monotonic() - started >= 0.3


def test_twilio_failing_every_time_fails_with_the_reason(catcher, texts, caplog):
    catcher.refuse(503, times=3)
    delivery = texts.send(RESIDENT, SENDER, BODY)
    assert (delivery.state, delivery.outcome_code, delivery.error) == ("failed", "failed", "20500 Service Unavailable")
    assert catcher.received == [] and _tries(caplog) == 3


def test_no_answer_at_all_fails_with_the_reason():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    nobody = TwilioTexts(f"http://127.0.0.1:{closed}", ACCOUNT, TOKEN, attempts=2, backoff_s=0.01, timeout_s=2)
    try:
        delivery = nobody.send(RESIDENT, SENDER, BODY)
    finally:
        nobody.close()
    assert (delivery.state, delivery.outcome_code) == ("failed", "failed")
    assert delivery.error.startswith("ConnectionError")


def test_a_bad_number_fails_at_once_as_an_illegal_number(catcher, texts, caplog):
    delivery = texts.send("07700900123", SENDER, BODY)
    assert delivery.state == "failed" and delivery.outcome_code == "illegal_number"
    assert delivery.error == "21211 The 'To' number 07700900123 is not a valid phone number."
    assert _tries(caplog) == 0


def test_wrong_credentials_fail_at_once(catcher, caplog):
    wrong = TwilioTexts(catcher.url, ACCOUNT, "not-the-token", backoff_s=0.01)
    try:
        delivery = wrong.send(RESIDENT, SENDER, BODY)
    finally:
        wrong.close()
    assert (delivery.state, delivery.outcome_code, delivery.error) == ("failed", "failed", "20003 Authenticate")
    assert catcher.received == [] and _tries(caplog) == 0


@pytest.mark.parametrize("status, error_code, outcome", [
    ("delivered", None, "delivered"),
    ("queued", None, None), ("accepted", None, None), ("sending", None, None), ("sent", None, None),
    ("undelivered", "30003", "network_error"),
    ("undelivered", "30005", "illegal_number"),
    ("failed", "30006", "illegal_number"),
    ("undelivered", "30004", "blocked_by_user"),
    ("failed", "21610", "blocked_by_user"),
    ("failed", "30001", "network_error"),
    ("undelivered", "30008", "network_error"),
    ("failed", "30009", "network_error"),
    ("failed", "30002", "failed"),
    ("undelivered", "30007", "failed"),
    ("failed", "30010", "failed"),
    ("failed", None, "failed"),
    ("failed", "", "failed"),
    ("undelivered", "not a code", "failed"),
    ("receiving", None, None),
    ("", None, None),
])
def test_a_delivery_report_gives_the_recipient_its_outcome(status, error_code, outcome):
    assert callback_outcome(status, error_code) == outcome
