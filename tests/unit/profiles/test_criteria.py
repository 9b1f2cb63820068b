"""Criteria (the shared JSON filter) -> index clauses. Each rule is checked on the
clauses it makes and, where it matters, against real person documents held in the
embedded search index (SQLite in tmp_path), so a criterion is proven to find the
right people and not only to have the right shape."""
from __future__ import annotations

import datetime as dt
import itertools

import pytest

from services.common.criteria import CRITERIA_SCHEMA
from services.common.errors import FieldProblem
from services.common.search import AnyOf, Exists, Not, Prefix, Range, SearchRequest, Term
from services.common.search.embedded import EmbeddedSearchIndex
from services.profiles.criteria import Translator, years_before
from services.profiles.domain import Person
from services.profiles.facts.domain import NO_FACTS, PersonFacts
from services.profiles.search_document import INDEX, document, index_fields
from services.profiles.setup.defaults import DEFAULT_OPTIONS, WHITE_BRITISH
from services.profiles.setup.domain import AgeBand, Catalogue, CustomField, Option, ProfileSettings

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


@pytest.fixture
def people(tmp_path):
    people = People(tmp_path)
    yield people
    people.index.close()


def age(born: dt.date, on: dt.date) -> int:
    """Whole years, worked out independently: the birthday this year (1 March for a
    29 February birthday in a year without one) has been reached or not."""
    try:
        birthday = born.replace(year=on.year)
    except ValueError:
        birthday = dt.date(on.year, 3, 1)
    return on.year - born.year - (on < birthday)


# -- general -----------------------------------------------------------------------------------------------------------

def test_no_criteria_means_everybody_current():
    assert clauses({}) == [Term("status", ["current"])]


def test_a_status_given_replaces_the_current_only_default():
    assert clauses({"status": ["archived"]}) == [Term("status", ["archived"])]
    assert clauses({"status": ["current", "archived"]}) == [Term("status", ["current", "archived"])]
    assert clauses({"status": None}) == [Term("status", ["current"])]


def test_archived_people_are_found_only_when_asked_for(people):
    current, archived = people.add(), people.add(status="archived")
    assert people.found({}) == {current}
    assert people.found({"status": ["archived"]}) == {archived}
    assert people.found({"status": ["current", "archived"]}) == {current, archived}


def test_an_unknown_criterion_is_named():
    assert fields_of({"shoe_size": [9]}) == {"criteria.shoe_size": "unknown criterion"}


def test_criteria_must_be_an_object():
    assert translate(["surname"])[1] == [FieldProblem("criteria", "must be an object")]


def test_every_bad_criterion_is_named_at_once():
    assert set(fields_of({"shoe_size": 9, "status": ["gone"], "personal_ref": "A1", "tenancy_type": ["Council flat"],
                          "age": {"min": 70, "max": 65}, "has_email": "yes", "custom": {"hair_colour": ["Red"]},
                          "date_of_birth": {"min": "01/01/1950"}, "surname": " "})) == {
        "criteria.shoe_size", "criteria.status", "criteria.personal_ref", "criteria.tenancy_type", "criteria.age",
        "criteria.has_email", "criteria.custom.hair_colour", "criteria.date_of_birth.min", "criteria.surname"}


EXAMPLES = {  # criteria whose example value is not guessed from the schema
    "custom": {}, "any_of": [{"area": ["Area A"]}], "household": {"occupants": {"min": 2}},
    "participated": {"since": "2025-01-01"},
}


def _example(name: str, spec: dict):
    if name in EXAMPLES:
        return EXAMPLES[name]
    if spec.get("items", {}).get("minLength") == 1:  # ids
        return ["3f1c2a8e-0000-4000-8000-000000000001"]
    if name == "status":
        return ["current"]
    if name == "equality_group":
        return ["BME"]
    if name == "age_band":
        return ["65+"]
    if spec.get("type") == "boolean":
        return True
    if spec.get("type") == "array":
        return ["Not known"] if name != "personal_ref" else ["A1"]
    if spec.get("type") == "object":
        return {"min": 65} if name == "age" else {"min": "1950-01-01"}
    return "a"


