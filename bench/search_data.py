"""People-search benchmark data: services/common/sample_residents.py's residents, given the rest of
a person's characteristics (religion, language, communication needs, work, income,
benefits, preferences, involvement, alternative contact) and turned into the very
search documents the profiles indexer writes.

`person_values(row, rng)` gives a person as the API takes it (labels, ISO dates).
`DocumentMaker` turns those into index documents with the landlord's catalogue: a fast
path that follows `Person.add` + `search.document.document` rule by rule (those run at
~3,700 people/s, too slow for 2,000,000), checked against them by `check_parity`.
"""
from __future__ import annotations

import datetime as dt
import random
import uuid
from typing import Any, Iterator, Mapping

from services.common import phones
from services.common.person_fields import ADDRESS_LINES, FIELDS, Kind
from services.common.sample_residents import DEFAULT_LABELS, DEFAULT_TODAY, _table, generate
from services.profiles.domain import Person
from services.profiles.search.document import EMAIL, document, words
from services.profiles.setup.domain import Catalogue

FEED_TO_FIELD = {"address1": "address_line_1", "address2": "address_line_2", "address3": "address_line_3",
                 "address4": "address_line_4"}

# Rough shares (per cent) for England and Wales (ONS Census 2021) leaning to social housing;
# "" is a blank (not asked or not answered), which housing records have plenty of.
_RELIGION = _table([("Christian", 44), ("No religion", 33), ("Muslim", 7.5), ("Hindu", 1.2), ("Sikh", 0.8),
                    ("Buddhist", 0.5), ("Jewish", 0.3), ("Any other religion", 0.6), ("Prefer not to say", 4),
                    ("", 20)])
_ORIENTATION = _table([("Straight or heterosexual", 55), ("Gay or lesbian", 1.2), ("Bisexual", 1.2),
                       ("Other sexual orientation", 0.3), ("Prefer not to say", 7), ("", 35)])
_LANGUAGE = _table([("English", 78), ("Polish", 1.4), ("Romanian", 0.8), ("Panjabi", 0.6), ("Urdu", 0.7),
                    ("Portuguese", 0.4), ("Spanish", 0.3), ("Arabic", 0.6), ("Bengali", 0.7), ("Gujarati", 0.4),
                    ("Welsh", 0.3), ("Other", 2.8), ("", 13)])
_LANGUAGE_BY_ETHNICITY = {  # a household's language follows its ethnicity more often than not
    "Asian, Asian British or Asian Welsh: Bangladeshi": _table([("Bengali", 45), ("English", 45), ("", 10)]),
    "Asian, Asian British or Asian Welsh: Pakistani": _table([("Urdu", 25), ("Panjabi", 15), ("English", 50),
                                                             ("", 10)]),
    "Asian, Asian British or Asian Welsh: Indian": _table([("Gujarati", 20), ("Panjabi", 15), ("English", 55),
                                                          ("", 10)]),
    "Other ethnic group: Arab": _table([("Arabic", 50), ("English", 40), ("", 10)]),
    "White: Roma": _table([("Romanian", 60), ("Other", 20), ("English", 15), ("", 5)]),
    "White: Other White": _table([("Polish", 30), ("Romanian", 15), ("Portuguese", 10), ("Spanish", 8),
                                  ("English", 25), ("Other", 7), ("", 5)]),
}
_WORK_AGE = _table([("Full-time", 28), ("Part-time", 15), ("Self-employed", 5), ("Unemployed", 11),
                    ("Unable to work", 16), ("Student", 3), ("Retired", 2), ("Other", 6), ("", 14)])
_YOUNG_ADULT = _table([("Student", 35), ("Full-time", 20), ("Part-time", 15), ("Unemployed", 15), ("", 15)])
_OLDER = _table([("Retired", 82), ("Part-time", 4), ("Unable to work", 4), ("", 10)])
_INCOME = _table([("Under £10,000", 38), ("£10,000-£19,999", 30), ("£20,000-£29,999", 13),
                  ("£30,000 or more", 5), ("", 14)])
_INTERESTS = ("Community safety", "Repairs and maintenance", "Estate improvements", "Environment and green spaces",
              "Digital inclusion", "Money advice", "Youth activities", "Older people's services")
_METHODS = ("Surveys", "Focus groups", "Resident panel", "Estate walkabouts", "Online forums", "Newsletters",
            "Mystery shopping")
