"""The run worker's use cases on embedded storage: a queued run is claimed by one worker at a time and
taken over once its worker goes quiet (whose next save then fails), progress and rejected rows are kept,
a released run can be taken again at once, and the database going away is the engine-neutral Unavailable."""
import datetime as dt
import importlib
import uuid

import pytest
from sqlalchemy.exc import OperationalError

from services.common.errors import Unavailable

domain = importlib.import_module("services.import.domain")
feed = importlib.import_module("services.import.feed")
running = importlib.import_module("services.import.running.service")
service = importlib.import_module("services.import.service")
store = importlib.import_module("services.import.store")
STALE = importlib.import_module("services.import.worker").STALE_AFTER


def _queued(runtime, source: str = domain.FILE) -> domain.ImportRun:
    landlord = str(uuid.uuid4())
    with runtime.uow(landlord) as uow:
        return service.queue(uow, domain.ImportRun.new(landlord_id=landlord, source=source, mode=domain.DELTA,
                                                       now=uow.clock.now()))


def _claim(runtime, worker: str):
    with runtime.uow(platform=True) as uow:
        return running.claim_next_run(uow, worker=worker, stale_after=STALE)


def _run(runtime, run: domain.ImportRun) -> domain.ImportRun:
    with runtime.uow(run.landlord_id) as uow:
        return service.get_run(uow, run_id=run.run_id)


def test_a_run_is_held_by_one_worker_until_it_goes_quiet_then_taken_over(runtime):
    queued = _queued(runtime)
    assert _claim(runtime, "w1") == (queued.landlord_id, queued.run_id)
    with runtime.uow(queued.landlord_id) as uow:
        run, add_unknown, _ = running.begin_run(uow, run_id=queued.run_id, worker="w1")
    assert (run.status, add_unknown) == (domain.RUNNING, [])
    problem = feed.RowProblem(2, "surname", "is required", {"personal_ref": "R1"})
    run.counts.rows_read = 1
    with runtime.uow(run.landlord_id) as uow:
        running.save_progress(uow, run=run, worker="w1", rejected=[problem])
        assert list(store.RunRepository(uow.session, run.landlord_id).rejections(run.run_id)) == [problem]
    assert _run(runtime, run).counts.rows_read == 1
    assert _claim(runtime, "w2") is None  # w1 said it is alive just now
    runtime.clock.move(STALE + dt.timedelta(seconds=1))
    assert _claim(runtime, "w2") == (run.landlord_id, run.run_id)
    with runtime.uow(run.landlord_id) as uow, pytest.raises(domain.RunTakenOver):
        running.save_progress(uow, run=run, worker="w1")
    with runtime.uow(run.landlord_id) as uow:
        running.restart_checking(uow, run=run, worker="w2")  # the new holder checks from the start again
        assert list(store.RunRepository(uow.session, run.landlord_id).rejections(run.run_id)) == []


def test_a_released_run_is_taken_again_at_once_and_a_failed_one_never(runtime):
    queued = _queued(runtime)
    _claim(runtime, "w1")
    with runtime.uow(queued.landlord_id) as uow:
        running.release_run(uow, run_id=queued.run_id, worker="w1")
    assert _claim(runtime, "w2") == (queued.landlord_id, queued.run_id)
    with runtime.uow(queued.landlord_id) as uow:
        running.fail_run(uow, run_id=queued.run_id, problem="stopped")
    assert (_run(runtime, queued).status, _run(runtime, queued).problem) == (domain.FAILED, "stopped")
    runtime.clock.move(STALE * 2)
    assert _claim(runtime, "w3") is None


def test_a_finished_feed_run_drops_its_staged_records(runtime):
    queued = _queued(runtime, source=domain.FEED)
    with runtime.uow(queued.landlord_id) as uow:
        store.RunRepository(uow.session, queued.landlord_id).stage(queued.run_id, 1, {"personal_ref": "R1"})
        uow.commit()
    _claim(runtime, "w1")
    with runtime.uow(queued.landlord_id) as uow:
        run, _, _ = running.begin_run(uow, run_id=queued.run_id, worker="w1")
        assert running.staged_records(uow, run_id=run.run_id, after=0) == [(1, {"personal_ref": "R1"})]
        assert running.staged_records(uow, run_id=run.run_id, after=1) == []
    run.complete(0, runtime.clock.now())
    with runtime.uow(run.landlord_id) as uow:
        running.finish_run(uow, run=run, worker="w1")
        assert running.staged_records(uow, run_id=run.run_id, after=0) == []
    assert _run(runtime, run).status == domain.COMPLETED


def test_the_database_away_is_unavailable_not_the_engines_error(runtime):
    units = store.unavailable_when_down(runtime.uow)
    with pytest.raises(Unavailable) as away:
        with units(str(uuid.uuid4())):
            raise OperationalError("SELECT 1", {}, Exception("database is locked"))
    assert away.value.message == "the import's database is unavailable"
    assert isinstance(away.value.__cause__, OperationalError)
