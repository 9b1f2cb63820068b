"""Storage of households, residents and occupancies (SQLAlchemy Core). Every query is filtered by
the landlord here; PostgreSQL row-level security is the second wall behind it. Writes are
set-based (a batch of people events, or of a rebuild, is a few statements)."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import fields
from typing import Any, Iterable, Sequence

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from services.common.bulk import chunks, insert_rows, one_of, update_rows
from services.common.db import as_utc
from services.common.ids import new_id

from . import matching
from .domain import CURRENT, Resident
from .tables import households, occupancies, profile_values, residents

RENAMED = {"version": "person_version"}  # Resident fields whose residents column is named otherwise
RESIDENT_COLUMNS = {f.name: RENAMED.get(f.name, f.name) for f in fields(Resident)}  # column by field


def _columns(resident: Resident) -> dict[str, Any]:
    return {column: getattr(resident, name) for name, column in RESIDENT_COLUMNS.items()}


def resident_of(row) -> Resident:
    return Resident(**{name: row[column] for name, column in RESIDENT_COLUMNS.items()})


def address_columns(property_ref: str, lines: Sequence[str], postcode: str) -> dict[str, Any]:
    """A household's address columns and what search and sorting read of them."""
    return {"property_ref": property_ref, "property_ref_key": matching.property_ref_key(property_ref),
            **{f"address_line_{n}": line for n, line in enumerate(lines, 1)},
            "postcode": postcode, "postcode_key": matching.postcode_key(postcode),
            "search_words": matching.search_words(property_ref, lines, postcode),
            "sort_address": (matching.address_words(lines) + " " + matching.postcode_key(postcode).lower()).strip()}


