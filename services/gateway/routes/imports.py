"""The housing-system import: upload a feed file (CSV or XLSX, streamed to the
import service in chunks, never whole in memory), follow its run, download the
rejected rows, and keep the import's settings and saved column mappings."""
from __future__ import annotations

import logging
from typing import Iterator

from services.common.errors import DomainError
from services.common.grpc_client import Streamed, call, call_stream
from services.common.spreadsheet import XLSX
from services.gen.tracker.imports.v1 import imports_service_pb2 as pb

from .. import equality
from ..api import landlord_staff
from ..domain import User
from ..downloads import rows_file
from ..forms import MULTIPART
from ..privileges import Privilege
from ..schemas.imports import (MAX_IMPORT_BYTES, ImportRunList, ImportRunOut, ImportSettingsBody, ImportSettingsOut,
                               ImportUpload, MappingBody, MappingList, MappingOut, RejectedRowsQuery, RunsQuery)
from . import api

log = logging.getLogger(__name__)
IMPORTS = "/api/v1/imports"
RUN = IMPORTS + "/{run_id}"
MAPPINGS = IMPORTS + "/mappings"
RUN_IMPORTS = landlord_staff(Privilege.RUN_IMPORTS)
CHUNK_BYTES = 1024 * 1024
TRANSFER_TIMEOUT = 600.0  # seconds: a 300 MiB file up, a million rejected rows down
SAMPLE_KINDS = ("created", "updated", "archived", "rejected")


def _run(message, *, may_view_equality: bool = False) -> dict:
    """The run as JSON; the fields a preview would change leave equality fields out for a caller who may not
    see equality data."""
    hidden = frozenset() if may_view_equality else equality.EQUALITY_FIELDS
    counts = message.counts
    done, total = message.rows_done, message.rows_total
    if message.status == "completed":
        percent = 100.0
    else:
        percent = min(100.0, round(done * 100 / total, 1)) if total else 0.0
    samples = {}
    if message.preview:
        samples = {kind: [] for kind in SAMPLE_KINDS}
        for sample in message.samples:
            if sample.kind in samples:
                samples[sample.kind] += [{"row": r.row, "personal_ref": r.personal_ref, "name": r.name,
                                          "fields": [f for f in r.fields if f not in hidden], "reason": r.reason}
                                         for r in sample.rows]
    return {
        "id": message.run_id, "source": message.source, "mode": message.mode, "preview": message.preview,
        "status": message.status, "phase": message.phase, "file_name": message.file_name,
        "started_by": message.started_by, "created_at": message.created_at,
        "started_at": message.started_at or None, "finished_at": message.finished_at or None,
        "counts": {"rows_read": counts.rows_read, "accepted": counts.accepted, "rejected": counts.rejected,
                   "created": counts.created, "updated": counts.updated, "unchanged": counts.unchanged,
                   "archived": counts.archived},
        "progress": {"rows_total": total, "rows_done": done, "percent": percent},
        "problem": message.problem or None, "warnings": list(message.warnings), "samples": samples,
        "feed_run_id": message.feed_run_id or None, "encoding": message.encoding or None,
    }


def _mapping(message) -> dict:
    return {"name": message.name, "columns": {column: field or None for column, field in message.columns.items()},
            "updated_at": message.updated_at}


def _chunks(body: ImportUpload, caller: User | None = None) -> Iterator[pb.UploadChunk]:
    held = caller.privileges if caller else frozenset()
    yield pb.UploadChunk(start=pb.UploadStart(file_name=body.file.file_name, mode=body.mode, preview=body.preview,
                                              mapping=body.mapping, encoding=body.encoding,
                                              view_equality_data=Privilege.VIEW_EQUALITY_DATA in held,
                                              edit_equality_data=Privilege.EDIT_EQUALITY_DATA in held))
    for data in body.file.chunks(CHUNK_BYTES):
        yield pb.UploadChunk(data=data)


@api.route("POST", IMPORTS, access=RUN_IMPORTS, tag="imports", status=202, body=ImportUpload, body_media=MULTIPART,
           max_upload_bytes=MAX_IMPORT_BYTES, response=ImportRunOut,
           summary="Upload a housing-system feed file (CSV or XLSX, at most 300 MiB) as a full snapshot or a delta, "
                   "or preview what it would change; answers the queued run. A file with columns of equality "
                   "data (ethnicity, disability) needs 'view_equality_data' and 'edit_equality_data' (403 naming "
                   "the columns)")
