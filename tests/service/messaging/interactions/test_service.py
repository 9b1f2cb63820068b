"""Interactions and their follow-up actions on embedded storage (SQLite, in-process bus) with a fixed clock and
a fake profiles: an interaction on a current person, of a current type, with an action, all or nothing; a
person's interactions newest first; a deletion cancels its open actions; every change publishes the person's
open actions and what a user changed; the actions list judges overdue by the date in the UK and counts them."""
from __future__ import annotations

import datetime as dt

import pytest

from services.common.errors import InUse, InvalidInput, NotFound
from services.messaging import service as records
from services.messaging.codes import service as codes
from services.messaging.interactions import service as interactions
from tests.service.messaging.interactions.helpers import outbox, record, set_clock

UTC = dt.timezone.utc
ACTION = {"what": "Call back about the arrears", "assigned_to": "U2", "due_date": "2026-06-20"}


def _problems(refused) -> dict[str, str]:
    return {p.field: p.reason for p in refused.value.fields}


def _actions(messaging, landlord, **chosen):
    with messaging.runtime.uow(landlord, read_only=True) as uow:
        return interactions.list_actions(uow, chosen=interactions.action_filter(uow, **chosen), page=1,
                                         page_size=0)


def test_an_interaction_with_an_action_takes_the_types_first_outcome_and_publishes_both(messaging, people,
                                                                                        landlord):
    ada = people.add()
    made = record(messaging, landlord, people, ada, action=ACTION)
    assert (made.record.details.communication_code, made.record.details.outcome_code) == ("phoned",
                                                                                           "spoke_to_person")
    assert made.record.details.outcome_label == "Spoke to person"
    [action] = made.actions
    assert (action.person_id, action.communication_id, action.what, action.assigned_to, action.due_date,
            action.status, action.created_by) == (ada, made.record.communication_id, "Call back about the arrears",
                                                  "U2", dt.date(2026, 6, 20), "open", "U1")
    complaint = record(messaging, landlord, people, ada, communication_code="complaint", outcome_code="resolved")
    assert complaint.record.details.outcome_code == "resolved" and complaint.actions == []

    events = outbox(messaging, landlord)
    assert [name for name, _ in events] == ["CommunicationRecorded", "PersonActionsChanged", "CommunicationRecorded"]
    recorded, actions_changed = events[0][1], events[1][1]
    assert (recorded.person_id, recorded.changed_by, recorded.outcome_code) == (ada, "U1", "spoke_to_person")
    assert [(c.field, c.old_value, c.new_value) for c in recorded.changes] == [("interaction", "", "Phoned: Rent call")]
    assert (actions_changed.person_id, actions_changed.version, list(actions_changed.open_due_dates)) == (
        ada, 1, ["2026-06-20"])
    with messaging.runtime.uow(landlord, read_only=True) as uow:
        kept = interactions.get_interaction(uow, communication_id=made.record.communication_id)
    assert [(a.action_id, [s.step for s in a.steps]) for a in kept.actions] == [(action.action_id, ["added"])]
    assert kept.record.details.notes == "Asked about arrears"


def test_an_interaction_is_on_a_current_person_or_not_at_all(messaging, people, landlord):
    gone = people.add(status="archived")
    for person_id, reason in ((gone, "is archived"), ("nobody", "no such person")):
        with pytest.raises(InvalidInput) as refused:
            record(messaging, landlord, people, person_id, action=ACTION)
        [(field, said)] = _problems(refused).items()
        assert field.startswith("person_id") and said == reason
    with pytest.raises(InvalidInput) as refused:
        record(messaging, landlord, people, "", action=ACTION)
    assert _problems(refused) == {"person_id": "is required"}
    assert outbox(messaging, landlord) == []


