"""Follow-up actions in users' words, with no I/O: what is to be done about an interaction, by whom (a staff
user of the landlord: the gateway, which owns users, checks that) and by when; completed (by whom, when, with a
note), reassigned or cancelled with its interaction, every step kept. Overdue means open and due before today
on the landlord's calendar (Europe/London: the caller passes that date). A person's open actions, as the
PersonActionsChanged event tells the search index."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from services.common.dates import iso_date
from services.common.errors import FieldProblem, InUse, InvalidInput, collect
from services.common.ids import new_id

from ..messages.checks import text_field

WHAT_MAX, NOTE_MAX = 1000, 4000
OPEN, COMPLETED, CANCELLED = "open", "completed", "cancelled"
STATUSES = (OPEN, COMPLETED, CANCELLED)
STATUS_LABELS = {OPEN: "Open", COMPLETED: "Completed", CANCELLED: "Cancelled"}
ADDED, REASSIGNED = "added", "reassigned"


def due_date(value: str | None, today: dt.date, name: str = "due_date") -> dt.date:
    """A due date: an ISO date, today or later (an action is never set up overdue)."""
    parsed = iso_date(value, name)
    if parsed < today:
        raise InvalidInput.field(name, f"must be today ({today.isoformat()}) or later")
    return parsed


@dataclass(frozen=True)
class Step:
    step: str  # added, reassigned, completed, cancelled
    at: dt.datetime
    by: str
    assigned_to: str  # after the step
    due_date: dt.date  # after the step
    note: str = ""


@dataclass
class FollowUpAction:
    action_id: str
    landlord_id: str
    communication_id: str
    person_id: str
    what: str
    assigned_to: str
    due_date: dt.date
    status: str
    created_at: dt.datetime
    created_by: str
    completed_at: dt.datetime | None = None
    completed_by: str = ""
    completion_note: str = ""
    steps: list[Step] = field(default_factory=list)
    new_steps: list[Step] = field(default_factory=list)  # made since it was read: the store adds them

    @classmethod
    def new(cls, *, landlord_id: str, communication_id: str, person_id: str, what: str | None, assigned_to: str,
            due: str | None, by: str, now: dt.datetime, today: dt.date, prefix: str = "") -> "FollowUpAction":
        problems: list[FieldProblem] = []
        written = text_field(what, prefix + "what", WHAT_MAX, problems, required=True)
        if not assigned_to:
            problems.append(FieldProblem(prefix + "assigned_to", "is required"))
        try:
            when = due_date(due, today, prefix + "due_date")
        except InvalidInput as refused:
            problems += refused.fields
        collect(problems)
        action = cls(new_id(), landlord_id, communication_id, person_id, written, assigned_to, when, OPEN, now, by)
        action._step(ADDED, by, now)
        return action

    def _step(self, step: str, by: str, now: dt.datetime, note: str = "") -> None:
        made = Step(step, now, by, self.assigned_to, self.due_date, note)
        self.steps.append(made)
        self.new_steps.append(made)

    def _open(self, doing: str) -> None:
        if self.status != OPEN:
            raise InUse.field("status", f"the action is {self.status}: it cannot be {doing}")

    def overdue(self, today: dt.date) -> bool:
        return self.status == OPEN and self.due_date < today

    def complete(self, *, by: str, now: dt.datetime, note: str | None) -> None:
        self._open("completed again" if self.status == COMPLETED else "completed")
        problems: list[FieldProblem] = []
        written = text_field(note, "note", NOTE_MAX, problems)
        collect(problems)
        self.status, self.completed_at, self.completed_by, self.completion_note = COMPLETED, now, by, written
        self._step(COMPLETED, by, now, written)

    def reassign(self, *, by: str, now: dt.datetime, today: dt.date, assigned_to: str, due: str | None,
                 note: str | None) -> None:
        """To another user and/or a new due date (today or later); the same user and date is no change."""
        self._open("reassigned")
        problems: list[FieldProblem] = []
        written = text_field(note, "note", NOTE_MAX, problems)
        if not assigned_to:
            problems.append(FieldProblem("assigned_to", "is required"))
        when = self.due_date
        if (due or "").strip():
            try:
                when = due_date(due, today)
            except InvalidInput as refused:
                problems += refused.fields
        collect(problems)
        if assigned_to == self.assigned_to and when == self.due_date:
            raise InvalidInput.field("assigned_to", "the action is assigned to this user with this due date already")
        self.assigned_to, self.due_date = assigned_to, when
        self._step(REASSIGNED, by, now, written)

    def cancel(self, *, by: str, now: dt.datetime, note: str) -> None:
        """Cancelled (its interaction was deleted); an action no longer open stays as it is."""
        if self.status == OPEN:
            self.status = CANCELLED
            self._step(CANCELLED, by, now, note)


@dataclass(frozen=True)
class PersonActionsChanged:
    """A person's open actions as they now are, for those who keep the newest version per person."""
    landlord_id: str
    person_id: str
    version: int
    open_due_dates: tuple[dt.date, ...]
    occurred_at: dt.datetime


@dataclass
class PersonActions:
    """What a change of a person's actions publishes (the unit of work collects `events`)."""
    events: list = field(default_factory=list)
