"""The criteria that reach beyond a person's own record: picked people, their
household, their admin and activity groups, their participation, and `any_of`
(criteria objects OR'ed). Index fields: see document.FACT_FIELDS."""
from __future__ import annotations

import datetime as dt
import math
from typing import Any, Mapping

from services.common.criteria import MAX_ANY_OF, MAX_CHILD_AGE, MAX_IDS
from services.common.dates import years_before
from services.common.search import AllOf, AnyOf, Not, Range, Term

MAX_NESTING = 10  # any_of inside any_of, this deep at most
LAST_DAY = "9999-12-31"
ID_CRITERIA = {  # criterion -> (index field, excluded?)
    "person_id": ("id", False),
    "household_id": ("household_id", False),
    "admin_group": ("admin_groups", False),
    "not_admin_group": ("admin_groups", True),
    "activity": ("activities", False),
    "not_activity": ("activities", True),
}
HOUSEHOLD_FIELDS = ("property", "household")  # custom fields a household criterion may name
HOUSEHOLD_KEYS = ("occupants", "child_under", "custom")
PARTICIPATED_KEYS = ("activity", "since", "until")


class GroupCriteria:
    """Mixed into criteria.Translator, which gives problem(), clauses(), _range(), _custom() and today."""

    _depth = 0

    def _ids(self, key: str, value: Any):
        field, excluded = ID_CRITERIA[key]
        ids = self._id_list(key, value, MAX_IDS)
        if ids is None:
            return None
        return Not(Term(field, ids)) if excluded else Term(field, ids)

    def _id_list(self, where: str, value: Any, most: int) -> list[str] | None:
        if (not isinstance(value, list) or not 1 <= len(value) <= most
                or not all(isinstance(v, str) and v.strip() for v in value)):
            self.problem(where, f"must be a list of 1 to {most:,} ids")
            return None
        return list(dict.fromkeys(v.strip() for v in value))

    def _any_of(self, value: Any):
        if not isinstance(value, list) or not 1 <= len(value) <= MAX_ANY_OF:
            return self.problem("any_of", f"must be a list of 1 to {MAX_ANY_OF} criteria objects")
        if self._depth >= MAX_NESTING:
            return self.problem("any_of", f"nests more than {MAX_NESTING} deep")
        outer, groups = self.where, []
        self._depth += 1
        try:
            for i, nested in enumerate(value):
                self.where = f"{outer}.any_of[{i}]"
                found = self.clauses(nested, default_status=False)
                groups.append(found[0] if len(found) == 1 else AllOf(found))
        finally:
            self.where, self._depth = outer, self._depth - 1
        return AnyOf(groups)

    def _household(self, value: Any):
        if not isinstance(value, Mapping) or not value:
            return self.problem("household", "must be an object with occupants, child_under and/or custom")
        out = []
        for key, wanted in value.items():
            if wanted is None:
                continue
            if key == "occupants":
                low, high = self._range("household.occupants", wanted, _count)
                if low is not None or high is not None:
                    out.append(Range("household_occupants", gte=low, lte=high))
            elif key == "child_under":
                try:
                    years = _count(wanted)
                except ValueError:
                    years = None
                if years is None or not 1 <= years <= MAX_CHILD_AGE:
                    self.problem("household.child_under", f"must be a whole number of years, 1 to {MAX_CHILD_AGE}")
                    continue
                # younger than N <=> born after the day N years ago
                born_after = years_before(self.today, years)
                out.append(Range("household_youngest_dob", gte=(born_after + dt.timedelta(days=1)).isoformat()))
            elif key == "custom":
                out.extend(self._custom(wanted, where="household.custom", applies_to=HOUSEHOLD_FIELDS) or ())
            else:
                self.problem(f"household.{key}", "is not a household criterion: occupants, child_under or custom")
        return out

    def _participated(self, value: Any):
        if not isinstance(value, Mapping) or not value or not set(value) <= set(PARTICIPATED_KEYS):
            return self.problem("participated", 'must be {"activity": [ids], "since": date, "until": date} with '
                                                "at least one of them")
        since, until = (_date(self, f"participated.{end}", value.get(end)) for end in ("since", "until"))
        if since and until and since > until:
            self.problem("participated", "since must not be after until")
        if value.get("activity") is None:
            if value.get("since") is None and value.get("until") is None:
                return self.problem("participated", "give since, until or activity")
            return Range("participation_dates", gte=since, lte=until)
        ids = self._id_list("participated.activity", value["activity"], 1_000)
        if ids is None:
            return None
        if any(":" in i for i in ids):
            return self.problem("participated.activity", "an activity id has no ':'")
        # participations hold "<activity id>:<date>": one keyword range per activity
        ranges = [Range("participations", gte=f"{a}:{since or ''}", lte=f"{a}:{until or LAST_DAY}") for a in ids]
        return ranges[0] if len(ranges) == 1 else AnyOf(ranges)


def _count(value: Any) -> int:
    """A whole number 0 or more (JSON numbers cross gRPC as floats: 3.0 is 3); ValueError otherwise."""
    if (isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value)
            or value != int(value) or value < 0):
        raise ValueError
    return int(value)


def _date(translator, where: str, value: Any) -> str | None:
    if value is None:
        return None
    try:
        if not isinstance(value, str) or len(value) != 10:
            raise ValueError
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        translator.problem(where, "must be a date YYYY-MM-DD")
        return None