def test_a_bad_action_records_no_interaction(messaging, people, landlord):
    ada = people.add()
    with pytest.raises(InvalidInput) as refused:
        record(messaging, landlord, people, ada, action={"what": "", "assigned_to": "U2", "due_date": "2026-06-14"})
    assert _problems(refused) == {"action.what": "is required",
                                  "action.due_date": "must be today (2026-06-15) or later"}
    with messaging.runtime.uow(landlord, read_only=True) as uow:
        assert interactions.person_interactions(uow, person_id=ada, types=[], page=1, page_size=0)[0] == 0
    assert outbox(messaging, landlord) == []


def test_an_unknown_type_or_one_archived_since_is_refused_naming_the_field(messaging, people, landlord):
    ada = people.add()
    with pytest.raises(InvalidInput) as refused:
        record(messaging, landlord, people, ada, communication_code="carrier_pigeon")
    assert list(_problems(refused)) == ["communication_code"]
    assert "must be one of" in _problems(refused)["communication_code"]
    before = record(messaging, landlord, people, ada, communication_code="compliment")
    with messaging.runtime.uow(landlord) as uow:
        codes.change_code(uow, code="compliment", label=None, archived=True)
    with pytest.raises(InvalidInput) as refused:
        record(messaging, landlord, people, ada, communication_code="compliment")
    assert _problems(refused)["communication_code"].startswith("is archived: choose one of")
    assert "compliment" not in _problems(refused)["communication_code"].split("one of")[1]
    with messaging.runtime.uow(landlord, read_only=True) as uow:
        total, found = interactions.person_interactions(uow, person_id=ada, types=[], page=1, page_size=0)
    assert total == 1 and found[0].record.communication_id == before.record.communication_id


def test_a_persons_interactions_come_newest_first_with_their_actions_and_by_type(messaging, people, landlord):
    ada, bea = people.add(), people.add("Bea Brown")
    visit = record(messaging, landlord, people, ada, communication_code="visited", date="2026-06-10")
    complaint = record(messaging, landlord, people, ada, communication_code="complaint", date="2026-06-12",
                       action=ACTION)
    call = record(messaging, landlord, people, ada, date="2026-06-01")
    record(messaging, landlord, people, bea, date="2026-06-14")
    with messaging.runtime.uow(landlord, read_only=True) as uow:
        total, page = interactions.person_interactions(uow, person_id=ada, types=[], page=1, page_size=0)
        assert total == 3
        assert [i.record.communication_id for i in page] == [complaint.record.communication_id,
                                                             visit.record.communication_id,
                                                             call.record.communication_id]
        assert [len(i.actions) for i in page] == [1, 0, 0]
        total, page = interactions.person_interactions(uow, person_id=ada, types=[" Complaint ", "visited"], page=1,
                                                       page_size=1)
        assert total == 2 and [i.record.details.communication_label for i in page] == ["Complaint"]
        total, page = interactions.person_interactions(uow, person_id=ada, types=[], page=2, page_size=2)
        assert total == 3 and [i.record.communication_id for i in page] == [call.record.communication_id]


