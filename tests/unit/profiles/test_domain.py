"""The person record: adding and changing people, the history a change leaves,
imported fields, custom fields and alerts. Pure rules, no I/O."""
from __future__ import annotations

import datetime as dt

import pytest

from services.common.errors import InvalidInput
from services.profiles.domain import (
    FieldChange, Person, PersonChanged, PersonCreated, blank_values,
)
from services.profiles.setup.defaults import DEFAULT_OPTIONS
from services.profiles.setup.domain import Catalogue, CustomField, Option

NOW = dt.datetime(2026, 11, 23, 9, 30, tzinfo=dt.timezone.utc)
LATER = NOW + dt.timedelta(days=3)
EXTRA = {"title": ("Rev",), "interests": ("Bingo",)}
CUSTOM_OPTIONS = {"newsletter_format": ("Paper", "Email", "Fax"), "skills": ("Gardening", "DIY", "Knitting")}


def catalogue(archived=frozenset(), archived_fields=frozenset()) -> Catalogue:
    """The default lists plus a few options, one custom field of every type and one
    of households; `archived` holds (list, label) pairs, `archived_fields` custom keys."""
    lists: dict[str, list[Option]] = {}
    labels = {name: [d.label for d in defaults] + list(EXTRA.get(name, ())) for name, defaults in DEFAULT_OPTIONS.items()}
    labels.update({f"custom.{key}": list(options) for key, options in CUSTOM_OPTIONS.items()})
    for list_name, names in labels.items():
        lists[list_name] = [Option(f"o-{list_name}-{i}", list_name, label, i, archived=(list_name, label) in archived)
                            for i, label in enumerate(names, 1)]
    specs = [("support_notes", "text"), ("number_of_pets", "number"), ("tenancy_start", "date"),
             ("allotment_holder", "yes_no"), ("newsletter_format", "choice"), ("skills", "multi_choice"),
             ("old_survey", "text")]
    customs = [CustomField(f"00000000-0000-4000-8000-{i:012d}", key, key.replace("_", " ").capitalize(), kind, i,
                           archived=key in archived_fields) for i, (key, kind) in enumerate(specs, 1)]
    customs.append(CustomField("00000000-0000-4000-8000-000000000099", "boiler_type", "Boiler type", "text", 99,
                               applies_to="household"))
    return Catalogue(lists, {d.key: d for d in customs})


CAT = catalogue()
RETIRED = catalogue(archived={("title", "Rev"), ("interests", "Bingo")})  # the same set-up after some archiving


def oid(list_name: str, label: str, cat: Catalogue = CAT) -> str:
    return cat.by_label(list_name, label).option_id


def add(cat: Catalogue = CAT, source: str = "user", **raw) -> Person:
    given = {"personal_ref": "NR000001", "first_name": "Jo", "surname": "Okafor", **raw}
    return Person.add(landlord_id="L1", raw=given, catalogue=cat, created_by="U1", now=NOW, source=source)


def problems(raised) -> dict[str, str]:
    return {p.field: p.reason for p in raised.value.fields}


# -- adding a person ---------------------------------------------------------------------------------------------

def test_a_new_person_is_current_and_records_that_it_was_created():
    person = add(first_name="  Mary   Ann ", personal_ref=" AB/12-3 ")
    assert person.status == "current"
    assert (person.first_name, person.surname, person.personal_ref) == ("Mary Ann", "Okafor", "AB/12-3")
    assert (person.landlord_id, person.created_by, person.created_at, person.updated_at) == ("L1", "U1", NOW, NOW)
    assert person.events == [PersonCreated(person, "user")]
    assert person.imported_fields == frozenset()


def test_two_people_added_get_different_ids():
    assert add().person_id != add().person_id


def test_option_labels_are_stored_as_option_ids_and_shown_as_labels():
    person = add(title="mrs", tenancy_type="Non-resident", ethnicity="White: Irish",
                 communication_needs=["Braille", "Large print"], date_of_birth="1958-07-14",
                 custom={"newsletter_format": "Paper", "skills": ["DIY"], "allotment_holder": True,
                         "tenancy_start": "2019-04-01", "number_of_pets": 2})
    assert person.values["title"] == oid("title", "Mrs")
    assert person.values["tenancy_type"] == oid("tenancy_type", "Non-resident")
    assert set(person.values["communication_needs"]) == {oid("communication_needs", "Braille"),
                                                        oid("communication_needs", "Large print")}
    assert person.values["date_of_birth"] == dt.date(1958, 7, 14)
    shown = person.shown(CAT)
    assert shown["title"] == "Mrs"
    assert shown["tenancy_type"] == "Non-resident"
    assert shown["ethnicity"] == "White: Irish"
    assert shown["communication_needs"] == ["Large print", "Braille"]  # in the list's order
    assert shown["date_of_birth"] == "1958-07-14"
    assert shown["area"] is None and shown["interests"] == []
    assert shown["custom"] == {"newsletter_format": "Paper", "skills": ["DIY"], "allotment_holder": True,
                               "tenancy_start": "2019-04-01", "number_of_pets": 2}


