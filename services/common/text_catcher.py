"""A loopback stand-in for Twilio's Programmable Messaging API that speaks its wire protocol: `make run`
and the tests start it so texts go somewhere real without leaving the machine, as the mail catcher does
for email. A text sent to it (POST /2010-04-01/Accounts/<account>/Messages.json, with the account and
its token as Basic auth) is answered as Twilio answers, written to <directory>/<n>.json (numbered on from
the files already there, so a restart keeps what came before) and kept in memory (`received`, what came
since this start). Then, like Twilio, it reports delivery to the text's StatusCallback: "sent", then
"delivered", or the failure `outcomes` gives that number (e.g. {"+447700900111": ("undelivered", 30003)}),
each report signed with X-Twilio-Signature. `reply` (or POST /fake/replies with From, To and Body, for
trying things with curl) plays a resident texting back: the signed incoming-text request Twilio makes."""
from __future__ import annotations

import base64
import binascii
import datetime as dt
import hmac
import http.client
import ipaddress
import json
import logging
import re
import threading
import urllib.error
import urllib.request
from collections.abc import Mapping
from email.utils import format_datetime
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from services.common.ids import new_uuid
from services.common.text_catcher_http import Answer, Server, problem
from services.common.text_segments import segments
from services.common.twilio_signature import HEADER, signature

log = logging.getLogger(__name__)

API_VERSION = "2010-04-01"
E164 = re.compile(r"\+\d{8,15}")
CALLBACK_DELAY_S = 0.05  # after the answer, as Twilio's reports come after it too
CALLBACK_ATTEMPTS = 3
CALLBACK_BACKOFF_S = 0.2  # doubled after each attempt
CALLBACK_TIMEOUT_S = 5.0
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback: never through a proxy


def _sid() -> str:
    return "SM" + new_uuid().hex


def _post(url: str, params: Mapping[str, str], token: str) -> int:
    """POST the form to `url` signed as Twilio signs; the HTTP status that came back."""
    request = urllib.request.Request(url, data=urlencode(params).encode("utf-8"), method="POST", headers={
        "Content-Type": "application/x-www-form-urlencoded", HEADER: signature(token, url, params),
        "User-Agent": "TwilioProxy/1.1"})
    try:
        with _OPENER.open(request, timeout=CALLBACK_TIMEOUT_S) as response:
            return response.status
    except urllib.error.HTTPError as refused:
        return refused.code


