"""Use cases of the households service."""
from __future__ import annotations

import datetime as dt
import json
from typing import Any, Callable, Iterable, Iterator, Sequence

from services.common.errors import FieldProblem, InvalidInput, NotFound, collect
from services.common import states
from services.common.uow import UnitOfWork

from . import criteria, custom, placing, search as searching, views
from .domain import Announcements, HouseholdChanged, Resident, older
from .store import HouseholdStore

MAX_PEOPLE_READ = 5_000  # people one GetPeopleHouseholds call reads


def take_in_people(uow: UnitOfWork, people: Iterable[Resident]) -> placing.Placed:
    """People as events give them, in order (the last of a person wins), placed in their
    households; a person whose version is older than the one kept is left out (what is kept is
    newer). Called inside the consumer's transaction (which commits it)."""
    at = uow.clock.now()
    store = HouseholdStore(uow.session, uow.landlord_id)
    latest = {p.person_id: p for p in people}
    kept = store.residents(list(latest))
    changes = [(kept.get(person_id), after) for person_id, after in latest.items()
               if not older(kept.get(person_id), after)]
    announcements = Announcements()
    uow.track(announcements)
    placed, moved, details = placing.place_all(store, changes, at)
    placed.announced = placing.announce(store, announcements, moved, details, at)
    return placed


def _view(store: HouseholdStore, setup, row, today: dt.date, *, with_former: bool) -> views.HouseholdView:
    household_id = row["household_id"]
    if with_former:
        occupancies = store.occupancy_rows(household_id)
        occupants = [views.occupant(r, joined, today) for r, joined, left in occupancies if left is None]
        former = views.former(occupancies, today)
    else:
        occupants = [views.occupant(r, joined, today) for r, joined in store.current_occupants([household_id])[household_id]]
        former = []
    return views.household(row, occupants, setup.catalogue, former_occupants=former)


def household(uow: UnitOfWork, setup, *, household_id: str) -> views.HouseholdView:
    store = HouseholdStore(uow.session, uow.landlord_id)
    row = store.get(household_id)
    if row is None:
        raise NotFound.field("household_id", "no such household")
    return _view(store, setup, row, uow.clock.today(), with_former=True)


def person_household(uow: UnitOfWork, setup, *, person_id: str) -> views.HouseholdView:
    """The household the person lives in (or last lived in, if archived)."""
    store = HouseholdStore(uow.session, uow.landlord_id)
    resident = store.resident(person_id)
    if resident is None:
        raise NotFound.field("person_id", "households does not know this person (not seen yet)")
    row = store.get(resident.household_id) if resident.household_id else None
    if row is None and not resident.is_current:
        raise NotFound.field("person_id", "this person was archived before they lived in any household")
    if row is None:
        raise NotFound.field("person_id", "this person has no household: no property ref, address or postcode")
    return _view(store, setup, row, uow.clock.today(), with_former=True)


def people_households(uow: UnitOfWork, setup, *, person_ids: Sequence[str]
                      ) -> tuple[list[tuple[str, str]], list[views.HouseholdView]]:
    """The households these people live in now (a postal mailing to households): (person_id, household_id)
    for each person known, current and in a household, once, in the order given; and each of those households
    once, in the order first reached, with its current occupants (no former occupants, no profiles: profiles
    is never asked). A few set-based reads whatever the number of people; at most MAX_PEOPLE_READ."""
    if len(person_ids) > MAX_PEOPLE_READ:
        raise InvalidInput.field("person_ids", f"must name at most {MAX_PEOPLE_READ:,} people")
    store = HouseholdStore(uow.session, uow.landlord_id)
    asked = list(dict.fromkeys(person_ids))
    known = store.residents(asked)
    placed = [(p, known[p].household_id) for p in asked if p in known and known[p].is_current and known[p].household_id]
    rows = store.many([household_id for _, household_id in placed])
    people = [(person_id, household_id) for person_id, household_id in placed if household_id in rows]
    household_ids = list(dict.fromkeys(household_id for _, household_id in people))
    occupants = store.current_occupants(household_ids)
    today = uow.clock.today()
    return people, [views.household(rows[h], [views.occupant(r, joined, today) for r, joined in occupants[h]],
                                    setup.catalogue, with_profiles=False) for h in household_ids]


