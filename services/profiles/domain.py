"""People: the rules, with no storage, transport or engine in sight."""
from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass, field

from services.common.errors import FieldProblem, collect

CURRENT = "current"
ARCHIVED = "archived"
STATUSES = (CURRENT, ARCHIVED)
PERSONAL_REF_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9/_.\-]{0,29}$")
NAME_MAX = 100


@dataclass(frozen=True)
class PersonCreated:
    person: "Person"


@dataclass
class Person:
    person_id: str
    landlord_id: str
    personal_ref: str
    first_name: str
    surname: str
    status: str
    created_at: dt.datetime
    updated_at: dt.datetime
    created_by: str
    events: list = field(default_factory=list, repr=False, compare=False)

    @classmethod
    def add(cls, *, landlord_id: str, personal_ref: str, first_name: str, surname: str,
            created_by: str, now: dt.datetime) -> "Person":
        """A new current person added by hand; raises InvalidInput naming every bad field."""
        personal_ref = (personal_ref or "").strip()
        first_name = " ".join((first_name or "").split())
        surname = " ".join((surname or "").split())
        problems = []
        if not personal_ref:
            problems.append(FieldProblem("personal_ref", "is required"))
        elif not PERSONAL_REF_PATTERN.match(personal_ref):
            problems.append(FieldProblem(
                "personal_ref", "must be 1-30 letters, digits or / _ . - and start with a letter or digit"))
        for name, value in (("first_name", first_name), ("surname", surname)):
            if not value:
                problems.append(FieldProblem(name, "is required"))
            elif len(value) > NAME_MAX:
                problems.append(FieldProblem(name, f"must be at most {NAME_MAX} characters"))
        collect(problems)
        person = cls(str(uuid.uuid4()), landlord_id, personal_ref, first_name, surname, CURRENT, now, now, created_by)
        person.events.append(PersonCreated(person))
        return person
