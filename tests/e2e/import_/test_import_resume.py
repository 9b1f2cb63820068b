"""A run that stops part way (profiles has applied a batch the import never recorded, as when the
import process dies) is carried on by a worker from its last saved batch, with the same end state:
nobody lost or duplicated, every person searchable."""
from __future__ import annotations

import importlib

import pytest

from services.common import context
from services.common.errors import Unavailable
from tests.e2e.importing import csv_of, importer, resident  # noqa: F401 - importer is a fixture

domain = importlib.import_module("services.import.domain")
runner_module = importlib.import_module("services.import.runner")
service = importlib.import_module("services.import.service")
store = importlib.import_module("services.import.store")
tables = importlib.import_module("services.import.tables")


class DiesAfterApplying:
    """Profiles as the import sees it, but the process 'dies' right after profiles applied batch `n`."""

    def __init__(self, people, n: int):
        self.people, self.n, self.calls = people, n, 0

    def start_upsert(self, records, **kw):
        self.calls += 1
        waiting = self.people.start_upsert(records, **kw)
        if self.calls < self.n:
            return waiting

        def dies():
            waiting()
            raise Unavailable("the import process stopped here")
        return dies

    def __getattr__(self, name):
        return getattr(self.people, name)


def test_an_interrupted_run_resumes_to_the_same_end_state(importer, platform, tmp_path):
    imports = platform.imports
    rows = [resident(n) for n in range(1, 8)]
    path = imports.uploads_dir / "resume-test.partial"
    path.write_bytes(csv_of(rows))
    me = "test-worker"
    with context.bound(context.CallContext(landlord_id=importer.landlord_id, user_id=importer.user_id)):
        with imports.runtime.uow(importer.landlord_id) as uow:
            run = service.start_file_run(uow, path=path, file_name="feed.csv", mode="full", preview=False,
                                         mapping_name="", user_id=importer.user_id, view_equality_data=True,
                                         edit_equality_data=True)  # an administrator's upload
            run.status = domain.RUNNING  # held by this test's worker, so the service's own worker leaves it
            path.rename(imports.uploads_dir / f"{run.run_id}.upload")
            service.queue(uow, run)
            uow.session.execute(tables.import_runs.update().where(tables.import_runs.c.run_id == run.run_id)
                                .values(claimed_by=me, heartbeat_at=imports.runtime.clock.now()))
            uow.commit()
        flaky = runner_module.Runner(imports.runtime.uow, DiesAfterApplying(imports.people, 3), imports.uploads_dir,
                                     clock=imports.runtime.clock, worker=me, batch=2)
        with pytest.raises(Unavailable):
            flaky.run(importer.landlord_id, run.run_id)
    stopped = importer.run(run.run_id)
    assert (stopped.status, stopped.rows_done, stopped.counts.created) == ("running", 4, 4)

    with imports.runtime.uow(importer.landlord_id) as uow:  # the dead worker's claim runs out
        store.RunRepository(uow.session, importer.landlord_id).release(run.run_id, me)
        uow.commit()
    imports.worker.nudge()
    done = importer.finished(run.run_id)
    assert done.status == "completed" and done.rows_done == 7
    assert done.counts.created + done.counts.unchanged == 7 and done.counts.rejected == 0
    found = importer.searchable({r["personal_ref"]: "current" for r in rows})
    assert sorted(found) == [r["personal_ref"] for r in rows]
    again = importer.finished(importer.upload(csv_of(rows)).run_id)
    assert (again.counts.unchanged, again.counts.created) == (7, 0)
