"""Participation records for many people at once (activities/service.py record_participations): one
transaction, each person's outcome, nothing recorded twice, bad input writing nothing."""
from __future__ import annotations

import pytest

from services.common.errors import InvalidInput
from services.groups import service
from services.groups.activities import service as activities
from services.groups.activities.domain import MAX_PEOPLE
from services.groups.members import service as members
from tests.service.groups.activities.test_service import new_activity, record
from tests.service.groups.conftest import outbox_events


def record_many(uow, people, person_ids, activity_id, date="2024-03-14", role="Panel member", notes=""):
    with uow() as unit:
        return activities.record_participations(unit, people, user_id="u1", person_ids=person_ids,
                                                activity_id=activity_id, date=date, role=role, notes=notes)


def records_of(uow, activity_id: str) -> list:
    with uow() as unit:
        return activities.list_participation(unit, person_id="", activity_id=activity_id, page=1, page_size=500)[1]


def test_current_people_are_recorded_and_the_others_reported_in_the_order_given(uow, people, groups, landlord):
    ada, bea = people.add(2)
    archived = people.add(1, status="archived")[0]
    panel = new_activity(uow)
    found = record_many(uow, people, [ada, "nobody", archived, bea, ada], panel.activity_id)
    assert [(o.person_id, o.outcome) for o in found] == [
        (ada, "recorded"), ("nobody", "not_found"), (archived, "archived"), (bea, "recorded")]
    assert [bool(o.participation_id) for o in found] == [True, False, False, True]
    made = records_of(uow, panel.activity_id)
    assert {(r.person_id, r.participation_id, r.date, r.role) for r in made} == {
        (ada, found[0].participation_id, "2024-03-14", "Panel member"),
        (bea, found[3].participation_id, "2024-03-14", "Panel member")}
    with uow() as unit:
        assert activities.get_activity(unit, activity_id=panel.activity_id).member_count == 2
        assert [(g.name, g.how) for g in members.list_person_groups(unit, person_id=bea)] == [
            ("Tenant panel", "participation")]
    events = outbox_events(groups, landlord)
    assert sorted((e.person_id, e.version, list(e.activity_ids)) for e in events) == sorted(
        [(ada, 1, [panel.activity_id]), (bea, 1, [panel.activity_id])]), "one groups event per person recorded"


def test_a_rerun_records_nothing_twice(uow, people, groups, landlord):
    ada, bea, cy = people.add(3)
    panel = new_activity(uow)
    earlier = record(uow, people, cy, panel.activity_id, "2024-03-14")  # one by one, before
    other_day = record(uow, people, ada, panel.activity_id, "2024-02-01")
    first = record_many(uow, people, [ada, bea, cy], panel.activity_id)
    assert [o.outcome for o in first] == ["recorded", "recorded", "already_recorded"]
    assert first[2].participation_id == earlier.participation_id
    events = len(outbox_events(groups, landlord))
    again = record_many(uow, people, [cy, bea, ada], panel.activity_id)
    assert [(o.outcome, o.participation_id) for o in again] == [
        ("already_recorded", earlier.participation_id), ("already_recorded", first[1].participation_id),
        ("already_recorded", first[0].participation_id)]
    assert len(records_of(uow, panel.activity_id)) == 4
    assert len(outbox_events(groups, landlord)) == events, "nothing changed: no event"
    with uow() as unit:  # ada has two records now: one deleted, she stays in the activity group
        activities.delete_participation(unit, participation_id=other_day.participation_id)
    with uow() as unit:
        assert [g.how for g in members.list_person_groups(unit, person_id=ada)] == ["participation"]
        activities.delete_participation(unit, participation_id=first[0].participation_id)
    with uow() as unit:
        assert members.list_person_groups(unit, person_id=ada) == []


def test_a_person_linked_by_hand_keeps_the_link_and_gains_the_record(uow, people):
    person = people.add(1)[0]
    panel = new_activity(uow)
    with uow() as unit:
        members.link_person(unit, people, user_id="u1", person_id=person, activity_id=panel.activity_id)
    made = record_many(uow, people, [person], panel.activity_id)[0]
    assert made.outcome == "recorded"
    with uow() as unit:
        assert activities.get_activity(unit, activity_id=panel.activity_id).member_count == 1
        activities.delete_participation(unit, participation_id=made.participation_id)
    with uow() as unit:
        assert [g.how for g in members.list_person_groups(unit, person_id=person)] == ["manual"]


@pytest.mark.parametrize("change, field", [
    ({"activity_id": "no-activity"}, "activity_id"), ({"activity_id": ""}, "activity_id"),
    ({"date": "14/03/2024"}, "date"), ({"date": ""}, "date"), ({"role": "r" * 201}, "role"),
    ({"person_ids": []}, "person_ids"), ({"person_ids": "many"}, "person_ids")])
def test_bad_input_names_the_field_and_writes_nothing(uow, people, groups, landlord, change, field):
    panel = new_activity(uow)
    values = {"person_ids": people.add(2), "activity_id": panel.activity_id, "date": "2024-03-14", "role": ""}
    values.update(change)
    if values["person_ids"] == "many":
        values["person_ids"] = [f"p{i}" for i in range(MAX_PEOPLE + 1)]
    with pytest.raises(InvalidInput) as error:
        record_many(uow, people, values["person_ids"], values["activity_id"], date=values["date"], role=values["role"])
    assert [f.field for f in error.value.fields] == [field]
    assert records_of(uow, panel.activity_id) == [] and outbox_events(groups, landlord) == []


def test_the_unspecified_activity_takes_no_people(uow, people):
    with uow() as unit:
        group = service.create_admin_group(unit, people, user_id="u1", reference="G", description="")
    with pytest.raises(InvalidInput) as error:
        record_many(uow, people, people.add(1), group.activity_id)
    assert error.value.fields[0].field == "activity_id"


def test_an_activity_deleted_while_profiles_answers_is_refused(uow, people, groups, landlord):
    panel = new_activity(uow)

    def delete_it():
        people.while_asked = None
        with uow() as unit:
            activities.delete_activity(unit, activity_id=panel.activity_id)
    people.while_asked = delete_it
    with pytest.raises(InvalidInput) as error:
        record_many(uow, people, people.add(2), panel.activity_id)
    assert error.value.fields[0].field == "activity_id"
    assert outbox_events(groups, landlord) == []


def test_many_people_are_written_in_chunks(uow, people):
    many = people.add(2500)
    panel = new_activity(uow)
    found = record_many(uow, people, many, panel.activity_id)
    assert {o.outcome for o in found} == {"recorded"} and len({o.participation_id for o in found}) == 2500
    with uow() as unit:
        assert activities.get_activity(unit, activity_id=panel.activity_id).member_count == 2500
        total, _ = activities.list_participation(unit, person_id="", activity_id=panel.activity_id, page=1,
                                                 page_size=1)
    assert total == 2500
    assert [o.outcome for o in record_many(uow, people, many[:3], panel.activity_id)] == ["already_recorded"] * 3
