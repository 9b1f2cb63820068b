from services.gateway import bootstrap
from services.gateway.bootstrap import RecentCallers


def test_a_caller_is_remembered_briefly_and_forgotten_on_any_change(monkeypatch):
    clock = [100.0]
    monkeypatch.setattr(bootstrap.time, "monotonic", lambda: clock[0])
    callers = RecentCallers(seconds=1.0)
    callers.keep("token-a", "user A")
    assert callers.get("token-a") == "user A" and callers.get("token-b") is None
    clock[0] += 0.9
    assert callers.get("token-a") == "user A"
    clock[0] += 0.2
    assert callers.get("token-a") is None, "after a second the database is asked again"
    callers.keep("token-a", "user A")
    callers.forget_all()
    assert callers.get("token-a") is None


def test_remembering_is_bounded():
    callers = RecentCallers(seconds=60, most=3)
    for n in range(5):
        callers.keep(f"t{n}", n)
    assert callers.get("t4") == 4 and sum(callers.get(f"t{n}") is not None for n in range(5)) <= 3
