"""The rules of the profile set-up: labels, keys, tenancy type attributes,
references, ordering, age bands, and the default lists."""
import datetime as dt

import pytest

from services.common.errors import InvalidInput
from services.common.person_fields import OPTION_LISTS, PROGRAMMED_PREFERENCES
from services.common.sample_residents import ONS_ETHNICITIES
from services.profiles.setup.defaults import DEFAULT_OPTIONS
from services.profiles.setup.domain import (DEFAULT_AGE_BANDS, AgeBand, Catalogue, Option, age_band, age_on,
                                            check_age_bands, check_group, check_ref_mode, check_removable, clean_label,
                                            derive_key, format_ref, in_use_message, key_problem, label_key, moved,
                                            reordered, tenancy_attributes)


def _fields(raised) -> dict:
    return {p.field: p.reason for p in raised.value.fields}


def test_labels_are_tidied_and_compared_without_case_or_spacing():
    assert clean_label("  Estate   walkabouts ") == "Estate walkabouts"
    assert label_key("ESTATE  Walkabouts") == label_key("estate walkabouts")
    for bad in ("", "   ", None, "x" * 201):
        with pytest.raises(InvalidInput):
            clean_label(bad)


def test_keys_come_from_labels_and_are_unique():
    assert derive_key("Allotment holder?", set()) == "allotment_holder"
    assert derive_key("Allotment holder?", {"allotment_holder"}) == "allotment_holder_2"
    assert derive_key("2nd language", set()) == "f_2nd_language"
    assert derive_key("!!!", set()) == "field"
    assert derive_key("Surname", set()) == "surname_2", "a standard field's name is not a custom key"
    assert len(derive_key("a very long label " * 10, set())) <= 40
    assert key_problem("contact_time") is None
    assert key_problem("Contact time") and key_problem("_x") and key_problem("ethnicity") and key_problem("x" * 41)


def test_tenancy_attributes_are_checked_and_merged():
    current = {"fed_by_import": False, "ref_prefix": "NR", "ref_digits": 6, "next_number": 7}
    assert tenancy_attributes("tenancy_type", {"fed_by_import": True}, current) == {**current, "fed_by_import": True}
    assert tenancy_attributes("tenancy_type", {"ref_digits": 4.0}, current)["ref_digits"] == 4
    assert tenancy_attributes("tenancy_type", None) == {"fed_by_import": False, "ref_prefix": "", "ref_digits": 6,
                                                        "next_number": 1}
    with pytest.raises(InvalidInput) as raised:
        tenancy_attributes("tenancy_type", {"ref_prefix": "N R", "ref_digits": 0, "next_number": 1.5, "colour": "red"})
    assert set(_fields(raised)) == {"attributes.ref_prefix", "attributes.ref_digits", "attributes.next_number",
                                    "attributes.colour"}
    with pytest.raises(InvalidInput, match="longer than 30"):
        tenancy_attributes("tenancy_type", {"ref_prefix": "ABCDEFGHIJKLMNOPQRST", "ref_digits": 11})
    with pytest.raises(InvalidInput):
        tenancy_attributes("interests", {"fed_by_import": True})
    assert tenancy_attributes("interests", None) == {}


def test_references_are_prefix_and_zero_padded_number():
    assert format_ref("NR", 6, 42) == "NR000042"
    assert format_ref("", 3, 1234) == "1234"


def test_groups_belong_to_ethnicity_only():
    assert check_group("ethnicity", "BME") == "BME" and check_group("ethnicity", "") == ""
    assert check_group("interests", "") == ""
    for list_name, group in (("ethnicity", "Other"), ("interests", "BME")):
        with pytest.raises(InvalidInput):
            check_group(list_name, group)


def test_programmed_options_cannot_be_removed_and_refusals_count_people():
    with pytest.raises(InvalidInput):
        check_removable(Option("o1", "preferences", "No email", 1, code="no_email"))
    check_removable(Option("o2", "interests", "Gardening", 1))
    assert in_use_message(3) == "this option is used by 3 people; archive it instead"
    assert in_use_message(1, "field") == "this field is used by 1 person; archive it instead"


