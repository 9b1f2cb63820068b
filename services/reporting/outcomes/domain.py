"""Equal outcomes with no I/O: for an outcome (being in a group, taking part in an activity, or anything
people search criteria can say) and a characteristic, the rate of the outcome among the people holding each
value beside the rate across the whole population, so a landlord can show every group of residents gets
fair service (seed 003).

A rate is people with the outcome / people, as a percentage rounded half-up to one decimal place. A count
from 1 to threshold - 1 is never shown, nor is a rate worked out from one; where a value's people are shown
but its outcome count is hidden, the rate is hidden too (it would give the count away).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from services.common.person_fields import NOT_KNOWN

from ..reports.domain import FacetValue, percent


@dataclass(frozen=True)
class Figure:
    count: int
    suppressed: bool = False


@dataclass(frozen=True)
class OutcomeRow:
    value: str | None  # None: Not known, or the whole population's row
    label: str
    people: Figure
    with_outcome: Figure
    rate: float | None  # None when hidden, or when there is nobody


@dataclass(frozen=True)
class Outcomes:
    characteristic: str
    rows: tuple[OutcomeRow, ...]
    overall: OutcomeRow


def _figure(count: int, threshold: int) -> Figure:
    return Figure(count, 0 < count < threshold)


def _row(value: str | None, label: str, people: int, with_outcome: int, threshold: int) -> OutcomeRow:
    shown_people, shown_outcome = _figure(people, threshold), _figure(with_outcome, threshold)
    hidden = shown_people.suppressed or shown_outcome.suppressed
    return OutcomeRow(value, label, shown_people, shown_outcome, None if hidden else percent(with_outcome, people))


def outcomes(characteristic: str, population: tuple[int, Sequence[FacetValue]],
             with_outcome: tuple[int, Sequence[FacetValue]], threshold: int) -> Outcomes:
    """Rates by each value of the characteristic (the population's facet and its outcome people's facet)."""
    total, facet = population
    outcome_total, outcome_facet = with_outcome
    achieved = {v.value: v.count for v in outcome_facet}
    rows = tuple(_row(v.value, v.label if v.value is not None else NOT_KNOWN, v.count, achieved.get(v.value, 0),
                      threshold) for v in facet)
    return Outcomes(characteristic, rows, _row(None, "Everyone", total, outcome_total, threshold))
