"""Use case of equal outcomes: two exact counts from people search (the population by the characteristic,
and the same for those of them with the outcome)."""
from __future__ import annotations

from typing import Any, Callable, Mapping

from services.common.errors import InvalidInput
from services.common.uow import UnitOfWork

from ..builder.domain import within
from ..reports import domain as reports
from ..reports.service import threshold_of
from . import domain
from .domain import Outcomes


def outcomes(uow: Callable[..., UnitOfWork], landlord_id: str, profiles, *, population: Mapping[str, Any],
             outcome: Mapping[str, Any], characteristic: str) -> tuple[Outcomes, int]:
    """The outcome's rate by each value of the characteristic, and the threshold it was suppressed by."""
    if not outcome:
        raise InvalidInput.field("outcome", "say which people have the outcome (criteria, e.g. an admin group)")
    set_up = profiles.catalogue()
    reports.check_characteristic(characteristic, set_up)
    everyone = profiles.facet_counts(population, [characteristic])
    achieved = profiles.facet_counts(within(population, outcome), [characteristic])
    with uow(landlord_id, read_only=True) as unit:
        threshold = threshold_of(unit)
    return domain.outcomes(characteristic, (everyone[0], everyone[1][characteristic]),
                           (achieved[0], achieved[1][characteristic]), threshold), threshold
