"""Activities, participation records and a person's groups tab."""
from __future__ import annotations

import pytest

from services.common.errors import InUse, InvalidInput, NotFound
from services.groups import service
from services.groups.activities import service as activities
from services.groups.members import service as members
from tests.service.groups.conftest import outbox_events


def new_activity(uow, name="Tenant panel", **values):
    values = {"type": "Panel", "start_date": "", "end_date": "", "description": "", **values}
    with uow() as unit:
        return activities.create_activity(unit, user_id="u1", name=name, **values)


def record(uow, people, person_id, activity_id, date, role=""):
    with uow() as unit:
        return activities.record_participation(unit, people, user_id="u1", person_id=person_id,
                                               activity_id=activity_id, date=date, role=role, notes="")


def test_an_activity_needs_a_name_and_an_end_not_before_its_start(uow):
    with pytest.raises(InvalidInput) as error:
        new_activity(uow, name="  ")
    assert error.value.fields[0].field == "name"
    with pytest.raises(InvalidInput) as error:
        new_activity(uow, start_date="2024-05-02", end_date="2024-05-01")
    assert error.value.fields[0].field == "end_date"
    with pytest.raises(InvalidInput) as error:
        new_activity(uow, start_date="02/05/2024")
    assert error.value.fields[0].field == "start_date"
    activity = new_activity(uow, type="", start_date="2024-05-01", end_date="2024-05-01")
    assert activity.type == "Unspecified"
    with uow() as unit:
        changed = activities.update_activity(unit, activity_id=activity.activity_id, name="Scrutiny panel",
                                             end_date="")
    assert (changed.name, changed.start_date, changed.end_date) == ("Scrutiny panel", "2024-05-01", "")


def test_the_unspecified_activity_cannot_be_changed_deleted_or_joined(uow, people):
    person = people.add(1)[0]
    with uow() as unit:
        group = service.create_admin_group(unit, people, user_id="u1", reference="G", description="")
    with uow() as unit, pytest.raises(InvalidInput):
        activities.update_activity(unit, activity_id=group.activity_id, name="Mine")
    with uow() as unit, pytest.raises(InUse):
        activities.delete_activity(unit, activity_id=group.activity_id)
    with pytest.raises(InvalidInput):
        record(uow, people, person, group.activity_id, "2024-01-01")


def test_participation_checks_the_person_and_the_activity(uow, people):
    activity = new_activity(uow)
    with pytest.raises(InvalidInput) as error:
        record(uow, people, "nobody", activity.activity_id, "2024-01-01")
    assert (error.value.fields[0].field, error.value.fields[0].reason) == ("person_id", "no such person")
    with pytest.raises(InvalidInput) as error:
        record(uow, people, people.add(1)[0], "no-activity", "2024-01-01")
    assert error.value.fields[0].field == "activity_id"
    with pytest.raises(InvalidInput) as error:
        record(uow, people, people.add(1)[0], activity.activity_id, "")
    assert error.value.fields[0].field == "date"


def test_participation_is_listed_newest_first(uow, people):
    person = people.add(1)[0]
    panel, event = new_activity(uow), new_activity(uow, name="Fun day", type="Event")
    record(uow, people, person, panel.activity_id, "2024-01-10", role="first")
    record(uow, people, person, event.activity_id, "2024-03-01", role="latest date")
    record(uow, people, person, panel.activity_id, "2024-01-10", role="same date, recorded later")
    with uow() as unit:
        total, found = activities.list_participation(unit, person_id=person, activity_id="", page=1, page_size=10)
        _, of_panel = activities.list_participation(unit, person_id="", activity_id=panel.activity_id, page=1,
                                                    page_size=10)
    assert total == 3
    assert [r.role for r in found] == ["latest date", "same date, recorded later", "first"]
    assert found[0].activity_name == "Fun day"
    assert len(of_panel) == 2


def test_a_participation_record_links_the_person_until_it_is_deleted(uow, people, groups, landlord):
    person = people.add(1)[0]
    panel = new_activity(uow)
    made = record(uow, people, person, panel.activity_id, "2024-02-01")
    with uow() as unit:
        assert activities.get_activity(unit, activity_id=panel.activity_id).member_count == 1
        with pytest.raises(InUse) as error:
            members.unlink_person(unit, person_id=person, activity_id=panel.activity_id)
    assert "delete the records instead" in error.value.message
    with uow() as unit, pytest.raises(InUse):
        activities.delete_activity(unit, activity_id=panel.activity_id)
    with uow() as unit:
        activities.delete_participation(unit, participation_id=made.participation_id)
    with uow() as unit:
        assert members.list_person_groups(unit, person_id=person) == []
        assert activities.delete_activity(unit, activity_id=panel.activity_id) == panel.activity_id
    events = outbox_events(groups, landlord)
    assert [(e.version, list(e.activity_ids), [(p.activity_id, p.date) for p in e.participations]) for e in events] == [
        (1, [panel.activity_id], [(panel.activity_id, "2024-02-01")]), (2, [], [])]


def test_a_persons_groups_newest_link_first_and_linking_by_hand(uow, people, groups, landlord):
    person = people.add(1)[0]
    panel, event = new_activity(uow), new_activity(uow, name="Fun day")
    with uow() as unit:
        group = service.create_admin_group(unit, people, user_id="u1", reference="Newsletter", description="d")
    with uow() as unit:
        members.link_person(unit, people, user_id="u1", person_id=person, activity_id=panel.activity_id)
    with uow() as unit:
        linked = members.link_person(unit, people, user_id="u1", person_id=person, admin_group_id=group.group_id)
    assert (linked.kind, linked.name, linked.activity_name, linked.how) == ("admin", "Newsletter", "Unspecified", "manual")
    record(uow, people, person, event.activity_id, "2020-01-01")
    with uow() as unit:  # linking again changes nothing
        members.link_person(unit, people, user_id="u1", person_id=person, admin_group_id=group.group_id)
        lines = members.list_person_groups(unit, person_id=person)
    assert [(g.name, g.how) for g in lines] == [("Fun day", "participation"), ("Newsletter", "manual"),
                                                ("Tenant panel", "manual")]
    assert [e.version for e in outbox_events(groups, landlord)] == [1, 2, 3]
    with uow() as unit:
        members.unlink_person(unit, person_id=person, activity_id=panel.activity_id)
    with uow() as unit:
        members.unlink_person(unit, person_id=person, admin_group_id=group.group_id)
    with uow() as unit:
        assert [g.name for g in members.list_person_groups(unit, person_id=person)] == ["Fun day"]
        assert service.get_admin_group(unit, group_id=group.group_id).member_count == 0
        with pytest.raises(NotFound):
            members.unlink_person(unit, person_id=person, admin_group_id=group.group_id)
        with pytest.raises(InvalidInput):
            members.link_person(unit, people, user_id="u1", person_id=person, admin_group_id=group.group_id,
                                activity_id=panel.activity_id)


def test_archived_people_cannot_join_admin_groups_by_hand(uow, people):
    archived = people.add(1, status="archived")[0]
    with uow() as unit:
        group = service.create_admin_group(unit, people, user_id="u1", reference="G", description="")
    with uow() as unit, pytest.raises(InvalidInput) as error:
        members.link_person(unit, people, user_id="u1", person_id=archived, admin_group_id=group.group_id)
    assert error.value.fields[0].reason == "is archived"
