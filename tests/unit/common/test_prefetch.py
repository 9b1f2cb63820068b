"""Items read ahead in a thread come in order, carry the caller's context, raise the reader's error at the
point it happened, and stop being read when the caller stops early."""
import threading

import pytest

from services.common import context
from services.common.prefetch import prefetched


def test_items_come_in_order_with_the_callers_context():
    def pages():
        for n in range(10):
            yield n, context.current().landlord_id, threading.current_thread().name
    with context.bound(context.CallContext(landlord_id="L-1")):
        got = list(prefetched(pages(), ahead=2))
    assert [n for n, _, _ in got] == list(range(10))
    assert {landlord for _, landlord, _ in got} == {"L-1"} and {name for _, _, name in got} == {"prefetch"}


def test_an_error_while_reading_is_raised_where_its_item_would_have_come():
    def pages():
        yield 1
        yield 2
        raise ConnectionError("profiles went away")
    seen = []
    with pytest.raises(ConnectionError, match="went away"):
        for item in prefetched(pages()):
            seen.append(item)
    assert seen == [1, 2]


def test_stopping_early_stops_the_reading():
    read = []

    def pages():
        for n in range(1000):
            read.append(n)
            yield n
    for item in prefetched(pages(), ahead=2):
        if item == 3:
            break
    assert len(read) < 10
