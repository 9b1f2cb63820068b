"""What the search domain and document tests share: a catalogue with the default option lists (an
archived area, one added last, an archived custom option) and a custom field of every kind, and a
person added by the domain rules on a fixed day."""
from __future__ import annotations

import datetime as dt

from services.profiles.domain import Person
from services.profiles.setup.defaults import DEFAULT_OPTIONS
from services.profiles.setup.domain import Catalogue, CustomField, Option

NOW = dt.datetime(2026, 11, 23, 9, 30, tzinfo=dt.timezone.utc)
TODAY = NOW.date()
CUSTOM_OPTIONS = {"newsletter_format": ("Paper", "Email", "Fax"), "skills": ("Gardening", "DIY")}


def catalogue() -> Catalogue:
    lists: dict[str, list[Option]] = {}
    for list_name, defaults in DEFAULT_OPTIONS.items():
        lists[list_name] = [Option(f"o-{list_name}-{i}", list_name, d.label, i, group=d.group, code=d.code)
                            for i, d in enumerate(defaults, 1)]
    # Area C archived; Area E added last
    lists["area"] = [Option(o.option_id, "area", o.label, o.position, archived=o.label == "Area C")
                     for o in lists["area"]] + [Option("o-area-9", "area", "Area E", 9)]
    for key, labels in CUSTOM_OPTIONS.items():
        lists[f"custom.{key}"] = [Option(f"o-{key}-{i}", f"custom.{key}", label, i, archived=label == "Fax")
                                  for i, label in enumerate(labels, 1)]
    specs = [("support_notes", "text"), ("number_of_pets", "number"), ("tenancy_start", "date"),
             ("allotment_holder", "yes_no"), ("newsletter_format", "choice"), ("skills", "multi_choice")]
    customs = [CustomField(f"00000000-0000-4000-8000-{i:012d}", key, key, kind, i) for i, (key, kind) in
               enumerate(specs, 1)]
    return Catalogue(lists, {d.key: d for d in customs})


CAT = catalogue()
CUSTOM = CAT.custom_fields


def oid(list_name: str, label: str) -> str:
    return CAT.by_label(list_name, label).option_id


def person(cat: Catalogue = CAT, **raw) -> Person:
    given = {"personal_ref": "NR000001", "first_name": "Jo", "surname": "Okafor", **raw}
    return Person.add(landlord_id="L1", raw=given, catalogue=cat, created_by="U1", now=NOW)
