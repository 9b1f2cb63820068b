"""A function over a stream of items, a few calls at once, answers in the items' order: while the caller
works on one answer, the next `ahead` are being fetched in threads (remote reads overlap one another and the
caller's own work). The caller's context travels with each call; an error is raised where its answer would
have come; the caller stopping early cancels the calls not started and reads no further items."""
from __future__ import annotations

from collections import deque
from concurrent.futures import ThreadPoolExecutor
from typing import Callable, Iterable, Iterator, TypeVar

from . import context

T = TypeVar("T")
R = TypeVar("R")


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
