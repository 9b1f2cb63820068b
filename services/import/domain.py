"""Import runs: what one run of the housing-system feed is and how it moves on. No I/O; the times
(`now`) come from the caller, which reads the service's clock."""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any
from services.common.ids import new_id

FILE, FEED = "file", "feed"
FULL, DELTA = "full", "delta"
MODES = (FULL, DELTA)
QUEUED, RUNNING, COMPLETED, FAILED = "queued", "running", "completed", "failed"
WAITING = "waiting"  # a feed run whose records are still arriving
CHECKING, APPLYING, ARCHIVING, DONE = "checking", "applying", "archiving", "done"
SAMPLE_KINDS = ("created", "updated", "archived", "rejected")
SAMPLE_SIZE = 10


class RunTakenOver(Exception):
    """Another worker holds the run now (this one went quiet for too long)."""


@dataclass
class Counts:
    rows_read: int = 0
    accepted: int = 0
    rejected: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    archived: int = 0

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


@dataclass
class ImportRun:
    run_id: str
    landlord_id: str
    source: str
    mode: str
    preview: bool
    created_at: dt.datetime
    started_by: str = ""
    file_name: str = ""
    mapping: dict[str, str | None] | None = None
    feed_run_id: str = ""
    encoding: str = "utf-8"  # of a CSV file
    status: str = QUEUED
    phase: str = ""
    started_at: dt.datetime | None = None
    finished_at: dt.datetime | None = None
    counts: Counts = field(default_factory=Counts)
    rows_total: int = 0  # accepted rows to apply, known once the file is checked
    rows_done: int = 0  # of those, applied so far: where a resumed run carries on
    problem: str = ""
    warnings: list[str] = field(default_factory=list)
    samples: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    expected_records: int | None = None  # feed runs: announced by RunEnded
    staged_records: int = 0  # feed runs: records received so far

    @classmethod
    def new(cls, *, landlord_id: str, source: str, mode: str, now: dt.datetime, preview: bool = False,
            started_by: str = "", file_name: str = "", mapping: dict | None = None, feed_run_id: str = "",
            status: str = QUEUED, encoding: str = "utf-8") -> "ImportRun":
        return cls(new_id(), landlord_id, source, mode, preview, now, started_by=started_by,
                   file_name=file_name, mapping=mapping, feed_run_id=feed_run_id, encoding=encoding, status=status,
                   phase=WAITING if status == WAITING else "")

    @property
    def finished(self) -> bool:
        return self.status in (COMPLETED, FAILED)

    @property
    def feed_complete(self) -> bool:
        """A feed run holds its start, its end and every record the end announced."""
        return bool(self.mode) and self.expected_records is not None and self.staged_records >= self.expected_records

    def begin(self, now: dt.datetime) -> None:
        """(Re)start work: a resumed run keeps its applied rows and counts."""
        self.status = RUNNING
        self.started_at = self.started_at or now
        if self.rows_done == 0:
            self.counts = Counts()
            self.samples = {}

    def checked(self, *, rows_read: int, rejected: int, warnings: list[str]) -> None:
        self.counts.rows_read = rows_read
        self.counts.rejected = rejected
        self.counts.accepted = rows_read - rejected
        self.rows_total = rows_read - rejected
        self.warnings = warnings
        self.phase = APPLYING

    def applied(self, outcomes: dict[str, int], rows: int) -> None:
        """A batch of `rows` accepted rows went through profiles with these outcomes."""
        for outcome, count in outcomes.items():
            if outcome == "rejected":
                self.counts.rejected += count
                self.counts.accepted -= count
            else:
                setattr(self.counts, outcome, getattr(self.counts, outcome) + count)
        self.rows_done += rows

    def sample(self, kind: str, row: dict[str, Any]) -> None:
        if self.preview:
            rows = self.samples.setdefault(kind, [])
            if len(rows) < SAMPLE_SIZE:
                rows.append(row)

    def complete(self, archived: int, now: dt.datetime) -> None:
        self.counts.archived = archived
        self.status, self.phase, self.finished_at = COMPLETED, DONE, now

    def fail(self, problem: str, now: dt.datetime) -> None:
        self.status, self.phase, self.finished_at, self.problem = FAILED, DONE, now, problem
