"""The version of each person's search document (table `search_versions`), in the database.

It is counted up in the same transaction as every change to the person (profiles/store.py) or to
what households and groups say about them (`count_up`), so it only grows with the
committed state. Writers lock versions in id order, so two of them never wait for each
other in a circle."""
from __future__ import annotations

from typing import Iterable, Iterator, Mapping

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from services.common.bulk import chunks, one_of

from ..store import BATCH, PersonRepository, people
from ..tables import search_versions as versions


class SearchVersions:
    """One landlord's people's search document versions, inside the caller's transaction."""

    def __init__(self, session: Session, landlord_id: str):
        self.session = session
        self.landlord_id = landlord_id

    def of(self, person_ids: Iterable[str]) -> dict[str, int]:
        """The version of each of these people that exists, by id."""
        found = {}
        for chunk in chunks(list(dict.fromkeys(person_ids)), BATCH):
            found.update(self.session.execute(select(versions.c.person_id, versions.c.version).where(
                versions.c.landlord_id == self.landlord_id, one_of(self.session, versions.c.person_id, chunk))).all())
        return found

    def pages(self, size: int = BATCH) -> Iterator[list[str]]:
        """Every person id of the landlord, in id order, `size` at a time (one query per page)."""
        after = ""
        while True:
            ids = list(self.session.execute(select(people.c.person_id).where(
                people.c.landlord_id == self.landlord_id, people.c.person_id > after)
                .order_by(people.c.person_id).limit(size)).scalars())
            if not ids:
                return
            yield ids
            after = ids[-1]

    def count_up(self, person_ids: Iterable[str]) -> dict[str, int]:
        """These people's documents change with this transaction (people who do not exist are left out): their
        new versions, by id."""
        return PersonRepository(self.session, self.landlord_id).count_up(person_ids)

    def raise_above(self, held: Mapping[str, int]) -> None:
        """Make each of these people's version higher than `held` (what the index holds), so their
        next document is not refused (the index was written before versions, or the database restored)."""
        if not held:
            return
        self.count_up(held)  # locks them
        self.session.execute(update(versions).where(
            versions.c.landlord_id == self.landlord_id, versions.c.person_id == bindparam("b_id"),
            versions.c.version <= bindparam("b_held")).values(version=bindparam("b_held") + 1),
            [{"b_id": person_id, "b_held": version} for person_id, version in sorted(held.items())])
