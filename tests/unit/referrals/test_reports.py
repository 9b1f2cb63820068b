"""The referral report with no I/O: counts by landlord, area, provider, officer and status, the "no"s by why,
each checklist step reached, and the funnel of those who wanted support (rates of the step before and of all
referred, median days between the steps of those who reached both); the rows of its file, one per referral."""
from __future__ import annotations

import datetime as dt

from services.referrals import reports
from services.referrals.domain import Person, Referral

NOW = dt.datetime(2026, 11, 30, 12, 0, tzinfo=dt.timezone.utc)
TODAY = dt.date(2026, 11, 30)


def _referral(name: str, area: str, referred: str, *steps: tuple[str, str], by: str = "U1",
              provider: str = "PR1", no: str = "") -> Referral:
    made = Referral.new(landlord_id="L1", person_id=f"P-{name}", person=Person(name, area=area),
                        wants_support=not no, no_reason=no, provider_id="" if no else provider,
                        needs=[], consent=not no, consent_date=referred if not no else "", notes="",
                        referred_on=referred, by=by, now=NOW, today=TODAY)
    for step, day in steps:
        made.record_step(step, date=day, notes="", by="A1", now=NOW, today=TODAY)
    return made


def _found() -> list[Referral]:
    return [_referral("Ann", "Area A", "2026-11-02", ("first_appointment", "2026-11-09"),
                      ("job_started", "2026-11-30")),
            _referral("Ben", "Area A", "2026-11-02", ("first_appointment", "2026-11-15"), by="U2"),
            _referral("Cat", "Area B", "2026-11-03", provider="PR2"),
            _referral("Dev", "", "2026-11-04", no="caring"),
            _referral("Eve", "Area B", "2026-11-04", no="caring"),
            _referral("Fin", "Area B", "2026-11-05", no="health")]


def test_counts_by_area_provider_officer_and_status_and_the_nos_by_why():
    made = reports.report(_found())
    assert (made.referrals, made.wanted_support, made.declined) == (6, 3, 3)
    assert made.by_area == [("Area B", 3), ("Area A", 2), ("", 1)]
    assert made.by_provider == [("PR1", 2), ("PR2", 1)]  # of those who wanted support
    assert made.by_officer == [("U1", 5), ("U2", 1)]
    assert dict(made.by_status) == {"declined": 3, "in_work": 1, "in_progress": 1, "referred": 1}
    assert made.no_reasons == [("caring", 2), ("health", 1)]
    assert made.outcomes == [("first_appointment", 2), ("job_started", 1)]


def test_the_funnel_gives_each_steps_share_and_the_median_days_from_the_step_before():
    referred, first, job = reports.report(_found()).funnel
    assert (referred.count, referred.rate_from_previous, referred.median_days_from_previous) == (3, None, None)
    assert (first.count, first.rate_from_previous, first.rate_from_referred) == (2, 66.7, 66.7)
    assert first.median_days_from_previous == 10.0  # 7 and 13 days
    assert (job.count, job.rate_from_previous, job.rate_from_referred, job.median_days_from_previous) == (
        1, 50.0, 33.3, 21.0)


def test_nobody_referred_gives_no_rates_rather_than_a_division_by_zero():
    made = reports.report([])
    assert made.referrals == 0 and [s.count for s in made.funnel] == [0, 0, 0]
    assert all(s.rate_from_previous is None and s.median_days_from_previous is None for s in made.funnel)


def test_the_file_has_a_row_per_referral_with_its_area_and_names_in_place_of_ids():
    rows = list(reports.rows(_found()[:2], {"PR1": "Work Ready"}, {"L1": "Northfield Homes", "U1": "Olu Officer"}))
    header, ann = rows[0], dict(zip(rows[0], rows[1]))
    assert tuple(header) == reports.COLUMNS and len(rows) == 3
    assert (ann["Landlord"], ann["Area"], ann["Provider"], ann["Referred by"]) == (
        "Northfield Homes", "Area A", "Work Ready", "Olu Officer")
    assert (ann["Referred on"], ann["First appointment"], ann["Job started"]) == (
        "2026-11-02", "2026-11-09", "2026-11-30")
    assert ann["Steps reached"] == "First appointment attended, Job started" and ann["Status"] == "In work"
