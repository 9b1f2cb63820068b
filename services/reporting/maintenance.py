"""Jobs of the reporting service: moving people to their new age's count on their birthday and keeping
the month's figures (daily, in the service, and on demand), and recounting every landlord's aggregates
from the source of truth: `python -m services.reporting daily` and `python -m services.reporting recount`."""
from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from typing import Callable, TextIO

from services.common import context
from services.common.worker import BackgroundWorker

from . import service
from .choice_fields import choice_ids
from .contacts import service as contacts
from .messages import household_state
from .store import landlords

log = logging.getLogger(__name__)

DAILY_EVERY_S = 3600.0  # how often the service runs its daily job (each run is a few indexed queries per landlord)


def _each_landlord(runtime, job: Callable[[str], None]) -> None:
    with runtime.uow(platform=True, read_only=True) as uow:
        every = landlords(uow.session)
    for landlord_id in every:
        with context.bound(context.CallContext(landlord_id=landlord_id, request_id=context.new_request_id())):
            job(landlord_id)


def run_daily(runtime) -> int:
    """For every landlord: people whose age has changed since they were counted moved to their age today,
    then the counts kept as this month's figures. Answers how many people moved."""
    moved = 0

    def job(landlord_id: str) -> None:
        nonlocal moved
        while True:
            with runtime.uow(landlord_id) as uow:
                done = service.age_people(uow)
                uow.commit()
            moved += done
            if done < service.AGE_BATCH:
                break
        with runtime.uow(landlord_id) as uow:
            service.keep_month(uow)
            uow.commit()
    _each_landlord(runtime, job)
    return moved


def daily(reporting) -> None:
    """`python -m services.reporting daily`."""
    print(f"{run_daily(reporting.runtime)} people moved to their new age; this month's figures kept", file=sys.stdout)


@dataclass(frozen=True)
class Recounted:
    """What one landlord's recount found wrong and put right."""
    people_behind: int  # people counted as an older state than profiles holds now (or not at all)
    households_behind: int  # households counted as an older state than households holds now (or not at all)
    groups_behind: int  # people counted with older groups than groups holds now (or none)
    differences: list[service.Difference]  # counts that were not what the people and households add up to
    contacts_behind: int  # communication records held older than messaging holds them now (or not at all)


def recount_landlord(runtime, profiles, households, groups, messaging, landlord_id: str) -> Recounted:
    """Count every person as profiles holds them now, every household as households holds it now, every
    person's groups as groups holds them now and every communication record as messaging holds it now (a page
    per transaction; a state newer than the one counted replaces it), then make every count exactly what the
    people and households counted add up to."""
    people_behind = households_behind = groups_behind = contacts_behind = 0
    for page in profiles.people_states():
        with runtime.uow(landlord_id) as uow:
            people_behind += service.count_people(uow, page)
            uow.commit()
    choice = choice_ids(profiles.custom_field_types())
    for page in households.states():
        with runtime.uow(landlord_id) as uow:
            households_behind += service.count_households(uow, [household_state(h, choice) for h in page])
            uow.commit()
    for page in groups.memberships():
        with runtime.uow(landlord_id) as uow:
            groups_behind += service.count_memberships(uow, page)
            uow.commit()
    for page in messaging.contact_states():
        with runtime.uow(landlord_id) as uow:
            contacts_behind += contacts.take_in(uow, page)
            uow.commit()
    with runtime.uow(landlord_id) as uow:
        differences = service.settle_counts(uow)
        uow.commit()
    return Recounted(people_behind, households_behind, groups_behind, differences, contacts_behind)


def recount(reporting, out: TextIO = sys.stdout) -> int:
    """`python -m services.reporting recount`: every landlord reporting has heard of; prints each count that
    was wrong, and how many people and households were counted as older states than their source holds;
    answers how many counts were wrong."""
    profiles, wrong = reporting.connect(), 0

    def job(landlord_id: str) -> None:
        nonlocal wrong
        found = recount_landlord(reporting.runtime, profiles, reporting.households, reporting.groups,
                                 reporting.messaging, landlord_id)
        if found.people_behind or found.households_behind or found.groups_behind or found.contacts_behind:
            print(f"landlord {landlord_id}: {found.people_behind} people, {found.households_behind} households, "
                  f"{found.groups_behind} people's groups and {found.contacts_behind} communication records were "
                  "counted as older states than their source holds; now counted as it holds them", file=out)
        for d in found.differences:
            print(f"landlord {landlord_id}: {d.characteristic} {d.value}: held {d.held}, recounted {d.recounted}",
                  file=out)
        wrong += len(found.differences)
    _each_landlord(reporting.runtime, job)
    print(f"recount done: {wrong} counts were wrong and are now right", file=out)
    return wrong


class DailyJob(BackgroundWorker):
    """The service's daily job (`run_daily`): at start, then every DAILY_EVERY_S."""

    def __init__(self, runtime, every_s: float = DAILY_EVERY_S):
        super().__init__("reporting-daily")
        self._runtime = runtime
        self.idle_seconds = every_s

    def work_once(self) -> bool:
        moved = run_daily(self._runtime)
        log.info("daily job done", extra={"people_aged": moved})
        return False