_CONTACT_NAMES = ("Jean", "Paul", "Amina", "Declan", "Priya", "Margaret", "Kwame", "Susan")


def _age(date_of_birth: str, today: dt.date) -> int | None:
    if not date_of_birth:
        return None
    born = dt.date.fromisoformat(date_of_birth)
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def person_values(row: Mapping[str, str], rng: random.Random, today: dt.date = DEFAULT_TODAY) -> dict[str, Any]:
    """One generator row as the API takes a person (labels, ISO dates), blanks left out,
    with the characteristics the generator does not make."""
    r, g = rng.random, rng.getrandbits
    out: dict[str, Any] = {}
    for column, value in row.items():
        if not value:
            continue
        labels = DEFAULT_LABELS.get(column)
        if labels:
            value = labels.get(value, value)
        out[FEED_TO_FIELD.get(column, column)] = value
    age = _age(row["date_of_birth"], today)
    adult = age is None or age >= 16
    older = age is not None and age >= 65
    ethnicity = row["ethnicity"]
    if adult:
        for name, table in (("religion", _RELIGION), ("sexual_orientation", _ORIENTATION)):
            value = table[g(14)]
            if value:
                out[name] = value
        if age is not None and age < 22:
            work = _YOUNG_ADULT[g(14)]
        else:
            work = (_OLDER if older else _WORK_AGE)[g(14)]
        if work:
            out["employment_status"] = work
        if row["household_status"] != "Other":
            income = _INCOME[g(14)]
            if income:
                out["income_band"] = income
    else:
        religion = _RELIGION[g(14)] if r() < 0.5 else ""
        if religion:
            out["religion"] = religion
    language = _LANGUAGE_BY_ETHNICITY.get(ethnicity, _LANGUAGE)[g(14)]
    if language:
        out["first_language"] = language
    needs = []
    if r() < (0.16 if older else 0.03):
        needs.append("Large print")
    if r() < 0.015:
        needs.append("Easy read")
    if r() < 0.006:
        needs.append("Audio")
    if r() < 0.002:
        needs.append("Braille")
    if r() < 0.003:
        needs.append("British Sign Language")
    if language not in ("", "English", "Welsh") and r() < 0.3:
        needs.append("Interpreter")
    if needs:
        out["communication_needs"] = needs
    benefits = []
    if adult:
        disabled = row["disability"] == "Yes"
        if older:
            for label, share in (("Pension Credit", 0.3), ("Housing Benefit", 0.45), ("Council Tax Reduction", 0.4),
                                 ("Attendance Allowance", 0.3 if disabled else 0.06)):
                if r() < share:
                    benefits.append(label)
        else:
            for label, share in (("Universal Credit", 0.42), ("Housing Benefit", 0.12),
                                 ("Council Tax Reduction", 0.3), ("Personal Independence Payment",
                                                                  0.45 if disabled else 0.05),
                                 ("Carer's Allowance", 0.05)):
                if r() < share:
                    benefits.append(label)
    if benefits:
        out["benefits"] = benefits
    preferences = []
    for label, share in (("No email", 0.03), ("No text messages", 0.03), ("No post", 0.015),
                         ("No phone surveys", 0.08), ("No postal surveys", 0.04), ("No face-to-face surveys", 0.03)):
        if r() < share:
            preferences.append(label)
    if "Large print" in needs and r() < 0.7:
        preferences.append("Large print required")
    if preferences:
        out["preferences"] = preferences
    if adult and r() < 0.3:
        out["interests"] = sorted({_INTERESTS[g(20) % 8] for _ in range(1 + g(2) % 3)})
    if adult and r() < 0.18:
        out["methods"] = sorted({_METHODS[g(20) % 7] for _ in range(1 + g(1))})
    if r() < (0.08 if older else 0.008):
        name = _CONTACT_NAMES[g(20) % len(_CONTACT_NAMES)]
        out["alt_contact_name"] = f"{name} {row['surname']}"
        out["alt_contact_phone"] = f"07700 900{g(20) % 1000:03d}"
    return out


def people(count: int, *, seed: int, landlord_code: str, today: dt.date = DEFAULT_TODAY) -> Iterator[dict]:
    """`count` people as the API takes them, household by household; same arguments, same people."""
    rng = random.Random(f"search-bench-v1:{seed}:{landlord_code}")
    for row in generate(count, seed=seed, landlord_code=landlord_code, today=today):
        yield person_values(row, rng, today)


