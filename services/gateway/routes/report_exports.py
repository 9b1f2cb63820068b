"""Record exports: every person behind a report (its population, or a cell's drill-down criteria) with the
chosen background fields, made in the background (follow its progress) and downloaded when done."""
from __future__ import annotations

from services.common.grpc_client import call, call_stream
from services.gen.tracker.reporting.v1 import reporting_service_pb2 as pb

from .. import equality, searching
from ..api import landlord_user
from ..downloads import PRODUCES, rows_file
from ..privileges import Privilege
from ..schemas.reports import ExportJobOut, NewExport
from . import api

EXPORTS = "/api/v1/reports/exports"
EXPORT = EXPORTS + "/{job_id}"
ACCESS = landlord_user(Privilege.EXPORT_DATA)


def _job(job: pb.ExportJob) -> dict:
    return {"id": job.job_id, "status": job.status, "total": job.total, "rows_written": job.rows_written,
            "percent": job.percent, "format": job.format, "file_name": job.file_name, "problem": job.problem or None,
            "created_at": job.created_at, "finished_at": job.finished_at or None}


@api.route("POST", EXPORTS, access=ACCESS, tag="reports", status=202, body=NewExport, response=ExportJobOut,
           summary="Export every person the criteria pick, with the chosen background fields, as XLSX or CSV: made "
                   "in the background (equality fields need view equality data)")
def start_export(gw, caller, body: NewExport):
    equality.check_use(body.columns, caller, where="columns")
    request = pb.StartExportRequest(columns=body.columns, format=body.format)
    request.criteria.update(searching.checked(gw, caller, body.criteria))
    return _job(call(gw.reporting.StartExport, request))


@api.route("GET", EXPORT, access=ACCESS, tag="reports", response=ExportJobOut,
           summary="An export's progress: status, percentage and rows written")
def get_export(gw, caller, job_id: str):
    return _job(call(gw.reporting.GetExport, pb.ExportRef(job_id=job_id)))


@api.route("GET", EXPORT + "/file", access=ACCESS, tag="reports", produces=PRODUCES,
           summary="Download a finished export (409 until it is done)")
def download_export(gw, caller, job_id: str):
    job = call(gw.reporting.GetExport, pb.ExportRef(job_id=job_id))
    chunks = call_stream(gw.reporting.DownloadExport, pb.ExportRef(job_id=job_id), timeout=600)
    return rows_file(chunks, job.format, job.file_name)
