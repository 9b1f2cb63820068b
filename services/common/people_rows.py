"""People as profiles' search answers them, for services that read many at once: the ids the criteria
pick (ResolvePeople, a chunk at a time), search rows of given people (the standard columns and the ones
asked for, a page of 500 per call), both together, pages read ahead, and everyone the criteria pick as rows
in one pass (StreamPeopleRows), through a ProfilesStub."""
from __future__ import annotations

from typing import Any, Iterable, Iterator, Mapping, Sequence

import orjson

from services.gen.tracker.profiles.v1 import profiles_service_pb2 as pb

from .grpc_client import call, call_stream
from .prefetch import fetched_ahead

ROWS_PAGE = 500  # people search's largest page
IDS_CHUNK = 5_000  # ids per ResolvePeople message when reading rows after them
ROWS_CHUNK = 2_500  # rows per StreamPeopleRows message: small enough that the reader starts early


def resolve(profiles_stub, criteria: Mapping[str, Any], chunk: int = ROWS_PAGE) -> Iterator[tuple[int, list[str]]]:
    """The ids of the people the criteria pick, a chunk at a time, with how many there are (on the first)."""
    request = pb.ResolvePeopleRequest(chunk_size=chunk)
    request.criteria.update(dict(criteria))
    for page in call_stream(profiles_stub.ResolvePeople, request, timeout=None):
        yield page.total, list(page.person_ids)


def picked_rows(profiles_stub, criteria: Mapping[str, Any], columns: Iterable[str],
                chunk: int = ROWS_CHUNK) -> Iterator[tuple[int, list[list]]]:
    """Everyone the criteria pick as rows, a chunk at a time in no particular order, with how many there are
    (on the first): each row [id, status, personal_ref, first_name, surname, [the columns' values in the
    order given]]; InvalidInput for bad criteria or columns as the first chunk is read."""
    request = pb.StreamPeopleRowsRequest(columns=list(columns), chunk_size=chunk)
    request.criteria.update(dict(criteria))
    for page in call_stream(profiles_stub.StreamPeopleRows, request, timeout=None):
        yield page.total, orjson.loads(page.rows_json)


def rows(profiles_stub, person_ids: Sequence[str], columns: Iterable[str]) -> list:
    """Search rows of these people, current and archived (500 per call): the standard columns and these."""
    columns = list(columns)
    found = []
    for start in range(0, len(person_ids), ROWS_PAGE):
        request = pb.SearchPeopleRequest(page_size=len(person_ids[start:start + ROWS_PAGE]), columns=columns)
        request.criteria.update({"person_id": list(person_ids[start:start + ROWS_PAGE]),
                                 "status": ["current", "archived"]})
        found += call(profiles_stub.SearchPeople, request, timeout=30).rows
    return found


def pages(profiles_stub, criteria: Mapping[str, Any], columns: Iterable[str],
          ahead: int = 2) -> Iterator[tuple[int, list]]:
    """The people the criteria pick, a page of search rows at a time in the scan's order, with how many there
    are (on the first page, 0 after): `ahead` pages are asked for at once, so profiles and Elasticsearch work
    on the next ones while the caller uses this one."""
    columns = list(columns)

    def page_ids() -> Iterator[tuple[int, list[str]]]:
        for total, ids in resolve(profiles_stub, criteria, IDS_CHUNK):
            for start in range(0, len(ids), ROWS_PAGE):
                yield (total if start == 0 else 0), ids[start:start + ROWS_PAGE]

    def read(page: tuple[int, list[str]]) -> tuple[int, list]:
        total, ids = page
        return total, rows(profiles_stub, ids, columns)
    return fetched_ahead(read, page_ids(), ahead)