@pytest.mark.parametrize("name", sorted(set(CRITERIA_SCHEMA["properties"]) - {"search_template"}))
def test_every_criterion_of_the_shared_schema_is_understood(name):
    """The JSON schema other services and the OpenAPI document see is the one profiles reads."""
    assert translate({name: _example(name, CRITERIA_SCHEMA["properties"][name])})[1] == []


def test_every_criterion_of_the_shared_schema_is_described():
    for name, spec in CRITERIA_SCHEMA["properties"].items():
        assert spec.get("description"), name


# -- option fields -----------------------------------------------------------------------------------------------------

def test_option_labels_become_option_ids():
    assert clauses({"tenancy_type": ["General needs", "sheltered "]})[0] == Term(
        "tenancy_type", [oid("tenancy_type", "General needs"), oid("tenancy_type", "Sheltered")])


def test_not_known_matches_a_blank():
    assert clauses({"area": ["Not known"]})[0] == Not(Exists("area"))
    assert clauses({"area": ["Area A", "not known"]})[0] == AnyOf([Term("area", [oid("area", "Area A")]),
                                                                   Not(Exists("area"))])


def test_an_unknown_label_names_the_criterion_the_label_and_the_list():
    out, problems = translate({"tenancy_type": ["General needs", "Council flat"]})
    assert problems == [FieldProblem("criteria.tenancy_type",
                                     "'Council flat' is not an option of the list 'tenancy_type'")]


@pytest.mark.parametrize("value", [[], "General needs", [1]])
def test_an_option_criterion_is_a_non_empty_list_of_labels(value):
    assert list(fields_of({"tenancy_type": value})) == ["criteria.tenancy_type"]


def test_people_who_keep_an_archived_option_can_still_be_found(tmp_path):
    before = Catalogue({**CAT.options, "area": [Option(o.option_id, "area", o.label, o.position) for o in
                                                CAT.options["area"]]}, CAT.custom_fields)
    people = People(tmp_path, before)
    kept = people.add(area="Area Z")
    people.add(area="Area A")
    people.cat = CAT  # Area Z archived since
    assert clauses({"area": ["Area Z"]})[0] == Term("area", ["o-area-old"])
    assert people.found({"area": ["area z"]}) == {kept}
    people.index.close()


def test_option_criteria_find_the_right_people(people):
    sheltered = people.add(tenancy_type="Sheltered", interests=["Money advice", "Digital inclusion"])
    general = people.add(tenancy_type="General needs", interests=["Youth activities"])
    blank = people.add()
    assert people.found({"tenancy_type": ["Sheltered"]}) == {sheltered}
    assert people.found({"tenancy_type": ["Sheltered", "General needs"]}) == {sheltered, general}
    assert people.found({"tenancy_type": ["Not known"]}) == {blank}
    assert people.found({"interests": ["Digital inclusion"]}) == {sheltered}
    assert people.found({"interests": ["Not known"]}) == {blank}
    assert people.found({"interests": ["Youth activities", "Not known"]}) == {general, blank}
    assert people.found({"tenancy_type": ["Sheltered"], "interests": ["Youth activities"]}) == set()


# -- age and age bands ------------------------------------------------------------------------------------------------

def test_age_65_and_over_means_born_on_or_before_that_day_65_years_ago():
    assert clauses({"age": {"min": 65}})[0] == Range("date_of_birth", gte=None, lte="1961-03-01")


def test_age_up_to_64_means_born_after_that_day_65_years_ago():
    assert clauses({"age": {"max": 64}})[0] == Range("date_of_birth", gte="1961-03-02", lte=None)


def test_an_age_range_on_29_february_uses_28_february_in_years_without_one():
    assert clauses({"age": {"min": 65, "max": 65}}, today=dt.date(2028, 2, 29))[0] == Range(
        "date_of_birth", gte="1962-03-01", lte="1963-02-28")
    assert years_before(dt.date(2028, 2, 29), 4) == dt.date(2024, 2, 29)


@pytest.mark.parametrize("value, where", [
    ({"min": 70, "max": 65}, "criteria.age"), ({"min": -1}, "criteria.age.min"), ({"max": 151}, "criteria.age.max"),
    ({"min": 6.5}, "criteria.age.min"), ({"min": "65"}, "criteria.age.min"), ({"min": True}, "criteria.age.min"),
    ({}, "criteria.age"), ({"from": 65}, "criteria.age"), (65, "criteria.age"),
])
def test_a_bad_age_range_is_named(value, where):
    assert where in fields_of({"age": value})


