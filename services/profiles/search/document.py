"""The people search document: a person as the index holds it (option ids, dates,
flags, lower-cased words for text match, custom fields as cf_<id> fields), with
what households, groups, messaging and referrals say about them (FACT_FIELDS; property and household
custom fields as cf_<id> fields too)."""
from __future__ import annotations

import re
from typing import Any, Iterable, Mapping

from services.common import phones
from services.common.person_fields import ADDRESS_LINES, FIELDS, Kind
from services.common.search import FieldType

from ..domain import Person
from ..facts.domain import (NO_FACTS, GroupFacts, HouseholdFacts, PersonFacts, contact_values, custom_value, due_dates,
                            participation_values, referral_values)
from ..setup.domain import Catalogue, CustomField

INDEX = "people"
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
FLAGS = ("has_email", "has_mobile", "has_phone", "has_alternative_contact")
CUSTOM_TYPES = {"text": FieldType.KEYWORD, "number": FieldType.NUMBER, "date": FieldType.DATE,
                "yes_no": FieldType.BOOLEAN, "choice": FieldType.KEYWORD, "multi_choice": FieldType.KEYWORD}


def _field_type(kind: str) -> FieldType:
    return FieldType.DATE if kind == Kind.DATE else FieldType.KEYWORD


FACT_FIELDS: dict[str, FieldType] = {
    "household_id": FieldType.KEYWORD, "household_occupants": FieldType.INTEGER,
    "household_youngest_dob": FieldType.DATE,
    "admin_groups": FieldType.KEYWORD, "activities": FieldType.KEYWORD,  # ids
    "participations": FieldType.KEYWORD,  # "<activity id>:<YYYY-MM-DD>": a keyword range is "activity since a date"
    "participation_dates": FieldType.DATE,
    "contacts": FieldType.KEYWORD,  # "<code>:<YYYY-MM-DD>", "<code>.<outcome>:<YYYY-MM-DD>": communication records
    # (with a satisfaction score NN also "<code>.score.<NN>:<YYYY-MM-DD>", "<code>.<outcome>.score.<NN>:<YYYY-MM-DD>")
    "contact_dates": FieldType.DATE,
    "action_due_dates": FieldType.DATE,  # the distinct due dates of the person's open follow-up actions
    "referrals": FieldType.KEYWORD,  # "<provider|*>.<yes|no|*>.<work|nowork|*>:<YYYY-MM-DD referred on>": each
    # referral as every kind it is (to its provider or any, wanting support or not or either, in work or not or either)
}
HOUSEHOLD_FIELDS = ("household_id", "household_occupants", "household_youngest_dob")
GROUP_FIELDS = ("admin_groups", "activities", "participations", "participation_dates")
FIELD_TYPES: dict[str, FieldType] = {
    **{f.name: _field_type(f.kind) for f in FIELDS},
    "id": FieldType.KEYWORD, "created_at": FieldType.DATE, "updated_at": FieldType.DATE,
    "sort_first_name": FieldType.KEYWORD, "sort_surname": FieldType.KEYWORD, "words": FieldType.KEYWORD,
    **{flag: FieldType.BOOLEAN for flag in FLAGS},
    **FACT_FIELDS,
}


def index_fields(custom_fields: Iterable[CustomField] = ()) -> dict[str, FieldType]:
    """The index mapping: the standard fields plus these custom fields."""
    return {**FIELD_TYPES, **{d.index_field: CUSTOM_TYPES[d.type] for d in custom_fields}}


def words(*texts: str | None) -> list[str]:
    """Lower-cased words of names, reference, address and postcode, for prefix match."""
    found: list[str] = []
    for text in texts:
        for word in re.split(r"[\s,]+", (text or "").lower()):
            word = word.strip(".;:()\"'")
            if word and word not in found:
                found.append(word)
    return found


def document(person: Person, catalogue: Catalogue, facts: PersonFacts = NO_FACTS) -> dict[str, Any]:
    v = person.values
    doc: dict[str, Any] = {}
    for f in FIELDS:
        value = v[f.name]
        if f.kind == Kind.OPTIONS:
            doc[f.name] = list(value)
        elif f.kind == Kind.DATE:
            doc[f.name] = value.isoformat() if value else None
        else:
            doc[f.name] = value
    postcode = v["postcode"] or ""
    doc.update(
        id=person.person_id, created_at=person.created_at.isoformat(), updated_at=person.updated_at.isoformat(),
        sort_first_name=(v["first_name"] or "").lower(), sort_surname=(v["surname"] or "").lower(),
        words=words(v["first_name"], v["surname"], v["personal_ref"], *(v[a] for a in ADDRESS_LINES), postcode,
                    postcode.replace(" ", "")),
        has_email=bool(v["email"] and EMAIL.match(v["email"])),
        has_mobile=bool(v["mobile"]) and phones.uk_mobile(v["mobile"]) is not None,
        has_phone=bool(v["phone"] or v["mobile"]),
        has_alternative_contact=person.has_alternative_contact,
    )
    household, groups = facts.household, facts.groups
    for definition in catalogue.custom_fields.values():
        if definition.applies_to != "person":  # a property or household field: household_fields
            continue
        value = person.custom.get(definition.field_id)
        if isinstance(value, tuple):
            value = list(value)
        elif hasattr(value, "isoformat"):
            value = value.isoformat()
        doc[definition.index_field] = value
    fields = household_fields(household, catalogue)
    doc.update(fields if household else {name: fields[name] for name in fields if name not in HOUSEHOLD_FIELDS})
    if groups:  # people in no household, or with no groups, have none of these fields
        doc.update(group_fields(groups))
    if facts.contacts:
        contacts, contact_dates = contact_values(facts.contacts)
        doc.update(contacts=contacts, contact_dates=contact_dates)
    if facts.actions and facts.actions.open_due_dates:  # no open action: no field
        doc["action_due_dates"] = due_dates(facts.actions)
    if facts.referrals:
        doc["referrals"] = referral_values(facts.referrals)
    return doc


def household_fields(household: HouseholdFacts | None, catalogue: Catalogue) -> dict[str, Any]:
    """The fields of the document that show the person's household: its id, occupants and youngest date of
    birth, and its property and household custom fields (each None when they live in none)."""
    custom = {d.index_field: custom_value(d, household.custom.get(d.field_id, ())) if household else None
              for d in catalogue.custom_fields.values() if d.applies_to != "person"}
    if not household:
        return {**dict.fromkeys(HOUSEHOLD_FIELDS), **custom}
    dob = household.youngest_date_of_birth
    return {"household_id": household.household_id, "household_occupants": household.occupant_count,
            "household_youngest_dob": dob.isoformat() if dob else None, **custom}


def group_fields(groups: GroupFacts | None) -> dict[str, Any]:
    """The fields of the document that show the person's groups (each None when they are in none)."""
    if not groups:
        return dict.fromkeys(GROUP_FIELDS)
    participations, dates = participation_values(groups)
    return {"admin_groups": sorted(set(groups.admin_group_ids)), "activities": sorted(set(groups.activity_ids)),
            "participations": participations, "participation_dates": dates}


def address(doc: Mapping[str, Any]) -> str:
    """One line for the results table."""
    parts = [doc.get(a) for a in ADDRESS_LINES] + [doc.get("postcode")]
    return ", ".join(p for p in parts if p)