def test_reordering_needs_every_id_once_and_moving_keeps_the_others_in_order():
    assert reordered(["a", "b", "c"], ["c", "a", "b"]) == ["c", "a", "b"]
    for wrong in (["a", "b"], ["a", "b", "b"], ["a", "b", "c", "d"]):
        with pytest.raises(InvalidInput):
            reordered(["a", "b", "c"], wrong)
    assert moved(["a", "b", "c", "d"], "d", 1) == ["d", "a", "b", "c"]
    assert moved(["a", "b", "c", "d"], "a", 3) == ["b", "c", "a", "d"]
    for position in (0, 5):
        with pytest.raises(InvalidInput):
            moved(["a", "b", "c", "d"], "a", position)


def test_age_bands_start_at_zero_follow_on_and_end_open():
    assert check_age_bands(list(DEFAULT_AGE_BANDS)) == DEFAULT_AGE_BANDS
    assert check_age_bands([AgeBand(" All  ages ", 0, None)]) == (AgeBand("All ages", 0, None),)
    cases = {
        "age_bands.0.min_age": [AgeBand("Adults", 18, None)],
        "age_bands.1.min_age": [AgeBand("Young", 0, 17), AgeBand("Old", 20, None)],
        "age_bands.0.max_age": [AgeBand("Young", 0, None), AgeBand("Old", 18, None)],
        "age_bands.1.max_age": [AgeBand("Young", 0, 17), AgeBand("Old", 18, 99)],
        "age_bands": [AgeBand("Same", 0, 17), AgeBand("same", 18, None)],
    }
    for field, bands in cases.items():
        with pytest.raises(InvalidInput) as raised:
            check_age_bands(bands)
        assert field in _fields(raised), (field, _fields(raised))
    with pytest.raises(InvalidInput):
        check_age_bands([])
    with pytest.raises(InvalidInput):
        check_age_bands([AgeBand("Back", 0, 20), AgeBand("Overlap", 10, None)])


def test_age_and_band_on_a_day():
    today = dt.date(2026, 11, 23)
    assert age_on(dt.date(2010, 11, 24), today) == 15
    assert age_band(15, DEFAULT_AGE_BANDS) == "Under 16" and age_band(65, DEFAULT_AGE_BANDS) == "65+"
    assert age_band(None, DEFAULT_AGE_BANDS) is None


def test_reference_mode_is_typed_or_generated():
    assert check_ref_mode("generated") == "generated"
    with pytest.raises(InvalidInput):
        check_ref_mode("random")


def test_every_option_list_has_its_defaults():
    assert set(DEFAULT_OPTIONS) == set(OPTION_LISTS)
    ethnicity = DEFAULT_OPTIONS["ethnicity"]
    assert tuple(o.label for o in ethnicity[:-1]) == ONS_ETHNICITIES
    assert [o.label for o in ethnicity if o.group == "White British"] == [
        "White: English, Welsh, Scottish, Northern Irish or British"]
    assert sum(o.group == "BME" for o in ethnicity) == 18 and ethnicity[-1].group == ""
    assert {o.code: o.label for o in DEFAULT_OPTIONS["preferences"]} == PROGRAMMED_PREFERENCES
    fed = {o.label: o.attributes["fed_by_import"] for o in DEFAULT_OPTIONS["tenancy_type"]}
    assert fed == {"General needs": True, "Sheltered": True, "Leasehold": True, "Co-resident": True,
                   "Non-resident": False}
    for list_name, options in DEFAULT_OPTIONS.items():
        assert len({label_key(o.label) for o in options}) == len(options), list_name


def test_the_catalogue_finds_options_by_id_label_and_code():
    options = [Option("o1", "preferences", "No email", 1, code="no_email"), Option("o2", "preferences", "Post", 2)]
    catalogue = Catalogue(options={"preferences": options}, custom_fields={})
    assert catalogue.by_label("preferences", " NO EMAIL ").option_id == "o1"
    assert catalogue.by_code("preferences", "no_email").label == "No email"
    assert catalogue.label("o2") == "Post" and catalogue.label(None) is None
