"""Storage of the import service (SQLAlchemy Core): runs, rejected rows, settings, column and
value mappings and the feed records staged while a Kafka run arrives. Every query is filtered by
the landlord here; PostgreSQL row-level security is the second wall behind it."""
from __future__ import annotations

import contextlib
import datetime as dt
import json
from typing import Any, Callable, ContextManager, Iterable, Iterator

from sqlalchemy import delete, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from services.common.db import as_utc
from services.common.errors import Unavailable
from services.common.uow import UnitOfWork

from .domain import QUEUED, RUNNING, Counts, ImportRun
from .feed import RowProblem, cut

from .tables import column_mappings, feed_records, import_runs, import_settings, rejected_rows, value_mappings
from .value_mappings import ValueMapping, key


def _run_row(run: ImportRun) -> dict[str, Any]:
    return {"run_id": run.run_id, "landlord_id": run.landlord_id, "source": run.source, "mode": run.mode,
            "preview": run.preview, "status": run.status, "phase": run.phase, "file_name": run.file_name,
            "started_by": run.started_by, "mapping": None if run.mapping is None else json.dumps(run.mapping),
            "feed_run_id": run.feed_run_id or None, "encoding": run.encoding, "created_at": run.created_at, "started_at": run.started_at,
            "finished_at": run.finished_at, "counts": json.dumps(run.counts.as_dict()), "rows_total": run.rows_total,
            "rows_done": run.rows_done, "problem": run.problem, "warnings": json.dumps(run.warnings),
            "samples": json.dumps(run.samples), "expected_records": run.expected_records,
            "staged_records": run.staged_records}



def _run(row) -> ImportRun:
    return ImportRun(
        row["run_id"], row["landlord_id"], row["source"], row["mode"], row["preview"], as_utc(row["created_at"]),
        started_by=row["started_by"], file_name=row["file_name"],
        mapping=None if row["mapping"] is None else json.loads(row["mapping"]), feed_run_id=row["feed_run_id"] or "",
        encoding=row["encoding"],
        status=row["status"], phase=row["phase"], started_at=as_utc(row["started_at"]),
        finished_at=as_utc(row["finished_at"]), counts=Counts(**json.loads(row["counts"])), rows_total=row["rows_total"],
        rows_done=row["rows_done"], problem=row["problem"], warnings=json.loads(row["warnings"]),
        samples=json.loads(row["samples"]), expected_records=row["expected_records"],
        staged_records=row["staged_records"])


