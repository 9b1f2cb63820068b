"""Admin groups: fixed lists of current people; references unique in any case; all or nothing;
the archived leave (but keep their activity groups and participation)."""
from __future__ import annotations

import datetime as dt
import time

import pytest

from services.common import topics
from services.common.bus import Message
from services.common.clock import FixedClock
from services.common.envelope import unwrap, wrap
from services.common.errors import AlreadyExists, InUse, InvalidInput, NotFound
from services.gen.tracker.profiles.v1 import events_pb2 as people_events, person_pb2
from services.groups import handlers, service
from services.groups.activities import service as activities
from services.groups.members import service as members
from services.groups.templates import service as templates
from tests.service.groups.conftest import outbox_events


def create(uow, people, reference="Acacia Court residents", **selection):
    with uow() as unit:
        return service.create_admin_group(unit, people, user_id="u1", reference=reference, description="", **selection)


def test_a_group_of_people_by_id_publishes_each_persons_groups(uow, people, groups, landlord):
    ids = people.add(3)
    group = create(uow, people, person_ids=ids)
    assert group.member_count == 3
    with uow() as unit:
        total, listed = members.list_members(unit, group_id=group.group_id, page=1, page_size=2)
        unspecified = activities.get_activity(unit, activity_id=group.activity_id)
    assert total == 3 and len(listed) == 2
    assert unspecified.unspecified and unspecified.name == "Unspecified"
    events = outbox_events(groups, landlord)
    assert sorted(e.person_id for e in events) == sorted(ids)
    assert all(list(e.admin_group_ids) == [group.group_id] and e.version == 1 for e in events)


def test_a_duplicate_reference_in_any_case_is_refused(uow, people):
    create(uow, people, reference="Sheltered Panel")
    with pytest.raises(AlreadyExists) as error:
        create(uow, people, reference="  sheltered   PANEL ")
    assert error.value.fields[0].field == "reference"
    second = create(uow, people, reference="Other")
    with uow() as unit, pytest.raises(AlreadyExists):
        service.update_admin_group(unit, group_id=second.group_id, reference="SHELTERED panel")


def test_unknown_or_archived_people_are_named_and_nothing_is_saved(uow, people, groups, landlord):
    good = people.add(2)
    archived = people.add(1, status="archived")
    with pytest.raises(InvalidInput) as error:
        create(uow, people, person_ids=[good[0], "no-such-id", archived[0], good[1]])
    assert {(f.field, f.reason) for f in error.value.fields} == {("person_ids[1]", "no such person"),
                                                                 ("person_ids[2]", "is archived")}
    with uow() as unit:
        assert service.list_admin_groups(unit, text="", page=1, page_size=10)[0] == 0
    assert outbox_events(groups, landlord) == []


def test_members_from_criteria_are_a_snapshot_of_current_people(uow, people):
    ids = people.add(4)
    people.matches = lambda criteria: ids[:2]
    group = create(uow, people, criteria={"tenancy_type": ["Sheltered"], "status": ["archived"]})
    assert group.member_count == 2
    assert people.resolved[-1]["status"] == ["current"]  # archived people are never members
    people.matches = lambda criteria: ids  # more match later: nobody joins by themselves
    with uow() as unit:
        assert service.get_admin_group(unit, group_id=group.group_id).member_count == 2


def test_members_from_a_template_and_only_one_source(uow, people):
    ids = people.add(3)
    with uow() as unit:
        template = templates.create_template(unit, people, user_id="u1", name="Older", description="",
                                             criteria={"age": {"min": 65}})
    people.answers = [ids[1:]]
    group = create(uow, people, search_template_id=template.search_template_id)
    assert group.member_count == 2
    assert people.resolved[-1]["age"] == {"min": 65}
    with pytest.raises(InvalidInput) as error:
        create(uow, people, reference="Two", person_ids=ids, criteria={"age": {"min": 1}})
    assert error.value.fields[0].field == "criteria"
    with pytest.raises(InvalidInput) as error:
        create(uow, people, reference="Three", search_template_id="nope")
    assert error.value.fields[0].field == "search_template_id"


def test_adding_ignores_those_already_in_and_removing_those_not_in(uow, people):
    ids = people.add(4)
    group = create(uow, people, person_ids=ids[:2])
    with uow() as unit:
        assert members.add_members(unit, people, user_id="u2", group_id=group.group_id,
                                   person_ids=ids[1:3]) == (1, 3)
    with uow() as unit:
        assert members.remove_members(unit, group_id=group.group_id, person_ids=[ids[0], ids[3]]) == (1, 2)
    with uow() as unit:
        total, listed = members.list_members(unit, group_id=group.group_id, page=1, page_size=10)
    assert total == 2
    assert listed[0].person_id == ids[2]  # newest first
    people.matches = lambda criteria: ids
    with uow() as unit:
        assert members.add_members(unit, people, user_id="u2", group_id=group.group_id,
                                   criteria={"text": "acacia"}) == (2, 4)


