"""Use cases of the profiles service: the person record. They take the unit of
work first and are the only code that commits. Reads and searches never write:
they work in a read-only unit of work, and read the catalogue as it is."""
from __future__ import annotations

import logging
from typing import Any, Callable, Iterable, Iterator, Mapping, NamedTuple, Sequence

from services.common.dates import landlord_today
from services.common.errors import InvalidInput, NotFound, Unavailable
from services.common.search import MAX_SCAN_BATCH, IdScan, SearchError, SearchIndex
from services.common import states
from services.common.prefetch import read_ahead
from services.common.uow import UnitOfWork

from . import search
from .domain import USER, FieldChange, Person
from .catalogue_cache import CatalogueCache, catalogue_of
from .setup.domain import REF_GENERATED, Catalogue
from .setup.store import load_catalogue, next_personal_ref
from .history import HistoryRepository
from .store import PersonRepository

log = logging.getLogger(__name__)
CREATED = FieldChange("record", None, "created")
RESOLVE_CHUNK = 5_000  # person ids per chunk unless asked otherwise
MAX_PEOPLE_READ = 1_000  # people one GetPeople call reads
SEARCH_AWAY = "people search is not available just now; try again shortly"


class PeoplePage(NamedTuple):
    people: list[Person]  # in person id order
    catalogue: Catalogue  # as the page's transaction read it


def _repository(uow: UnitOfWork, catalogue: Catalogue) -> PersonRepository:
    return PersonRepository(uow.session, uow.landlord_id, catalogue.custom_fields.values())


def add_person(uow: UnitOfWork, *, raw: Mapping[str, Any], user_id: str) -> tuple[Person, Catalogue]:
    """A person added by hand: not of a type the import feeds; reference typed or generated."""
    catalogue = load_catalogue(uow.session, uow.landlord_id)
    raw = dict(raw)
    tenancy = catalogue.by_label("tenancy_type", raw["tenancy_type"]) if isinstance(raw.get("tenancy_type"), str) else None
    if tenancy is not None and tenancy.attributes.get("fed_by_import"):
        raise InvalidInput.field("tenancy_type", f"people of the tenancy type '{tenancy.label}' come from the housing "
                                                 "system: add them there and the next import brings them here")
    if catalogue.settings.personal_ref_mode == REF_GENERATED:
        if raw.get("personal_ref"):
            raise InvalidInput.field("personal_ref", "is generated for you from the tenancy type: leave it out")
        if tenancy is None:
            raise InvalidInput.field("tenancy_type", "is required: the personal reference is generated from it")
        raw["personal_ref"] = next_personal_ref(uow.session, uow.landlord_id, tenancy.option_id)
    now = uow.clock.now()
    person = Person.add(landlord_id=uow.landlord_id, raw=raw, catalogue=catalogue, created_by=user_id, now=now)
    _repository(uow, catalogue).add(person)
    HistoryRepository(uow.session, uow.landlord_id).record(person.person_id, [CREATED], by=user_id, at=now, source=USER)
    uow.track(person)
    uow.commit()
    return person, catalogue


def change_person(uow: UnitOfWork, *, person_id: str, raw: Mapping[str, Any], user_id: str) -> tuple[Person, Catalogue]:
    catalogue = load_catalogue(uow.session, uow.landlord_id)
    repository = _repository(uow, catalogue)
    person = repository.get(person_id, for_update=True)
    if person is None:
        raise NotFound("person not found")
    now = uow.clock.now()
    changes = person.change(raw, catalogue, by=user_id, now=now)
    if changes:
        repository.save(person)
        HistoryRepository(uow.session, uow.landlord_id).record(person_id, changes, by=user_id, at=now, source=USER)
        uow.track(person)
    uow.commit()
    return person, catalogue


def _catalogue(uow: UnitOfWork, catalogues: CatalogueCache | None = None) -> Catalogue:
    """The landlord's catalogue for a read (kept ones if given): nothing is written."""
    return catalogue_of(uow.session, uow.landlord_id, catalogues)


def get_person(uow: UnitOfWork, *, person_id: str) -> tuple[Person, Catalogue]:
    catalogue = _catalogue(uow)
    person = _repository(uow, catalogue).get(person_id)
    if person is None:
        raise NotFound("person not found")
    return person, catalogue


def get_people(uow: UnitOfWork, *, person_ids: Sequence[str]) -> tuple[list[Person], Catalogue]:
    """Those of these people who exist (current and archived), from the database."""
    if len(person_ids) > MAX_PEOPLE_READ:
        raise InvalidInput.field("person_ids", f"must name at most {MAX_PEOPLE_READ:,} people")
    catalogue = _catalogue(uow)
    return list(_repository(uow, catalogue).get_many(person_ids).values()), catalogue


