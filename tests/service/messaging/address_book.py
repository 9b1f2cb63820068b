"""Profiles as messaging asks it, for the service tests: people by id (the criteria {"person_id": [...]}
pick those people), each changed at will, and who was opted out of which channel (a text reply of STOP)."""
from __future__ import annotations

import uuid
from dataclasses import replace

from services.messaging.messages.domain import Addressee


class FakeAddressBook:
    def __init__(self):
        self.people: dict[str, Addressee] = {}
        self.opted_out: list[tuple[str, str]] = []

    def add(self, first: str, surname: str, *, email_address: str = "", status: str = "current", title: str = "",
            opted_out: bool = False, contact_name: str = "", contact_email: str = "", mobile: str = "",
            contact_phone: str = "") -> str:
        person_id = str(uuid.uuid4())
        self.people[person_id] = Addressee(person_id, status, title, first, surname, f"R{len(self.people)}",
                                           email_address, opted_out, contact_name, contact_email, mobile,
                                           contact_phone)
        return person_id

    def change(self, person_id: str, **changes) -> None:
        self.people[person_id] = replace(self.people[person_id], **changes)

    def status(self, person_ids):
        return {p: self.people[p].status for p in person_ids if p in self.people}

    def picked(self, criteria, channel):
        found = self.addressees_now(criteria["person_id"], channel)
        yield len(found), found

    def addressees_now(self, person_ids, channel):
        return [self.people[p] for p in person_ids if p in self.people]

    def opt_out(self, person_id: str, channel: str) -> None:
        self.opted_out.append((person_id, channel))
        self.change(person_id, opted_out=True)
