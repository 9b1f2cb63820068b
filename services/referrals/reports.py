"""The referral reports, with no I/O: over the referrals chosen (a landlord's, or those made to a provider),
counts by landlord, area, provider, officer, status, the "no"s by reason and each checklist step reached; and
the funnel from referral (of those who wanted support) to first appointment to job started, each step's share of
the one before and of all referred (per cent, one decimal), and the median days between the two steps of
those who reached both. The referrals themselves as rows for a file."""
from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Mapping

from .domain import NO_REASONS, STEPS, Referral

STATUS_LABELS = {"declined": "Declined", "referred": "Referred", "appointment_requested": "Appointment requested",
                 "appointment_booked": "Appointment booked", "in_progress": "In progress", "in_work": "In work"}
FUNNEL = (("referred", "Referred"), ("first_appointment", "First appointment"), ("job_started", "Job started"))
COLUMNS = ("Referred on", "Landlord", "Person", "Personal reference", "Area", "Provider", "Wants support", "Why not",
           "Needs", "Status", "Referred by", "First appointment", "Job started", "Steps reached")


@dataclass(frozen=True)
class Stage:
    step: str
    label: str
    count: int
    rate_from_previous: float | None
    rate_from_referred: float | None
    median_days_from_previous: float | None


@dataclass(frozen=True)
class Report:
    referrals: int
    wanted_support: int
    declined: int
    by_landlord: list[tuple[str, int]]
    by_area: list[tuple[str, int]]
    by_provider: list[tuple[str, int]]
    by_officer: list[tuple[str, int]]
    by_status: list[tuple[str, int]]
    no_reasons: list[tuple[str, int]]
    outcomes: list[tuple[str, int]]
    funnel: list[Stage]


def _rate(part: int, whole: int) -> float | None:
    return round(100 * part / whole + 1e-9, 1) if whole else None


def _step_date(r: Referral, step: str) -> dt.date | None:
    if step == "referred":
        return r.referred_on
    if step == "first_appointment":
        return r.first_appointment_on
    return next((s.date for s in r.steps if s.step == step), None)


def _counted(values: Iterable[str]) -> list[tuple[str, int]]:
    return sorted(Counter(values).items(), key=lambda kv: (-kv[1], kv[0]))


def _funnel(wanted: list[Referral]) -> list[Stage]:
    stages, previous, reached_before = [], None, wanted
    for step, label in FUNNEL:
        reached = [r for r in reached_before if _step_date(r, step) is not None]
        days = [(_step_date(r, step) - _step_date(r, previous)).days for r in reached] if previous else []
        stages.append(Stage(step, label, len(reached), _rate(len(reached), len(reached_before)) if previous else None,
                            _rate(len(reached), len(wanted)) if previous else None,
                            float(statistics.median(days)) if days else None))
        previous, reached_before = step, reached
    return stages


def report(found: list[Referral]) -> Report:
    wanted = [r for r in found if r.wants_support]
    return Report(len(found), len(wanted), len(found) - len(wanted), _counted(r.landlord_id for r in found),
                  _counted(r.person.area for r in found),
                  _counted(r.provider_id for r in wanted), _counted(r.referred_by for r in found),
                  _counted(r.status for r in found), _counted(r.no_reason for r in found if not r.wants_support),
                  _counted(s.step for r in wanted for s in r.steps), _funnel(wanted))


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def rows(found: list[Referral], providers: Mapping[str, str], names: Mapping[str, str]) -> Iterable[list]:
    """The header, then one row per referral (names of users and landlords by id, where given; dates as ISO text,
    as files of rows take them)."""
    yield list(COLUMNS)
    for r in found:
        yield [r.referred_on.isoformat(), names.get(r.landlord_id, r.landlord_id), r.person.name, r.person.personal_ref,
               r.person.area, providers.get(r.provider_id, ""), "Yes" if r.wants_support else "No",
               NO_REASONS.get(r.no_reason, ""),
               ", ".join(r.needs), STATUS_LABELS.get(r.status, r.status), names.get(r.referred_by, r.referred_by),
               _iso(r.first_appointment_on), _iso(_step_date(r, "job_started")),
               ", ".join(STEPS[s.step] for s in r.steps)]
