"""Whether people are the landlord's, and current, as profiles answers it (GetPeopleStatus, a chunk of ids
per call), and the check every service that takes person ids makes with that answer: all or none, each bad
id named by its place in the request."""
from __future__ import annotations

from typing import Callable, Sequence

from services.gen.tracker.profiles.v1 import profiles_service_pb2 as pb

from .errors import FieldProblem, InvalidInput, collect
from .grpc_client import call

STATUS_CHUNK = 1000  # person ids per GetPeopleStatus call
TIMEOUT = 30.0


def statuses(stub, person_ids: Sequence[str]) -> dict[str, str]:
    """person id -> current | archived, through a ProfilesStub; unknown ids are left out."""
    found: dict[str, str] = {}
    ids = list(dict.fromkeys(person_ids))
    for start in range(0, len(ids), STATUS_CHUNK):
        answer = call(stub.GetPeopleStatus, pb.GetPeopleStatusRequest(person_ids=ids[start:start + STATUS_CHUNK]),
                      timeout=TIMEOUT)
        found.update(answer.status)
    return found


def check_people(status_of: Callable[[Sequence[str]], dict[str, str]], person_ids: Sequence[str], *,
                 field: str = "person_ids", current_only: bool = True) -> list[str]:
    """The ids, each once, if every one is a person of the landlord (and current, with `current_only`);
    else InvalidInput naming each bad one as `field[i]`."""
    status = status_of([p for p in dict.fromkeys(person_ids) if p])
    problems = []
    for i, person_id in enumerate(person_ids):
        found = status.get(person_id)
        if found is None:
            problems.append(FieldProblem(f"{field}[{i}]", "no such person"))
        elif current_only and found != "current":
            problems.append(FieldProblem(f"{field}[{i}]", "is archived"))
    collect(problems)
    return list(dict.fromkeys(person_ids))


def check_person(status_of: Callable[[Sequence[str]], dict[str, str]], person_id: str, *, field: str = "person_id",
                 current_only: bool = False) -> None:
    """InvalidInput naming `field` unless the one person named is the landlord's (and current, with
    `current_only`)."""
    if not person_id:
        raise InvalidInput.field(field, "is required")
    found = status_of([person_id]).get(person_id)
    if found is None:
        raise InvalidInput.field(field, "no such person")
    if current_only and found != "current":
        raise InvalidInput.field(field, "is archived")