class RunRepository:
    """One landlord's runs and what belongs to them."""

    def __init__(self, session: Session, landlord_id: str):
        self.session = session
        self.landlord_id = landlord_id

    def _mine(self, table):
        return table.c.landlord_id == self.landlord_id

    def add(self, run: ImportRun) -> None:
        self.session.execute(insert(import_runs).values(**_run_row(run)))

    def save(self, run: ImportRun, *, worker: str = "", now: dt.datetime | None = None) -> bool:
        """Write the run back; with `worker`, only while that worker holds it (and it says it is alive `now`)."""
        query = update(import_runs).where(self._mine(import_runs), import_runs.c.run_id == run.run_id)
        values = _run_row(run)
        if worker:
            query = query.where(import_runs.c.claimed_by == worker)
            values["heartbeat_at"] = run.finished_at or now
        return self.session.execute(query.values(**values)).rowcount > 0

    def release(self, run_id: str, worker: str) -> None:
        """Give the run back to the queue (still running, claimable at once)."""
        self.session.execute(update(import_runs).where(self._mine(import_runs), import_runs.c.run_id == run_id,
                                                       import_runs.c.claimed_by == worker)
                             .values(claimed_by=None, heartbeat_at=None))

    def get(self, run_id: str) -> ImportRun | None:
        row = self.session.execute(select(import_runs).where(self._mine(import_runs), import_runs.c.run_id == run_id)
                                   ).mappings().first()
        return _run(row) if row else None

    def by_feed_run(self, feed_run_id: str, *, for_update: bool = False) -> ImportRun | None:
        query = select(import_runs).where(self._mine(import_runs), import_runs.c.feed_run_id == feed_run_id)
        row = self.session.execute(query.with_for_update() if for_update else query).mappings().first()
        return _run(row) if row else None

    def page(self, *, limit: int, offset: int) -> tuple[int, list[ImportRun]]:
        total = self.session.execute(select(func.count()).select_from(import_runs).where(self._mine(import_runs))).scalar()
        rows = self.session.execute(select(import_runs).where(self._mine(import_runs)).order_by(
            import_runs.c.created_at.desc(), import_runs.c.run_id).limit(limit).offset(offset)).mappings()
        return int(total), [_run(r) for r in rows]

    # -- rejected rows ----------------------------------------------------------------------------------------------

    def add_rejections(self, run_id: str, problems: Iterable[RowProblem]) -> None:
        rows: dict[int, dict[str, Any]] = {}
        for p in problems:
            row = rows.setdefault(p.row, {"run_id": run_id, "row": p.row, "landlord_id": self.landlord_id,
                                          "columns": [], "reasons": [], "original": {
                                              column: cut(value) for column, value in p.values.items()}})
            row["columns"].append(p.column)
            row["reasons"].append(p.reason)
        if rows:
            self.session.execute(insert(rejected_rows), [
                {**r, "columns": json.dumps(r["columns"]), "reasons": json.dumps(r["reasons"]),
                 "original": json.dumps(r["original"])} for r in rows.values()])

    def clear_rejections(self, run_id: str) -> None:
        self.session.execute(delete(rejected_rows).where(self._mine(rejected_rows), rejected_rows.c.run_id == run_id))

    def rejections(self, run_id: str, batch: int = 2000) -> Iterator[RowProblem]:
        """Every rejected row's problems, in row order."""
        after = 0
        while True:
            rows = self.session.execute(select(rejected_rows).where(
                self._mine(rejected_rows), rejected_rows.c.run_id == run_id, rejected_rows.c.row > after)
                .order_by(rejected_rows.c.row).limit(batch)).mappings().all()
            if not rows:
                return
            for r in rows:
                original = json.loads(r["original"])
                for column, reason in zip(json.loads(r["columns"]), json.loads(r["reasons"])):
                    yield RowProblem(r["row"], column, reason, original)
            after = rows[-1]["row"]

    # -- staged feed records ----------------------------------------------------------------------------------------

    def stage(self, run_id: str, sequence: int, record: dict[str, str]) -> bool:
        """Keep a feed record; False when this run already holds that sequence number (a redelivery)."""
        try:
            with self.session.begin_nested():
                self.session.execute(insert(feed_records).values(run_id=run_id, sequence=sequence,
                                                                 landlord_id=self.landlord_id, record=json.dumps(record)))
            return True
        except IntegrityError:
            return False

    def staged(self, run_id: str, *, after: int = 0, limit: int = 5000) -> list[tuple[int, dict[str, str]]]:
        """Up to `limit` feed records of the run after sequence number `after`, in order."""
        rows = self.session.execute(select(feed_records.c.sequence, feed_records.c.record).where(
            self._mine(feed_records), feed_records.c.run_id == run_id, feed_records.c.sequence > after)
            .order_by(feed_records.c.sequence).limit(limit)).all()
        return [(sequence, json.loads(record)) for sequence, record in rows]

    def drop_staged(self, run_id: str) -> None:
        self.session.execute(delete(feed_records).where(self._mine(feed_records), feed_records.c.run_id == run_id))

    # -- settings and mappings --------------------------------------------------------------------------------------

    def add_unknown_options(self) -> list[str]:
        value = self.session.execute(select(import_settings.c.add_unknown_options).where(
            self._mine(import_settings))).scalar()
        return json.loads(value) if value else []

    def save_add_unknown_options(self, lists: list[str]) -> None:
        where = self._mine(import_settings)
        if self.session.execute(update(import_settings).where(where).values(add_unknown_options=json.dumps(lists))
                                ).rowcount == 0:
            self.session.execute(insert(import_settings).values(landlord_id=self.landlord_id,
                                                                add_unknown_options=json.dumps(lists)))

    def mappings(self) -> list[tuple[str, dict[str, str | None], dt.datetime]]:
        rows = self.session.execute(select(column_mappings).where(self._mine(column_mappings))
                                    .order_by(column_mappings.c.name)).mappings()
        return [(r["name"], json.loads(r["columns"]), as_utc(r["updated_at"])) for r in rows]

    def mapping(self, name: str) -> dict[str, str | None] | None:
        value = self.session.execute(select(column_mappings.c.columns).where(
            self._mine(column_mappings), column_mappings.c.name == name)).scalar()
        return None if value is None else json.loads(value)

    def save_mapping(self, name: str, columns: dict[str, str | None], at: dt.datetime) -> None:
        self.delete_mapping(name)
        self.session.execute(insert(column_mappings).values(landlord_id=self.landlord_id, name=name,
                                                            columns=json.dumps(columns), updated_at=at))

    def delete_mapping(self, name: str) -> bool:
        return self.session.execute(delete(column_mappings).where(
            self._mine(column_mappings), column_mappings.c.name == name)).rowcount > 0


