"""Keeping the people search index in step with the database, the source of truth.

Every document is written with its person's version (store.py) and the index
refuses a write older than the one it holds (external versioning), so a slower writer can
never replace a newer document; a refused write is harmless and ignored. The version is
read first and the person and their facts after it, so a document is never older than the
version it carries. The version is counted up by the transaction that changes what the
document shows, and the document is written only once that has committed:

- the search indexer (profiles' own events): the change committed before its event was
  sent, so it writes at once (`index_now`); if the index is away the event is offered again.
- the households, groups, messaging and referrals consumers (`index_people`): count the versions up
  with the facts they record, and write once that commits. If the index is away then, the document
  waits for reconcile (profiles/maintenance.py), which compares the index with the database and
  repairs what differs. Where the facts are a few fields of the document (groups and households:
  `update_people`), those fields are updated in place in each document the index holds at the version
  just before, so the index's version still counts every change; any other is written whole.
- reindex and reconcile: the same write, a page of people at a time.
"""
from __future__ import annotations

import logging
from dataclasses import asdict, dataclass
from typing import Any, Callable, Iterable, Mapping

from prometheus_client import Counter
from sqlalchemy.exc import OperationalError

from services.common.logs import error_reason
from services.common.search import SearchError, SearchIndex
from services.common.uow import UnitOfWork

from ..catalogue_cache import CatalogueCache, catalogue_of
from ..facts.domain import NO_FACTS
from ..facts.store import FactsRepository
from ..setup.domain import Catalogue
from ..setup.store import read_catalogue
from ..store import PersonRepository
from .document import INDEX, document, index_fields
from .store import SearchVersions

log = logging.getLogger(__name__)
WRITES = Counter("tracker_search_index_writes_total", "People search documents written, by outcome (refused: the "
                 "index held a newer version; failed: the index was away after the commit, left to reconcile)",
                 ["outcome"])
REPAIRED = Counter("tracker_search_drift_repaired_total", "People search documents reconcile repaired, by drift "
                   "(missing, stale, ahead, extra)", ["drift"])


def index_people(uow: UnitOfWork, index: SearchIndex, *, person_ids: Iterable[str],
                 catalogues: CatalogueCache | None = None, mapped: set[str] | None = None) -> None:
    """These people's documents change with this unit of work: their versions are counted up
    now, and the documents written once it commits, as the database then holds them."""
    ids = list(dict.fromkeys(person_ids))
    if not ids:
        return
    SearchVersions(uow.session, uow.landlord_id).count_up(ids)
    _after_commit(uow, len(ids), lambda: index_now(uow, index, person_ids=ids, catalogues=catalogues, mapped=mapped,
                                                   end_read=True))


def update_people(uow: UnitOfWork, index: SearchIndex, *, fields: Mapping[str, Mapping[str, Any]],
                  catalogues: CatalogueCache | None = None, mapped: set[str] | None = None) -> None:
    """Only these fields of these people's documents ({person id: fields}) change with this unit of work, to
    these values (what another service says about them): their versions are counted up now, and once it
    commits each document the index holds at the version before is updated in place, with no read of the
    person; the others (missing, or at another version: a write of theirs is late or failed) are written whole,
    as the database then holds them."""
    if not fields:
        return
    versions = SearchVersions(uow.session, uow.landlord_id).count_up(fields)

    def write() -> None:
        left = index.update_many(INDEX, uow.landlord_id, {p: (v, fields[p]) for p, v in versions.items()})
        WRITES.labels("written").inc(len(versions) - len(left))
        index_now(uow, index, person_ids=sorted(left | (fields.keys() - versions.keys())), catalogues=catalogues,
                  mapped=mapped, end_read=True)  # and those who are not people (any document of theirs removed)
    _after_commit(uow, len(fields), write)


def _after_commit(uow: UnitOfWork, people: int, write: Callable[[], Any]) -> None:
    """`write` once the unit of work commits; if the index (or the database) is away then, the documents are
    left for reconcile."""
    def guarded() -> None:
        try:
            write()
        except (SearchError, OperationalError) as error:  # committed already: reconcile repairs these documents
            WRITES.labels("failed").inc(people)
            log.warning("search documents left for reconcile", extra={"people": people,
                                                                      "error": error_reason(error)})
    uow.after_commit(guarded)


