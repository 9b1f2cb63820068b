"""Use cases of the profiles service. They take the unit of work first and are
the only code that commits."""
from __future__ import annotations

import datetime as dt
import logging
from typing import Any, Mapping

from services.common.errors import NotFound, Unavailable
from services.common.search import SearchError, SearchIndex, SearchResult
from services.common.uow import UnitOfWork

from . import search
from .domain import Person
from .store import PersonRepository

log = logging.getLogger(__name__)


def add_person(uow: UnitOfWork, *, personal_ref: str, first_name: str, surname: str, user_id: str) -> Person:
    person = Person.add(landlord_id=uow.landlord_id, personal_ref=personal_ref, first_name=first_name,
                        surname=surname, created_by=user_id, now=dt.datetime.now(dt.timezone.utc))
    PersonRepository(uow.session, uow.landlord_id).add(person)
    uow.track(person)
    uow.commit()
    return person


def get_person(uow: UnitOfWork, *, person_id: str) -> Person:
    person = PersonRepository(uow.session, uow.landlord_id).get(person_id)
    if person is None:
        raise NotFound("person not found")
    return person


def search_people(index: SearchIndex, *, landlord_id: str, criteria: Mapping[str, Any],
                  page: search.Page) -> SearchResult:
    request = search.build_request(criteria, page)
    try:
        result = index.search(search.INDEX, landlord_id, request)
    except SearchError:
        log.exception("people search failed")
        raise Unavailable("people search is not available just now; try again shortly") from None
    result.items = [search.item(doc, page.columns) for doc in result.items]
    return result


def index_person(uow: UnitOfWork, index: SearchIndex, *, person_id: str) -> None:
    """Bring the person's search document up to date from the source of truth."""
    person = PersonRepository(uow.session, uow.landlord_id).get(person_id)
    if person is None:
        index.delete(search.INDEX, uow.landlord_id, person_id)
    else:
        index.index(search.INDEX, uow.landlord_id, person_id, search.document(person))


def reindex_landlord(uow: UnitOfWork, index: SearchIndex) -> int:
    """Rebuild every search document of the landlord from the database."""
    documents = {p.person_id: search.document(p) for p in PersonRepository(uow.session, uow.landlord_id).all()}
    if documents:
        index.index_many(search.INDEX, uow.landlord_id, documents)
    return len(documents)
