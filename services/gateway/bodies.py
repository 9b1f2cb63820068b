"""Reading JSON request bodies safely. Every route has a largest body (small for
JSON, the upload limit for files: `Endpoint.max_body_bytes`), refused with 413
before it is read; a JSON body is checked for nesting depth on its raw bytes
before any parser recurses into it, and parsed strictly (no NaN or Infinity)."""
from __future__ import annotations

import json
import math
import re
from itertools import accumulate
from typing import Any

from services.common.errors import FieldProblem, InvalidInput

from .forms import PayloadTooLarge, size_text

# Room for a criteria list of MAX_IDS person ids (services/common/criteria.py: about 2.6 MB) and the rest.
MAX_JSON_BODY_BYTES = 4 * 1024 * 1024
# Criteria nest about 8 deep (any_of > household > custom > range); the JSON parser and the
# validators recurse once per level, and Python's recursion ends near 1,000.
MAX_JSON_DEPTH = 32

_STRINGS = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_STEP = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}


class BadRequest(InvalidInput):
    """The request cannot be read at all (not JSON, not an object)."""
    code = "bad_request"
    http_status = 400  # grpc_status: InvalidInput's


def _unreadable(reason: str) -> BadRequest:
    return BadRequest(f"the request body {reason}", [FieldProblem("body", reason)])


def too_large(limit: int) -> PayloadTooLarge:
    return PayloadTooLarge(f"the request body is larger than {size_text(limit)}",
                           [FieldProblem("body", f"must be at most {size_text(limit)}")])


def nesting_depth(raw: bytes) -> int:
    """How deep arrays and objects nest in JSON text, brackets inside strings not counted."""
    brackets = _STRINGS.sub(b"", raw).translate(None, _NOT_BRACKETS)
    return max(accumulate(_STEP[b] for b in brackets), default=0)


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError("a number beyond the range of JSON numbers")
    return value


def _no_constants(name: str):
    raise ValueError(f"{name} is not JSON")


def read_json(request, limit: int = MAX_JSON_BODY_BYTES) -> Any:
    """The JSON body of a Flask request: 413 beyond `limit` bytes (whatever Content-Length says: a chunked
    body is read no further), 400 when it is not JSON or nests deeper than MAX_JSON_DEPTH."""
    if (request.content_length or 0) > limit:
        raise too_large(limit)
    if not request.is_json:
        raise _unreadable("must be a JSON object (Content-Type: application/json)")
    raw = request.stream.read(limit + 1)
    if len(raw) > limit:
        raise too_large(limit)
    if nesting_depth(raw) > MAX_JSON_DEPTH:
        raise _unreadable(f"must not nest arrays and objects more than {MAX_JSON_DEPTH} deep")
    try:
        return json.loads(raw, parse_float=_finite, parse_constant=_no_constants)
    except (ValueError, RecursionError):  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        raise _unreadable("is not JSON") from None
