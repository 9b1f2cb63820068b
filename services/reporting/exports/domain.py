"""Record exports with no I/O: every person behind a report (its population, or one cell's drill-down
criteria), with the background fields the user chose, as a file made in the background with progress,
downloadable when done."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from services.common.errors import FieldProblem, collect
from services.common.ids import new_id

QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
FORMATS = ("xlsx", "csv")
MAX_COLUMNS = 100
STANDARD = ("personal_ref", "first_name", "surname", "status", "address")  # every export starts with these


@dataclass
class ExportJob:
    job_id: str
    landlord_id: str
    user_id: str
    file_format: str
    criteria: dict
    columns: tuple[str, ...]
    status: str = QUEUED
    total: int = 0  # people the criteria picked when the job started
    rows_written: int = 0
    problem: str = ""
    created_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.timezone.utc))
    finished_at: dt.datetime | None = None

    @property
    def percent(self) -> int:
        if self.status == DONE:
            return 100
        return min(99, self.rows_written * 100 // self.total) if self.total else 0

    @property
    def file_name(self) -> str:
        return f"people-{self.created_at:%Y%m%d-%H%M}.{self.file_format}"


def new_job(landlord_id: str, user_id: str, *, file_format: str, criteria: dict, columns: list[str],
            now: dt.datetime) -> ExportJob:
    problems = []
    if file_format not in FORMATS:
        problems.append(FieldProblem("format", f"must be one of {', '.join(FORMATS)}"))
    if len(columns) > MAX_COLUMNS:
        problems.append(FieldProblem("columns", f"at most {MAX_COLUMNS} background fields"))
    collect(problems)
    chosen = tuple(dict.fromkeys(c for c in columns if c not in STANDARD))
    return ExportJob(new_id(), landlord_id, user_id, file_format, dict(criteria), chosen, created_at=now)


def header(job: ExportJob, labels: dict[str, str]) -> list[str]:
    return [labels.get(c, c) for c in STANDARD + job.columns]
