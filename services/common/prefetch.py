"""Items of an iterator made ready ahead, in a thread: the next few pages of a remote read arrive while the
caller works on the current one (bounded: at most `ahead` items wait). An error in the iterator is raised in
the caller, at the item it would have come at; the caller stopping early stops the thread."""
from __future__ import annotations

import queue
import threading
from typing import Iterable, Iterator, TypeVar

from . import context

T = TypeVar("T")
_END = object()


def prefetched(items: Iterable[T], ahead: int = 3) -> Iterator[T]:
    ready: queue.Queue = queue.Queue(maxsize=ahead)
    stopping = threading.Event()
    call = context.current()  # the caller's landlord, user and request travel with the remote calls

    def put(item) -> bool:
        while not stopping.is_set():
            try:
                ready.put(item, timeout=0.5)
                return True
            except queue.Full:
                continue
        return False

    def fill() -> None:
        with context.bound(call):
            try:
                for item in items:
                    if not put((item, None)):
                        return
                put((_END, None))
            except BaseException as error:  # handed to the caller
                put((_END, error))

    thread = threading.Thread(target=fill, name="prefetch", daemon=True)
    thread.start()
    try:
        while True:
            item, error = ready.get()
            if error is not None:
                raise error
            if item is _END:
                return
            yield item
    finally:
        stopping.set()
        thread.join(timeout=5)