def search(uow: UnitOfWork, setup, *, criteria_given: dict[str, Any] | None, page: int = 1, page_size: int = 0,
           sort: str = "") -> tuple[int, list[views.HouseholdView]]:
    today = uow.clock.today()
    wanted = criteria.read(criteria_given, today)
    order = criteria.sort_order(sort)
    limit, offset = criteria.page_window(page, page_size)
    filters = custom.custom_filters(wanted.custom, setup.catalogue()) if wanted.custom else []
    total, rows = searching.page(uow.session, uow.landlord_id, wanted, filters, sort=order, limit=limit, offset=offset)
    store = HouseholdStore(uow.session, uow.landlord_id)
    occupants = store.current_occupants([r["household_id"] for r in rows])
    return total, [views.household(row, [views.occupant(r, joined, today) for r, joined in occupants[row["household_id"]]],
                                   setup.catalogue) for row in rows]


def _problem(applies_to: str, problem: FieldProblem) -> FieldProblem:
    key = problem.field.rsplit(".", 1)[-1]
    return FieldProblem(f"{applies_to}_profile.{key}" if key else f"{applies_to}_profile", problem.reason)


def update_profiles(uow: UnitOfWork, setup, *, household_id: str, property_profile: dict[str, Any] | None,
                    household_profile: dict[str, Any] | None) -> views.HouseholdView:
    """Change profile values by key (labels; None clears), checked by profiles; nothing is saved
    unless every value is acceptable."""
    store = HouseholdStore(uow.session, uow.landlord_id)
    row = store.get(household_id, for_update=True)
    if row is None:
        raise NotFound.field("household_id", "no such household")
    current = {custom.PROPERTY: json.loads(row["property_profile"]), custom.HOUSEHOLD: json.loads(row["household_profile"])}
    new = dict(current)
    problems: list[FieldProblem] = []
    for applies_to, given in ((custom.PROPERTY, property_profile), (custom.HOUSEHOLD, household_profile)):
        if not given:
            continue
        try:
            new[applies_to] = setup.check(applies_to, given, current[applies_to])
        except InvalidInput as error:
            problems.extend(_problem(applies_to, p) for p in error.fields)
            if not error.fields:
                problems.append(FieldProblem(f"{applies_to}_profile", error.message))
    collect(problems)
    if new != current:
        at = uow.clock.now()
        catalogue = setup.catalogue()
        values = [*custom.search_rows(new[custom.PROPERTY], catalogue), *custom.search_rows(new[custom.HOUSEHOLD], catalogue)]
        version = row["version"] + 1
        store.save_profiles(household_id, new[custom.PROPERTY], new[custom.HOUSEHOLD], values, version, at)
        row = store.get(household_id)
        occupants = store.occupant_facts([household_id])[household_id]
        announcements = Announcements()
        uow.track(announcements)
        announcements.events.append(placing.changed_event(uow.landlord_id, row, version, [p for p, *_ in occupants],
                                                          row["youngest_date_of_birth"], at))
        uow.commit()
    return _view(store, setup, row, uow.clock.today(), with_former=True)


def household_states(make_uow: Callable[[], UnitOfWork], *, page_size: int = 0,
                     after_household_id: str = "") -> Iterator[list[HouseholdChanged]]:
    """Every household of the landlord whose id follows `after_household_id` ("": all), occupied or not, as
    its newest HouseholdChanged event shows it, in id order, `page_size` at a time (0: states.PAGE): the
    reporting service's recount, each page in its own unit of work (`make_uow()`). A bad size is raised
    before the first page."""
    def read(after: str, size: int) -> list[HouseholdChanged]:
        with make_uow() as uow:
            store = HouseholdStore(uow.session, uow.landlord_id)
            rows = store.page_after(after, size)
            occupants = store.occupant_facts([row["household_id"] for row in rows])
            return [placing.changed_event(uow.landlord_id, row, row["version"],
                                          [p for p, *_ in occupants[row["household_id"]]],
                                          row["youngest_date_of_birth"], row["updated_at"]) for row in rows]
    return states.by_key(read, lambda page: [h.household_id for h in page], states.page_size(page_size),
                         after_household_id)
