"""Rebuilding households from the stored residents (after the matching rules change, or to repair):
every household's key is worked out again from its own property details, then every resident's,
a batch at a time (one transaction each), so a million residents need bounded memory. People whose
household is not the one their details give are moved; changed households are announced."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from sqlalchemy import select

from services.common.bulk import update_rows
from services.common.uow import UnitOfWork

from . import placing
from .domain import CURRENT, Announcements
from .matching import household_key
from .store import HouseholdStore, address_columns, resident_of
from .tables import households

BATCH = 10_000


@dataclass
class Rebuilt:
    residents: int = 0  # residents looked at
    moved: int = 0  # people who left or joined a household
    rekeyed: int = 0  # households whose key changed with the rules (same household, new key)
    created: int = 0  # households created for people whose key no household had
    announced: int = 0  # HouseholdChanged events published
    batches: int = 0


def rebuild(uow_factory: Callable[[str], UnitOfWork], landlord_id: str, batch_size: int = BATCH,
            progress: Callable[[Rebuilt], None] | None = None) -> Rebuilt:
    """Rebuild one landlord's households. `uow_factory(landlord_id)` opens a unit of work (e.g.
    ServiceRuntime.uow); each batch of `batch_size` commits on its own."""
    counts = Rebuilt()
    _rekey_households(uow_factory, landlord_id, batch_size, counts)
    after = 0
    while True:
        with uow_factory(landlord_id) as uow:
            store = HouseholdStore(uow.session, landlord_id)
            page = store.resident_page(after, batch_size)
            if not page:
                break
            after = page[-1]["resident_no"]
            counts.residents += len(page)
            counts.batches += 1
            misplaced = [(r, r) for r in map(resident_of, _misplaced(page))]
            if misplaced:
                at = uow.clock.now()
                announcements = Announcements()
                uow.track(announcements)
                placed, moved, details = placing.place_all(store, misplaced, at)
                counts.moved += placed.moved
                counts.created += placed.created_households
                counts.announced += placing.announce(store, announcements, moved, details, at)
            uow.commit()
        if progress:
            progress(counts)
        if len(page) < batch_size:
            break
    return counts


def _misplaced(page: list) -> list:
    """The rows of current residents whose household is not the one their details give."""
    keys: dict[tuple, str | None] = {}  # people of one household share their details: work each out once
    found = []
    for row in page:
        if row["status"] != CURRENT:
            continue
        details = (row["property_ref"], row["address_line_1"], row["address_line_2"], row["address_line_3"],
                   row["address_line_4"], row["postcode"])
        if details not in keys:
            match = household_key(details[0], details[1:5], details[5])
            keys[details] = match.key if match else None
        if keys[details] != (row["household_key"] if row["household_id"] else None):
            found.append(row)
    return found


def _rekey_households(uow_factory, landlord_id: str, batch_size: int, counts: Rebuilt) -> None:
    """Give each household the key its own property details give under the rules now, unless
    another household already has that key (then its people move there in the residents pass)."""
    h = households
    after = ""
    while True:
        with uow_factory(landlord_id) as uow:
            rows = uow.session.execute(
                select(h.c.household_id, h.c.match_key, h.c.property_ref, h.c.address_line_1, h.c.address_line_2,
                       h.c.address_line_3, h.c.address_line_4, h.c.postcode)
                .where(h.c.landlord_id == landlord_id, h.c.household_id > after)
                .order_by(h.c.household_id).limit(batch_size)).mappings().all()
            if not rows:
                return
            after = rows[-1]["household_id"]
            changes = {}
            for row in rows:
                lines = (row["address_line_1"], row["address_line_2"], row["address_line_3"], row["address_line_4"])
                match = household_key(row["property_ref"], lines, row["postcode"])
                if match is not None and match.key != row["match_key"]:
                    changes[row["household_id"]] = (match, row["property_ref"], lines, row["postcode"])
            if changes:
                taken = set(HouseholdStore(uow.session, landlord_id).household_ids(m.key for m, *_ in changes.values()))
                updates = []
                for household_id, (match, ref, lines, postcode) in changes.items():
                    if match.key in taken:
                        continue
                    taken.add(match.key)
                    updates.append({"household_id": household_id, "match_key": match.key, "matched_by": match.matched_by,
                                    **address_columns(ref, lines, postcode)})
                if updates:
                    update_rows(uow.session, h, updates, key="household_id", landlord_id=landlord_id)
                    HouseholdStore(uow.session, landlord_id).rekey_residents(
                        {u["household_id"]: u["match_key"] for u in updates})
                    counts.rekeyed += len(updates)
            uow.commit()
        if len(rows) < batch_size:
            return