def _person_changed(landlord: str, person_id: str, status: str):
    person = person_pb2.Person(person_id=person_id, landlord_id=landlord, status=status)
    return unwrap(wrap(topics.PEOPLE, landlord, person_id,
                       people_events.PersonChanged(person=person, changed_fields=["status"]), FixedClock().now()).envelope)


def test_an_archived_person_leaves_admin_groups_but_not_activity_groups(uow, people, groups, landlord):
    ids = people.add(2)
    group_a = create(uow, people, reference="A", person_ids=ids)
    group_b = create(uow, people, reference="B", person_ids=[ids[0]])
    with uow() as unit:
        panel = activities.create_activity(unit, user_id="u1", name="Tenant panel", type="Panel", start_date="",
                                           end_date="", description="")
    with uow() as unit:
        activities.record_participation(unit, people, user_id="u1", person_id=ids[0], activity_id=panel.activity_id,
                                        date="2024-03-01", role="Chair", notes="")
    before = len(outbox_events(groups, landlord))

    with uow() as unit:
        handlers.people_event_batch(unit, [_person_changed(landlord, ids[0], "archived")])
        unit.commit()

    with uow() as unit:
        assert service.get_admin_group(unit, group_id=group_a.group_id).member_count == 1
        assert service.get_admin_group(unit, group_id=group_b.group_id).member_count == 0
        lines = members.list_person_groups(unit, person_id=ids[0])
        assert [(g.kind, g.group_id, g.how) for g in lines] == [("activity", panel.activity_id, "participation")]
        assert activities.list_participation(unit, person_id=ids[0], activity_id="", page=1, page_size=10)[0] == 1
    event = outbox_events(groups, landlord)[before:]
    assert [(e.person_id, list(e.admin_group_ids), list(e.activity_ids)) for e in event] == [
        (ids[0], [], [panel.activity_id])]


def test_deleting_a_group_publishes_its_former_members(uow, people, groups, landlord):
    ids = people.add(3)
    group = create(uow, people, person_ids=ids)
    with uow() as unit:
        assert service.delete_admin_group(unit, group_id=group.group_id) == group.group_id
    events = outbox_events(groups, landlord)[3:]
    assert sorted(e.person_id for e in events) == sorted(ids)
    assert all(e.version == 2 and not e.admin_group_ids for e in events)
    with uow() as unit, pytest.raises(NotFound):
        service.get_admin_group(unit, group_id=group.group_id)


def test_a_group_a_template_uses_cannot_be_deleted(uow, people):
    group = create(uow, people, person_ids=people.add(1))
    with uow() as unit:
        templates.create_template(unit, people, user_id="u1", name="In group", description="",
                                  criteria={"admin_group": [group.group_id]})
    with uow() as unit, pytest.raises(InUse):
        service.delete_admin_group(unit, group_id=group.group_id)


def test_a_bulk_group_is_one_transaction_with_an_event_per_member(uow, people, groups, landlord):
    ids = people.add(3000)
    started = dt.datetime.now()
    group = create(uow, people, person_ids=ids)
    assert group.member_count == 3000
    assert len(outbox_events(groups, landlord)) == 3000
    assert (dt.datetime.now() - started).total_seconds() < 60


def test_groups_are_listed_by_reference_and_found_by_part_of_it_in_any_case(uow, people):
    for reference in ("Zinnia House", "acacia court", "Acacia Lodge 100%"):
        create(uow, people, reference=reference)
    with uow() as unit:
        total, found = service.list_admin_groups(unit, text="", page=1, page_size=2)
        assert total == 3 and [g.reference for g in found] == ["acacia court", "Acacia Lodge 100%"]
        assert service.list_admin_groups(unit, text="ACACIA", page=1, page_size=10)[0] == 2
        assert service.list_admin_groups(unit, text="100%", page=1, page_size=10)[0] == 1
        with pytest.raises(InvalidInput):
            service.list_admin_groups(unit, text="", page=1, page_size=10_000)


def test_the_running_service_takes_archived_people_out_of_admin_groups(groups, uow, people, landlord):
    ids = people.add(2)
    group = create(uow, people, person_ids=ids)
    groups.start("127.0.0.1:0")
    try:
        event = wrap(topics.PEOPLE, landlord, ids[1], people_events.PersonChanged(
            person=person_pb2.Person(person_id=ids[1], landlord_id=landlord, status="archived"),
            changed_fields=["status"]), groups.runtime.clock.now())
        groups.runtime.bus.publish([Message(topic=event.topic, key=event.key, value=event.envelope)])
        deadline = dt.datetime.now() + dt.timedelta(seconds=30)
        while dt.datetime.now() < deadline:
            with uow() as unit:
                if service.get_admin_group(unit, group_id=group.group_id).member_count == 1:
                    break
            time.sleep(0.05)
        with uow() as unit:
            assert [m.person_id for m in members.list_members(unit, group_id=group.group_id, page=1,
                                                              page_size=10)[1]] == [ids[0]]
    finally:
        groups.stop()