def _births_around(today: dt.date) -> list[dt.date]:
    births = {dt.date(1960, 2, 29), dt.date(1964, 2, 29), dt.date(2000, 2, 29), dt.date(2024, 2, 29)}
    for years in (0, 1, 2, 15, 16, 17, 44, 45, 46, 64, 65, 66):
        for shift in range(-2, 3):
            births.add(years_before(today, years) + dt.timedelta(days=shift))
            births.add(dt.date(today.year - years, 2, 28) + dt.timedelta(days=shift))
    return sorted(b for b in births if b <= today)


@pytest.mark.parametrize("today", [dt.date(2026, 3, 1), dt.date(2028, 2, 29), dt.date(2027, 2, 28),
                                   dt.date(2027, 3, 1), dt.date(2028, 2, 28), dt.date(2026, 11, 23)])
def test_age_criteria_find_exactly_the_people_of_those_ages_on_the_day(tmp_path, today):
    people = People(tmp_path)
    born = {people.add(date_of_birth=b.isoformat()): b for b in _births_around(today)}
    unknown = people.add()
    for low, high in ((65, None), (None, 64), (16, 44), (None, 15), (0, 0), (1, 1), (45, 64), (65, 65)):
        wanted = {k: v for k, v in (("min", low), ("max", high)) if v is not None}
        expected = {ref for ref, b in born.items()
                    if (low is None or age(b, today) >= low) and (high is None or age(b, today) <= high)}
        assert 0 < len(expected) < len(born)
        assert people.found({"age": wanted}, today) == expected, (wanted, today)
        assert unknown not in expected
    people.index.close()


def test_a_leap_day_baby_turns_18_on_1_march_in_a_year_without_29_february(people):
    leapling = people.add(date_of_birth="2008-02-29")
    assert people.found({"age": {"min": 18}}, dt.date(2026, 2, 28)) == set()
    assert people.found({"age": {"min": 18}}, dt.date(2026, 3, 1)) == {leapling}
    assert people.found({"age": {"max": 17}}, dt.date(2026, 2, 28)) == {leapling}
    assert people.found({"age": {"max": 17}}, dt.date(2026, 3, 1)) == set()


def test_age_bands_are_the_landlords_own_bands_as_age_ranges():
    out = clauses({"age_band": ["65+", "under 16"]})[0]
    assert out == AnyOf([Range("date_of_birth", gte=None, lte="1961-03-01"),
                         Range("date_of_birth", gte="2010-03-02", lte="2026-03-01")])


def test_age_band_not_known_means_no_date_of_birth():
    assert clauses({"age_band": ["Not known"]})[0] == AnyOf([Not(Exists("date_of_birth"))])


def test_an_unknown_age_band_lists_the_bands():
    assert fields_of({"age_band": ["Over 50s"]}) == {
        "criteria.age_band": "'Over 50s' is not one of the age bands: Under 16, 16-44, 45-64, 65+"}


@pytest.mark.parametrize("today", [dt.date(2026, 3, 1), dt.date(2028, 2, 29), dt.date(2027, 2, 28)])
def test_age_band_criteria_find_the_people_in_each_band(tmp_path, today):
    people = People(tmp_path)
    born = {people.add(date_of_birth=b.isoformat()): b for b in _births_around(today)}
    unknown = people.add()
    for band_label, low, high in (("Under 16", 0, 15), ("16-44", 16, 44), ("45-64", 45, 64), ("65+", 65, 200)):
        expected = {ref for ref, b in born.items() if low <= age(b, today) <= high}
        assert people.found({"age_band": [band_label]}, today) == expected, band_label
    assert people.found({"age_band": ["Not known"]}, today) == {unknown}
    assert people.found({"age_band": ["Under 16", "65+", "Not known"]}, today) == {
        ref for ref, b in born.items() if age(b, today) <= 15 or age(b, today) >= 65} | {unknown}
    people.index.close()


def test_a_landlords_own_age_bands_are_used(tmp_path):
    cat = catalogue(ProfileSettings(age_bands=(AgeBand("Under 25", 0, 24), AgeBand("25 and over", 25, None))))
    people = People(tmp_path, cat)
    young, old = people.add(date_of_birth="2001-03-02"), people.add(date_of_birth="2001-03-01")
    translator = Translator(cat, TODAY)
    translator.clauses({"age_band": ["65+"]})
    assert [p.field for p in translator.problems] == ["criteria.age_band"]
    assert people.found({"age_band": ["Under 25"]}) == {young}
    assert people.found({"age_band": ["25 and over"]}) == {old}
    people.index.close()


