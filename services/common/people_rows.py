"""People as profiles' search answers them, for services that read many at once: the ids the criteria
pick (ResolvePeople, a chunk at a time), and search rows of given people (the standard columns and the
ones asked for, a page of 500 per call), through a ProfilesStub."""
from __future__ import annotations

from typing import Any, Iterable, Iterator, Mapping, Sequence

from services.gen.tracker.profiles.v1 import profiles_service_pb2 as pb

from .grpc_client import call, call_stream

ROWS_PAGE = 500  # people search's largest page


def resolve(profiles_stub, criteria: Mapping[str, Any], chunk: int = ROWS_PAGE) -> Iterator[tuple[int, list[str]]]:
    """The ids of the people the criteria pick, a chunk at a time, with how many there are (on the first)."""
    request = pb.ResolvePeopleRequest(chunk_size=chunk)
    request.criteria.update(dict(criteria))
    for page in call_stream(profiles_stub.ResolvePeople, request, timeout=None):
        yield page.total, list(page.person_ids)


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