def test_deleting_an_interaction_cancels_its_open_actions_and_says_who_deleted_it(messaging, people, landlord):
    ada = people.add()
    made = record(messaging, landlord, people, ada, action=ACTION)
    with messaging.runtime.uow(landlord) as uow:
        done = interactions.add_action(uow, communication_id=made.record.communication_id, user_id="U1",
                                       action={**ACTION, "due_date": "2026-06-25"}).action
    with messaging.runtime.uow(landlord) as uow:
        interactions.complete_action(uow, action_id=done.action_id, user_id="U2", note="Rang her")
    other = record(messaging, landlord, people, ada, action={**ACTION, "due_date": "2026-07-01"})
    messaging.runtime.clock.move(dt.timedelta(hours=1))
    with messaging.runtime.uow(landlord) as uow:
        records.delete(uow, communication_id=made.record.communication_id, by="U3")

    with messaging.runtime.uow(landlord, read_only=True) as uow:
        cancelled = interactions.get_action(uow, action_id=made.actions[0].action_id).action
        completed = interactions.get_action(uow, action_id=done.action_id).action
        with pytest.raises(NotFound):
            interactions.get_interaction(uow, communication_id=made.record.communication_id)
    assert cancelled.status == "cancelled"
    assert [(s.step, s.by, s.note) for s in cancelled.steps] == [
        ("added", "U1", ""), ("cancelled", "U3", "the interaction was deleted")]
    assert cancelled.steps[-1].at == dt.datetime(2026, 6, 15, 10, 30, tzinfo=UTC)
    assert completed.status == "completed" and [s.step for s in completed.steps] == ["added", "completed"]

    events = outbox(messaging, landlord)
    by_type = dict(events[-2:])  # the deletion's two events
    deleted, left = by_type["CommunicationRecorded"], by_type["PersonActionsChanged"]
    assert deleted.deleted and deleted.changed_by == "U3"
    assert [(c.field, c.old_value, c.new_value) for c in deleted.changes] == [("interaction", "Phoned: Rent call", "")]
    assert list(left.open_due_dates) == ["2026-07-01"]
    versions = [e.version for n, e in events if n == "PersonActionsChanged"]
    assert versions == list(range(1, len(versions) + 1)), "each change of the person's actions is a new version"

    with messaging.runtime.uow(landlord) as uow:
        records.delete(uow, communication_id=other.record.communication_id, by="U3")
    none_left = dict(outbox(messaging, landlord)[-2:])["PersonActionsChanged"]
    assert list(none_left.open_due_dates) == []


def test_deleting_an_interaction_without_open_actions_publishes_no_actions_change(messaging, people, landlord):
    ada = people.add()
    made = record(messaging, landlord, people, ada)
    with messaging.runtime.uow(landlord) as uow:
        records.delete(uow, communication_id=made.record.communication_id, by="U3")
    assert [name for name, _ in outbox(messaging, landlord)] == ["CommunicationRecorded", "CommunicationRecorded"]


def test_a_change_by_hand_publishes_each_field_changed(messaging, people, landlord):
    ada = people.add()
    made = record(messaging, landlord, people, ada)
    with messaging.runtime.uow(landlord) as uow:
        changed = interactions.change_interaction(uow, communication_id=made.record.communication_id, user_id="U2",
                                                  changes={"outcome_code": "no_answer", "description": "Rent chase"})
    assert (changed.record.details.outcome_label, changed.record.details.description) == ("No answer", "Rent chase")
    assert changed.record.details.landlord_contact == "Sam Officer", "fields not given are kept"
    name, event = outbox(messaging, landlord)[-1]
    assert (name, event.version, event.changed_by) == ("CommunicationRecorded", 2, "U2")
    assert [(c.field, c.old_value, c.new_value) for c in event.changes] == [
        ("title", "Rent call", "Rent chase"), ("outcome", "Spoke to person", "No answer")]
    with messaging.runtime.uow(landlord) as uow:
        with pytest.raises(InvalidInput) as refused:
            interactions.change_interaction(uow, communication_id=made.record.communication_id, user_id="U2",
                                            changes={"date": "2026-06-16"})
    assert _problems(refused) == {"date": "must not be in the future"}