# -- equality group --------------------------------------------------------------------------------------------------

def test_bme_means_every_ethnicity_of_the_bme_group():
    bme = [o.option_id for o in CAT.options["ethnicity"] if o.group == "BME"]
    assert len(bme) == 18
    assert clauses({"equality_group": ["BME"]})[0] == Term("ethnicity", bme)
    assert clauses({"equality_group": ["white british"]})[0] == Term("ethnicity", [oid("ethnicity", WHITE_BRITISH)])


def test_equality_group_not_known_means_blank_or_an_ethnicity_with_no_group():
    assert clauses({"equality_group": ["Not known"]})[0] == AnyOf(
        [Term("ethnicity", [oid("ethnicity", "Prefer not to say")]), Not(Exists("ethnicity"))])


def test_an_unknown_equality_group_is_named():
    assert list(fields_of({"equality_group": ["Asian"]})) == ["criteria.equality_group"]


def test_equality_group_criteria_find_the_right_people(people):
    white_british = people.add(ethnicity=WHITE_BRITISH)
    irish = people.add(ethnicity="White: Irish")
    indian = people.add(ethnicity="Asian, Asian British or Asian Welsh: Indian")
    refused = people.add(ethnicity="Prefer not to say")
    blank = people.add()
    assert people.found({"equality_group": ["BME"]}) == {irish, indian}
    assert people.found({"equality_group": ["White British"]}) == {white_british}
    assert people.found({"equality_group": ["Not known"]}) == {refused, blank}
    assert people.found({"equality_group": ["White British", "Not known"]}) == {white_british, refused, blank}


# -- text, flags, dates ------------------------------------------------------------------------------------------------

def test_each_word_of_the_text_must_start_a_word_of_the_record():
    assert clauses({"text": "Mary  ACACIA,"})[:2] == [Prefix("words", "mary"), Prefix("words", "acacia")]
    assert list(fields_of({"text": "x" * 201})) == ["criteria.text"]


def test_text_search_finds_names_references_addresses_and_postcodes(people):
    mary = people.add(first_name="Mary Ann", surname="O'Brien", address_line_1="12 Acacia Avenue", postcode="LS1 4AP")
    other = people.add(first_name="Maryam", surname="Khan", address_line_1="3 Beech Road", postcode="LS14 6AA",
                       personal_ref="AB/77")
    assert people.found({"text": "acacia"}) == {mary}
    assert people.found({"text": "mary"}) == {mary, other}
    assert people.found({"text": "mary o'brien"}) == {mary}
    assert people.found({"text": "LS1 4AP"}) == {mary}
    assert people.found({"text": "ls14ap"}) == {mary}
    assert people.found({"text": "ls1"}) == {mary, other}
    assert people.found({"text": "ab/77"}) == {other}
    assert people.found({"text": "avenue beech"}) == set()


def test_field_text_criteria_match_the_start_in_any_case(people):
    smith = people.add(surname="Smith-Jones", email="SJ@example.org", postcode="LS1 4AP")
    people.add(surname="Goldsmith")
    assert clauses({"surname": " smi "})[0] == Prefix("surname", "smi")
    assert people.found({"surname": "smith"}) == {smith}
    assert people.found({"email": "sj@"}) == {smith}
    assert people.found({"postcode": "ls1 4"}) == {smith}


def test_flags_find_who_can_be_reached(people):
    mobile = people.add(mobile="07700 900123", email="jo@example.org")
    landline = people.add(phone="0113 496 0000", alt_contact_name="Sam")
    nothing = people.add()
    assert clauses({"has_mobile": True})[0] == Term("has_mobile", [True])
    assert people.found({"has_mobile": True}) == {mobile}
    assert people.found({"has_mobile": False}) == {landline, nothing}
    assert people.found({"has_email": True}) == {mobile}
    assert people.found({"has_phone": True}) == {mobile, landline}
    assert people.found({"has_alternative_contact": True}) == {landline}
    assert list(fields_of({"has_mobile": "yes"})) == ["criteria.has_mobile"]


