"""What groups publishes for one commit: one person's groups state alone on tracker.groups.v1; many people's in
PeopleGroupsChanged batches of at most PACK_PEOPLE on the bulk lane, in order, which consumers read back as the
same states (services/common/group_events.py)."""
from __future__ import annotations

import datetime as dt

import pytest

from services.common import topics
from services.common.envelope import unwrap
from services.common.group_events import ONE, person_groups
from services.groups import events
from services.groups.domain import PersonGroupsChanged

AT = dt.datetime(2027, 3, 1, 9, 0, tzinfo=dt.timezone.utc)


def state(n: int, version: int = 1) -> PersonGroupsChanged:
    return PersonGroupsChanged("L1", f"P{n:05d}", version, (f"G{n % 3}",), ("A1",) if n % 2 else (),
                               (("A1", "2027-02-01"),) if n % 2 else (), AT + dt.timedelta(seconds=n))


def test_one_persons_change_travels_alone_on_the_one_person_lane():
    [out] = list(events.outgoing([state(1)]))
    assert (out.topic, out.key) == (topics.GROUPS, "L1:P00001")
    [read] = person_groups([unwrap(out.envelope)])
    assert (read.person_id, read.version, list(read.admin_group_ids), read.participations[0].date) == (
        "P00001", 1, ["G1"], "2027-02-01")


def test_the_same_person_twice_in_one_commit_stays_on_the_one_person_lane():
    out = list(events.outgoing([state(1, 1), state(1, 2)]))
    assert [(o.topic, unwrap(o.envelope).type) for o in out] == [(topics.GROUPS, ONE)] * 2


def test_many_peoples_changes_travel_in_batches_on_the_bulk_lane_in_order():
    states = [state(n) for n in range(events.PACK_PEOPLE * 2 + 1)]
    out = list(events.outgoing(states))
    assert [o.topic for o in out] == [topics.GROUPS_BULK] * 3
    assert [o.key for o in out] == ["L1:P00000", f"L1:P{events.PACK_PEOPLE:05d}", f"L1:P{events.PACK_PEOPLE * 2:05d}"]
    read = list(person_groups(unwrap(o.envelope) for o in out))
    assert [(r.person_id, r.version, tuple(r.admin_group_ids), tuple(r.activity_ids)) for r in read] == [
        (s.person_id, s.version, s.admin_group_ids, s.activity_ids) for s in states]
    assert unwrap(out[0].envelope).occurred_at.ToDatetime(dt.timezone.utc) == states[events.PACK_PEOPLE - 1].occurred_at


def test_an_event_of_another_kind_is_refused():
    with pytest.raises(TypeError):
        list(events.outgoing([object()]))
