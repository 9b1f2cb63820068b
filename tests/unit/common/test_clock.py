import datetime as dt

from services.common.clock import SYSTEM, Clock, FixedClock, shifted


def test_a_fixed_clock_stands_still_until_moved_and_every_holder_sees_the_move():
    clock = FixedClock(dt.datetime(2028, 2, 28, 23, 0, tzinfo=dt.timezone.utc))
    held = [clock, clock]  # as a bootstrap hands one clock to everything it builds
    assert clock.now() == clock.now() and clock.today() == dt.date(2028, 2, 28)
    assert clock.move(dt.timedelta(hours=1)) is clock
    assert [c.today() for c in held] == [dt.date(2028, 2, 29)] * 2
    clock.move(dt.timedelta(days=-1))
    assert clock.today() == dt.date(2028, 2, 28)
    assert isinstance(clock, Clock) and clock != FixedClock(clock.now())


def test_the_machine_clock_moves_only_its_calendar():
    assert shifted(0) is SYSTEM
    before, ahead, after = SYSTEM.now(), shifted(365).now(), SYSTEM.now()
    assert before + dt.timedelta(days=365) <= ahead <= after + dt.timedelta(days=365)
