"""The record exports' part of the Reporting servicer: proto <-> use cases."""
from __future__ import annotations

from services.common.context import current, require_landlord
from services.gen.tracker.reporting.v1 import reporting_service_pb2 as pb

from ..messages import struct_of
from . import service
from .domain import ExportJob

CHUNK_BYTES = 256 * 1024


def _job(job: ExportJob) -> pb.ExportJob:
    return pb.ExportJob(job_id=job.job_id, status=job.status, total=job.total, rows_written=job.rows_written,
                        percent=job.percent, format=job.file_format, file_name=job.file_name, problem=job.problem,
                        created_at=job.created_at.isoformat(),
                        finished_at=job.finished_at.isoformat() if job.finished_at else "")


class ExportsServicer:
    """Mixed into ReportingServicer (which has `_runtime`, `_profiles` and `_exports`, the worker)."""

    def StartExport(self, request, ctx):
        criteria = struct_of(request, "criteria")
        total = self._profiles.count(criteria, request.columns)  # checks both before anything is queued
        with self._runtime.uow(require_landlord()) as uow:
            job = service.start_export(uow, current().user_id, file_format=request.format, criteria=criteria,
                                       columns=list(request.columns), total=total)
        self._exports.nudge()
        return _job(job)

    def GetExport(self, request, ctx):
        with self._runtime.uow(require_landlord(), read_only=True) as uow:
            return _job(service.export_job(uow, current().user_id, request.job_id))

    def DownloadExport(self, request, ctx):
        with self._runtime.uow(require_landlord(), read_only=True) as uow:
            _, path = service.ready_file(uow, current().user_id, request.job_id, self._exports.directory)
        with open(path, "rb") as stream:
            while data := stream.read(CHUNK_BYTES):
                yield pb.FileChunk(data=data)
