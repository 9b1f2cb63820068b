"""Profiles, as the referrals service sees it: a current person's name and contact details, which a referral
keeps as the provider sees them (never equality data or other records). Over gRPC; the caller's landlord
travels in the call context. Tests pass a fake with the same method."""
from __future__ import annotations

from typing import Protocol

from google.protobuf import json_format

from services.common.grpc_client import call, channel
from services.common.person_fields import ADDRESS_LINES
from services.gen.tracker.profiles.v1 import profiles_service_pb2 as pb, profiles_service_pb2_grpc as pb_grpc

from ..domain import Person

TIMEOUT = 30.0


class People(Protocol):
    def snapshot(self, person_id: str) -> Person | None:
        """The current person's name and contact details; None for someone who is not a current person."""


class ProfilesPeople:
    def __init__(self, address: str):
        self._channel = channel(address)
        self._stub = pb_grpc.ProfilesStub(self._channel)

    def snapshot(self, person_id: str) -> Person | None:
        answer = call(self._stub.GetPeople, pb.GetPeopleRequest(person_ids=[person_id]), timeout=TIMEOUT)
        found = next((p for p in answer.people if p.person_id == person_id and p.status == "current"), None)
        if found is None:
            return None
        fields = json_format.MessageToDict(found.fields)
        lines = [fields.get(line) or "" for line in (*ADDRESS_LINES, "postcode")]
        return Person(f"{found.first_name} {found.surname}".strip(), found.personal_ref, fields.get("email") or "",
                      fields.get("mobile") or "", fields.get("phone") or "", ", ".join(x for x in lines if x),
                      fields.get("area") or "")

    def close(self) -> None:
        self._channel.close()