def person_history(uow: UnitOfWork, *, person_id: str, page: int, page_size: int) -> tuple[int, list[dict]]:
    get_person(uow, person_id=person_id)
    return HistoryRepository(uow.session, uow.landlord_id).of(person_id, limit=page_size, offset=(page - 1) * page_size)


def search_people(uow: UnitOfWork, index: SearchIndex, *, criteria: Mapping[str, Any], page: search.Page,
                  catalogues: CatalogueCache | None = None) -> search.Found:
    """A page of the people matching the criteria, the exact total and the facet counts asked for, as users
    see them. Reads only: the unit of work may be read-only."""
    catalogue = _catalogue(uow, catalogues)
    today = uow.clock.today()
    request = search.build_request(criteria, page, catalogue, today, landlord_date=landlord_today(uow.clock.now()))
    try:
        result = index.search(search.INDEX, uow.landlord_id, request)
    except SearchError:
        log.exception("people search failed")
        raise Unavailable(SEARCH_AWAY) from None
    return search.found(result, page, catalogue, today)


def resolve_people(uow: UnitOfWork, index: SearchIndex, *, criteria: Mapping[str, Any], chunk_size: int = 0,
                   catalogues: CatalogueCache | None = None) -> IdScan:
    """Every person matching the criteria (no page limit): the total, then their ids `chunk_size` at a time.
    Reads only: the unit of work may be read-only."""
    if not 0 <= chunk_size <= MAX_SCAN_BATCH:
        raise InvalidInput.field("chunk_size", f"must be at most {MAX_SCAN_BATCH:,} (0: {RESOLVE_CHUNK:,})")
    filters = search.criteria_filters(criteria, _catalogue(uow, catalogues), uow.clock.today(),
                                      landlord_date=landlord_today(uow.clock.now()))
    try:
        scan = index.scan_ids(search.INDEX, uow.landlord_id, filters, chunk_size or RESOLVE_CHUNK)
    except SearchError:
        log.exception("resolving people failed")
        raise Unavailable(SEARCH_AWAY) from None
    return IdScan(scan.total, _search_away_as_unavailable(scan.chunks))


class RowScan(NamedTuple):
    total: int
    chunks: Iterator[list[list]]  # rows as search.values_reader makes them


def people_rows(uow: UnitOfWork, index: SearchIndex, *, criteria: Mapping[str, Any], columns: Sequence[str],
                chunk_size: int = 0, catalogues: CatalogueCache | None = None) -> RowScan:
    """Everyone the criteria pick (no page limit) as rows of these columns (search.values_reader), in no
    particular order, in one pass over the index: the total, then the rows `chunk_size` at a time. Reads only."""
    if not 0 <= chunk_size <= MAX_SCAN_BATCH:
        raise InvalidInput.field("chunk_size", f"must be at most {MAX_SCAN_BATCH:,} (0: {RESOLVE_CHUNK:,})")
    catalogue = _catalogue(uow, catalogues)
    filters, fields = search.rows_scan(criteria, columns, catalogue, uow.clock.today(),
                                       landlord_date=landlord_today(uow.clock.now()))
    read = search.values_reader(columns, catalogue, uow.clock.today())
    try:
        scan = index.scan_documents(search.INDEX, uow.landlord_id, filters, fields, chunk_size or RESOLVE_CHUNK)
    except SearchError:
        log.exception("reading people's rows failed")
        raise Unavailable(SEARCH_AWAY) from None
    pages = read_ahead(_search_away_as_unavailable(scan.chunks))  # the index reads on while rows are made and sent
    return RowScan(scan.total, ([read(doc) for doc in docs] for docs in pages))


def _search_away_as_unavailable(chunks: Iterator[list]) -> Iterator[list]:
    try:
        yield from chunks
    except SearchError:
        log.exception("resolving people failed part way")
        raise Unavailable(SEARCH_AWAY) from None


def people_status(uow: UnitOfWork, *, person_ids: Iterable[str]) -> dict[str, str]:
    """Current or archived, by person id, for those of these people who exist (from the database)."""
    return PersonRepository(uow.session, uow.landlord_id).statuses(person_ids)


def people_states(make_uow: Callable[[], UnitOfWork], *, page_size: int = 0, after_person_id: str = "",
                  catalogues: CatalogueCache | None = None) -> Iterator[PeoplePage]:
    """Every person of the landlord (current and archived) whose id follows `after_person_id` ("": all), in id
    order, `page_size` at a time (0: states.PAGE), for the reporting service's recount, each page in its own
    unit of work (`make_uow()`, which may be read-only). A bad size is raised before the first page."""
    def read(after: str, size: int) -> PeoplePage:
        with make_uow() as uow:
            catalogue = _catalogue(uow, catalogues)
            return PeoplePage(_repository(uow, catalogue).page_after(after, size), catalogue)
    return states.by_key(read, lambda page: [p.person_id for p in page.people], states.page_size(page_size),
                         after_person_id)
