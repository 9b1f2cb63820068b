"""The criteria on a person's communication records (from messaging): `contacted` (has a record of any
of these codes, with any of these outcomes, with a satisfaction score in this range, dated in the range) and
`not_contacted` (has none such; `{}`: never contacted). Index fields: document.FACT_FIELDS `contacts`
("<code>:<date>", "<code>.<outcome>:<date>", and for a scored record "<code>.score.<NN>:<date>" and
"<code>.<outcome>.score.<NN>:<date>", so a keyword range is "contacted this way since a date"; a range of scores
is any of its exact scores) and `contact_dates`."""
from __future__ import annotations

import re
from typing import Any, Mapping

from services.common.criteria import CODE_PATTERN, MAX_CODES, SATISFACTION_HIGHEST, SATISFACTION_LOWEST
from services.common.search import AnyOf, Exists, Not, Range

from ..facts.domain import score_key
from .criteria_groups import LAST_DAY, _date

CONTACTED_KEYS = ("code", "outcome", "satisfaction", "since", "until")
CODE = re.compile(CODE_PATTERN)
SCORES = f"{SATISFACTION_LOWEST} to {SATISFACTION_HIGHEST}"


class ContactCriteria:
    """Mixed into criteria.Translator, which gives problem()."""

    def _contacted(self, key: str, value: Any):
        never = key == "not_contacted"
        if not isinstance(value, Mapping) or not set(value) <= set(CONTACTED_KEYS) or (not value and not never):
            return self.problem(key, 'must be {"code": [codes], "outcome": [codes], "satisfaction": {"min": score, '
                                     '"max": score}, "since": date, "until": date} with at least one of them'
                                     + (" ({} is never contacted)" if never else ""))
        since, until = (_date(self, f"{key}.{end}", value.get(end)) for end in ("since", "until"))
        if since and until and since > until:
            self.problem(key, "since must not be after until")
        codes, outcomes = (self._codes(f"{key}.{part}", value.get(part)) for part in ("code", "outcome"))
        if outcomes and not codes:
            self.problem(f"{key}.outcome", "give the communication code too: each code has its own outcomes")
        scores = self._scores(f"{key}.satisfaction", value.get("satisfaction"))
        if scores and not codes:
            self.problem(f"{key}.satisfaction", "give the communication code too (e.g. questionnaire)")
        if codes is None or outcomes is None or scores is None:
            return None
        if codes:
            kinds = [f"{c}.{o}" for c in codes for o in outcomes] if outcomes else codes
            if scores:
                kinds = [score_key(k, s) for k in kinds for s in scores]
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

    def _scores(self, where: str, value: Any) -> list[int] | None:
        """Every score of the range given ([] when none), or None after a problem."""
        if value is None:
            return []
        ends = [value.get(end) for end in ("min", "max")] if isinstance(value, Mapping) else []
        if (not ends or not value or not set(value) <= {"min", "max"}
                or not all(e is None or _score(e) is not None for e in ends)):
            self.problem(where, f'must be {{"min": score, "max": score}}, whole numbers from {SCORES} '
                                "(either may be left out)")
            return None
        low, high = (SATISFACTION_LOWEST if ends[0] is None else _score(ends[0]),
                     SATISFACTION_HIGHEST if ends[1] is None else _score(ends[1]))
        if low > high:
            self.problem(where, "min must not be more than max")
            return None
        return list(range(low, high + 1))


def _score(value: Any) -> int | None:
    """A whole number in the score range (JSON numbers cross gRPC as floats: 7.0 is 7), else None."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) \
            or not SATISFACTION_LOWEST <= value <= SATISFACTION_HIGHEST or value != int(value):
        return None  # the range check first: NaN and infinity fail it
    return int(value)