class TextCatcher:
    """`outcomes`: the final delivery report for texts to these numbers, (status, Twilio error code)
    such as ("undelivered", 30003) or ("failed", 30008); every other number's texts are delivered.
    `inbound_url`: where replies go, as Twilio's incoming-text webhook would."""

    def __init__(self, directory: Path, account: str, token: str, host: str = "127.0.0.1", port: int = 0,
                 outcomes: Mapping[str, tuple[str, int | None]] | None = None, inbound_url: str = ""):
        self._directory, self.account, self._token = directory, account, token
        self.outcomes, self.inbound_url = dict(outcomes or {}), inbound_url
        self._stopped = threading.Event()
        self._received: list[dict] = []
        self._refusals: list[tuple[int, float | None]] = []
        self._lock = threading.Lock()
        self._written = max((int(p.stem) for p in directory.glob("*.json") if p.stem.isdigit()), default=0)
        self._server = Server((host, port), self)
        self.host, self.port = host, self._server.server_address[1]
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def directory(self) -> Path:
        return self._directory

    @property
    def received(self) -> list[dict]:
        with self._lock:
            return list(self._received)

    @classmethod
    def for_settings(cls, settings, *, any_port: bool = False) -> "TextCatcher | None":
        """The catcher a platform on these settings starts (None when TRACKER_TEXT_CATCHER=0): at
        TRACKER_SMS_API_URL's port, or any free port, for its account and token, keeping texts in <var>/texts/."""
        if not settings.text_catcher:
            return None
        port = 0 if any_port else urlsplit(settings.sms_api_url).port or 2526
        return cls(settings.var_dir / "texts", settings.sms_account, settings.sms_token, port=port)

    def described(self) -> str:
        return f"caught on {self.url}; each one is a file in {self.directory.resolve()}/"

    def start(self) -> "TextCatcher":
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), name="text-catcher",
                                        daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopped.set()  # reports still waiting to go are dropped quietly
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join()
            self._thread = None
        self._server.server_close()

    def refuse(self, status: int, times: int = 1, retry_after: float | None = None) -> None:
        """The next `times` texts sent are refused with `status` (429, or 500-599) and not created, as
        an overloaded or failing Twilio would; `retry_after` (seconds) goes in a Retry-After header."""
        if status != 429 and not 500 <= status <= 599:
            raise ValueError(f"refuse: {status} is neither 429 nor a 5xx")
        with self._lock:
            self._refusals.extend([(status, retry_after)] * times)

    def reply(self, from_number: str, body: str, to_number: str, url: str = "") -> int:
        """Send the signed incoming-text request Twilio makes when `from_number` texts `body` to
        `to_number`, to `url` or else the catcher's inbound_url; the HTTP status it got (0: no answer)."""
        url = url or self.inbound_url
        if not url:
            raise ValueError("reply: no url given and the catcher has no inbound_url")
        sid = _sid()
        params = {"MessageSid": sid, "SmsSid": sid, "SmsMessageSid": sid, "AccountSid": self.account,
                  "From": from_number, "To": to_number, "Body": body, "NumMedia": "0",
                  "NumSegments": str(segments(body).count), "SmsStatus": "received", "ApiVersion": API_VERSION}
        try:
            return _post(url, params, self._token)
        except (OSError, ValueError, http.client.HTTPException) as lost:
            log.warning("text catcher: reply to %s not delivered: %s", url, lost)
            return 0

    def _authenticated(self, account: str, authorization: str | None) -> bool:
        scheme, _, encoded = (authorization or "").partition(" ")
        try:
            user, _, password = base64.b64decode(encoded, validate=True).decode("utf-8").partition(":")
        except (binascii.Error, UnicodeDecodeError):
            return False
        return (scheme.lower() == "basic" and hmac.compare_digest(user.encode(), self.account.encode())
                and hmac.compare_digest(password.encode(), self._token.encode()) and account == self.account)

    def create_text(self, account: str, authorization: str | None, form: Mapping[str, str]) -> Answer:
        if not self._authenticated(account, authorization):
            return Answer(401, problem(401, 20003, "Authenticate"),
                           {"WWW-Authenticate": 'Basic realm="Twilio API"'})
        with self._lock:
            refusal = self._refusals.pop(0) if self._refusals else None
        if refusal:
            status, retry_after = refusal
            code, said = (20429, "Too Many Requests") if status == 429 else (20500, http.HTTPStatus(status).phrase)
            return Answer(status, problem(status, code, said),
                           {} if retry_after is None else {"Retry-After": f"{retry_after:g}"})
        to, sender, body = form.get("To", ""), form.get("From", ""), form.get("Body", "")
        if not to:
            return Answer(400, problem(400, 21604, "A 'To' phone number is required."))
        if not E164.fullmatch(to):
            return Answer(400, problem(400, 21211, f"The 'To' number {to} is not a valid phone number."))
        if not sender:
            return Answer(400, problem(400, 21603, "A 'From' phone number is required."))
        if not body:
            return Answer(400, problem(400, 21602, "Message body is required."))
        now = format_datetime(dt.datetime.now(dt.timezone.utc).replace(microsecond=0), usegmt=True)
        text = {"sid": _sid(), "to": to, "from": sender, "body": body,
                "status_callback": form.get("StatusCallback", ""), "num_segments": str(segments(body).count),
                "date_created": now}
        with self._lock:
            self._written += 1
            self._directory.mkdir(parents=True, exist_ok=True)
            (self._directory / f"{self._written:06d}.json").write_text(json.dumps(text, indent=2) + "\n", "utf-8")
            self._received.append(text)
        uri = f"/{API_VERSION}/Accounts/{account}/Messages/{text['sid']}.json"
        report = threading.Thread(target=self._report, args=(text,), name="text-catcher-report", daemon=True)
        return Answer(201, {
            "sid": text["sid"], "account_sid": account, "to": to, "from": sender, "body": body, "status": "queued",
            "num_segments": text["num_segments"], "num_media": "0", "direction": "outbound-api",
            "api_version": API_VERSION, "date_created": now, "date_updated": now, "date_sent": None,
            "error_code": None, "error_message": None, "price": None, "price_unit": "USD",
            "messaging_service_sid": None, "uri": uri,
            "subresource_uris": {"media": uri.replace(".json", "/Media.json")}},
            then=report.start if text["status_callback"] else None)

    def fake_reply(self, client: str, form: Mapping[str, str]) -> Answer:
        if not ipaddress.ip_address(client).is_loopback:
            return Answer(403, {"message": "Replies can only be faked from this machine.", "status": 403})
        missing = [name for name in ("From", "To", "Body") if not form.get(name)]
        if missing:
            return Answer(400, {"message": f"Missing {', '.join(missing)}.", "status": 400})
        if not self.inbound_url:
            return Answer(409, {"message": "This text catcher has no inbound_url to send replies to.",
                                 "status": 409})
        status = self.reply(form["From"], form["Body"], form["To"])
        return Answer(202, {"delivered_to": self.inbound_url, "status": status})

    def _report(self, text: Mapping[str, str]) -> None:
        """Report the text "sent", then delivered or its configured failure, to its StatusCallback."""
        if self._stopped.wait(CALLBACK_DELAY_S):
            return
        final, code = self.outcomes.get(text["to"], ("delivered", None))
        for status in ("sent", final):
            params = {"MessageSid": text["sid"], "SmsSid": text["sid"], "AccountSid": self.account,
                      "From": text["from"], "To": text["to"], "MessageStatus": status, "SmsStatus": status,
                      "ApiVersion": API_VERSION}
            if status in ("failed", "undelivered") and code is not None:
                params["ErrorCode"] = str(code)
            self._call_back(text["status_callback"], params)

    def _call_back(self, url: str, params: Mapping[str, str]) -> None:
        said = ""
        for attempt in range(1, CALLBACK_ATTEMPTS + 1):
            try:
                status = _post(url, params, self._token)
                if 200 <= status < 300:
                    return
                said = f"HTTP {status}"
            except Exception as lost:
                said = f"{type(lost).__name__}: {lost}"
            if attempt < CALLBACK_ATTEMPTS and self._stopped.wait(CALLBACK_BACKOFF_S * 2 ** (attempt - 1)):
                return
        if self._stopped.is_set():
            return
        log.warning("text catcher: %s report for %s dropped after %d attempts to %s: %s",
                    params["MessageStatus"], params["MessageSid"], CALLBACK_ATTEMPTS, url, said)
