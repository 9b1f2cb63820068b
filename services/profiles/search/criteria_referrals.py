"""The criteria on a person's referrals (from referrals): `referred` (has a referral to any of these providers,
referred in this date range, of someone who wanted support or not, who started a job after it or not; every part
optional, `{}`: has any referral, a "no" too) and `not_referred` (has none such; `{}`: never referred). Index
field: document.FACT_FIELDS `referrals` ("<provider|*>.<yes|no|*>.<work|nowork|*>:<referred on>", facts.domain
.referral_values), so one keyword range per provider asked is "referred that way since a date"."""
from __future__ import annotations

from typing import Any, Mapping

from services.common.criteria import MAX_PROVIDERS
from services.common.search import AnyOf, Exists, Not, Range

from ..facts.domain import ANY, referral_kind
from .criteria_groups import LAST_DAY, _date

REFERRED_KEYS = ("provider", "since", "until", "wants_support", "in_work")
REFERRALS = "referrals"


class ReferralCriteria:
    """Mixed into criteria.Translator, which gives problem(), _id_list() and _yes_no()."""

    def _referred(self, key: str, value: Any):
        never = key == "not_referred"
        if not isinstance(value, Mapping) or not set(value) <= set(REFERRED_KEYS):
            return self.problem(key, 'must be {"provider": [ids], "since": date, "until": date, "wants_support": '
                                     'true or false, "in_work": true or false}, each optional ({} is '
                                     + ("never referred)" if never else "any referral)"))
        since, until = (_date(self, f"{key}.{end}", value.get(end)) for end in ("since", "until"))
        if since and until and since > until:
            self.problem(key, "since must not be after until")
        wants_support, in_work = (self._yes_no(f"{key}.{part}", value.get(part)) for part in ("wants_support",
                                                                                               "in_work"))
        providers = [ANY] if value.get("provider") is None else self._providers(f"{key}.provider", value["provider"])
        if providers is None:
            return None
        if providers == [ANY] and wants_support is None and in_work is None and not since and not until:
            found = Exists(REFERRALS)
        else:
            kinds = [referral_kind(p, wants_support, in_work) for p in providers]
            ranges = [Range(REFERRALS, gte=f"{k}:{since or ''}", lte=f"{k}:{until or LAST_DAY}") for k in kinds]
            found = ranges[0] if len(ranges) == 1 else AnyOf(ranges)
        return Not(found) if never else found

    def _providers(self, where: str, value: Any) -> list[str] | None:
        ids = self._id_list(where, value, MAX_PROVIDERS)
        if ids is not None and any(":" in i or i == ANY for i in ids):
            self.problem(where, "a provider id is neither '*' nor has ':' (GET /api/v1/providers lists them)")
            return None
        return ids
