"""What the criteria tests share: a catalogue with the default option lists and a custom field of
every kind, the translator's answers, and People: persons added by the domain rules and held in the
embedded search index (SQLite in tmp_path) as the service indexes them, to prove a criterion finds
the right people (the `people` fixture of conftest.py)."""
from __future__ import annotations

import datetime as dt
import itertools

from services.common.search import SearchRequest
from services.common.search.embedded import EmbeddedSearchIndex
from services.profiles.domain import Person
from services.profiles.facts.domain import NO_FACTS, PersonFacts
from services.profiles.search.criteria import Translator
from services.profiles.search.document import INDEX, document, index_fields
from services.profiles.setup.defaults import DEFAULT_OPTIONS
from services.profiles.setup.domain import Catalogue, CustomField, Option, ProfileSettings

CREATED = dt.datetime(2030, 1, 1, 12, 0, tzinfo=dt.timezone.utc)  # births up to 2030 are accepted
TODAY = dt.date(2026, 3, 1)
CUSTOM_OPTIONS = {"newsletter_format": ("Paper", "Email"), "skills": ("Gardening", "DIY")}


def catalogue(settings: ProfileSettings = ProfileSettings()) -> Catalogue:
    lists: dict[str, list[Option]] = {}
    for list_name, defaults in DEFAULT_OPTIONS.items():
        lists[list_name] = [Option(f"o-{list_name}-{i}", list_name, d.label, i, group=d.group, code=d.code)
                            for i, d in enumerate(defaults, 1)]
    lists["area"].append(Option("o-area-old", "area", "Area Z", 99, archived=True))
    for key, labels in CUSTOM_OPTIONS.items():
        lists[f"custom.{key}"] = [Option(f"o-{key}-{i}", f"custom.{key}", label, i) for i, label in enumerate(labels, 1)]
    specs = [("support_notes", "text"), ("number_of_pets", "number"), ("tenancy_start", "date"),
             ("allotment_holder", "yes_no"), ("newsletter_format", "choice"), ("skills", "multi_choice")]
    customs = [CustomField(f"00000000-0000-4000-8000-{i:012d}", key, key, kind, i) for i, (key, kind) in
               enumerate(specs, 1)]
    return Catalogue(lists, {d.key: d for d in customs}, settings)


CAT = catalogue()
CUSTOM = CAT.custom_fields


def oid(list_name: str, label: str) -> str:
    return CAT.by_label(list_name, label).option_id


def translate(criteria, today=TODAY, cat=CAT):
    translator = Translator(cat, today)
    return translator.clauses(criteria), translator.problems


def clauses(criteria, today=TODAY, cat=CAT):
    out, problems = translate(criteria, today, cat)
    assert problems == []
    return out


def fields_of(criteria, today=TODAY) -> dict[str, str]:
    return {p.field: p.reason for p in translate(criteria, today)[1]}


# -- real documents in the embedded index ---------------------------------------------------------------------------

class People:
    """People added by the domain rules, indexed as the service indexes them."""

    def __init__(self, tmp_path, cat: Catalogue = CAT):
        self.cat = cat
        self.index = EmbeddedSearchIndex(str(tmp_path / "search.db"))
        self.index.ensure_index(INDEX, index_fields(cat.custom_fields.values()))
        self.refs = iter(f"P{n:05d}" for n in itertools.count(1))
        self.pending: dict[str, dict] = {}

    def add(self, status="current", facts: PersonFacts = NO_FACTS, **raw) -> str:
        ref = raw.pop("personal_ref", None) or next(self.refs)
        person = Person.add(landlord_id="L1", raw={"personal_ref": ref, "first_name": "Jo", "surname": "Example", **raw},
                            catalogue=self.cat, created_by="U1", now=CREATED)
        if status != "current":
            person.change({"status": status}, self.cat, by="U1", now=CREATED)
        self.pending[person.person_id] = document(person, self.cat, facts)
        return ref

    def found(self, criteria, today=TODAY) -> set[str]:
        if self.pending:
            self.index.index_many(INDEX, "L1", self.pending)
            self.pending = {}
        translator = Translator(self.cat, today)
        filters = translator.clauses(criteria)
        assert translator.problems == []
        result = self.index.search(INDEX, "L1", SearchRequest(filters=filters, limit=10_000))
        assert result.total == len(result.items)
        return {item["personal_ref"] for item in result.items}


def age(born: dt.date, on: dt.date) -> int:
    """Whole years, worked out independently: the birthday this year (1 March for a
    29 February birthday in a year without one) has been reached or not."""
    try:
        birthday = born.replace(year=on.year)
    except ValueError:
        birthday = dt.date(on.year, 3, 1)
    return on.year - born.year - (on < birthday)
