"""The criteria on a person's communication records (from messaging): `contacted` (has a record of any
of these codes, with any of these outcomes, dated in the range) and `not_contacted` (has none such; `{}`:
never contacted). Index fields: document.FACT_FIELDS `contacts` ("<code>:<date>", "<code>.<outcome>:<date>",
so a keyword range is "contacted this way since a date") and `contact_dates`."""
from __future__ import annotations

import re
from typing import Any, Mapping

from services.common.criteria import CODE_PATTERN, MAX_CODES
from services.common.search import AnyOf, Exists, Not, Range

from .criteria_groups import LAST_DAY, _date

CONTACTED_KEYS = ("code", "outcome", "since", "until")
CODE = re.compile(CODE_PATTERN)


class ContactCriteria:
    """Mixed into criteria.Translator, which gives problem()."""

    def _contacted(self, key: str, value: Any):
        never = key == "not_contacted"
        if not isinstance(value, Mapping) or not set(value) <= set(CONTACTED_KEYS) or (not value and not never):
            return self.problem(key, 'must be {"code": [codes], "outcome": [codes], "since": date, "until": date} '
                                     "with at least one of them" + (" ({} is never contacted)" if never else ""))
        since, until = (_date(self, f"{key}.{end}", value.get(end)) for end in ("since", "until"))
        if since and until and since > until:
            self.problem(key, "since must not be after until")
        codes, outcomes = (self._codes(f"{key}.{part}", value.get(part)) for part in ("code", "outcome"))
        if outcomes and not codes:
            self.problem(f"{key}.outcome", "give the communication code too: each code has its own outcomes")
        if codes is None or outcomes is None:
            return None
        if codes:
            kinds = [f"{c}.{o}" for c in codes for o in outcomes] if outcomes else codes
            ranges = [Range("contacts", gte=f"{k}:{since or ''}", lte=f"{k}:{until or LAST_DAY}") for k in kinds]
            found = ranges[0] if len(ranges) == 1 else AnyOf(ranges)
        elif since or until:
            found = Range("contact_dates", gte=since, lte=until)
        else:
            found = Exists("contact_dates")
        return Not(found) if never else found

    def _codes(self, where: str, value: Any) -> list[str] | None:
        """The codes given ([] when none), or None after a problem."""
        if value is None:
            return []
        if not isinstance(value, list) or not value or len(value) > MAX_CODES or not all(
                isinstance(v, str) and CODE.match(v) for v in value):
            self.problem(where, f"must be a list of 1 to {MAX_CODES} codes (lower case, e.g. phoned, spoke_to_person)")
            return None
        return list(dict.fromkeys(value))