def upload(gw, caller, body: ImportUpload):
    return _run(call(gw.clients.imports.UploadFile, _chunks(body, caller), timeout=TRANSFER_TIMEOUT),
                may_view_equality=equality.may_view(caller))


@api.route("GET", IMPORTS, access=RUN_IMPORTS, tag="imports", query=RunsQuery, response=ImportRunList,
           summary="The landlord's import runs (uploaded files and feed runs), newest first")
def list_runs(gw, caller, query: RunsQuery):
    answer = call(gw.clients.imports.ListRuns, pb.ListRunsRequest(page=query.page, page_size=query.page_size))
    return {"total": answer.total, "items": [_run(r, may_view_equality=equality.may_view(caller)) for r in answer.runs]}


@api.route("GET", IMPORTS + "/settings", access=RUN_IMPORTS, tag="imports", response=ImportSettingsOut,
           summary="The import's settings: the option lists whose unknown feed values become new options")
def get_settings(gw, caller):
    answer = call(gw.clients.imports.GetSettings, pb.GetSettingsRequest())
    return {"add_unknown_options": list(answer.add_unknown_options)}


@api.route("PUT", IMPORTS + "/settings", access=RUN_IMPORTS, tag="imports", body=ImportSettingsBody,
           response=ImportSettingsOut,
           summary="Choose the option lists whose unknown feed values become new options (in the others they "
                   "reject the row)")
def put_settings(gw, caller, body: ImportSettingsBody):
    answer = call(gw.clients.imports.UpdateSettings, pb.ImportSettings(add_unknown_options=body.add_unknown_options))
    return {"add_unknown_options": list(answer.add_unknown_options)}


@api.route("GET", MAPPINGS, access=RUN_IMPORTS, tag="imports", response=MappingList,
           summary="The saved column mappings (a file's column names -> feed format v1 columns), by name")
def list_mappings(gw, caller):
    answer = call(gw.clients.imports.ListMappings, pb.ListMappingsRequest())
    items = sorted((_mapping(m) for m in answer.mappings), key=lambda m: m["name"].casefold())
    return {"total": len(items), "items": items}


@api.route("PUT", MAPPINGS + "/{name}", access=RUN_IMPORTS, tag="imports", body=MappingBody, response=MappingOut,
           summary="Save a column mapping under this name (replacing one of the same name); name it in an upload")
def put_mapping(gw, caller, name: str, body: MappingBody):
    request = pb.ColumnMapping(name=name, columns={column: field or "" for column, field in body.columns.items()})
    return _mapping(call(gw.clients.imports.SaveMapping, request))


@api.route("DELETE", MAPPINGS + "/{name}", access=RUN_IMPORTS, tag="imports", status=204,
           summary="Delete a saved column mapping")
def delete_mapping(gw, caller, name: str):
    call(gw.clients.imports.DeleteMapping, pb.DeleteMappingRequest(name=name))


@api.route("GET", RUN, access=RUN_IMPORTS, tag="imports", response=ImportRunOut,
           summary="An import run: status, phase, progress, counts, warnings (and samples of a preview)")
def get_run(gw, caller, run_id: str):
    return _run(call(gw.clients.imports.GetRun, pb.GetRunRequest(run_id=run_id)),
                may_view_equality=equality.may_view(caller))


@api.route("GET", RUN + "/rejected-rows", access=RUN_IMPORTS, tag="imports", query=RejectedRowsQuery,
           produces=("text/csv", XLSX),
           summary="Download the run's rejected rows as CSV or XLSX: row number, column, reason and the original "
                   "values (each cut to the longest a field takes; columns of equality data only for callers with "
                   "'view_equality_data')")
def rejected_rows(gw, caller, run_id: str, query: RejectedRowsQuery):
    request = pb.GetRejectedRowsRequest(run_id=run_id, format=query.format,
                                        view_equality_data=equality.may_view(caller))
    chunks = call_stream(gw.clients.imports.GetRejectedRows, request, timeout=TRANSFER_TIMEOUT)
    return rows_file(chunks, query.format, f"import-{run_id}-rejected-rows.{query.format}",
                     data=_bytes(chunks, run_id))  # closed early: the call is cancelled


def _bytes(chunks: Streamed, run_id: str) -> Iterator[bytes]:
    """The file's bytes as they come; a stream that fails half way ends the response early (the client sees
    a truncated transfer, never a file that looks whole)."""
    try:
        for chunk in chunks:
            if chunk.data:
                yield chunk.data
    except DomainError as error:
        log.warning("rejected-rows download failed part way", extra={"run_id": run_id, "code": error.code})
        raise