def index_now(uow: UnitOfWork, index: SearchIndex, *, person_ids: Iterable[str],
              catalogues: CatalogueCache | None = None, mapped: set[str] | None = None, end_read: bool = False) -> int:
    """Write these people's documents as committed in the database now, each with its version; remove
    from the index those no longer in the database. Reads in the unit of work's transaction (`end_read`:
    then ends it, before writing). Returns how many writes the index refused as older than it held."""
    ids = list(dict.fromkeys(person_ids))
    if not ids:
        return 0
    versions = SearchVersions(uow.session, uow.landlord_id).of(ids)  # first: all read after is at least as new
    catalogue = catalogue_of(uow.session, uow.landlord_id, catalogues)
    found = PersonRepository(uow.session, uow.landlord_id, catalogue.custom_fields.values()).get_many(versions)
    facts = FactsRepository(uow.session, uow.landlord_id).get_many(found) if found else {}
    if end_read:
        uow.rollback()
    refused = 0
    if found:
        ensure_custom_fields(index, catalogue, mapped)
        refused = index.index_many(INDEX, uow.landlord_id, {
            person_id: document(person, catalogue, facts.get(person_id, NO_FACTS))
            for person_id, person in found.items()}, versions={person_id: versions[person_id] for person_id in found})
        WRITES.labels("written").inc(len(found) - refused)
        WRITES.labels("refused").inc(refused)
    for person_id in ids:
        if person_id not in found:  # deleted: rare, one call each
            index.delete(INDEX, uow.landlord_id, person_id)
    return refused


def ensure_custom_fields(index: SearchIndex, catalogue: Catalogue, mapped: set[str] | None = None) -> None:
    """Add the landlord's custom fields to the index mapping; `mapped` (kept by a long-lived
    caller such as the indexer) remembers those already added so the mapping is not re-sent."""
    wanted = {d.index_field for d in catalogue.custom_fields.values()}
    if mapped is None or not wanted <= mapped:
        index.ensure_index(INDEX, index_fields(catalogue.custom_fields.values()))
        if mapped is not None:
            mapped |= wanted


def reindex_landlord(uow: UnitOfWork, index: SearchIndex, progress=None) -> int:
    """Rewrite every search document of the landlord from the database, a page at a time, with the
    versions every other write uses. Returns how many people there are."""
    ensure_custom_fields(index, read_catalogue(uow.session, uow.landlord_id))
    done = refused = 0
    for ids in SearchVersions(uow.session, uow.landlord_id).pages():
        refused += index_now(uow, index, person_ids=ids, end_read=True)
        done += len(ids)
        if progress:
            progress(done)
    if refused:
        log.warning("reindex left documents the index holds at a newer version: reconcile repairs them",
                    extra={"people": refused})
    return done


@dataclass
class Drift:
    """What reconcile found different between the index and the database (and repaired)."""
    missing: int = 0  # in the database, not in the index
    stale: int = 0  # in the index at an older version than the database's
    ahead: int = 0  # in the index at a newer version than the database's (written before versions, or a restore)
    extra: int = 0  # in the index, not in the database
    refused: int = 0  # repairs the index refused (a document deleted a moment ago): the next run repairs them

    @property
    def found(self) -> int:
        return self.missing + self.stale + self.ahead + self.extra

    def counts(self) -> dict[str, int]:
        return asdict(self)


def reconcile_landlord(uow: UnitOfWork, index: SearchIndex, *, page: int = 1000) -> Drift:
    """Compare the landlord's documents with the database, a page of ids at a time (people in id
    order, then the index's ids), and repair what differs: write the missing, stale and ahead
    documents, delete the extra ones."""
    drift = Drift()
    versions = SearchVersions(uow.session, uow.landlord_id)
    for ids in versions.pages(page):
        held = index.versions(INDEX, uow.landlord_id, ids)
        current = versions.of(ids)  # after the index: it never holds a version not committed by now
        missing = [i for i in ids if i in current and i not in held]
        stale = [i for i in ids if i in current and i in held and held[i] < current[i]]
        ahead = {i: held[i] for i in ids if i in current and i in held and held[i] > current[i]}
        if ahead:
            versions.raise_above(ahead)
            uow.commit()
        drift.missing += len(missing)
        drift.stale += len(stale)
        drift.ahead += len(ahead)
        drift.refused += index_now(uow, index, person_ids=[*missing, *stale, *ahead], end_read=True)
        uow.rollback()
    index.refresh(INDEX)
    for ids in index.scan_ids(INDEX, uow.landlord_id, [], page).chunks:
        existing = versions.of(ids)
        uow.rollback()
        for person_id in ids:
            if person_id not in existing:
                index.delete(INDEX, uow.landlord_id, person_id)
                drift.extra += 1
    for kind, count in drift.counts().items():
        if count and kind != "refused":
            REPAIRED.labels(kind).inc(count)
    return drift
