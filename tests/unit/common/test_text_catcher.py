"""The text catcher speaks Twilio's wire protocol on loopback: a text sent is answered 201 with Twilio's
message resource and kept as a numbered file (numbering on after a restart); wrong credentials, a bad
number, a missing body or sender are refused as Twilio refuses them; delivery reports and replies reach
a receiver signed as Twilio signs them; no request, however odd, stops it answering."""
from __future__ import annotations

import json
import queue
import re
import threading
from email.utils import parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl

import pytest
import requests

from services.common.config import Settings
from services.common.text_catcher import TextCatcher
from services.common.twilio_signature import is_valid

ACCOUNT, TOKEN = "AC" + "0" * 32, "catcher-token"
SENDER, RESIDENT, UNREACHABLE = "+447700900001", "+447700900123", "+447700900111"
WAIT_S = 5


class Receiver:
    """A loopback web app that keeps every form posted to it and answers with the next of `statuses`."""

    def __init__(self):
        self.posts: queue.Queue[tuple[str, dict, str | None]] = queue.Queue()
        self.statuses: list[int] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"])).decode("utf-8")
                url = f"{receiver.url}{self.path}"
                receiver.posts.put((url, dict(parse_qsl(body, keep_blank_values=True)),
                                    self.headers.get("X-Twilio-Signature")))
                self.send_response(receiver.statuses.pop(0) if receiver.statuses else 200)
                self.send_header("Content-Length", "0")
                self.end_headers()

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True).start()

    def next(self) -> tuple[str, dict, str | None]:
        return self.posts.get(timeout=WAIT_S)

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture
def receiver():
    r = Receiver()
    yield r
    r.stop()


@pytest.fixture
def catcher(tmp_path, receiver):
    c = TextCatcher(tmp_path / "texts", ACCOUNT, TOKEN, outcomes={UNREACHABLE: ("undelivered", 30003)},
                    inbound_url=f"{receiver.url}/texts/replies?landlord=L1").start()
    yield c
    c.stop()


def _send(catcher: TextCatcher, auth=(ACCOUNT, TOKEN), account=ACCOUNT, **form) -> requests.Response:
    form = {"To": RESIDENT, "From": SENDER, "Body": "Your repair is booked for Monday.", **form}
    url = f"{catcher.url}/2010-04-01/Accounts/{account}/Messages.json"
    return requests.post(url, data={k: v for k, v in form.items() if v is not None}, auth=auth, timeout=WAIT_S)


def test_a_text_is_created_as_twilio_answers_and_kept_as_a_file(catcher):
    answer = _send(catcher)
    assert answer.status_code == 201
    text = answer.json()
    assert re.fullmatch(r"SM[0-9a-f]{32}", text["sid"])
    assert {k: text[k] for k in ("account_sid", "to", "from", "body", "status", "num_segments", "direction",
                                  "api_version", "error_code", "error_message")} == {
        "account_sid": ACCOUNT, "to": RESIDENT, "from": SENDER, "body": "Your repair is booked for Monday.",
        "status": "queued", "num_segments": "1", "direction": "outbound-api", "api_version": "2010-04-01",
        "error_code": None, "error_message": None}
    assert parsedate_to_datetime(text["date_created"]).tzinfo is not None
    assert text["uri"] == f"/2010-04-01/Accounts/{ACCOUNT}/Messages/{text['sid']}.json"
    kept = json.loads((catcher.directory / "000001.json").read_text("utf-8"))
    assert kept["sid"] == text["sid"] and kept["body"] == text["body"] and kept["to"] == RESIDENT
    assert [r["sid"] for r in catcher.received] == [text["sid"]]


def test_numbering_goes_on_after_a_restart_with_the_same_directory(catcher):
    first = _send(catcher).json()["sid"]
    catcher.stop()
    again = TextCatcher(catcher.directory, ACCOUNT, TOKEN).start()
    try:
        second = _send(again).json()["sid"]
        assert [r["sid"] for r in again.received] == [second]
    finally:
        again.stop()
    files = sorted(p.name for p in catcher.directory.iterdir())
    assert files == ["000001.json", "000002.json"]
    assert json.loads((catcher.directory / "000001.json").read_text("utf-8"))["sid"] == first


def test_segments_are_counted_as_a_phone_would_split_the_text(catcher):
    assert _send(catcher, Body="a" * 160).json()["num_segments"] == "1"
    assert _send(catcher, Body="a" * 161).json()["num_segments"] == "2"
    assert _send(catcher, Body="€" * 81).json()["num_segments"] == "2"  # two of the 160 each
    assert _send(catcher, Body="ŵ" * 70).json()["num_segments"] == "1"  # Welsh: not GSM, 70 a text
    assert _send(catcher, Body="ŵ" * 71).json()["num_segments"] == "2"


def test_wrong_credentials_or_another_account_are_refused_as_twilio_refuses_them(catcher):
    for answer in (_send(catcher, auth=(ACCOUNT, "wrong")), _send(catcher, auth=None),
                   _send(catcher, account="AC" + "1" * 32)):
        assert answer.status_code == 401
        assert answer.json() == {"code": 20003, "message": "Authenticate", "status": 401,
                                 "more_info": "https://www.twilio.com/docs/errors/20003"}
    assert catcher.received == [] and not catcher.directory.exists()


def test_a_bad_number_or_a_missing_body_or_sender_is_refused(catcher):
    bad = _send(catcher, To="07700900123")
    assert bad.status_code == 400
    assert bad.json()["code"] == 21211
    assert bad.json()["message"] == "The 'To' number 07700900123 is not a valid phone number."
    assert _send(catcher, Body="").json()["code"] == 21602
    assert _send(catcher, Body=None).json()["code"] == 21602
    assert _send(catcher, From=None).json()["code"] == 21603
    assert catcher.received == []


