"""Use cases of record exports: start one (queued for the worker), follow it, and find its file."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

from services.common.errors import InUse, NotFound
from services.common.uow import UnitOfWork

from . import domain
from .domain import DONE, ExportJob
from .store import ExportStore

NOT_FOUND = "no such export (or it is another user's)"


def start_export(uow: UnitOfWork, user_id: str, *, file_format: str, criteria: Mapping[str, Any],
                 columns: list[str], total: int = 0) -> ExportJob:
    """Queue an export of the people the criteria pick (`total` of them as counted now)."""
    job = domain.new_job(uow.landlord_id, user_id, file_format=file_format, criteria=dict(criteria), columns=columns,
                         now=uow.clock.now())
    job.total = total
    ExportStore(uow.session, uow.landlord_id).add(job)
    uow.commit()
    return job


def export_job(uow: UnitOfWork, user_id: str, job_id: str) -> ExportJob:
    """The caller's own export (another user's is not found: it may hold what they may not see)."""
    job = ExportStore(uow.session, uow.landlord_id).get(job_id)
    if job is None or job.user_id != user_id:
        raise NotFound(NOT_FOUND)
    return job


def ready_file(uow: UnitOfWork, user_id: str, job_id: str, directory: Path) -> tuple[ExportJob, Path]:
    job = export_job(uow, user_id, job_id)
    if job.status != DONE:
        raise InUse(f"the export is not ready to download: it is {job.status} ({job.percent}%)")
    return job, directory / f"{job.job_id}.{job.file_format}"
