"""Reports over the aggregates on embedded storage: the landlord's disclosure threshold, and a
characteristic month by month from the figures the daily job keeps."""
from __future__ import annotations

import datetime as dt

import pytest

from services.common.errors import InvalidInput
from services.reporting import maintenance, service
from services.reporting.domain import PersonState
from services.reporting.reports import service as reports
from services.reporting.reports.domain import AgeBand, Catalogue, CatalogueOption

CATALOGUE = Catalogue({"ethnicity": ("Ethnicity", (CatalogueOption("wb", "White British", "White British"),
                                                   CatalogueOption("in", "Indian", "BME")))},
                      (AgeBand("Under 16", 0, 15), AgeBand("16+", 16, None)))


def count(reporting, landlord, states) -> None:
    with reporting.runtime.uow(landlord) as uow:
        service.count_people(uow, states)
        uow.commit()


def people(n: int, version: int, known: int) -> list[PersonState]:
    return [PersonState(f"P{i}", version, "current", None, {"ethnicity": ("wb",)} if i < known else {})
            for i in range(n)]


def test_the_threshold_is_five_until_the_landlord_changes_it_and_refuses_what_would_show_single_people(
        reporting, landlord):
    count(reporting, landlord, people(9, 1, 7))
    report, _ = reports.profile_report(reporting.runtime.uow, landlord, lambda: CATALOGUE)
    assert report.threshold == 5 and report.current_people.count == 9 and not report.current_people.suppressed
    with reporting.runtime.uow(landlord) as uow:
        reports.change_threshold(uow, 10)
    report, _ = reports.profile_report(reporting.runtime.uow, landlord, lambda: CATALOGUE)
    assert report.threshold == 10 and report.current_people.suppressed  # 9 is now fewer than 10
    for bad in (1, 0, 101):
        with reporting.runtime.uow(landlord) as uow, pytest.raises(InvalidInput) as refused:
            reports.change_threshold(uow, bad)
        assert refused.value.fields[0].field == "threshold"
    with reporting.runtime.uow(landlord, read_only=True) as uow:
        assert reports.threshold(uow) == 10


def test_a_trend_shows_each_months_figures_as_the_daily_job_kept_them_and_this_month_as_of_now(
        reporting, landlord, clock):
    count(reporting, landlord, people(40, 1, 10))  # March: 30 of 40 not known
    maintenance.run_daily(reporting.runtime)
    clock.move(dt.timedelta(days=31))
    count(reporting, landlord, people(40, 2, 25))  # April: 15 not known
    maintenance.run_daily(reporting.runtime)
    clock.move(dt.timedelta(days=30))
    count(reporting, landlord, people(40, 3, 32))  # May, not kept yet: 8 not known now
    months, threshold = reports.trend(reporting.runtime.uow, landlord, lambda: CATALOGUE, characteristic="ethnicity",
                                      months=4)
    assert [(m, b.not_known.count) for m, _, b in months] == [("2027-03", 30), ("2027-04", 15), ("2027-05", 8)]
    assert threshold == 5 and [people.count for _, people, _ in months] == [40, 40, 40]
    with pytest.raises(InvalidInput) as refused:
        reports.trend(reporting.runtime.uow, landlord, lambda: CATALOGUE, characteristic="shoe_size", months=4)
    assert refused.value.fields[0].field == "characteristic"
    with pytest.raises(InvalidInput) as refused:
        reports.trend(reporting.runtime.uow, landlord, lambda: CATALOGUE, characteristic="ethnicity", months=37)
    assert refused.value.fields[0].field == "months"
