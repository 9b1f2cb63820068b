"""Storage of follow-up actions and their steps (SQLAlchemy Core), each person's actions version, and the
digests sent. Every query is filtered by the landlord here; row-level security is the second wall."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Sequence

from sqlalchemy import and_, case, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from services.common.db import as_utc

from ..tables import communication_records as records
from .domain import OPEN, FollowUpAction, Step
from .tables import action_digests as digests, action_steps as steps, follow_up_actions as actions
from .tables import person_actions


@dataclass(frozen=True)
class Filter:
    """Which actions: any of these assignees, interaction types and statuses (none: all), due in the range,
    only overdue ones (open, due before `today`), one person's."""
    today: dt.date
    assigned_to: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    due_from: dt.date | None = None
    due_until: dt.date | None = None
    overdue: bool = False
    person_id: str = ""


def _row(a: FollowUpAction) -> dict:
    return {"action_id": a.action_id, "landlord_id": a.landlord_id, "communication_id": a.communication_id,
            "person_id": a.person_id, "what": a.what, "assigned_to": a.assigned_to, "due_date": a.due_date,
            "status": a.status, "completed_at": a.completed_at, "completed_by": a.completed_by,
            "completion_note": a.completion_note, "created_at": a.created_at, "created_by": a.created_by}


def _action(r) -> FollowUpAction:
    return FollowUpAction(r["action_id"], r["landlord_id"], r["communication_id"], r["person_id"], r["what"],
                          r["assigned_to"], r["due_date"], r["status"], as_utc(r["created_at"]), r["created_by"],
                          as_utc(r["completed_at"]) if r["completed_at"] else None, r["completed_by"],
                          r["completion_note"])


