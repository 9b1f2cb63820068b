"""A function over a stream of items, a few calls at once: the answers come in the items' order, each call
carries the caller's context, an error is raised where its answer would have come, and stopping early reads
no further items."""
import threading
import time

import pytest

from services.common import context
from services.common.prefetch import fetched_ahead


def test_answers_come_in_order_with_the_callers_context_from_threads_of_their_own():
    def read(n):
        time.sleep(0.01 * (n % 3))  # later items can finish first
        return n, context.current().landlord_id, threading.current_thread().name
    with context.bound(context.CallContext(landlord_id="L-1")):
        got = list(fetched_ahead(read, range(10), ahead=3))
    assert [n for n, _, _ in got] == list(range(10))
    assert {landlord for _, landlord, _ in got} == {"L-1"}
    assert all(name.startswith("fetch-ahead") for _, _, name in got)


def test_calls_run_at_once_up_to_the_limit():
    running, most, lock = [0], [0], threading.Lock()

    def read(n):
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(0.02)
        with lock:
            running[0] -= 1
        return n
    assert list(fetched_ahead(read, range(12), ahead=3)) == list(range(12))
    assert most[0] == 3


def test_an_error_is_raised_where_its_answer_would_have_come():
    def read(n):
        if n == 2:
            raise ConnectionError("profiles went away")
        return n
    seen = []
    with pytest.raises(ConnectionError, match="went away"):
        for answer in fetched_ahead(read, range(5)):
            seen.append(answer)
    assert seen == [0, 1]


def test_stopping_early_reads_no_further_items():
    read = []

    def items():
        for n in range(1000):
            read.append(n)
            yield n
    answers = fetched_ahead(lambda n: n, items(), ahead=2)
    for answer in answers:
        if answer == 3:
            break
    answers.close()
    assert len(read) < 10
