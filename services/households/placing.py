"""Placing people in households, a batch at a time (the people events of one landlord in a batch,
or a rebuild's batch of residents), and announcing each household whose state changed."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, replace
from typing import Iterable, Sequence

from . import domain
from .domain import HouseholdChanged, Resident
from .store import HouseholdStore


@dataclass
class Placed:
    """What a batch did: people seen for the first time, people moved (left and/or joined), and the
    households announced."""
    new_people: int = 0
    moved: int = 0
    announced: int = 0
    created_households: int = 0


def place_all(store: HouseholdStore, changes: Sequence[tuple[Resident | None, Resident]],
              at: dt.datetime) -> tuple[Placed, set[str], set[str]]:
    """Place each (resident as kept or None, resident as it is now). Answers the counts, the
    households whose occupants changed and those whose occupants' details did."""
    placements = [(before, domain.place(before, after)) for before, after in changes]
    wanted = [p.join for _, p in placements if p.join is not None]
    ids = store.household_ids(m.key for m in wanted)
    missing = {}
    for _, p in placements:
        if p.join is not None and p.join.key not in ids:
            missing.setdefault(p.join.key, (p.join, p.resident))  # the first to need it gives its details
    ids.update(store.add_households(missing.values(), at))
    done = Placed(created_households=len(missing))
    leaving, joining, new, changed, moved = [], [], [], [], []
    moved_households: set[str] = set()
    detail_households: set[str] = set()
    for before, p in placements:
        resident = p.resident
        if p.leave is not None:
            leaving.append(resident.person_id)
            moved_households.add(p.leave)
        if p.join is not None:
            resident = replace(resident, household_id=ids[p.join.key], household_key=p.join.key)
            joining.append((resident.person_id, resident.household_id))
            moved_households.add(resident.household_id)
        if p.moves:
            done.moved += 1
        elif before is not None and resident.is_current and resident.household_id and \
                (before.date_of_birth, before.tenancy_type) != (resident.date_of_birth, resident.tenancy_type):
            detail_households.add(resident.household_id)
        if before is None:
            new.append(resident)
        elif replace(before, household_id=resident.household_id, household_key=resident.household_key) == resident:
            if resident != before:
                moved.append(resident)
        else:
            changed.append(resident)
    done.new_people = len(new)
    store.end_occupancies(leaving, at)
    store.begin_occupancies(joining, at)
    store.add_residents(new, at)
    store.save_residents(changed, at)
    store.move_residents(moved, at)
    return done, moved_households, detail_households - moved_households


def announce(store: HouseholdStore, announcements: domain.Announcements, moved: Iterable[str],
             details: Iterable[str], at: dt.datetime) -> int:
    """Bring the households' counts up to date; each whose occupants changed (`moved`), or whose
    youngest occupant did, gets version + 1 and a HouseholdChanged. Answers how many did."""
    moved = set(moved)
    ids = sorted(moved | set(details))
    rows = store.many(ids, for_update=True)
    facts = store.occupant_facts(ids)
    states, announced = [], 0
    for household_id in ids:
        row = rows.get(household_id)
        if row is None:
            continue
        occupants = facts.get(household_id, [])
        youngest = domain.youngest([born for _, born, _ in occupants])
        types = domain.tenancy_types([tenancy for _, _, tenancy in occupants])
        announcing = household_id in moved or youngest != row["youngest_date_of_birth"] \
            or len(occupants) != row["occupant_count"]
        if not announcing and types == row["tenancy_types"]:
            continue
        version = row["version"] + 1 if announcing else row["version"]
        states.append({"household_id": household_id, "version": version, "occupant_count": len(occupants),
                       "youngest_date_of_birth": youngest, "tenancy_types": types})
        if announcing:
            announced += 1
            announcements.events.append(changed_event(store.landlord_id, row, version, [p for p, *_ in occupants],
                                                      youngest, at))
    store.save_states(states, at)
    return announced


def changed_event(landlord_id: str, row, version: int, occupant_ids: list[str], youngest,
                  at: dt.datetime) -> HouseholdChanged:
    return HouseholdChanged(
        landlord_id=landlord_id, household_id=row["household_id"], version=version, occupant_ids=tuple(occupant_ids),
        youngest_date_of_birth=youngest, property_profile=json.loads(row["property_profile"]),
        household_profile=json.loads(row["household_profile"]), property_ref=row["property_ref"], occurred_at=at)
