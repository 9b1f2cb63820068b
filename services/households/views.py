"""Households as the API shows them, built from stored rows: current occupants (oldest joined
first, with their age today), former occupants (most recently left first) and profiles by key."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any, Callable

from services.common.db import as_utc

from . import custom, matching
from .domain import Resident


@dataclass(frozen=True)
class OccupantView:
    resident: Resident
    age: int | None
    joined_at: dt.datetime
    left_at: dt.datetime | None = None


@dataclass(frozen=True)
class HouseholdView:
    household_id: str
    matched_by: str
    property_ref: str
    lines: tuple[str, str, str, str]
    postcode: str
    address: str
    occupants: list[OccupantView]
    former_occupants: list[OccupantView] = field(default_factory=list)
    property_profile: dict[str, Any] = field(default_factory=dict)
    household_profile: dict[str, Any] = field(default_factory=dict)
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None

    @property
    def occupant_count(self) -> int:
        return len(self.occupants)


def occupant(resident: Resident, joined_at: dt.datetime, today: dt.date,
             left_at: dt.datetime | None = None) -> OccupantView:
    return OccupantView(resident, resident.age(today), joined_at, left_at)


def former(occupancies: list[tuple[Resident, dt.datetime, dt.datetime | None]], today: dt.date) -> list[OccupantView]:
    """Occupancies that ended, of people not living there now, most recently left first."""
    here = {r.person_id for r, _, left_at in occupancies if left_at is None}
    ended = [occupant(r, joined, today, left) for r, joined, left in occupancies
             if left is not None and r.person_id not in here]
    return sorted(ended, key=lambda o: o.left_at, reverse=True)


def household(row, occupants: list[OccupantView], catalogue: Callable[[], custom.Catalogue], *,
              former_occupants: list[OccupantView] | None = None, with_profiles: bool = True) -> HouseholdView:
    """`catalogue` is only called when the household has profile values to show; `with_profiles=False`
    leaves the profiles empty (and never calls it)."""
    lines = (row["address_line_1"], row["address_line_2"], row["address_line_3"], row["address_line_4"])
    profiles = {}
    for name in ("property_profile", "household_profile") if with_profiles else ():
        stored = json.loads(row[name])
        profiles[name] = custom.shown(stored, catalogue()) if stored else {}
    return HouseholdView(
        household_id=row["household_id"], matched_by=row["matched_by"], property_ref=row["property_ref"], lines=lines,
        postcode=row["postcode"], address=matching.one_line(lines, row["postcode"]), occupants=occupants,
        former_occupants=former_occupants or [], created_at=as_utc(row["created_at"]),
        updated_at=as_utc(row["updated_at"]), **profiles)


