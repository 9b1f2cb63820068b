"""The run worker: a thread that takes queued runs (and runs whose worker went quiet) one at a
time, at most one in progress per landlord, and carries each to its end."""
from __future__ import annotations

import datetime as dt
import logging
import socket
from typing import Callable

from services.common import context
from services.common.errors import Unavailable
from services.common.ids import new_uuid
from services.common.worker import BackgroundWorker

from . import service
from .domain import RunTakenOver
from .runner import Runner
from .running import service as running

log = logging.getLogger(__name__)
STALE_AFTER = dt.timedelta(seconds=60)  # a running run with no heartbeat for this long is taken over
RETRY_WAIT_S = 2.0
FEED_USER = "housing-feed"  # who a feed run's changes are made by, in people's history
UNEXPECTED = "the run stopped on an unexpected error; what was applied stays applied; upload the file again"


class RunWorker(BackgroundWorker):
    def __init__(self, platform_uow: Callable, uow: Callable, runner_for: Callable[[str], Runner]):
        super().__init__("import-worker")
        self._platform_uow = platform_uow
        self._uow = uow
        self.name = f"{socket.gethostname()}:{new_uuid().hex[:8]}"
        self._runner = runner_for(self.name)

    def work_once(self) -> bool:
        """Take one run and work on it; False when there was none to take."""
        with self._platform_uow() as uow:
            claimed = running.claim_next_run(uow, worker=self.name, stale_after=STALE_AFTER)
        if claimed is None:
            return False
        self._work(*claimed)
        return True

    def _work(self, landlord_id: str, run_id: str) -> None:
        with self._uow(landlord_id) as uow:
            started_by = service.get_run(uow, run_id=run_id).started_by
        call = context.CallContext(landlord_id=landlord_id, user_id=started_by or FEED_USER,
                                   request_id=context.new_request_id())
        with context.bound(call):
            try:
                run = self._runner.run(landlord_id, run_id)
                log.info("import run finished", extra={"run_id": run_id, "status": run.status})
            except RunTakenOver:
                log.warning("import run taken over by another worker", extra={"run_id": run_id})
            except Unavailable as error:  # profiles, or the database (as the runner's units of work say), away
                log.warning("import run paused: %s", error.message, extra={"run_id": run_id})
                self._release(landlord_id, run_id)
                self.pause(RETRY_WAIT_S)
            except Exception:  # noqa: BLE001
                log.exception("import run failed unexpectedly", extra={"run_id": run_id})
                self._fail(landlord_id, run_id)

    def _release(self, landlord_id: str, run_id: str) -> None:
        """Let the run be taken again at once (by this worker or another) when the engine is back."""
        with self._uow(landlord_id) as uow:
            running.release_run(uow, run_id=run_id, worker=self.name)

    def _fail(self, landlord_id: str, run_id: str) -> None:
        with self._uow(landlord_id) as uow:
            running.fail_run(uow, run_id=run_id, problem=UNEXPECTED)
