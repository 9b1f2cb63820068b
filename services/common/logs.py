"""Structured JSON logs with the request id. Never log personal data: log ids,
counts and codes, not names, addresses or message contents."""
from __future__ import annotations

import json
import logging
import sys
import time

from . import context

_RESERVED = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        ctx = context.current()
        entry = {
            "ts": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + f".{int(record.msecs):03d}Z",
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if ctx.request_id:
            entry["request_id"] = ctx.request_id
        if ctx.landlord_id:
            entry["landlord_id"] = ctx.landlord_id
        entry.update({k: v for k, v in vars(record).items() if k not in _RESERVED and not k.startswith("_")})
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)


REASON_MAX_CHARS = 300


def error_reason(error: BaseException) -> str:
    """What a log line may say of an error: its class, and its message too when the class
    vouches that its messages never quote personal data (`message_is_loggable = True`, as
    SearchError: they name operations, indices and fields, never values)."""
    name = type(error).__name__
    if getattr(error, "message_is_loggable", False) and str(error):
        return f"{name}: {str(error)[:REASON_MAX_CHARS]}"
    return name


def configure(level: str = "INFO") -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for noisy in ("elastic_transport", "urllib3", "waitress", "alembic"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    logging.getLogger("kafka").setLevel(logging.ERROR)  # its warnings are about its own event loop timing