def test_an_action_is_completed_once_and_reassignment_keeps_every_step(messaging, people, landlord):
    ada = people.add()
    action = record(messaging, landlord, people, ada, action=ACTION).actions[0]
    messaging.runtime.clock.move(dt.timedelta(days=1))
    with messaging.runtime.uow(landlord) as uow:
        interactions.reassign_action(uow, action_id=action.action_id, user_id="U1", assigned_to="U3", due_date="",
                                     note="Sam is away")
    messaging.runtime.clock.move(dt.timedelta(days=1))
    with messaging.runtime.uow(landlord) as uow:
        interactions.reassign_action(uow, action_id=action.action_id, user_id="U3", assigned_to="U3",
                                     due_date="2026-06-30", note="Waiting for the statement")
    with messaging.runtime.uow(landlord) as uow:
        with pytest.raises(InvalidInput) as refused:
            interactions.reassign_action(uow, action_id=action.action_id, user_id="U3", assigned_to="U4",
                                         due_date="2026-06-16", note="")
    assert _problems(refused) == {"due_date": "must be today (2026-06-17) or later"}
    with messaging.runtime.uow(landlord) as uow:
        view = interactions.complete_action(uow, action_id=action.action_id, user_id="U3", note="Paid in full")
    assert view.interaction_type == "phoned" and view.title == "Rent call"
    with messaging.runtime.uow(landlord) as uow:
        with pytest.raises(InUse) as refused:
            interactions.complete_action(uow, action_id=action.action_id, user_id="U2", note="")
    assert list(_problems(refused)) == ["status"]

    with messaging.runtime.uow(landlord, read_only=True) as uow:
        kept = interactions.get_action(uow, action_id=action.action_id).action
    assert (kept.status, kept.assigned_to, kept.due_date, kept.completed_by, kept.completion_note) == (
        "completed", "U3", dt.date(2026, 6, 30), "U3", "Paid in full")
    assert [(s.step, s.by, s.assigned_to, s.due_date.isoformat(), s.note, s.at.date().isoformat())
            for s in kept.steps] == [
        ("added", "U1", "U2", "2026-06-20", "", "2026-06-15"),
        ("reassigned", "U1", "U3", "2026-06-20", "Sam is away", "2026-06-16"),
        ("reassigned", "U3", "U3", "2026-06-30", "Waiting for the statement", "2026-06-17"),
        ("completed", "U3", "U3", "2026-06-30", "Paid in full", "2026-06-17")]
    published = [list(e.open_due_dates) for n, e in outbox(messaging, landlord) if n == "PersonActionsChanged"]
    assert published == [["2026-06-20"], ["2026-06-20"], ["2026-06-30"], []]


def test_an_action_not_found(messaging, people, landlord):
    with messaging.runtime.uow(landlord) as uow:
        for call in (lambda: interactions.complete_action(uow, action_id="nope", user_id="U1", note=""),
                     lambda: interactions.get_action(uow, action_id="")):
            with pytest.raises(NotFound):
                call()
    ada = people.add()
    action = record(messaging, landlord, people, ada, action=ACTION).actions[0]
    with messaging.runtime.uow("another-landlord", read_only=True) as uow:
        with pytest.raises(NotFound):
            interactions.get_action(uow, action_id=action.action_id)


# -- the actions list: overdue by the date in the UK ------------------------------------------------------------------

def _due_on(messaging, landlord, people, due: str) -> str:
    ada = people.add()
    return record(messaging, landlord, people, ada, action={**ACTION, "due_date": due}).actions[0].action_id


def _overdue(messaging, landlord) -> tuple[dt.date, list[bool], int]:
    page = _actions(messaging, landlord)
    late = _actions(messaging, landlord, overdue=True)
    assert [c[2] for c in page.by_status] == [sum(v.action.overdue(page.today) for v in page.items)]
    return page.today, [v.action.overdue(page.today) for v in page.items], late.total


def test_an_action_due_today_turns_overdue_at_midnight_in_the_uk_in_summer(messaging, people, landlord, clock):
    _due_on(messaging, landlord, people, "2026-06-30")
    set_clock(clock, dt.datetime(2026, 6, 30, 22, 30, tzinfo=UTC))  # 23:30 BST on 30 June
    assert _overdue(messaging, landlord) == (dt.date(2026, 6, 30), [False], 0)
    set_clock(clock, dt.datetime(2026, 6, 30, 23, 30, tzinfo=UTC))  # 00:30 BST on 1 July, still 30 June in UTC
    assert _overdue(messaging, landlord) == (dt.date(2026, 7, 1), [True], 1)


def test_in_winter_the_uk_date_is_the_utc_date(messaging, people, landlord, clock):
    _due_on(messaging, landlord, people, "2026-10-24")
    _due_on(messaging, landlord, people, "2026-10-25")
    set_clock(clock, dt.datetime(2026, 10, 24, 23, 30, tzinfo=UTC))  # 00:30 BST on the 25th, before the change
    assert _overdue(messaging, landlord) == (dt.date(2026, 10, 25), [True, False], 1)
    set_clock(clock, dt.datetime(2026, 10, 25, 23, 30, tzinfo=UTC))  # 23:30 GMT on the 25th, after the change
    assert _overdue(messaging, landlord) == (dt.date(2026, 10, 25), [True, False], 1)
    set_clock(clock, dt.datetime(2026, 10, 26, 0, 0, tzinfo=UTC))
    assert _overdue(messaging, landlord) == (dt.date(2026, 10, 26), [True, True], 2)


