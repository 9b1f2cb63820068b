"""Follow-up actions in users' words: what is to be done, by whom and by when (today or later on the UK
calendar), completed once, reassigned to someone else or another date, cancelled with their interaction while
open, every step kept in order; overdue means open and due before today. And what a person's history says of
an interaction added, changed or deleted by hand."""
import datetime as dt

import pytest

from services.common.errors import InUse, InvalidInput
from services.messaging import domain
from services.messaging.interactions.domain import CANCELLED, COMPLETED, OPEN, FollowUpAction, Step

NOW = dt.datetime(2026, 6, 15, 9, 30, tzinfo=dt.timezone.utc)
TODAY = dt.date(2026, 6, 15)
LATER = NOW + dt.timedelta(hours=2)


def _action(due: str = "2026-06-20", **given) -> FollowUpAction:
    fields = {"landlord_id": "L1", "communication_id": "C1", "person_id": "P1", "what": "Call back about rent",
              "assigned_to": "U2", "due": due, "by": "U1", "now": NOW, "today": TODAY, **given}
    return FollowUpAction.new(**fields)


def _problems(refused) -> dict[str, str]:
    return {p.field: p.reason for p in refused.value.fields}


def test_a_new_action_is_open_with_its_first_step_added():
    action = _action(what="  Call back about rent  ")
    assert (action.what, action.assigned_to, action.due_date, action.status) == (
        "Call back about rent", "U2", dt.date(2026, 6, 20), OPEN)
    assert (action.created_by, action.created_at) == ("U1", NOW)
    assert [(s.step, s.by, s.assigned_to, s.due_date, s.at) for s in action.steps] == [
        ("added", "U1", "U2", dt.date(2026, 6, 20), NOW)]
    assert action.new_steps == action.steps, "the store writes the steps made since it was read"


def test_every_missing_field_is_named_together_with_the_prefix():
    with pytest.raises(InvalidInput) as refused:
        _action(what="   ", assigned_to="", due="", prefix="action.")
    assert _problems(refused) == {"action.what": "is required", "action.assigned_to": "is required",
                                  "action.due_date": "is required"}


def test_what_is_limited_to_a_thousand_characters():
    assert len(_action(what="x" * 1000).what) == 1000
    with pytest.raises(InvalidInput) as refused:
        _action(what="x" * 1001)
    assert _problems(refused) == {"what": "must be at most 1000 characters"}


@pytest.mark.parametrize("due", ["20/06/2026", "2026-6-20", "2026-02-30", "tomorrow"])
def test_a_due_date_must_be_an_iso_date(due):
    with pytest.raises(InvalidInput) as refused:
        _action(due=due)
    assert _problems(refused) == {"due_date": "must be a date as YYYY-MM-DD"}


def test_an_action_is_never_set_up_overdue_but_may_be_due_today():
    with pytest.raises(InvalidInput) as refused:
        _action(due="2026-06-14")
    assert _problems(refused) == {"due_date": "must be today (2026-06-15) or later"}
    assert _action(due="2026-06-15").due_date == TODAY
    assert _action(due=" 2026-06-15 ").due_date == TODAY


def test_overdue_means_open_and_due_before_today():
    action = _action(due="2026-06-15")
    assert [action.overdue(TODAY + dt.timedelta(days=d)) for d in (-1, 0, 1, 30)] == [False, False, True, True]
    action.complete(by="U2", now=LATER, note="")
    assert not action.overdue(dt.date(2026, 7, 1)), "a completed action is never overdue"
    cancelled = _action(due="2026-06-15")
    cancelled.cancel(by="U1", now=LATER, note="deleted")
    assert not cancelled.overdue(dt.date(2026, 7, 1))


