"""Profiles, as the import sees it: people upserted by personal reference, the references of
imported people, archiving, and the labels of an option list (for value mappings). Over gRPC
(profiles owns people); the caller's landlord and user travel in the call context."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Mapping, Sequence

import grpc
import orjson

from services.common import context
from services.common.grpc_client import MAX_MESSAGE_BYTES, call, channel, domain_error
from services.gen.tracker.profiles.v1 import profiles_service_pb2 as pb, profiles_service_pb2_grpc as pb_grpc
from services.gen.tracker.profiles.v1 import setup_service_pb2 as setup_pb, setup_service_pb2_grpc as setup_grpc

UPSERT_TIMEOUT = 120.0  # seconds: a batch of a thousand people, on a busy machine
ARCHIVE_CHUNK = 2000
REQUEST_BYTES = MAX_MESSAGE_BYTES // 2  # records per UpsertPeople call, at most (room for the rest of the message)


@dataclass(frozen=True)
class Outcome:
    outcome: str  # created | updated | unchanged | rejected
    person_id: str = ""
    problems: tuple[tuple[str, str], ...] = ()  # (person field, reason)
    changed_fields: tuple[str, ...] = field(default_factory=tuple)


class ProfilesPeople:
    def __init__(self, address: str):
        self._channel = channel(address)
        self._stub = pb_grpc.ProfilesStub(self._channel)
        self._setup = setup_grpc.ProfileSetupStub(self._channel)

    def option_labels(self, list_name: str) -> list[str]:
        """The labels of the list's current (not archived) options, in the list's order."""
        answer = call(self._setup.GetOptionList, setup_pb.GetOptionListRequest(list_name=list_name))
        return [o.label for o in answer.items if not o.archived]

    def upsert(self, records: Sequence[Mapping[str, str]], *, add_unknown_options: Iterable[str] = (),
               dry_run: bool = False) -> list[Outcome]:
        """Outcomes in the records' order."""
        return self.start_upsert(records, add_unknown_options=add_unknown_options, dry_run=dry_run)()

    def start_upsert(self, records: Sequence[Mapping[str, str]], *, add_unknown_options: Iterable[str] = (),
                     dry_run: bool = False) -> Callable[[], list[Outcome]]:
        """The records sent now; the call returned waits for their outcomes, in the records' order. A batch too
        big for one message goes in several calls, each sent when the one before has been answered."""
        requests = [pb.UpsertPeopleRequest(add_unknown_options=list(add_unknown_options), dry_run=dry_run,
                                           records_json=records_json) for records_json in _requests(records)]
        first = self._stub.UpsertPeople.future(requests[0], timeout=UPSERT_TIMEOUT) if requests else None

        def outcomes() -> list[Outcome]:
            answers = []
            if first is not None:
                try:
                    answers.append(first.result())
                except grpc.RpcError as error:
                    raise domain_error(error) from None
            answers += [call(self._stub.UpsertPeople, r, timeout=UPSERT_TIMEOUT) for r in requests[1:]]
            return [Outcome(r.outcome, r.person_id, tuple((p.field, p.reason) for p in r.problems),
                            tuple(r.changed_fields)) for answer in answers for r in answer.results]
        return outcomes

    def imported_refs(self) -> set[str]:
        refs: set[str] = set()
        try:
            for chunk in self._stub.ListImportedRefs(pb.ListImportedRefsRequest(), timeout=UPSERT_TIMEOUT,
                                                     metadata=context.current().metadata()):
                refs.update(chunk.personal_refs)
        except grpc.RpcError as error:
            raise domain_error(error) from None
        return refs

    def archive(self, personal_refs: Sequence[str], *, dry_run: bool = False) -> int:
        archived = 0
        for start in range(0, len(personal_refs), ARCHIVE_CHUNK):
            answer = call(self._stub.ArchiveImportedPeople, pb.ArchiveImportedPeopleRequest(
                personal_refs=list(personal_refs[start:start + ARCHIVE_CHUNK]), dry_run=dry_run),
                timeout=UPSERT_TIMEOUT)
            archived += answer.archived
        return archived

    def close(self) -> None:
        self._channel.close()


def _requests(records: Sequence[Mapping[str, str]]) -> Iterator[bytes]:
    """The records as JSON arrays of at most REQUEST_BYTES each (a record is never split)."""
    batch: list[bytes] = []
    size = 2
    for record in records:
        encoded = orjson.dumps(record)
        if batch and size + len(encoded) + 1 > REQUEST_BYTES:
            yield b"[" + b",".join(batch) + b"]"
            batch, size = [], 2
        batch.append(encoded)
        size += len(encoded) + 1
    if batch:
        yield b"[" + b",".join(batch) + b"]"