def test_the_shown_record_has_every_field_of_a_person():
    assert set(add().shown(CAT)) == set(blank_values()) | {"custom"}


def test_every_bad_field_is_named_at_once():
    with pytest.raises(InvalidInput) as raised:
        add(RETIRED, personal_ref="", first_name=" ", surname="x" * 101, email="jo@", title="Sir", date_of_birth="2030-01-01",
            postcode="SW1A_1AA", interests=["Bingo"], shoe_size=9,
            custom={"number_of_pets": "two", "favourite_colour": "red", "boiler_type": "combi"})
    assert problems(raised) == {
        "personal_ref": "is required",
        "first_name": "is required",
        "surname": "must be at most 100 characters",
        "email": "is not an email address (name@example.org)",
        "title": "is not an option of the list 'title'",
        "date_of_birth": "must be between 1900-01-01 and today",
        "postcode": "must be a UK postcode, e.g. NF1 2AB",
        "interests": "the option 'Bingo' is archived; choose another",
        "shoe_size": "is not a field of a person",
        "custom.number_of_pets": "must be a number",
        "custom.favourite_colour": "is not a custom field of people",
        "custom.boiler_type": "is not a custom field of people",
    }


def test_a_date_of_birth_today_is_accepted_but_tomorrow_is_not():
    assert add(date_of_birth=NOW.date().isoformat()).values["date_of_birth"] == NOW.date()
    with pytest.raises(InvalidInput) as raised:
        add(date_of_birth=(NOW.date() + dt.timedelta(days=1)).isoformat())
    assert list(problems(raised)) == ["date_of_birth"]


def test_custom_fields_must_be_an_object():
    with pytest.raises(InvalidInput) as raised:
        add(custom=["allotment_holder"])
    assert problems(raised) == {"custom": "must be an object of custom field keys and values"}


def test_an_archived_option_cannot_be_chosen_for_a_new_person():
    with pytest.raises(InvalidInput) as raised:
        add(RETIRED, title="Rev")
    assert problems(raised) == {"title": "the option 'Rev' is archived; choose another"}


# -- changing a person -------------------------------------------------------------------------------------------

def test_a_change_returns_history_entries_with_old_and_new_as_users_see_them():
    person = add(title="Mr", date_of_birth="1958-07-14", interests=["Money advice"], email="jo@example.org")
    changes = person.change({"title": "Dr", "date_of_birth": "1958-07-15",
                             "interests": ["Older people's services", "Community safety", "Money advice"],
                             "email": None}, CAT, by="U2", now=LATER)
    assert set(changes) == {
        FieldChange("title", "Mr", "Dr"),
        FieldChange("date_of_birth", "1958-07-14", "1958-07-15"),
        FieldChange("interests", "Money advice", "Community safety, Money advice, Older people's services"),
        FieldChange("email", "jo@example.org", None),
    }
    assert len(changes) == 4
    assert person.events[-1] == PersonChanged(person, changes, "user")
    assert (person.updated_at, person.updated_by) == (LATER, "U2")
    assert person.values["email"] is None


def test_custom_field_changes_are_in_the_history_by_key_as_labels():
    person = add(custom={"allotment_holder": False, "newsletter_format": "Paper", "number_of_pets": 1})
    changes = person.change({"custom": {"allotment_holder": True, "newsletter_format": "Email", "number_of_pets": None,
                                        "tenancy_start": "2020-02-29", "skills": ["Gardening", "DIY"]}},
                            CAT, by="U2", now=LATER)
    assert set(changes) == {
        FieldChange("custom.allotment_holder", "No", "Yes"),
        FieldChange("custom.newsletter_format", "Paper", "Email"),
        FieldChange("custom.number_of_pets", "1", None),
        FieldChange("custom.tenancy_start", None, "2020-02-29"),
        FieldChange("custom.skills", None, "Gardening, DIY"),
    }
    assert person.shown(CAT)["custom"] == {"allotment_holder": True, "newsletter_format": "Email",
                                           "tenancy_start": "2020-02-29", "skills": ["Gardening", "DIY"]}


