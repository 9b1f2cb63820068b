"""A service's background worker: one daemon thread calling `work_once()` until it is stopped, at once again
while it answers True (more to do), else after `idle_seconds` or a `nudge()`. An exception is logged and the
thread carries on, so one failure (an engine away for a moment) never ends the work."""
from __future__ import annotations

import logging
import threading

log = logging.getLogger(__name__)


class BackgroundWorker:
    idle_seconds = 1.0

    def __init__(self, thread_name: str):
        self.thread_name = thread_name
        self._stopping, self._wake = threading.Event(), threading.Event()
        self._thread: threading.Thread | None = None

    def work_once(self) -> bool:
        """Do one piece of work; True when there is more to do straight away."""
        raise NotImplementedError

    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name=self.thread_name, daemon=True)
        self._thread.start()

    def nudge(self) -> None:
        """There is work: do it now rather than after the idle wait."""
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        self._stopping.set()
        self._wake.set()
        if self._thread:
            self._thread.join(timeout)

    @property
    def stopping(self) -> bool:
        return self._stopping.is_set()

    def pause(self, seconds: float) -> None:
        """Wait `seconds`, or less if the worker is stopped meanwhile."""
        self._stopping.wait(seconds)

    def _loop(self) -> None:
        while not self._stopping.is_set():
            try:
                if self.work_once():
                    continue
            except Exception:  # noqa: BLE001 - the worker outlives any one failure
                log.exception("%s failed; it carries on", self.thread_name)
            self._wake.wait(self.idle_seconds)
            self._wake.clear()
