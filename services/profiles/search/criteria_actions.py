"""The criterion on a person's open follow-up actions (from messaging): `action` with `open` (true: has one;
false: has none), `overdue` (true: one is due before the landlord's today, the date in the UK; false: none is)
and `due_until` (one is due on or before that date). Index field: document.FACT_FIELDS `action_due_dates`
(the distinct due dates of the open actions; absent when there are none)."""
from __future__ import annotations

import datetime as dt
from typing import Any, Mapping

from services.common.search import Exists, Not, Range

from .criteria_groups import _date

ACTION_KEYS = ("open", "overdue", "due_until")
DUE = "action_due_dates"


class ActionCriteria:
    """Mixed into criteria.Translator, which gives problem() and landlord_date (the date in the UK)."""

    landlord_date: dt.date

    def _action(self, value: Any):
        if not isinstance(value, Mapping) or not set(value) <= set(ACTION_KEYS) \
                or all(value.get(k) is None for k in ACTION_KEYS):
            return self.problem("action", 'must be {"open": true or false, "overdue": true or false, '
                                          '"due_until": date} with at least one of them')
        is_open, overdue = (self._yes_no(f"action.{key}", value.get(key)) for key in ("open", "overdue"))
        until = _date(self, "action.due_until", value.get("due_until"))
        if is_open is False and (overdue is not None or until is not None):
            return self.problem("action.open", "false (no open action) goes with neither overdue nor due_until")
        if is_open is False:
            return Not(Exists(DUE))
        yesterday = (self.landlord_date - dt.timedelta(days=1)).isoformat()
        ends = [end for end in (yesterday if overdue else None, until) if end is not None]
        clauses = [Range(DUE, lte=min(ends))] if ends else [Exists(DUE)] if is_open else []
        if overdue is False:
            clauses.append(Not(Range(DUE, lte=yesterday)))
        return clauses

    def _yes_no(self, where: str, value: Any) -> bool | None:
        if value is not None and not isinstance(value, bool):
            self.problem(where, "must be true or false")
            return None
        return value