def test_completing_keeps_who_when_and_the_note_and_a_second_time_is_refused():
    action = _action()
    action.complete(by="U2", now=LATER, note="  Spoke to her, paying Friday ")
    assert (action.status, action.completed_by, action.completed_at, action.completion_note) == (
        COMPLETED, "U2", LATER, "Spoke to her, paying Friday")
    with pytest.raises(InUse) as refused:
        action.complete(by="U3", now=LATER, note="again")
    assert _problems(refused) == {"status": "the action is completed: it cannot be completed again"}
    assert (action.completed_by, [s.step for s in action.steps]) == ("U2", ["added", "completed"])


def test_a_completion_note_is_limited():
    action = _action()
    with pytest.raises(InvalidInput) as refused:
        action.complete(by="U2", now=LATER, note="x" * 4001)
    assert _problems(refused) == {"note": "must be at most 4000 characters"}
    assert action.status == OPEN and len(action.steps) == 1, "a refused completion changes nothing"


def test_a_closed_action_cannot_be_reassigned():
    action = _action()
    action.cancel(by="U1", now=LATER, note="gone")
    with pytest.raises(InUse) as refused:
        action.reassign(by="U1", now=LATER, today=TODAY, assigned_to="U3", due=None, note="")
    assert _problems(refused) == {"status": "the action is cancelled: it cannot be reassigned"}
    with pytest.raises(InUse) as refused:
        action.complete(by="U1", now=LATER, note="")
    assert _problems(refused) == {"status": "the action is cancelled: it cannot be completed"}


def test_reassigning_to_another_user_keeps_the_due_date_when_none_is_given():
    action = _action(due="2026-06-20")
    action.reassign(by="U1", now=LATER, today=TODAY, assigned_to="U3", due="  ", note="Sam is away")
    assert (action.assigned_to, action.due_date, action.status) == ("U3", dt.date(2026, 6, 20), OPEN)
    assert action.steps[-1] == Step("reassigned", LATER, "U1", "U3", dt.date(2026, 6, 20), "Sam is away")


def test_reassigning_an_overdue_action_to_someone_else_may_keep_its_past_due_date():
    action = _action(due="2026-06-15")
    later_today = dt.date(2026, 6, 18)
    action.reassign(by="U1", now=LATER, today=later_today, assigned_to="U3", due=None, note="")
    assert action.due_date == dt.date(2026, 6, 15) and action.overdue(later_today)


def test_reassigning_to_the_same_user_and_date_is_no_change():
    action = _action(due="2026-06-20")
    for due in (None, "", "2026-06-20"):
        with pytest.raises(InvalidInput) as refused:
            action.reassign(by="U1", now=LATER, today=TODAY, assigned_to="U2", due=due, note="")
        assert list(_problems(refused)) == ["assigned_to"]
    assert len(action.steps) == 1
    action.reassign(by="U1", now=LATER, today=TODAY, assigned_to="U2", due="2026-06-25", note="")
    assert (action.assigned_to, action.due_date) == ("U2", dt.date(2026, 6, 25))


def test_a_reassignment_is_checked_as_a_new_action_is():
    action = _action(due="2026-06-20")
    with pytest.raises(InvalidInput) as refused:
        action.reassign(by="U1", now=LATER, today=TODAY, assigned_to="", due="2026-06-14", note="x" * 4001)
    assert _problems(refused) == {"assigned_to": "is required", "due_date": "must be today (2026-06-15) or later",
                                  "note": "must be at most 4000 characters"}
    assert (action.assigned_to, action.due_date, len(action.steps)) == ("U2", dt.date(2026, 6, 20), 1)


def test_cancelling_affects_only_an_open_action():
    action = _action()
    action.cancel(by="U1", now=LATER, note="the interaction was deleted")
    assert action.status == CANCELLED
    assert [(s.step, s.note) for s in action.steps] == [("added", ""), ("cancelled", "the interaction was deleted")]
    action.cancel(by="U1", now=LATER, note="again")
    assert len(action.steps) == 2
    done = _action()
    done.complete(by="U2", now=LATER, note="done")
    done.cancel(by="U1", now=LATER, note="the interaction was deleted")
    assert done.status == COMPLETED and [s.step for s in done.steps] == ["added", "completed"]