class HouseholdStore:
    """One landlord's households, residents and occupancies."""

    def __init__(self, session: Session, landlord_id: str):
        self.session = session
        self.landlord_id = landlord_id

    def _mine(self, table):
        return table.c.landlord_id == self.landlord_id

    # -- residents ---------------------------------------------------------------------------------------------------

    def residents(self, person_ids: Sequence[str]) -> dict[str, Resident]:
        found = {}
        for part in chunks(list(person_ids)):
            for row in self.session.execute(select(residents).where(
                    self._mine(residents), one_of(self.session, residents.c.person_id, part))).mappings().all():
                found[row["person_id"]] = resident_of(row)
        return found

    def resident_page(self, after: int, limit: int) -> list:
        """Up to `limit` resident rows stored after number `after`, in storage order (a rebuild's batch:
        read in the order they are on disk)."""
        r = residents
        return self.session.execute(select(r).where(self._mine(r), r.c.resident_no > after)
                                    .order_by(r.c.resident_no).limit(limit)).mappings().all()

    def rekey_residents(self, keys: dict[str, str]) -> None:
        """The residents of each household (by id) get its new key."""
        update_rows(self.session, residents, [{"household_id": h, "household_key": key} for h, key in keys.items()],
                    key="household_id", landlord_id=self.landlord_id)

    def resident(self, person_id: str) -> Resident | None:
        row = self.session.execute(select(residents).where(self._mine(residents), residents.c.person_id == person_id)
                                   ).mappings().first()
        return resident_of(row) if row else None

    def add_residents(self, new: Iterable[Resident], at: dt.datetime) -> None:
        rows = [{**_columns(r), "landlord_id": self.landlord_id, "updated_at": at} for r in new]
        insert_rows(self.session, residents, rows)

    def move_residents(self, moved: Iterable[Resident], at: dt.datetime) -> None:
        """Residents whose household (and nothing else) changed: only that is written."""
        rows = [{"person_id": r.person_id, "household_id": r.household_id, "household_key": r.household_key,
                 "updated_at": at} for r in moved]
        update_rows(self.session, residents, rows, key="person_id", landlord_id=self.landlord_id)

    def save_residents(self, changed: Iterable[Resident], at: dt.datetime) -> None:
        rows = [{**_columns(r), "updated_at": at} for r in changed]
        update_rows(self.session, residents, rows, key="person_id", landlord_id=self.landlord_id)

    # -- occupancies -------------------------------------------------------------------------------------------------

    def end_occupancies(self, person_ids: Sequence[str], at: dt.datetime) -> None:
        o = occupancies
        for part in chunks(list(person_ids)):
            self.session.execute(update(o).where(self._mine(o), one_of(self.session, o.c.person_id, part),
                                                 o.c.left_at.is_(None)).values(left_at=at))

    def begin_occupancies(self, joins: Iterable[tuple[str, str]], at: dt.datetime) -> None:
        """(person_id, household_id) pairs."""
        rows = [{"landlord_id": self.landlord_id, "person_id": p, "household_id": h, "joined_at": at}
                for p, h in joins]
        insert_rows(self.session, occupancies, rows)

    def occupancy_rows(self, household_id: str) -> list[tuple[Resident, dt.datetime, dt.datetime | None]]:
        """Every occupancy of the household with its resident: (resident, joined_at, left_at)."""
        o, r = occupancies, residents
        rows = self.session.execute(
            select(r, o.c.joined_at, o.c.left_at).select_from(o.join(
                r, (r.c.person_id == o.c.person_id) & (r.c.landlord_id == o.c.landlord_id)))
            .where(self._mine(o), o.c.household_id == household_id)
            .order_by(o.c.joined_at, o.c.occupancy_id)).mappings()
        return [(resident_of(row), as_utc(row["joined_at"]), as_utc(row["left_at"])) for row in rows]

    def current_occupants(self, household_ids: Sequence[str]) -> dict[str, list[tuple[Resident, dt.datetime]]]:
        """Current occupants by household, oldest joined first: (resident, joined_at)."""
        o, r = occupancies, residents
        found: dict[str, list] = {h: [] for h in household_ids}
        for part in chunks(list(household_ids)):
            rows = self.session.execute(
                select(r, o.c.household_id.label("occupancy_of"), o.c.joined_at).select_from(o.join(
                    r, (r.c.person_id == o.c.person_id) & (r.c.landlord_id == o.c.landlord_id)))
                .where(self._mine(o), one_of(self.session, o.c.household_id, part), o.c.left_at.is_(None))
                .order_by(o.c.joined_at, o.c.occupancy_id)).mappings()
            for row in rows:
                found[row["occupancy_of"]].append((resident_of(row), as_utc(row["joined_at"])))
        return found

    # -- households --------------------------------------------------------------------------------------------------

    def household_ids(self, keys: Iterable[str]) -> dict[str, str]:
        """Household ids by match key, for the keys that have one."""
        found = {}
        for part in chunks(list(dict.fromkeys(keys))):
            found.update(self.session.execute(select(households.c.match_key, households.c.household_id).where(
                self._mine(households), one_of(self.session, households.c.match_key, part))).all())
        return found

    def add_households(self, new: Iterable[tuple[matching.Match, Resident]], at: dt.datetime) -> dict[str, str]:
        """New, empty households, one per (match, the resident whose property details it takes); their
        ids by match key."""
        rows = [{"household_id": new_id(), "landlord_id": self.landlord_id, "match_key": match.key,
                 "matched_by": match.matched_by, **address_columns(r.property_ref, r.lines, r.postcode),
                 "occupant_count": 0, "youngest_date_of_birth": None, "tenancy_types": "", "version": 0, "property_profile": "{}",
                 "household_profile": "{}", "created_at": at, "updated_at": at} for match, r in new]
        insert_rows(self.session, households, rows)
        return {row["match_key"]: row["household_id"] for row in rows}

    def get(self, household_id: str, *, for_update: bool = False):
        query = select(households).where(self._mine(households), households.c.household_id == household_id)
        return self.session.execute(query.with_for_update() if for_update else query).mappings().first()

    def many(self, household_ids: Sequence[str], *, for_update: bool = False) -> dict[str, Any]:
        """Households by id; `for_update` locks them (in id order, so two writers never deadlock)
        until the transaction ends: their version and counts are then read and written by one."""
        found = {}
        for part in chunks(sorted(household_ids)):
            query = select(households).where(self._mine(households),
                                             one_of(self.session, households.c.household_id, part)) \
                .order_by(households.c.household_id)
            for row in self.session.execute(query.with_for_update() if for_update else query).mappings():
                found[row["household_id"]] = row
        return found

    def page_after(self, after: str, limit: int) -> list:
        """At most `limit` households whose id follows `after` ("": the first), in id order."""
        query = select(households).where(self._mine(households), households.c.household_id > after) \
            .order_by(households.c.household_id).limit(limit)
        return list(self.session.execute(query).mappings())

    def occupant_facts(self, household_ids: Sequence[str]) -> dict[str, list[tuple[str, dt.date | None, str]]]:
        """Current occupants by household: (person_id, date_of_birth, tenancy_type), in person id order."""
        r = residents
        found: dict[str, list] = {h: [] for h in household_ids}
        for part in chunks(list(household_ids)):
            rows = self.session.execute(select(r.c.household_id, r.c.person_id, r.c.date_of_birth, r.c.tenancy_type)
                                        .where(self._mine(r), one_of(self.session, r.c.household_id, part),
                                               r.c.status == CURRENT)).all()
            for household_id, *facts in rows:
                found[household_id].append(tuple(facts))
        for occupants in found.values():
            occupants.sort()  # in SQL, ORDER BY person_id would read people in that order, not by household
        return found

    def save_states(self, states: Iterable[dict[str, Any]], at: dt.datetime) -> None:
        """Each {household_id, version, occupant_count, youngest_date_of_birth, tenancy_types}, stamped `at`."""
        rows = [{"household_id": s["household_id"], "version": s["version"], "occupant_count": s["occupant_count"],
                 "youngest_date_of_birth": s["youngest_date_of_birth"], "tenancy_types": s["tenancy_types"],
                 "updated_at": at} for s in states]
        update_rows(self.session, households, rows, key="household_id", landlord_id=self.landlord_id)

    def save_profiles(self, household_id: str, property_profile: dict, household_profile: dict,
                      values: Iterable[dict[str, Any]], version: int, at: dt.datetime) -> None:
        """New stored profiles (by field id) and their search rows ({field_id, text_value, ...})."""
        h, v = households, profile_values
        self.session.execute(update(h).where(self._mine(h), h.c.household_id == household_id).values(
            property_profile=json.dumps(property_profile), household_profile=json.dumps(household_profile),
            version=version, updated_at=at))
        self.session.execute(delete(v).where(self._mine(v), v.c.household_id == household_id))
        rows = [{"landlord_id": self.landlord_id, "household_id": household_id, "text_value": None,
                 "number_value": None, "date_value": None, "bool_value": None, **value} for value in values]
        if rows:
            self.session.execute(insert(v), rows)
