"""Remote reads overlapped with the caller's own work.

fetched_ahead: a function over a stream of items, a few calls at once, answers in the items' order: while the
caller works on one answer, the next `ahead` are being fetched in threads (remote reads overlap one another and
the caller's own work). An error is raised where its answer would have come; the caller stopping early cancels
the calls not started and reads no further items.

read_ahead: a stream (a server-streaming call, say) read to its end in a thread of its own as fast as it comes,
handed on in order, so the caller's work on the first items overlaps the reading of the next ones. An error
reading it is raised at the caller's next step as soon as it happened (items read before it and not yet handed
on are dropped: the stream failed); the caller stopping early stops the reading at its next item.
merged_ahead: the same for several streams at once (a scan read in slices), items handed on as they come.

The caller's context (landlord, user, request) travels with every call made in these threads."""
from __future__ import annotations

import queue
import threading
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from typing import Callable, Iterable, Iterator, Sequence, TypeVar

from . import context

T = TypeVar("T")
R = TypeVar("R")
_END = object()


def fetched_ahead(function: Callable[[T], R], items: Iterable[T], ahead: int = 2) -> Iterator[R]:
    call = context.current()  # the caller's landlord, user and request travel with the remote calls

    def run(item: T) -> R:
        with context.bound(call):
            return function(item)

    pool = ThreadPoolExecutor(max_workers=ahead, thread_name_prefix="fetch-ahead")
    waiting: deque = deque()
    try:
        for item in items:
            waiting.append(pool.submit(run, item))
            if len(waiting) > ahead:
                yield waiting.popleft().result()
        while waiting:
            yield waiting.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def read_ahead(items: Iterable[T]) -> Iterator[T]:
    return merged_ahead([items])


def merged_ahead(streams: Sequence[Iterable[T]]) -> Iterator[T]:
    """read_ahead of several streams at once, each read in a thread of its own, their items handed on as they
    come (each stream's in its order; the streams' interleaved): the caller stopping stops them all."""
    call = context.current()
    arrived: queue.SimpleQueue = queue.SimpleQueue()
    failed: list[BaseException] = []
    stopped = threading.Event()

    def read(items: Iterable[T]) -> None:
        try:
            with context.bound(call):
                for item in items:
                    if stopped.is_set():
                        break
                    arrived.put(item)
        except BaseException as error:  # handed to the caller, raised there
            failed.append(error)
        finally:
            close = getattr(items, "close", None)
            if stopped.is_set() and close is not None:
                close()  # a generator stopped early lets go of its stream
            arrived.put(_END)

    for items in streams:
        threading.Thread(target=read, args=(items,), name="read-ahead", daemon=True).start()
    running = len(streams)
    try:
        while running:
            item = arrived.get() if not failed else _END
            if failed:
                raise failed[0]
            if item is _END:
                running -= 1
                continue
            yield item
    finally:
        stopped.set()