def test_every_step_is_kept_in_order_with_who_had_it_after():
    action = _action(due="2026-06-20")
    action.reassign(by="U1", now=NOW + dt.timedelta(hours=1), today=TODAY, assigned_to="U3", due=None, note="a")
    action.reassign(by="U3", now=NOW + dt.timedelta(hours=2), today=TODAY, assigned_to="U3", due="2026-06-30",
                    note="b")
    action.complete(by="U3", now=NOW + dt.timedelta(hours=3), note="c")
    assert [(s.step, s.by, s.assigned_to, s.due_date.isoformat(), s.note, s.at.hour) for s in action.steps] == [
        ("added", "U1", "U2", "2026-06-20", "", 9), ("reassigned", "U1", "U3", "2026-06-20", "a", 10),
        ("reassigned", "U3", "U3", "2026-06-30", "b", 11), ("completed", "U3", "U3", "2026-06-30", "c", 12)]
    assert action.new_steps == action.steps


# -- what the person's history says of an interaction --------------------------------------------------------------

CALL = domain.details(communication_code="phoned", outcome_code="spoke_to_person", date="2026-06-01",
                      description="Rent call", notes="Asked about arrears", today=TODAY)


def test_an_interaction_added_or_deleted_is_one_line_with_its_type_and_title():
    assert domain.interaction_changes(None, CALL) == (("interaction", "", "Phoned: Rent call"),)
    assert domain.interaction_changes(CALL, None) == (("interaction", "Phoned: Rent call", ""),)
    untitled = domain.details(communication_code="complaint", outcome_code="received", date="2026-06-01",
                              today=TODAY)
    assert domain.interaction_changes(None, untitled) == (("interaction", "", "Complaint"),)


def test_a_change_names_each_field_changed_in_the_users_words():
    changed = domain.details(communication_code="visited", outcome_code="not_at_home", date="2026-06-02",
                             description="Rent visit", notes="Asked about arrears", today=TODAY)
    assert domain.interaction_changes(CALL, changed) == (
        ("interaction type", "Phoned", "Visited"), ("title", "Rent call", "Rent visit"),
        ("date", "2026-06-01", "2026-06-02"), ("outcome", "Spoke to person", "Not at home"))
    assert domain.interaction_changes(CALL, CALL) == ()


def test_a_long_description_is_shortened_in_the_history():
    long = domain.details(communication_code="phoned", outcome_code="spoke_to_person", date="2026-06-01",
                          description="Rent call", notes="y" * 3000, today=TODAY)
    [(name, old, new)] = domain.interaction_changes(CALL, long)
    assert (name, old, new) == ("description", "Asked about arrears", "y" * domain.CHANGE_MAX)


def test_a_record_changed_by_hand_carries_its_changes_and_one_the_platform_changes_none():
    record = domain.Communication.new(landlord_id="L1", person_id="P1", details=CALL, user_id="U1", now=NOW,
                                      by_hand=True)
    sent = domain.Communication.new(landlord_id="L1", person_id="P1", details=CALL, user_id="U1", now=NOW)
    assert (record.events[0].changed_by, record.events[0].changes) == (
        "U1", (("interaction", "", "Phoned: Rent call"),))
    assert (sent.events[0].changed_by, sent.events[0].changes) == ("", ())
    later = domain.details(communication_code="phoned", outcome_code="no_answer", date="2026-06-01",
                           description="Rent call", notes="Asked about arrears", today=TODAY)
    record.change(later, LATER, by="U2")
    sent.change(later, LATER)
    assert (record.events[-1].changed_by, record.events[-1].changes) == (
        "U2", (("outcome", "Spoke to person", "No answer"),))
    assert sent.events[-1].changes == ()
    record.delete(LATER, by="U3")
    assert (record.events[-1].deleted, record.events[-1].changed_by, record.events[-1].changes) == (
        True, "U3", (("interaction", "Phoned: Rent call", ""),))