class ValueMappingRepository:
    """A landlord's value mappings, field by field."""

    def __init__(self, session: Session, landlord_id: str):
        self.session = session
        self.landlord_id = landlord_id

    def all(self) -> list[ValueMapping]:
        rows = self.session.execute(select(value_mappings).where(value_mappings.c.landlord_id == self.landlord_id)
                                    .order_by(value_mappings.c.field, value_mappings.c.value_key)).mappings()
        return [ValueMapping(r["field"], r["feed_value"], r["option"]) for r in rows]

    def replace(self, field: str, mappings: Iterable[ValueMapping]) -> None:
        self.session.execute(delete(value_mappings).where(value_mappings.c.landlord_id == self.landlord_id,
                                                          value_mappings.c.field == field))
        rows = [{"landlord_id": self.landlord_id, "field": field, "value_key": key(m.feed_value),
                 "feed_value": m.feed_value, "option": m.option} for m in mappings]
        if rows:
            self.session.execute(insert(value_mappings), rows)


class WorkQueue:
    """Across landlords (a platform-level transaction): which run a worker takes next."""

    def __init__(self, session: Session):
        self.session = session

    def claim(self, worker: str, stale_before: dt.datetime, at: dt.datetime) -> tuple[str, str] | None:
        """The oldest queued run (or a running one whose worker went quiet) of a landlord with no other
        run in progress, claimed for `worker`: (landlord_id, run_id)."""
        busy = select(import_runs.c.landlord_id).where(import_runs.c.status == RUNNING,
                                                       import_runs.c.heartbeat_at >= stale_before)
        candidates = self.session.execute(select(import_runs.c.run_id, import_runs.c.landlord_id).where(
            or_(import_runs.c.status == QUEUED,
                (import_runs.c.status == RUNNING) & or_(import_runs.c.heartbeat_at.is_(None),
                                                        import_runs.c.heartbeat_at < stale_before)),
            import_runs.c.landlord_id.not_in(busy)).order_by(import_runs.c.created_at).limit(5)).all()
        for run_id, landlord_id in candidates:
            claimed = self.session.execute(update(import_runs).where(
                import_runs.c.run_id == run_id, import_runs.c.status.in_((QUEUED, RUNNING)),
                or_(import_runs.c.heartbeat_at.is_(None), import_runs.c.heartbeat_at < stale_before,
                    import_runs.c.status == QUEUED))
                .values(status=RUNNING, claimed_by=worker, heartbeat_at=at)).rowcount
            if claimed:
                return landlord_id, run_id
        return None


def unavailable_when_down(uow: Callable[..., UnitOfWork]) -> Callable[..., ContextManager[UnitOfWork]]:
    """`uow` (a unit of work factory) whose units of work raise Unavailable, not the engine's own error,
    when the database cannot be used just now (a lost connection, a locked file): so the worker pauses a
    run without knowing the engine."""

    @contextlib.contextmanager
    def unit(*args, **kwargs) -> Iterator[UnitOfWork]:
        try:
            with uow(*args, **kwargs) as opened:
                yield opened
        except OperationalError as error:
            raise Unavailable("the import's database is unavailable") from error
    return unit
