"""Profiles, as the messaging service sees it: whether people are the landlord's (and current), the people
criteria pick, what it takes to address them (name, email, mobile, the channel's opt-out preference, the
alternative contact), and opting someone out of a channel (a text reply of STOP). Over gRPC (profiles owns
people); the caller's landlord and user travel in the call context. Tests pass a fake with the same methods."""
from __future__ import annotations

from typing import Any, Iterable, Iterator, Mapping, Protocol, Sequence

from google.protobuf import json_format

from services.common import people_rows, people_status
from services.common.errors import NotFound
from services.common.grpc_client import call, channel
from services.common.prefetch import fetched_ahead
from services.gen.tracker.profiles.v1 import profiles_service_pb2 as pb, profiles_service_pb2_grpc as pb_grpc
from services.gen.tracker.profiles.v1 import setup_service_pb2 as setup_pb, setup_service_pb2_grpc as setup_grpc

from ..messages.domain import Addressee

COLUMNS = ("title", "email", "mobile", "preferences", "alt_contact_name", "alt_contact_email", "alt_contact_phone")
OPT_OUT = {"email": "no_email", "text": "no_text"}
PEOPLE_READ = 1_000  # people one GetPeople call reads  # the programmed preference that opts a person out of each channel


class People(Protocol):
    def status(self, person_ids: Sequence[str]) -> dict[str, str]:
        """person id -> current | archived; unknown ids are left out."""

    def resolve(self, criteria: Mapping[str, Any]) -> Iterator[list[str]]:
        """The ids of the people the criteria pick, a chunk at a time (InvalidInput for bad criteria)."""

    def addressees(self, person_ids: Sequence[str], channel: str) -> Iterable[Addressee]:
        """These people as a message on `channel` addresses them (unknown ids left out), from the search
        index (many at once: building a list)."""

    def addressees_now(self, person_ids: Sequence[str], channel: str) -> list[Addressee]:
        """The same, from profiles' records themselves (at the moment of sending: a change made a moment
        ago counts, even before the search index has it)."""

    def opt_out(self, person_id: str, channel: str) -> None:
        """The person opted out of `channel` (their preferences gain its opt-out); nothing if they are gone."""


def _cells(row) -> dict[str, Any]:
    """A search row's columns by name (labels as a list)."""
    found = {}
    for value in row.columns:
        kind = value.WhichOneof("value")
        found[value.column] = list(value.labels.labels) if kind == "labels" else (getattr(value, kind) if kind else None)
    return found


def _addressee(person_id: str, status: str, first_name: str, surname: str, personal_ref: str,
               fields: Mapping[str, Any], opt_out: str | None) -> Addressee:
    return Addressee(person_id, status, fields.get("title") or "", first_name, surname, personal_ref,
                     fields.get("email") or "", opt_out in (fields.get("preferences") or []),
                     fields.get("alt_contact_name") or "", fields.get("alt_contact_email") or "",
                     fields.get("mobile") or "", fields.get("alt_contact_phone") or "")


class ProfilesPeople:
    def __init__(self, address: str):
        self._channel = channel(address)
        self._stub = pb_grpc.ProfilesStub(self._channel)
        self._setup = setup_grpc.ProfileSetupStub(self._channel)

    def status(self, person_ids: Sequence[str]) -> dict[str, str]:
        return people_status.statuses(self._stub, person_ids)

    def resolve(self, criteria: Mapping[str, Any]) -> Iterator[list[str]]:
        for _, ids in people_rows.resolve(self._stub, criteria, people_rows.IDS_CHUNK):
            yield ids

    def _opt_out_label(self, channel: str) -> str | None:
        """The label the landlord gives the channel's opt-out preference now (a rename never loses it)."""
        options = call(self._setup.GetOptionList, setup_pb.GetOptionListRequest(list_name="preferences")).items
        return next((o.label for o in options if o.code == OPT_OUT[channel]), None)

    def addressees(self, person_ids: Sequence[str], channel: str) -> Iterator[Addressee]:
        opt_out = self._opt_out_label(channel)
        pages = [person_ids[start:start + people_rows.ROWS_PAGE]
                 for start in range(0, len(person_ids), people_rows.ROWS_PAGE)]
        for rows in fetched_ahead(lambda ids: people_rows.rows(self._stub, ids, COLUMNS), pages):
            for row in rows:  # handed on as each page comes, while the next ones are read
                yield _addressee(row.id, row.status, row.first_name, row.surname, row.personal_ref, _cells(row),
                                 opt_out)

    def addressees_now(self, person_ids: Sequence[str], channel: str) -> list[Addressee]:
        opt_out, found = self._opt_out_label(channel), []
        for start in range(0, len(person_ids), PEOPLE_READ):
            answer = call(self._stub.GetPeople, pb.GetPeopleRequest(person_ids=person_ids[start:start + PEOPLE_READ]))
            found += [_addressee(person.person_id, person.status, person.first_name, person.surname,
                                 person.personal_ref, json_format.MessageToDict(person.fields), opt_out)
                      for person in answer.people]
        return found

    def opt_out(self, person_id: str, channel: str) -> None:
        label = self._opt_out_label(channel)
        try:
            person = call(self._stub.GetPerson, pb.GetPersonRequest(person_id=person_id))
        except NotFound:
            return
        held = list(json_format.MessageToDict(person.fields).get("preferences") or [])
        if label is None or label in held:
            return
        request = pb.UpdatePersonRequest(person_id=person_id)
        request.fields.update({"preferences": held + [label]})
        call(self._stub.UpdatePerson, request)

    def close(self) -> None:
        self._channel.close()
