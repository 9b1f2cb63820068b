"""The HTTP side of the loopback text provider (text_catcher.py): requests read and answered as Twilio's API
answers them (JSON, its error shape), each routed to the catcher; no request can stop the server."""
from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import NamedTuple
from urllib.parse import parse_qsl

log = logging.getLogger(__name__)

CREATE = re.compile(r"/2010-04-01/Accounts/([^/]+)/Messages\.json")
BODY_MAX = 1024 * 1024  # bytes of a request body read at most


def problem(status: int, code: int, message: str) -> dict:
    return {"code": code, "message": message, "more_info": f"https://www.twilio.com/docs/errors/{code}",
            "status": status}


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], catcher):
        self.catcher = catcher
        super().__init__(address, Handler)


class Answer(NamedTuple):
    status: int
    document: dict
    headers: Mapping[str, str] = {}
    then: Callable[[], None] | None = None  # what to do once the answer has gone


def _form(raw: bytes) -> dict[str, str] | None:
    """The form in a request body (a name given twice: its first value), or None when it is not one."""
    try:
        pairs = parse_qsl(raw.decode("utf-8"), keep_blank_values=True, strict_parsing=True) if raw else []
    except ValueError:
        return None
    return dict(reversed(pairs))


class Handler(BaseHTTPRequestHandler):
    server: Server
    protocol_version = "HTTP/1.1"
    timeout = 30

    def log_message(self, format: str, *args) -> None:
        pass

    def _answer(self, answer: Answer) -> None:
        payload = json.dumps(answer.document).encode("utf-8")
        self.send_response(answer.status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(payload)))
        for name, value in answer.headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(payload)
        self.wfile.flush()
        if answer.then:
            answer.then()

    def _body(self) -> bytes | None:
        """The request's body, or None when its length is missing, wrong or more than is read."""
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            return None
        if self.headers.get("Transfer-Encoding") or not 0 <= length <= BODY_MAX:
            return None
        return self.rfile.read(length)

    def _route(self, raw: bytes | None) -> Answer:
        path = self.path.split("?", 1)[0]
        account = CREATE.fullmatch(path)
        if self.command == "POST" and (account or path == "/fake/replies"):
            form = None if raw is None else _form(raw)
            if form is None:
                return Answer(400, problem(400, 20001, "The request body is not an "
                                                         "application/x-www-form-urlencoded form."))
            if account:
                return self.server.catcher.create_text(account.group(1), self.headers.get("Authorization"), form)
            return self.server.catcher.fake_reply(self.client_address[0], form)
        if account:
            return Answer(405, problem(405, 20004, "Method not allowed"), {"Allow": "POST"})
        return Answer(404, problem(404, 20404, f"The requested resource {path} was not found"))

    def _handle(self) -> None:
        try:
            raw = self._body()
            self.close_connection = self.close_connection or raw is None
            self._answer(self._route(raw))
        except Exception:
            log.exception("text catcher: %s %s failed", self.command, self.path)
            self.close_connection = True
            try:
                self._answer(Answer(500, problem(500, 20500, "Internal Server Error")))
            except OSError:
                pass

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _handle