def test_a_due_date_is_today_or_later_on_the_uk_calendar(messaging, people, landlord, clock):
    ada = people.add()
    set_clock(clock, dt.datetime(2026, 6, 30, 23, 30, tzinfo=UTC))  # 1 July in the UK
    with pytest.raises(InvalidInput) as refused:
        record(messaging, landlord, people, ada, date="2026-06-30", action={**ACTION, "due_date": "2026-06-30"})
    assert _problems(refused) == {"action.due_date": "must be today (2026-07-01) or later"}
    made = record(messaging, landlord, people, ada, date="2026-07-01", action={**ACTION, "due_date": "2026-07-01"})
    assert made.record.details.date == dt.date(2026, 7, 1), "the interaction's date is the UK's too"


def test_the_actions_list_counts_by_type_assignee_and_status(messaging, people, landlord, clock):
    ada, bea = people.add(), people.add("Bea Brown")
    call = record(messaging, landlord, people, ada, action={**ACTION, "due_date": "2026-06-15"})
    complaint = record(messaging, landlord, people, bea, communication_code="complaint",
                       action={**ACTION, "assigned_to": "U3", "due_date": "2026-06-16"})
    with messaging.runtime.uow(landlord) as uow:
        extra = interactions.add_action(uow, communication_id=complaint.record.communication_id, user_id="U1",
                                        action={**ACTION, "due_date": "2026-06-25"}).action
    with messaging.runtime.uow(landlord) as uow:
        done = interactions.add_action(uow, communication_id=call.record.communication_id, user_id="U1",
                                       action={**ACTION, "due_date": "2026-06-15"}).action
    with messaging.runtime.uow(landlord) as uow:
        interactions.complete_action(uow, action_id=done.action_id, user_id="U2", note="")
    set_clock(clock, dt.datetime(2026, 6, 20, 9, 0, tzinfo=UTC))

    page = _actions(messaging, landlord)
    assert page.total == 4 and page.today == dt.date(2026, 6, 20)
    assert [v.action.due_date.isoformat() for v in page.items] == ["2026-06-15", "2026-06-15", "2026-06-16",
                                                                   "2026-06-25"]
    assert page.by_type == [("complaint", 2, 1), ("phoned", 2, 1)]
    assert page.by_assignee == [("U2", 3, 1), ("U3", 1, 1)]
    assert page.by_status == [("completed", 1, 0), ("open", 3, 2)]
    assert {v.action.action_id: (v.interaction_type, v.title) for v in page.items}[extra.action_id] == (
        "complaint", "Rent call")

    mine = _actions(messaging, landlord, assigned_to=["U2"], statuses=["open"])
    assert [v.action.action_id for v in mine.items] == [call.actions[0].action_id, extra.action_id]
    assert mine.by_status == [("open", 2, 1)]
    complaints = _actions(messaging, landlord, types=["Complaint"], due_from="2026-06-16", due_until="2026-06-20")
    assert [v.action.action_id for v in complaints.items] == [complaint.actions[0].action_id]
    assert _actions(messaging, landlord, person_id=bea).total == 2


def test_an_actions_filter_names_what_is_wrong(messaging, landlord):
    with messaging.runtime.uow(landlord, read_only=True) as uow:
        for chosen, named in (({"statuses": ["open", "done"]}, "status"), ({"due_from": "15/06/2026"}, "due_from"),
                              ({"due_from": "2026-06-20", "due_until": "2026-06-19"}, "due_until")):
            with pytest.raises(InvalidInput) as refused:
                interactions.action_filter(uow, **chosen)
            assert list(_problems(refused)) == [named]
