"""Files the gateway hands on as a service streams them (CSV or XLSX of rows): the media type, a download
name, and headers that keep browsers and caches from doing anything else with them."""
from __future__ import annotations

from flask import Response
from werkzeug.wsgi import ClosingIterator

from services.common.spreadsheet import XLSX

from .routes.documents import content_disposition

MEDIA = {"csv": "text/csv; charset=utf-8", "xlsx": XLSX}
PRODUCES = (XLSX, "text/csv")


def rows_file(chunks, file_format: str, file_name: str) -> Response:
    """`chunks`: a services.common.grpc_client.Streamed of FileChunk messages (closed if the client goes)."""
    body = ClosingIterator((c.data for c in chunks), chunks.close)
    return Response(body, status=200, content_type=MEDIA[file_format], headers={
        "Content-Disposition": content_disposition(file_name), "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store"})
