"""Files the gateway hands on as a service streams them (CSV or XLSX of rows): the media type, a download
name, and headers that keep browsers and caches from doing anything else with them."""
from __future__ import annotations

from typing import Iterable

from flask import Response
from werkzeug.wsgi import ClosingIterator

from services.common.spreadsheet import XLSX

from .routes.documents import content_disposition

MEDIA = {"csv": "text/csv; charset=utf-8", "xlsx": XLSX}
PRODUCES = (XLSX, "text/csv")


def rows_file(chunks, file_format: str, file_name: str, data: Iterable[bytes] | None = None) -> Response:
    """`chunks`: a services.common.grpc_client.Streamed of messages with `data` bytes (closed if the client
    goes); `data`: the bytes to answer, where they are not simply each message's `data`."""
    body = ClosingIterator(data if data is not None else (c.data for c in chunks), chunks.close)
    return Response(body, status=200, content_type=MEDIA[file_format], headers={
        "Content-Disposition": content_disposition(file_name), "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store"})
