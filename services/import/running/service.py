"""Use cases of the run worker: each step of carrying out a run that reads or writes storage, in a
unit of work of its own (taken first; they commit it). Saving a run checks that the worker still
holds it and raises RunTakenOver when another worker took it over."""
from __future__ import annotations

import datetime as dt
from typing import Iterable

from services.common.uow import UnitOfWork

from ..domain import FEED, ImportRun, RunTakenOver
from ..feed import RowProblem
from ..store import RunRepository, ValueMappingRepository, WorkQueue
from ..value_mappings import ValueMapping


def _repo(uow: UnitOfWork) -> RunRepository:
    return RunRepository(uow.session, uow.landlord_id)


def _save(uow: UnitOfWork, repo: RunRepository, run: ImportRun, worker: str) -> None:
    """The run written back, and the worker's heartbeat with it, while `worker` holds it."""
    if not repo.save(run, worker=worker, now=uow.clock.now()):
        raise RunTakenOver(run.run_id)


def claim_next_run(uow: UnitOfWork, *, worker: str, stale_after: dt.timedelta) -> tuple[str, str] | None:
    """In a platform unit of work: the next run for `worker` (landlord_id, run_id), claimed for it; a
    running run whose worker said nothing for `stale_after` is taken over. None when there is none."""
    now = uow.clock.now()
    claimed = WorkQueue(uow.session).claim(worker, now - stale_after, now)
    uow.commit()
    return claimed


def begin_run(uow: UnitOfWork, *, run_id: str, worker: str) -> tuple[ImportRun, list[str], list[ValueMapping]]:
    """The claimed run, started (or carried on), the option lists whose unknown values it adds, and the
    landlord's value mappings."""
    repo = _repo(uow)
    run = repo.get(run_id)
    add_unknown = repo.add_unknown_options()
    mappings = ValueMappingRepository(uow.session, uow.landlord_id).all()
    run.begin(uow.clock.now())
    _save(uow, repo, run, worker)
    uow.commit()
    return run, add_unknown, mappings


def restart_checking(uow: UnitOfWork, *, run: ImportRun, worker: str) -> None:
    """The run's first pass begins (again): rejected rows kept by an earlier start are dropped."""
    repo = _repo(uow)
    repo.clear_rejections(run.run_id)
    _save(uow, repo, run, worker)
    uow.commit()


def save_progress(uow: UnitOfWork, *, run: ImportRun, worker: str, rejected: Iterable[RowProblem] = ()) -> None:
    """The run's counts, phase and samples so far, with the problems of the rows it rejected since."""
    repo = _repo(uow)
    repo.add_rejections(run.run_id, rejected)
    _save(uow, repo, run, worker)
    uow.commit()


def staged_records(uow: UnitOfWork, *, run_id: str, after: int) -> list[tuple[int, dict[str, str]]]:
    """A chunk of a feed run's staged records after sequence number `after`, in order (empty at the end)."""
    return _repo(uow).staged(run_id, after=after)


def finish_run(uow: UnitOfWork, *, run: ImportRun, worker: str) -> None:
    """The run's end saved; a feed run's staged records are no longer needed."""
    repo = _repo(uow)
    _save(uow, repo, run, worker)
    if run.source == FEED:
        repo.drop_staged(run.run_id)
    uow.commit()


def release_run(uow: UnitOfWork, *, run_id: str, worker: str) -> None:
    """The run given back to the queue, still running, for any worker to take again at once."""
    _repo(uow).release(run_id, worker)
    uow.commit()


def fail_run(uow: UnitOfWork, *, run_id: str, problem: str) -> None:
    """The run ended as failed with `problem` (whoever holds it)."""
    repo = _repo(uow)
    run = repo.get(run_id)
    run.fail(problem, uow.clock.now())
    repo.save(run)
    uow.commit()
