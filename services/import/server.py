"""The Imports gRPC servicer: proto -> use case -> proto, nothing else."""
from __future__ import annotations

import contextlib
from pathlib import Path

from services.common import context
from services.common.context import require_landlord
from services.common.errors import InvalidInput
from services.common.ids import new_id
from services.gen.tracker.imports.v1 import imports_service_pb2 as pb, imports_service_pb2_grpc as pb_grpc

from . import service
from .domain import SAMPLE_KINDS, ImportRun
from .value_mappings import FIELDS, LIST_OF, ValueMapping

MAX_UPLOAD_BYTES = 300 * 1024 * 1024


def _time(value) -> str:
    return value.isoformat() if value else ""


def run_message(run: ImportRun) -> pb.ImportRun:
    return pb.ImportRun(
        run_id=run.run_id, source=run.source, mode=run.mode, preview=run.preview, status=run.status, phase=run.phase,
        file_name=run.file_name, started_by=run.started_by, created_at=_time(run.created_at),
        started_at=_time(run.started_at), finished_at=_time(run.finished_at),
        counts=pb.RunCounts(**run.counts.as_dict()), rows_total=run.rows_total, rows_done=run.rows_done,
        problem=run.problem, warnings=run.warnings, feed_run_id=run.feed_run_id,
        encoding=run.encoding if run.source == "file" else "",
        samples=[pb.Sample(kind=kind, rows=[pb.SampleRow(**row) for row in run.samples[kind]])
                 for kind in SAMPLE_KINDS if kind in run.samples])


class ImportsServicer(pb_grpc.ImportsServicer):
    def __init__(self, runtime, uploads_dir: Path, on_queued, options_of):
        self._runtime = runtime
        self._options_of = options_of  # option list name -> its current labels (profiles)
        self._uploads = uploads_dir
        self._on_queued = on_queued

    def UploadFile(self, request_iterator, ctx):
        landlord_id = require_landlord()
        first = next(request_iterator, None)
        if first is None or first.WhichOneof("part") != "start":
            raise InvalidInput.field("file", "the upload must begin with its details (file name, mode)")
        start = first.start
        self._uploads.mkdir(parents=True, exist_ok=True)
        partial = self._uploads / f"{new_id()}.partial"
        try:
            size = 0
            with open(partial, "wb") as out:
                for chunk in request_iterator:
                    size += len(chunk.data)
                    if size > MAX_UPLOAD_BYTES:
                        raise InvalidInput.field("file", f"is larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MiB")
                    out.write(chunk.data)
            with self._runtime.uow(landlord_id) as uow:
                run = service.start_file_run(uow, path=partial, file_name=start.file_name, mode=start.mode,
                                             preview=start.preview, mapping_name=start.mapping,
                                             encoding=start.encoding, user_id=context.current().user_id,
                                             view_equality_data=start.view_equality_data,
                                             edit_equality_data=start.edit_equality_data)
                partial.rename(self._uploads / f"{run.run_id}.upload")
                service.queue(uow, run)
        finally:
            with contextlib.suppress(FileNotFoundError):
                partial.unlink()
        self._on_queued()
        return run_message(run)

    def GetRun(self, request, ctx):
        with self._runtime.uow(require_landlord()) as uow:
            return run_message(service.get_run(uow, run_id=request.run_id))

    def ListRuns(self, request, ctx):
        with self._runtime.uow(require_landlord()) as uow:
            total, runs = service.list_runs(uow, page=request.page or 1, page_size=request.page_size or 50)
        return pb.ListRunsResponse(total=total, runs=[run_message(r) for r in runs])

    def GetRejectedRows(self, request, ctx):
        with self._runtime.uow(require_landlord()) as uow:
            for chunk in service.rejected_rows(uow, run_id=request.run_id, format=request.format or "csv",
                                               view_equality_data=request.view_equality_data):
                yield pb.FileChunk(data=chunk)

    def GetSettings(self, request, ctx):
        with self._runtime.uow(require_landlord()) as uow:
            return pb.ImportSettings(add_unknown_options=service.settings(uow))

    def UpdateSettings(self, request, ctx):
        with self._runtime.uow(require_landlord()) as uow:
            lists = service.update_settings(uow, add_unknown_options=list(request.add_unknown_options))
        return pb.ImportSettings(add_unknown_options=lists)

    def ListMappings(self, request, ctx):
        with self._runtime.uow(require_landlord()) as uow:
            found = service.mappings(uow)
        return pb.ListMappingsResponse(mappings=[_mapping(*m) for m in found])

    def SaveMapping(self, request, ctx):
        with self._runtime.uow(require_landlord()) as uow:
            return _mapping(*service.save_mapping(uow, name=request.name, columns=dict(request.columns)))

    def DeleteMapping(self, request, ctx):
        with self._runtime.uow(require_landlord()) as uow:
            service.delete_mapping(uow, name=request.name)
        return pb.DeleteMappingResponse()

    def ListValueMappings(self, request, ctx):
        with self._runtime.uow(require_landlord()) as uow:
            return _value_mappings(service.value_mappings(uow))

    def _field_options(self, field: str) -> list[str]:
        """The current labels of the field's option list (none for a field that is not an option field: the use
        case refuses it)."""
        return self._options_of(LIST_OF[field]) if field in FIELDS else []

    def SaveValueMappings(self, request, ctx):
        landlord_id = require_landlord()
        options = self._field_options(request.field)
        with self._runtime.uow(landlord_id) as uow:
            return _value_mappings(service.save_value_mappings(
                uow, field=request.field, entries=_entries(request), options=options))

    def GetUnknownValues(self, request, ctx):
        with self._runtime.uow(require_landlord()) as uow:
            _, _, found = service.unknown_values(uow, run_id=request.run_id, options_of=self._options_of)
        return pb.UnknownValues(values=[_unknown(u) for u in found])

    def PreviewValueMappings(self, request, ctx):
        landlord_id = require_landlord()
        proposed = service.checked_value_mappings(request.field, _entries(request),
                                                  self._field_options(request.field))
        with self._runtime.uow(landlord_id) as uow:
            rows, accepted, found = service.unknown_values(uow, run_id=request.run_id, options_of=self._options_of,
                                                           field=request.field, proposed=proposed)
        return pb.ValueMappingPreview(rejected_rows=rows, would_be_accepted=accepted,
                                      values=[_unknown(u) for u in found])


def _entries(request) -> list[tuple[str, str]]:
    return [(m.feed_value, m.option) for m in request.mappings]


def _value_mappings(found: list[ValueMapping]) -> pb.ValueMappings:
    return pb.ValueMappings(mappings=[pb.ValueMapping(field=m.field, feed_value=m.feed_value, option=m.option)
                                      for m in found])


def _unknown(u) -> pb.UnknownValue:
    return pb.UnknownValue(field=u.field, feed_value=u.feed_value, rows=u.rows, mapped_to=u.mapped_to,
                           suggestion=u.suggestion)


def _mapping(name: str, columns: dict, updated_at) -> pb.ColumnMapping:
    return pb.ColumnMapping(name=name, columns={k: v or "" for k, v in columns.items()}, updated_at=_time(updated_at))