def test_a_date_of_birth_range_includes_both_ends(people):
    first = people.add(date_of_birth="1950-01-01")
    last = people.add(date_of_birth="1959-12-31")
    people.add(date_of_birth="1960-01-01")
    people.add(date_of_birth="1949-12-31")
    assert clauses({"date_of_birth": {"min": "1950-01-01", "max": "1959-12-31"}})[0] == Range(
        "date_of_birth", gte="1950-01-01", lte="1959-12-31")
    assert people.found({"date_of_birth": {"min": "1950-01-01", "max": "1959-12-31"}}) == {first, last}
    assert "criteria.date_of_birth" in fields_of({"date_of_birth": {"min": "1960-01-01", "max": "1950-01-01"}})


def test_personal_references_are_matched_exactly(people):
    ref = people.add()
    people.add()
    assert people.found({"personal_ref": [f" {ref} "]}) == {ref}


# -- custom fields ---------------------------------------------------------------------------------------------------

def test_custom_criteria_use_the_fields_own_index_field():
    yes_no, choice = CUSTOM["allotment_holder"], CUSTOM["newsletter_format"]
    assert clauses({"custom": {"allotment_holder": True}})[0] == Term(yes_no.index_field, [True])
    assert clauses({"custom": {"newsletter_format": ["Email", "Not known"]}})[0] == AnyOf(
        [Term(choice.index_field, [oid("custom.newsletter_format", "Email")]), Not(Exists(choice.index_field))])
    assert clauses({"custom": {"number_of_pets": {"min": 1, "max": 2.5}}})[0] == Range(
        CUSTOM["number_of_pets"].index_field, gte=1, lte=2.5)
    assert clauses({"custom": {"tenancy_start": {"min": "2020-01-01"}}})[0] == Range(
        CUSTOM["tenancy_start"].index_field, gte="2020-01-01", lte=None)


@pytest.mark.parametrize("custom, where", [
    ({"hair_colour": ["Red"]}, "criteria.custom.hair_colour"),
    ({"allotment_holder": "yes"}, "criteria.custom.allotment_holder"),
    ({"newsletter_format": ["Fax"]}, "criteria.custom.newsletter_format"),
    ({"number_of_pets": {"min": "one"}}, "criteria.custom.number_of_pets.min"),
    ({"number_of_pets": {"min": 3, "max": 1}}, "criteria.custom.number_of_pets"),
    ({"tenancy_start": {"min": "1 May 2020"}}, "criteria.custom.tenancy_start.min"),
    ({"support_notes": ""}, "criteria.custom.support_notes"),
])
def test_bad_custom_criteria_are_named(custom, where):
    assert where in fields_of({"custom": custom})


def test_custom_criteria_find_the_right_people(people):
    gardener = people.add(custom={"allotment_holder": True, "skills": ["Gardening"], "number_of_pets": 2,
                                  "tenancy_start": "2019-04-01", "newsletter_format": "Paper",
                                  "support_notes": "Needs a call first"})
    handy = people.add(custom={"allotment_holder": False, "skills": ["DIY", "Gardening"], "number_of_pets": 0,
                               "tenancy_start": "2021-06-30", "newsletter_format": "Email"})
    blank = people.add()
    assert people.found({"custom": {"allotment_holder": True}}) == {gardener}
    assert people.found({"custom": {"allotment_holder": False}}) == {handy}
    assert people.found({"custom": {"skills": ["Gardening"]}}) == {gardener, handy}
    assert people.found({"custom": {"skills": ["Not known"]}}) == {blank}
    assert people.found({"custom": {"newsletter_format": ["Paper", "Not known"]}}) == {gardener, blank}
    assert people.found({"custom": {"number_of_pets": {"min": 1}}}) == {gardener}
    assert people.found({"custom": {"number_of_pets": {"max": 0}}}) == {handy}
    assert people.found({"custom": {"tenancy_start": {"min": "2019-04-01", "max": "2021-06-29"}}}) == {gardener}
    assert people.found({"custom": {"tenancy_start": {"max": "2021-06-30"}}}) == {gardener, handy}
    assert people.found({"custom": {"support_notes": "needs"}}) == {gardener}
    assert people.found({"custom": {"skills": ["DIY"], "allotment_holder": True}}) == set()
