"""Use cases of reports: each reads the aggregates in a read-only transaction, and the landlord's set-up
from profiles outside it."""
from __future__ import annotations

from typing import Any, Callable, Mapping

from services.common.uow import UnitOfWork

from .. import service as aggregates
from ..store import AggregateStore
from . import domain
from .domain import Breakdown, Catalogue, Cell, ProfileReport

UowFactory = Callable[..., UnitOfWork]


def threshold_of(uow: UnitOfWork) -> int:
    return AggregateStore(uow.session, uow.landlord_id).threshold() or domain.DEFAULT_THRESHOLD


def profile_report(uow: UowFactory, landlord_id: str, catalogue: Callable[[], Catalogue]) -> tuple[
        ProfileReport, str]:
    """The whole landlord's profile, and the date its ages are worked out on."""
    with uow(landlord_id, read_only=True) as unit:
        counts = aggregates.counts(unit)
        threshold, today = threshold_of(unit), unit.clock.today()
    return domain.profile_report(counts, catalogue(), threshold), today.isoformat()


def population_report(uow: UowFactory, landlord_id: str, profiles, criteria: Mapping[str, Any]) -> ProfileReport:
    """The profile of the people the criteria pick, counted exactly by people search."""
    set_up = profiles.catalogue()
    total, facets = profiles.facet_counts(criteria, domain.report_order(set_up))
    with uow(landlord_id, read_only=True) as unit:
        threshold = threshold_of(unit)
    return domain.population_report(total, facets, set_up, threshold)


def trend(uow: UowFactory, landlord_id: str, catalogue: Callable[[], Catalogue], *, characteristic: str,
          months: int) -> tuple[list[tuple[str, Cell, Breakdown]], int]:
    """One characteristic month by month (this month as of now), and the threshold it was suppressed by."""
    set_up = catalogue()
    domain.check_characteristic(characteristic, set_up)
    needed = domain.counted_as(characteristic, set_up)
    with uow(landlord_id, read_only=True) as unit:
        wanted = domain.months_back(unit.clock.today(), months)
        store = AggregateStore(unit.session, landlord_id)
        by_month = store.months(needed, wanted[0])
        by_month[wanted[-1]] = store.counts(needed)
        threshold = threshold_of(unit)
    return domain.trend(by_month, wanted, characteristic, set_up, threshold), threshold


def threshold(uow: UnitOfWork) -> int:
    return threshold_of(uow)


def change_threshold(uow: UnitOfWork, threshold: int) -> int:
    AggregateStore(uow.session, uow.landlord_id).save_threshold(domain.check_threshold(threshold))
    uow.commit()
    return threshold
