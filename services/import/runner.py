"""One import run, start to end, in three passes over its rows (a stored file or staged feed records):

1. checking: every row read and checked against feed v1; the rejected ones kept with their reasons,
   the accepted ones spooled to a file beside the upload. A file that cannot be read to the end
   fails here, before anything is applied.
2. applying: the spooled rows sent to profiles a batch at a time, the landlord's value mappings
   applied to them first (those whose option still exists); progress and counts saved after each
   batch, so a run that stops (a crash, an engine away) carries on from the last batch saved.
3. archiving (full snapshots): imported people the run did not list are archived.

A preview run does all three with profiles' dry run: it counts and samples, changing nothing.
"""
from __future__ import annotations

import collections
import contextlib
import itertools
import logging
from pathlib import Path
from typing import Callable, Iterator

import orjson

from services.common.clock import Clock
from services.common.metrics import IMPORT_ROWS, IMPORT_RUNS

from . import feed, files, value_mappings
from .clients.profiles import ProfilesPeople
from .domain import CHECKING, FEED, FULL, WAITING, ARCHIVING, ImportRun
from .running import service as running
from .file_rows import Header, Row, Table

log = logging.getLogger(__name__)
BATCH = 1000
PROGRESS_EVERY = 20_000  # rows checked between progress saves in pass 1
FEED_HEADER = Header(feed.FEED_COLUMNS, feed.FEED_COLUMNS, ())