# -- index documents ------------------------------------------------------------------

_OPTION_FIELDS = tuple((f.name, f.option_list) for f in FIELDS if f.kind == Kind.OPTION)
_MULTI_FIELDS = tuple((f.name, f.option_list) for f in FIELDS if f.kind == Kind.OPTIONS)
_TEXT_FIELDS = tuple(f.name for f in FIELDS if f.kind == Kind.TEXT)
_ALTERNATIVE = ("alt_contact_name", "alt_contact_address", "alt_contact_phone", "alt_contact_email")
_FIELD_ORDER = tuple(f.name for f in FIELDS)


class DocumentMaker:
    """Index documents of one landlord's people; `make(values, person_id)` follows the rules of
    Person.add (tidy text, option labels -> ids, multi-option ids sorted) and document()."""

    def __init__(self, catalogue: Catalogue, now: dt.datetime):
        self.catalogue = catalogue
        self.stamp = now.isoformat()
        self.ids = {(o.list_name, o.label): o.option_id for opts in catalogue.options.values() for o in opts}
        if catalogue.custom_fields:
            raise ValueError("the fast path knows no custom fields; a fresh landlord has none")

    def make(self, values: Mapping[str, Any], person_id: str) -> dict[str, Any]:
        get, ids = values.get, self.ids
        doc: dict[str, Any] = dict.fromkeys(_FIELD_ORDER)
        for name in _TEXT_FIELDS:
            value = get(name)
            if value:
                doc[name] = value
        doc["status"] = "current"
        doc["date_of_birth"] = get("date_of_birth") or None
        for name, list_name in _OPTION_FIELDS:
            label = get(name)
            if label:
                doc[name] = ids[(list_name, label)]
        for name, list_name in _MULTI_FIELDS:
            labels = get(name)
            doc[name] = sorted({ids[(list_name, label)] for label in labels}) if labels else []
        postcode = doc["postcode"] or ""
        email, mobile, phone = doc["email"], doc["mobile"], doc["phone"]
        doc.update(
            id=person_id, created_at=self.stamp, updated_at=self.stamp,
            sort_first_name=(doc["first_name"] or "").lower(), sort_surname=(doc["surname"] or "").lower(),
            words=words(doc["first_name"], doc["surname"], doc["personal_ref"], *(doc[a] for a in ADDRESS_LINES),
                        postcode, postcode.replace(" ", "")),
            has_email=bool(email and EMAIL.match(email)),
            has_mobile=bool(mobile) and phones.uk_mobile(mobile) is not None,
            has_phone=bool(phone or mobile),
            has_alternative_contact=any(doc[a] for a in _ALTERNATIVE),
        )
        return doc


def person_ids(seed: int, landlord_code: str) -> Iterator[str]:
    """Stable document ids (UUID 4 shaped), so a reload replaces rather than duplicates."""
    rng = random.Random(f"search-bench-ids:{seed}:{landlord_code}")
    while True:
        yield str(uuid.UUID(int=rng.getrandbits(128), version=4))


def reference_document(values: Mapping[str, Any], person_id: str, landlord_id: str, catalogue: Catalogue,
                       now: dt.datetime) -> dict[str, Any]:
    """The document as the platform makes it: Person.add (all its checks) then document()."""
    person = Person.add(landlord_id=landlord_id, raw=dict(values), catalogue=catalogue, created_by="bench", now=now)
    person.person_id = person_id
    return document(person, catalogue)


def check_parity(sample: list[Mapping[str, Any]], maker: DocumentMaker, landlord_id: str) -> None:
    """Raise if the fast path's document differs in any way from the platform's."""
    now = dt.datetime.fromisoformat(maker.stamp)
    for i, values in enumerate(sample):
        person_id = f"parity-{i}"
        expected = reference_document(values, person_id, landlord_id, maker.catalogue, now)
        got = maker.make(values, person_id)
        if got != expected or list(got) != list(expected):
            diff = sorted(k for k in set(got) | set(expected) if got.get(k) != expected.get(k))
            raise AssertionError(f"fast document differs from document(Person.add(...)) in {diff or 'key order'}")
