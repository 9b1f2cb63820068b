"""Profiles, as the messaging service sees it: whether people are the landlord's (and current), the people
criteria pick, what it takes to address them (name, email, mobile, the channel's opt-out preference, the
alternative contact), and opting someone out of a channel (a text reply of STOP). Over gRPC (profiles owns
people); the caller's landlord and user travel in the call context. Tests pass a fake with the same methods."""
from __future__ import annotations

from typing import Any, Iterator, Mapping, Protocol, Sequence

from google.protobuf import json_format

from services.common import people_rows, people_status
from services.common.person_fields import ADDRESS_LINES
from services.common.errors import NotFound
from services.common.grpc_client import call, channel
from services.gen.tracker.profiles.v1 import profiles_service_pb2 as pb, profiles_service_pb2_grpc as pb_grpc
from services.gen.tracker.profiles.v1 import setup_service_pb2 as setup_pb, setup_service_pb2_grpc as setup_grpc

from ..messages import post
from ..messages.domain import Addressee

COLUMNS = ("title", "email", "mobile", "preferences", "alt_contact_name", "alt_contact_email", "alt_contact_phone",
           "alt_contact_address", "communication_needs", "first_language")
POST_COLUMNS = (*ADDRESS_LINES, "postcode", "phone")  # read only for a letter or a survey
OCCUPANT_COLUMNS = ("title", "tenancy_type", "age_band", "household_status", "date_of_birth")
OPT_OUT = {"email": "no_email", "text": "no_text", "post": "no_post", "survey:phone": "no_phone_surveys",
           "survey:postal": "no_postal_surveys", "survey:face_to_face": "no_face_to_face_surveys"}  # each audience's
LARGE_PRINT = "large_print"  # the programmed preference asking for letters in large print
PEOPLE_READ = 1_000  # people one GetPeople call reads


class People(Protocol):
    def status(self, person_ids: Sequence[str]) -> dict[str, str]:
        """person id -> current | archived; unknown ids are left out."""

    def picked(self, criteria: Mapping[str, Any], channel: str) -> Iterator[tuple[int, list[Addressee]]]:
        """Everyone the criteria pick as a message on `channel` addresses them, from the search index in one
        pass (building a list), a chunk at a time with how many there are on the first; InvalidInput for bad
        criteria as the first is read."""

    def addressees_now(self, person_ids: Sequence[str], channel: str) -> list[Addressee]:
        """The same, from profiles' records themselves (at the moment of sending: a change made a moment
        ago counts, even before the search index has it)."""

    def occupants(self, person_ids: Sequence[str]) -> list[post.Occupant]:
        """These people as a household letter's rules see them (title, tenancy type, age band, household
        status); unknown ids left out."""

    def option_labels(self, list_name: str) -> list[str]:
        """The labels of one of the landlord's option lists (communication_needs, first_language...),
        archived ones too (people may still hold them)."""

    def names(self, person_ids: Sequence[str]) -> dict[str, tuple[str, str]]:
        """person id -> (name, personal reference); unknown ids left out."""

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
               fields: Mapping[str, Any], labels: Mapping[str, str | None]) -> Addressee:
    """`labels`: the labels the landlord gives the preferences "opt_out" (of the channel) and "large_print"."""
    held = fields.get("preferences") or []
    return Addressee(person_id, status, fields.get("title") or "", first_name, surname, personal_ref,
                     fields.get("email") or "", labels["opt_out"] in held,
                     fields.get("alt_contact_name") or "", fields.get("alt_contact_email") or "",
                     fields.get("mobile") or "", fields.get("alt_contact_phone") or "",
                     post.postal([fields.get(line) or "" for line in ADDRESS_LINES], fields.get("postcode") or ""),
                     fields.get("alt_contact_address") or "",
                     post.needs_large_print(fields.get("communication_needs") or [], labels["large_print"] in held),
                     tuple(fields.get("communication_needs") or ()), fields.get("first_language") or "",
                     fields.get("phone") or "")


class ProfilesPeople:
    def __init__(self, address: str):
        self._channel = channel(address)
        self._stub = pb_grpc.ProfilesStub(self._channel)
        self._setup = setup_grpc.ProfileSetupStub(self._channel)

    def status(self, person_ids: Sequence[str]) -> dict[str, str]:
        return people_status.statuses(self._stub, person_ids)

    def _labels(self, channel: str) -> dict[str, str | None]:
        """The labels the landlord gives the channel's opt-out preference and the large print one now (a
        rename never loses them)."""
        options = call(self._setup.GetOptionList, setup_pb.GetOptionListRequest(list_name="preferences")).items
        by_code = {o.code: o.label for o in options if o.code}
        return {"opt_out": by_code.get(OPT_OUT[channel]), "large_print": by_code.get(LARGE_PRINT)}

    def picked(self, criteria: Mapping[str, Any], channel: str) -> Iterator[tuple[int, list[Addressee]]]:
        labels = self._labels(channel)
        columns = COLUMNS + POST_COLUMNS if channel == "post" or channel.startswith("survey") else COLUMNS
        for total, rows in people_rows.picked_rows(self._stub, criteria, columns):
            yield total, [_addressee(person_id, status, first_name, surname, personal_ref, dict(zip(columns, values)),
                                     labels)
                          for person_id, status, personal_ref, first_name, surname, values in rows]

    def occupants(self, person_ids: Sequence[str]) -> list[post.Occupant]:
        """These people as a household letter's rules see them (unknown ids left out)."""
        found = []
        for start in range(0, len(person_ids), people_rows.ROWS_PAGE):
            for row in people_rows.rows(self._stub, person_ids[start:start + people_rows.ROWS_PAGE],
                                        OCCUPANT_COLUMNS):
                cells = _cells(row)
                found.append(post.Occupant(row.id, cells.get("title") or "", row.first_name, row.surname,
                                           row.status, cells.get("tenancy_type") or "", cells.get("age_band") or "",
                                           cells.get("household_status") or "", cells.get("date_of_birth") or ""))
        return found

    def addressees_now(self, person_ids: Sequence[str], channel: str) -> list[Addressee]:
        labels, found = self._labels(channel), []
        for start in range(0, len(person_ids), PEOPLE_READ):
            answer = call(self._stub.GetPeople, pb.GetPeopleRequest(person_ids=person_ids[start:start + PEOPLE_READ]))
            found += [_addressee(person.person_id, person.status, person.first_name, person.surname,
                                 person.personal_ref, json_format.MessageToDict(person.fields), labels)
                      for person in answer.people]
        return found

    def names(self, person_ids: Sequence[str]) -> dict[str, tuple[str, str]]:
        found = {}
        for start in range(0, len(person_ids), PEOPLE_READ):
            answer = call(self._stub.GetPeople, pb.GetPeopleRequest(person_ids=person_ids[start:start + PEOPLE_READ]))
            found.update({p.person_id: (f"{p.first_name} {p.surname}".strip(), p.personal_ref) for p in answer.people})
        return found

    def option_labels(self, list_name: str) -> list[str]:
        options = call(self._setup.GetOptionList, setup_pb.GetOptionListRequest(list_name=list_name))
        return [o.label for o in options.items]

    def opt_out(self, person_id: str, channel: str) -> None:
        label = self._labels(channel)["opt_out"]
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
