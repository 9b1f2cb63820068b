"""The export worker: a thread of the reporting service that takes queued exports one at a time, finds
their people through profiles (a scan of ids, then their rows 500 at a time, the next two pages asked for
while the current one is written), writes the file a row at a time and saves progress after each chunk."""
from __future__ import annotations

import datetime as dt
import logging
import os
import socket
from pathlib import Path

from services.common import context
from services.common.row_files import RowWriter
from services.common.worker import BackgroundWorker

from .domain import DONE, FAILED, STANDARD, ExportJob, header
from .store import ExportStore

log = logging.getLogger(__name__)

STALE_AFTER = dt.timedelta(minutes=2)  # a running job without a heartbeat this long is taken over


def cells(row, columns) -> list:
    """A search row as the export's cells: the standard ones, then the chosen columns in order."""
    found = {"personal_ref": row.personal_ref, "first_name": row.first_name, "surname": row.surname,
             "status": row.status, "address": row.address}
    for cell in row.columns:
        kind = cell.WhichOneof("value")
        found[cell.column] = (None if kind is None else "; ".join(cell.labels.labels) if kind == "labels"
                              else getattr(cell, kind))
    return [found.get(c) for c in STANDARD + tuple(columns)]


class ExportWorker(BackgroundWorker):
    def __init__(self, runtime, profiles, directory: Path):
        super().__init__("reporting-exports")
        self._runtime, self._profiles, self.directory = runtime, profiles, directory
        self._name = f"{socket.gethostname()}:{os.getpid()}:{id(self)}"

    def work_once(self) -> bool:
        """Take one queued export and make its file; answers whether there was one."""
        now = self._runtime.clock.now()
        with self._runtime.uow(platform=True) as uow:
            job = ExportStore(uow.session).claim(self._name, now, now - STALE_AFTER)
            uow.commit()
        if job is None:
            return False
        with context.bound(context.CallContext(landlord_id=job.landlord_id, user_id=job.user_id,
                                               request_id=context.new_request_id())):
            self._run(job)
        return True

    def _save(self, job: ExportJob) -> None:
        with self._runtime.uow(job.landlord_id) as uow:
            ExportStore(uow.session, job.landlord_id).save(job, worker=self._name, now=self._runtime.clock.now())
            uow.commit()

    def _run(self, job: ExportJob) -> None:
        path = self.directory / f"{job.job_id}.{job.file_format}"
        writer = RowWriter(path, job.file_format)
        try:
            writer.write(header(job, {}))
            for total, rows in self._profiles.pages(job.criteria, job.columns):
                job.total = total or job.total
                for row in rows:
                    writer.write(cells(row, job.columns))
                    job.rows_written += 1
                self._save(job)
            writer.close()
            job.status, job.finished_at = DONE, self._runtime.clock.now()
        except Exception as error:  # the file is removed; the job says why
            log.exception("export failed", extra={"job_id": job.job_id})
            path.unlink(missing_ok=True)
            job.status, job.finished_at = FAILED, self._runtime.clock.now()
            job.problem = getattr(error, "message", None) or "the export could not be made: start it again"
        self._save(job)