def test_giving_the_same_values_again_is_no_change():
    person = add(title="Mr", postcode="SW1A 1AA", first_name="Mary Ann", interests=["Money advice", "Community safety"],
                 custom={"skills": ["DIY", "Gardening"], "number_of_pets": 2})
    events = list(person.events)
    changes = person.change({"title": "MR", "postcode": "sw1a 1aa", "first_name": " Mary  Ann",
                             "interests": ["Community safety", "Money advice"],
                             "custom": {"skills": ["Gardening", "DIY"], "number_of_pets": 2.0}},
                            CAT, by="U2", now=LATER)
    assert changes == ()
    assert person.events == events
    assert (person.updated_at, person.updated_by) == (NOW, None)


def test_only_the_fields_that_really_changed_are_in_the_history():
    person = add(title="Mr", surname="Okafor", area="Area A")
    changes = person.change({"title": "Mr", "surname": "Okafor", "area": "Area B"}, CAT, by="U2", now=LATER)
    assert changes == (FieldChange("area", "Area A", "Area B"),)


def test_a_bad_change_changes_nothing_and_names_every_bad_field():
    person = add(title="Mr", email="jo@example.org")
    before = (dict(person.values), dict(person.custom), list(person.events), person.updated_at)
    with pytest.raises(InvalidInput) as raised:
        person.change({"title": "Mrs", "email": "not-an-email", "surname": "", "custom": {"number_of_pets": True}},
                      CAT, by="U2", now=LATER)
    assert problems(raised) == {"email": "is not an email address (name@example.org)", "surname": "is required",
                                "custom.number_of_pets": "must be a number"}
    assert (person.values, person.custom, person.events, person.updated_at) == before


def test_an_archived_option_stays_on_a_record_that_already_has_it():
    person = add(title="Rev", interests=["Bingo", "Money advice"])
    later = RETIRED
    changes = person.change({"title": "Rev", "interests": ["Bingo", "Money advice", "Youth activities"],
                             "surname": "Okafor-Smith"}, later, by="U2", now=LATER)
    assert set(changes) == {FieldChange("surname", "Okafor", "Okafor-Smith"),
                            FieldChange("interests", "Money advice, Bingo",
                                        "Money advice, Youth activities, Bingo")}
    assert person.shown(later)["title"] == "Rev"


def test_an_archived_option_once_removed_cannot_come_back():
    person = add(interests=["Bingo"])
    later = catalogue(archived={("interests", "Bingo")})
    person.change({"interests": ["Money advice"]}, later, by="U2", now=LATER)
    with pytest.raises(InvalidInput) as raised:
        person.change({"interests": ["Money advice", "Bingo"]}, later, by="U2", now=LATER)
    assert problems(raised) == {"interests": "the option 'Bingo' is archived; choose another"}


def test_another_person_cannot_be_given_an_option_archived_since():
    later = catalogue(archived={("title", "Rev")})
    person = add(later, title="Mr")
    with pytest.raises(InvalidInput) as raised:
        person.change({"title": "Rev"}, later, by="U2", now=LATER)
    assert problems(raised) == {"title": "the option 'Rev' is archived; choose another"}


def test_an_archived_custom_field_keeps_its_value_but_takes_no_new_one():
    person = add(custom={"old_survey": "satisfied"})
    later = catalogue(archived_fields={"old_survey"})
    assert person.change({"custom": {"old_survey": "satisfied"}}, later, by="U2", now=LATER) == ()
    with pytest.raises(InvalidInput) as raised:
        person.change({"custom": {"old_survey": "unhappy"}}, later, by="U2", now=LATER)
    assert problems(raised) == {"custom.old_survey": "is archived: it keeps the values people have but takes no new ones"}
    assert person.shown(later)["custom"] == {"old_survey": "satisfied"}
    with pytest.raises(InvalidInput):
        add(later, custom={"old_survey": "satisfied"})


def test_an_archived_multi_choice_field_given_back_in_another_order_is_no_new_value():
    person = add(custom={"skills": ["Gardening", "DIY"]})
    later = catalogue(archived_fields={"skills"})
    assert person.change({"custom": {"skills": ["DIY", "Gardening"]}}, later, by="U2", now=LATER) == ()