def test_delivery_is_reported_to_the_status_callback_signed(catcher, receiver):
    callback = f"{receiver.url}/texts/status?message=M1"
    sid = _send(catcher, StatusCallback=callback).json()["sid"]
    reports = [receiver.next(), receiver.next()]
    for url, form, signed in reports:
        assert url == callback and is_valid(TOKEN, url, form, signed)
        assert form["MessageSid"] == form["SmsSid"] == sid
        assert (form["AccountSid"], form["From"], form["To"], form["ApiVersion"]) == (
            ACCOUNT, SENDER, RESIDENT, "2010-04-01")
        assert "ErrorCode" not in form
    assert [form["MessageStatus"] for _, form, _ in reports] == ["sent", "delivered"]
    assert catcher.received[0]["status_callback"] == callback


def test_a_failure_outcome_is_reported_with_its_error_code(catcher, receiver):
    _send(catcher, To=UNREACHABLE, StatusCallback=f"{receiver.url}/texts/status")
    reports = [receiver.next()[1], receiver.next()[1]]
    assert [(f["MessageStatus"], f.get("ErrorCode")) for f in reports] == [("sent", None), ("undelivered", "30003")]


def test_a_refused_report_is_tried_again(catcher, receiver):
    receiver.statuses = [503]
    _send(catcher, StatusCallback=f"{receiver.url}/texts/status")
    assert [receiver.next()[1]["MessageStatus"] for _ in range(3)] == ["sent", "sent", "delivered"]


def test_a_report_nobody_takes_does_not_stop_the_catcher(catcher):
    assert _send(catcher, StatusCallback="http://127.0.0.1:9/nobody-here").status_code == 201
    assert _send(catcher, StatusCallback="not a url").status_code == 201
    assert _send(catcher).status_code == 201


def test_a_reply_reaches_the_inbound_url_signed(catcher, receiver):
    answer = requests.post(f"{catcher.url}/fake/replies", timeout=WAIT_S,
                           data={"From": RESIDENT, "To": SENDER, "Body": "STOP"})
    assert answer.status_code == 202
    assert answer.json() == {"delivered_to": catcher.inbound_url, "status": 200}
    url, form, signed = receiver.next()
    assert url == catcher.inbound_url and is_valid(TOKEN, url, form, signed)
    assert (form["From"], form["To"], form["Body"], form["AccountSid"]) == (RESIDENT, SENDER, "STOP", ACCOUNT)
    assert re.fullmatch(r"SM[0-9a-f]{32}", form["MessageSid"]) and form["SmsSid"] == form["MessageSid"]
    assert (form["NumMedia"], form["NumSegments"], form["ApiVersion"]) == ("0", "1", "2010-04-01")
    receiver.statuses = [403]
    assert catcher.reply(RESIDENT, "Thanks", SENDER) == 403


def test_a_reply_with_nowhere_to_go_is_a_conflict(tmp_path):
    lonely = TextCatcher(tmp_path, ACCOUNT, TOKEN).start()
    try:
        answer = requests.post(f"{lonely.url}/fake/replies", data={"From": RESIDENT, "To": SENDER, "Body": "Hi"},
                               timeout=WAIT_S)
        assert answer.status_code == 409 and "inbound_url" in answer.json()["message"]
    finally:
        lonely.stop()


def test_refusals_create_nothing_until_they_run_out(catcher):
    catcher.refuse(429)
    catcher.refuse(503)
    busy, failing = _send(catcher), _send(catcher)
    assert (busy.status_code, busy.json()["code"], busy.json()["message"]) == (429, 20429, "Too Many Requests")
    assert (failing.status_code, failing.json()["code"]) == (503, 20500)
    assert catcher.received == []
    assert _send(catcher).status_code == 201


def test_odd_requests_get_twilio_shaped_answers_and_the_catcher_carries_on(catcher):
    missing = requests.get(f"{catcher.url}/2010-04-01/Accounts/{ACCOUNT}/Calls.json", timeout=WAIT_S)
    assert missing.status_code == 404 and missing.json()["code"] == 20404 and missing.json()["status"] == 404
    messages = f"{catcher.url}/2010-04-01/Accounts/{ACCOUNT}/Messages.json"
    assert requests.get(messages, timeout=WAIT_S).status_code == 405
    for body in (b"%zz=\xff\xfe", b'{"To": "+447700900123"}', b"To"):
        odd = requests.post(messages, data=body, auth=(ACCOUNT, TOKEN), timeout=WAIT_S,
                            headers={"Content-Type": "application/x-www-form-urlencoded"})
        assert odd.status_code == 400, body
    assert requests.post(messages, headers={"Authorization": "Basic !!!"}, timeout=WAIT_S).status_code == 401
    assert _send(catcher).status_code == 201


def test_a_platform_gets_the_catcher_its_settings_ask_for(tmp_path):
    settings = Settings.from_env({"TRACKER_VAR_DIR": str(tmp_path), "TRACKER_SMS_ACCOUNT": ACCOUNT,
                                  "TRACKER_SMS_TOKEN": TOKEN})
    assert TextCatcher.for_settings(Settings.from_env({"TRACKER_TEXT_CATCHER": "0"})) is None
    platform = TextCatcher.for_settings(settings, any_port=True).start()
    try:
        assert platform.directory == tmp_path / "texts" and platform.port != 2526
        assert _send(platform).status_code == 201
    finally:
        platform.stop()