class FollowUpActions:
    def __init__(self, session: Session, landlord_id: str):
        self.session, self.landlord_id = session, landlord_id

    def _mine(self):
        return actions.c.landlord_id == self.landlord_id

    def add(self, action: FollowUpAction) -> None:
        self.session.execute(insert(actions), [_row(action)])
        self._steps(action)

    def save(self, action: FollowUpAction) -> None:
        self.session.execute(update(actions).where(self._mine(), actions.c.action_id == action.action_id)
                             .values(**_row(action)))
        self._steps(action)

    def _steps(self, action: FollowUpAction) -> None:
        first = len(action.steps) - len(action.new_steps) + 1
        if action.new_steps:
            self.session.execute(insert(steps), [
                {"action_id": action.action_id, "number": first + i, "landlord_id": self.landlord_id, "step": s.step,
                 "at": s.at, "by": s.by, "assigned_to": s.assigned_to, "due_date": s.due_date, "note": s.note}
                for i, s in enumerate(action.new_steps)])
        action.new_steps.clear()

    def get(self, action_id: str, *, for_update: bool = False) -> FollowUpAction | None:
        statement = select(actions).where(self._mine(), actions.c.action_id == action_id)
        row = self.session.execute(statement.with_for_update() if for_update else statement).mappings().first()
        return self._with_steps([_action(row)])[0] if row else None

    def of_interactions(self, communication_ids: Sequence[str], *, for_update: bool = False
                        ) -> dict[str, list[FollowUpAction]]:
        """The actions of these interactions, oldest first, by interaction."""
        found: dict[str, list[FollowUpAction]] = {c: [] for c in communication_ids}
        if not communication_ids:
            return found
        statement = (select(actions).where(self._mine(), actions.c.communication_id.in_(list(communication_ids)))
                     .order_by(actions.c.created_at, actions.c.action_id))
        rows = self.session.execute(statement.with_for_update() if for_update else statement).mappings()
        for action in self._with_steps([_action(r) for r in rows]):
            found[action.communication_id].append(action)
        return found

    def _with_steps(self, found: list[FollowUpAction]) -> list[FollowUpAction]:
        by_id = {a.action_id: a for a in found}
        if by_id:
            rows = self.session.execute(select(steps).where(steps.c.landlord_id == self.landlord_id,
                                                            steps.c.action_id.in_(list(by_id)))
                                        .order_by(steps.c.action_id, steps.c.number)).mappings()
            for r in rows:
                by_id[r["action_id"]].steps.append(Step(r["step"], as_utc(r["at"]), r["by"], r["assigned_to"],
                                                        r["due_date"], r["note"]))
        return found

    def interaction(self, communication_id: str) -> tuple[str, str]:
        """(type, title) of the interaction an action follows up (a deleted one's title is gone)."""
        row = self.session.execute(select(records.c.communication_code, records.c.description).where(
            records.c.landlord_id == self.landlord_id, records.c.communication_id == communication_id)).first()
        return (row[0], row[1]) if row else ("", "")

    def _where(self, f: Filter) -> list:
        c = actions.c
        where = [self._mine()]
        if f.assigned_to:
            where.append(c.assigned_to.in_(f.assigned_to))
        if f.statuses:
            where.append(c.status.in_(f.statuses))
        if f.due_from:
            where.append(c.due_date >= f.due_from)
        if f.due_until:
            where.append(c.due_date <= f.due_until)
        if f.overdue:
            where += [c.status == OPEN, c.due_date < f.today]
        if f.person_id:
            where.append(c.person_id == f.person_id)
        if f.types:
            where.append(records.c.communication_code.in_(f.types))
        return where

    def _joined(self):
        return actions.join(records, and_(records.c.landlord_id == actions.c.landlord_id,
                                          records.c.communication_id == actions.c.communication_id))

    def page(self, f: Filter, *, limit: int, offset: int) -> tuple[int, list[tuple[FollowUpAction, str, str]]]:
        """(total, [(action, interaction type, interaction title)]) by due date, then when added."""
        where = self._where(f)
        total = self.session.execute(select(func.count()).select_from(self._joined()).where(*where)).scalar_one()
        rows = self.session.execute(
            select(actions, records.c.communication_code, records.c.description.label("title"))
            .select_from(self._joined()).where(*where)
            .order_by(actions.c.due_date, actions.c.created_at, actions.c.action_id).limit(limit).offset(offset)
        ).mappings().all()
        found = self._with_steps([_action(r) for r in rows])
        return total, [(a, r["communication_code"], r["title"]) for a, r in zip(found, rows)]

    def counts(self, f: Filter, by: str) -> list[tuple[str, int, int]]:
        """(key, total, overdue) of the filtered actions grouped by `by`: type, assigned_to or status."""
        key = {"type": records.c.communication_code, "assigned_to": actions.c.assigned_to,
               "status": actions.c.status}[by]
        late = func.sum(case((and_(actions.c.status == OPEN, actions.c.due_date < f.today), 1), else_=0))
        rows = self.session.execute(select(key, func.count(), late).select_from(self._joined())
                                    .where(*self._where(f)).group_by(key).order_by(key))
        return [(k, n, int(o or 0)) for k, n, o in rows]

    def open_due_dates(self, person_id: str) -> tuple[dt.date, ...]:
        rows = self.session.execute(select(actions.c.due_date).where(
            self._mine(), actions.c.person_id == person_id, actions.c.status == OPEN).order_by(actions.c.due_date))
        return tuple(r[0] for r in rows)

    def next_person_version(self, person_id: str) -> int:
        """The person's actions version, one more than before (the row locked until the transaction ends)."""
        where = (person_actions.c.landlord_id == self.landlord_id, person_actions.c.person_id == person_id)
        dialect = postgresql if self.session.get_bind().dialect.name == "postgresql" else sqlite
        self.session.execute(dialect.insert(person_actions).values(landlord_id=self.landlord_id, person_id=person_id,
                                                                   version=0)
                             .on_conflict_do_nothing(index_elements=["landlord_id", "person_id"]))
        self.session.execute(update(person_actions).where(*where).values(version=person_actions.c.version + 1))
        return self.session.execute(select(person_actions.c.version).where(*where)).scalar_one()

    def due_for(self, user_id: str, today: dt.date) -> list[FollowUpAction]:
        """The user's open actions due today or before, by due date."""
        rows = self.session.execute(select(actions).where(
            self._mine(), actions.c.assigned_to == user_id, actions.c.status == OPEN, actions.c.due_date <= today)
            .order_by(actions.c.due_date, actions.c.created_at, actions.c.action_id)).mappings()
        return [_action(r) for r in rows]

    def claim_digest(self, user_id: str, day: dt.date, *, now: dt.datetime, overdue: int, due_today: int) -> bool:
        """Whether this call is the first to claim the user's digest of `day` (a second waits, then gets False)."""
        dialect = postgresql if self.session.get_bind().dialect.name == "postgresql" else sqlite
        made = self.session.execute(dialect.insert(digests).values(
            landlord_id=self.landlord_id, user_id=user_id, day=day, sent_at=now, overdue=overdue,
            due_today=due_today).on_conflict_do_nothing(index_elements=["landlord_id", "user_id", "day"])
            .returning(digests.c.user_id)).first()
        return made is not None