class Runner:
    def __init__(self, uow: Callable, people: ProfilesPeople, files_dir: Path, *, clock: Clock, worker: str = "",
                 batch: int = BATCH):
        self._uow = uow  # landlord_id -> UnitOfWork (bootstrap's raise Unavailable when the database is away)
        self._clock = clock  # the service's (its units of work read the same): when the run fails or completes
        self._people = people
        self._files_dir = files_dir
        self._worker = worker
        self._batch = batch

    def file_path(self, run_id: str) -> Path:
        return self._files_dir / f"{run_id}.upload"

    # -- the run --------------------------------------------------------------------------------------------------

    def run(self, landlord_id: str, run_id: str) -> ImportRun:
        with self._uow(landlord_id) as uow:
            run, add_unknown, mappings = running.begin_run(uow, run_id=run_id, worker=self._worker)
        try:
            mapped = value_mappings.by_field(value_mappings.still_valid(mappings, self._people.option_labels))
            seen, header = self._check(run)
            self._apply(run, header, add_unknown, mapped)
            archived = self._archive(run, seen)
        except files.FileProblem as problem:
            run.fail(problem.message, self._clock.now())
            self._save_now(run)
            self._forget_files(run.run_id)
            IMPORT_RUNS.labels(run.source, run.status).inc()
            return run
        run.complete(archived, self._clock.now())
        IMPORT_RUNS.labels(run.source, run.status).inc()
        if not run.preview:
            IMPORT_ROWS.labels(run.source, "archived").inc(archived)
        with self._uow(landlord_id) as uow:
            running.finish_run(uow, run=run, worker=self._worker)
        self._forget_files(run.run_id)
        return run

    def spool_path(self, run_id: str) -> Path:
        return self._files_dir / f"{run_id}.accepted.jsonl"

    def _forget_files(self, run_id: str) -> None:
        for path in (self.file_path(run_id), self.spool_path(run_id)):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()

    def _save_now(self, run: ImportRun, problems=()) -> None:
        with self._uow(run.landlord_id) as uow:
            running.save_progress(uow, run=run, worker=self._worker, rejected=problems)

    # -- rows -----------------------------------------------------------------------------------------------------

    @contextlib.contextmanager
    def _table(self, run: ImportRun) -> Iterator[Table]:
        if run.source == FEED:
            yield Table(FEED_HEADER, (Row(n, record, record) for n, record in self._staged(run)))
            return
        with open(self.file_path(run.run_id), "rb") as stream:
            yield files.read_file(stream, mapping=run.mapping, encoding=run.encoding)

    def _staged(self, run: ImportRun) -> Iterator[tuple[int, dict[str, str]]]:
        """The run's feed records in sequence order, a short transaction per chunk."""
        after = 0
        while True:
            with self._uow(run.landlord_id) as uow:
                chunk = running.staged_records(uow, run_id=run.run_id, after=after)
            if not chunk:
                return
            yield from chunk
            after = chunk[-1][0]

    # -- pass 1 ---------------------------------------------------------------------------------------------------

    def _check(self, run: ImportRun) -> tuple[set[str], Header]:
        """Every row checked, the accepted ones written to the run's spool for pass 2. Returns the personal
        references the run lists (rejected rows too: a person whose row is wrong this time is still a
        resident) and the file's header. Rejections are kept on the first pass only."""
        fresh = run.phase in ("", WAITING, CHECKING)
        if fresh:
            run.phase = CHECKING
            with self._uow(run.landlord_id) as uow:
                running.restart_checking(uow, run=run, worker=self._worker)
        seen: set[str] = set()
        read = rejected = 0
        pending: list[feed.RowProblem] = []
        with self._table(run) as table, open(self.spool_path(run.run_id), "wb") as spool:
            names = table.header.columns
            known = set(names)
            ref_column = table.header.column_of.get("personal_ref", "personal_ref")
            for checked in feed.validate(table.rows, table.header.column_of):
                read += 1
                ref = feed.cut(feed.clean(checked.values.get(ref_column) or ""))
                if ref:
                    seen.add(ref)
                if checked.accepted:
                    spool.write(orjson.dumps([checked.row, checked.person, [checked.values.get(c, "") for c in names],
                                              {k: v for k, v in checked.values.items() if k not in known}]) + b"\n")
                elif fresh:
                    rejected += 1
                    pending.extend(checked.problems)
                    run.sample("rejected", _rejected_sample(checked.row, ref, checked.problems))
                if fresh and (read % PROGRESS_EVERY == 0 or len(pending) >= self._batch):
                    run.counts.rows_read, run.counts.rejected = read, rejected
                    self._save_now(run, pending)
                    pending = []
            if run.mode == FULL and not seen:
                raise files.FileProblem("the file lists nobody: as a full snapshot it would archive every imported "
                                        "resident; check the file, or upload it as a delta")
            if fresh:
                run.checked(rows_read=read, rejected=rejected, warnings=table.header.warnings)
                if not run.preview:
                    IMPORT_ROWS.labels(run.source, "rejected").inc(rejected)
                self._save_now(run, pending)
            return seen, table.header

    # -- pass 2 ---------------------------------------------------------------------------------------------------

    def _apply(self, run: ImportRun, header: Header, add_unknown: list[str], mapped: dict) -> None:
        """The spooled accepted rows, after those already applied, to profiles a batch at a time, their values
        mapped. One batch at a time in profiles, in file order; the import reads and maps the next batch while
        profiles applies one, and records a batch's outcomes while profiles applies the next."""
        columns, sent = header.column_of, None
        for batch in self._batches(run, header, mapped):
            outcomes = sent[1]() if sent else []
            waiting = self._people.start_upsert([c.person for c in batch], add_unknown_options=add_unknown,
                                                dry_run=run.preview)
            if sent:
                self._record(run, sent[0], outcomes, columns)
            sent = (batch, waiting)
        if sent:
            self._record(run, sent[0], sent[1](), columns)

    def _batches(self, run: ImportRun, header: Header, mapped: dict) -> Iterator[list[feed.Checked]]:
        names, batch = header.columns, []
        with open(self.spool_path(run.run_id), "rb") as spool:
            for line in itertools.islice(spool, run.rows_done, None):
                row, person, cells, beyond = orjson.loads(line)
                batch.append(feed.Checked(row, value_mappings.apply(person, mapped), (),
                                          {**dict(zip(names, cells)), **beyond}))
                if len(batch) == self._batch:
                    yield batch
                    batch = []
        if batch:
            yield batch

    def _record(self, run: ImportRun, batch: list[feed.Checked], outcomes: list, columns: dict[str, str]) -> None:
        """A batch's outcomes counted, sampled and saved with the run's progress."""
        tally: collections.Counter = collections.Counter()
        problems: list[feed.RowProblem] = []
        for checked, outcome in zip(batch, outcomes):
            tally[outcome.outcome] += 1
            ref, name = checked.person["personal_ref"], f"{checked.person['first_name']} {checked.person['surname']}"
            if outcome.outcome == "rejected":
                found = [feed.RowProblem(checked.row, _column(field, columns), reason, checked.values)
                         for field, reason in outcome.problems]
                problems.extend(found)
                run.sample("rejected", _rejected_sample(checked.row, ref, found))
            elif outcome.outcome in ("created", "updated"):
                run.sample(outcome.outcome, {"row": checked.row, "personal_ref": ref, "name": name,
                                             "fields": list(outcome.changed_fields), "reason": ""})
        run.applied(dict(tally), len(batch))
        if not run.preview:
            for outcome, count in tally.items():
                IMPORT_ROWS.labels(run.source, outcome).inc(count)
        self._save_now(run, problems)

    # -- pass 3 ---------------------------------------------------------------------------------------------------

    def _archive(self, run: ImportRun, seen: set[str]) -> int:
        if run.mode != FULL:
            return 0
        run.phase = ARCHIVING
        self._save_now(run)
        missing = sorted(self._people.imported_refs() - seen)
        for ref in missing:
            run.sample("archived", {"row": 0, "personal_ref": ref, "name": "", "fields": [], "reason": ""})
        return self._people.archive(missing, dry_run=run.preview)


def _column(person_field: str, columns: dict[str, str]) -> str:
    """The file's column for a person field profiles named ("" for the record as a whole)."""
    feed_column = feed.FEED_COLUMN.get(person_field)
    return columns.get(feed_column, feed_column) if feed_column else ""


def _rejected_sample(row: int, ref: str, problems) -> dict:
    return {"row": row, "personal_ref": ref, "name": "", "fields": [p.column for p in problems],
            "reason": "; ".join(p.reason for p in problems)}

