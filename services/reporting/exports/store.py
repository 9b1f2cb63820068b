"""Storage of export jobs. A worker claims the oldest queued job at platform level (any landlord's), and
keeps a heartbeat on it while it writes; a job whose worker stopped beating is queued again."""
from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from services.common.db import as_utc

from ..tables import export_jobs
from .domain import QUEUED, RUNNING, ExportJob



def _job(row) -> ExportJob:
    return ExportJob(row["job_id"], row["landlord_id"], row["user_id"], row["file_format"], json.loads(row["criteria"]),
                     tuple(json.loads(row["columns"])), row["status"], row["total"], row["rows_written"],
                     row["problem"], as_utc(row["created_at"]), as_utc(row["finished_at"]))


class ExportStore:
    def __init__(self, session: Session, landlord_id: str | None = None):
        self.session = session
        self.landlord_id = landlord_id  # None: platform level (the worker's claim)

    def _where(self, job_id: str):
        t = export_jobs
        return (t.c.job_id == job_id,) + ((t.c.landlord_id == self.landlord_id,) if self.landlord_id else ())

    def add(self, job: ExportJob) -> None:
        self.session.execute(insert(export_jobs).values(
            job_id=job.job_id, landlord_id=job.landlord_id, user_id=job.user_id, file_format=job.file_format,
            criteria=json.dumps(job.criteria), columns=json.dumps(list(job.columns)), status=job.status,
            total=job.total, rows_written=job.rows_written, problem=job.problem, created_at=job.created_at))

    def get(self, job_id: str) -> ExportJob | None:
        row = self.session.execute(select(export_jobs).where(*self._where(job_id))).mappings().first()
        return _job(row) if row else None

    def save(self, job: ExportJob, *, worker: str | None = None, now: dt.datetime) -> None:
        self.session.execute(update(export_jobs).where(*self._where(job.job_id)).values(
            status=job.status, total=job.total, rows_written=job.rows_written, problem=job.problem,
            finished_at=job.finished_at, claimed_by=worker, heartbeat_at=now))

    def claim(self, worker: str, now: dt.datetime, stale_before: dt.datetime) -> ExportJob | None:
        """The oldest queued job (or one whose worker stopped beating before `stale_before`), now this worker's."""
        t = export_jobs
        row = self.session.execute(
            select(t).where((t.c.status == QUEUED) | ((t.c.status == RUNNING) & (t.c.heartbeat_at < stale_before)))
            .order_by(t.c.created_at).limit(1).with_for_update(skip_locked=True)).mappings().first()
        if row is None:
            return None
        job = _job(row)
        job.status, job.rows_written = RUNNING, 0
        self.save(job, worker=worker, now=now)
        return job
