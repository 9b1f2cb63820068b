"""Streams read ahead in threads of their own: one stream's items come in order, several streams' all come
(each in its own order), with the caller's context; an error in any is raised at the caller; stopping early
stops every stream at its next item and closes it."""
import threading

import pytest

from services.common import context
from services.common.prefetch import merged_ahead, read_ahead


def test_one_stream_comes_in_order_read_in_a_thread_with_the_callers_context():
    seen = []

    def items():
        for n in range(5):
            seen.append((threading.current_thread().name, context.current().landlord_id))
            yield n
    with context.bound(context.CallContext(landlord_id="L1")):
        assert list(read_ahead(items())) == [0, 1, 2, 3, 4]
    assert {name for name, _ in seen} == {"read-ahead"} and {landlord for _, landlord in seen} == {"L1"}


def test_several_streams_all_come_each_in_its_own_order():
    got = list(merged_ahead([iter(range(0, 100)), iter(range(100, 250)), iter([])]))
    assert sorted(got) == list(range(250))
    assert [n for n in got if n < 100] == list(range(100)) and [n for n in got if n >= 100] == list(range(100, 250))


def test_an_error_in_any_stream_is_raised_at_the_caller():
    def broken():
        yield 1
        raise ValueError("the index went away")
    with pytest.raises(ValueError, match="went away"):
        list(merged_ahead([iter(range(3)), broken()]))


def test_stopping_early_stops_and_closes_every_stream():
    closed, gate = [], threading.Event()

    def endless(name):
        try:
            n = 0
            while True:
                gate.wait()
                yield name, n
                n += 1
        finally:
            closed.append(name)
    merged = merged_ahead([endless("a"), endless("b")])
    gate.set()
    assert next(merged)[0] in ("a", "b")
    merged.close()
    for _ in range(200):
        if len(closed) == 2:
            break
        threading.Event().wait(0.01)
    assert sorted(closed) == ["a", "b"]
