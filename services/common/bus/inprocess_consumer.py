"""A consumer of the in-process bus: one thread per subscription, reading the SQLite log from its
group's committed position and committing past each batch (or message) its handler took."""
from __future__ import annotations

import logging
import threading
import time
from typing import TYPE_CHECKING

from ..logs import error_reason
from .handling import RETRY_LATER_PAUSE_S, run_batch_handler, run_handler
from .port import HANDLER_ATTEMPTS, BatchHandler, BusError, Handler, Message, RetryLater, Subscription

if TYPE_CHECKING:
    from .inprocess import InProcessBus

log = logging.getLogger(__name__)

POLL_INTERVAL_S = 0.5  # fallback wake-up if a notification is ever missed
BATCH_SIZE = 100  # messages read at a time for a consumer without a batch handler


class InProcessSubscription(Subscription):
    def __init__(
        self, bus: "InProcessBus", topics: list[str], group: str, handler: Handler,
        batch_handler: BatchHandler | None, max_batch: int,
    ) -> None:
        self._bus = bus
        self.topics = topics
        self.group = group
        self._handler = handler
        self._batch_handler = batch_handler
        self._limit = max_batch if batch_handler is not None else BATCH_SIZE
        self._stopping = threading.Event()
        self._positions: dict[str, int] = {}
        self._thread = threading.Thread(
            target=self._run, name=f"bus-inprocess-{group}", daemon=True
        )

    def start(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        cond = self._bus._cond
        try:
            with cond:
                self._positions = self._bus._positions(self.group, self.topics)
            while not self._stopping.is_set():
                with cond:
                    batch = self._bus._fetch(self._positions, self._limit)
                    if not batch:
                        cond.wait(POLL_INTERVAL_S)
                        continue
                if self._batch_handler is not None:
                    handled = self._offer_batch(batch)
                    if handled is None:
                        return  # stopping: the batch stays uncommitted
                    if handled:
                        continue
                if not self._one_at_a_time(batch):
                    return
        except BusError:
            if not self._stopping.is_set():
                log.exception("in-process consumer %s stopped: bus closed", self.group)
        except Exception:
            log.exception("in-process consumer %s crashed", self.group)
        finally:
            self._bus._release(self)

    def _offer_batch(self, batch: list[tuple[int, Message]]) -> bool | None:
        """Give the batch handler the whole batch and commit it: True once done, False if
        the messages must go one at a time instead, None if stopping meanwhile."""
        if self._stopping.is_set():
            return None
        messages = [message for _, message in batch]
        where = f"offsets {batch[0][0]}..{batch[-1][0]}"
        error = run_batch_handler(self._batch_handler, messages, where)
        while isinstance(error, RetryLater) and not self._stopping.wait(RETRY_LATER_PAUSE_S):
            error = run_batch_handler(self._batch_handler, messages, where)
        if isinstance(error, RetryLater):
            return None
        if error is not None:
            return False
        last = {message.topic: offset for offset, message in batch}
        with self._bus._cond:
            self._bus._acknowledge(self.group, last)
            self._positions.update(last)
        return True

    def _one_at_a_time(self, batch: list[tuple[int, Message]]) -> bool:
        """Hand each message to the handler and commit past it; False if stopping meanwhile."""
        for offset, message in batch:
            if self._stopping.is_set():
                return False
            error = run_handler(self._handler, message, f"{message.topic}@{offset}")
            while isinstance(error, RetryLater) and not self._stopping.wait(RETRY_LATER_PAUSE_S):
                error = run_handler(self._handler, message, f"{message.topic}@{offset}")
            if isinstance(error, RetryLater):
                return False  # stopping: the message stays uncommitted
            if error is not None:
                log.error(
                    "dead-lettering %s@%d key=%s after %d attempts (%s)",
                    message.topic, offset, message.key, HANDLER_ATTEMPTS, error_reason(error),
                )
            with self._bus._cond:
                self._bus._acknowledge(self.group, {message.topic: offset}, None if error is None else (message, error))
                self._positions[message.topic] = offset
        return True

    def stop(self, timeout: float = 10.0) -> None:
        self._stopping.set()
        with self._bus._cond:
            self._bus._cond.notify_all()
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(timeout)

    def wait_idle(self, timeout: float = 10.0) -> bool:
        deadline = time.monotonic() + timeout
        cond = self._bus._cond
        with cond:
            target = self._bus._latest(self.topics)
            while True:
                committed = self._bus._positions(self.group, self.topics)
                if all(committed[t] >= offset for t, offset in target.items()):
                    return True
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not self._thread.is_alive():
                    return False
                cond.wait(min(remaining, POLL_INTERVAL_S))
