import datetime as dt

from services.gateway.service import LONG_LOCK, lock_for


def test_failures_first_slow_down_then_lock_for_a_while():
    assert [lock_for(n) for n in range(1, 5)] == [None] * 4
    assert [lock_for(n).total_seconds() for n in range(5, 10)] == [1, 2, 4, 8, 16]
    assert lock_for(10) == lock_for(1000) == LONG_LOCK == dt.timedelta(minutes=15)
