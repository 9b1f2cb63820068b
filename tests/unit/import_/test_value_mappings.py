"""Value mappings with no I/O: a field's mappings name only the feed's option fields and options the list has,
each feed value once (case and repeated spaces do not count); rows get the mapped labels; a mapping whose option
has gone is left out; a run's unknown values are counted per value with a suggestion, and a row counts as one the
mappings would accept only when every one of its problems is an unknown value they map."""
from __future__ import annotations

import importlib

import pytest

from services.common.errors import InvalidInput
from services.profiles.setup.defaults import ONS_ETHNICITIES

feed = importlib.import_module("services.import.feed")
vm = importlib.import_module("services.import.value_mappings")

INDIAN = "Asian, Asian British or Asian Welsh: Indian"
UNKNOWN_ETHNICITY = "is not an option of the list 'ethnicity'"
UNKNOWN_AREA = "is not an option of the list 'area'"


def _refused(field, entries, options=ONS_ETHNICITIES) -> dict[str, str]:
    with pytest.raises(InvalidInput) as refused:
        vm.checked(field, entries, options)
    return {p.field: p.reason for p in refused.value.fields}


def test_a_mapping_names_an_option_the_list_has_spelled_as_the_list_spells_it():
    made = vm.checked("ethnicity", [("  Asian or Asian  British: Indian ", INDIAN.upper())], ONS_ETHNICITIES)
    assert made == [vm.ValueMapping("ethnicity", "Asian or Asian British: Indian", INDIAN)]


def test_unknown_fields_options_blank_and_repeated_values_are_refused_by_position():
    assert set(_refused("postcode", [])) == {"field"}
    problems = _refused("ethnicity", [("Indian (2011)", "Indian"), ("", INDIAN), ("a  B", INDIAN), ("A b", INDIAN)])
    assert set(problems) == {"mappings[0].option", "mappings[1].feed_value", "mappings[3].feed_value"}
    assert "add it in set-up first" in problems["mappings[0].option"]
    assert set(_refused("area", [("x" * 401, "Area A")], ["Area A"])) == {"mappings[0].feed_value"}


def test_rows_get_the_mapped_label_and_other_values_stay_as_given():
    mapped = vm.by_field([vm.ValueMapping("ethnicity", "Asian or Asian British: Indian", INDIAN),
                          vm.ValueMapping("household_status", "Lead tenant", "Head")])
    person = {"ethnicity": "ASIAN OR ASIAN BRITISH:  INDIAN", "household_status": "Joint", "area": "Lead tenant"}
    assert vm.apply(person, mapped) == {"ethnicity": INDIAN, "household_status": "Joint", "area": "Lead tenant"}


def test_a_mapping_whose_option_has_gone_is_left_out_of_a_run():
    mappings = [vm.ValueMapping("area", "North", "Area A"), vm.ValueMapping("area", "South", "Area Z")]
    asked = []

    def options_of(list_name):
        asked.append(list_name)
        return ["area a", "Area B"]
    assert vm.still_valid(mappings, options_of) == [vm.ValueMapping("area", "North", "area a")]
    assert asked == ["area"], "each list is asked for once"


@pytest.mark.parametrize("given, meant", [
    ("Asian or Asian British: Indian", INDIAN),
    ("Asian or Asian British: Pakistani", "Asian, Asian British or Asian Welsh: Pakistani"),
    ("White: English/Welsh/Scottish/Northern Irish/British",
     "White: English, Welsh, Scottish, Northern Irish or British"),
    ("Mixed/multiple ethnic groups: White and Black Caribbean",
     "Mixed or Multiple ethnic groups: White and Black Caribbean"),
    ("Chinese", "Asian, Asian British or Asian Welsh: Chinese"),
    ("Martian", ""),
])
def test_the_suggestion_is_the_closest_label_or_none(given, meant):
    assert vm.suggest(given, ONS_ETHNICITIES) == meant


def _problem(row, column, reason, **values):
    return feed.RowProblem(row, column, reason, values)


def test_unknown_values_are_counted_per_value_and_rows_only_unknown_are_the_ones_mappings_accept():
    problems = [
        _problem(2, "Ethnic origin", UNKNOWN_ETHNICITY, **{"Ethnic origin": "Asian or Asian British: Indian"}),
        _problem(3, "Ethnic origin", UNKNOWN_ETHNICITY, **{"Ethnic origin": "asian or asian british: indian"}),
        _problem(3, "area", UNKNOWN_AREA, **{"Ethnic origin": "asian or asian british: indian", "area": "Zone 9"}),
        _problem(4, "Ethnic origin", UNKNOWN_ETHNICITY, **{"Ethnic origin": "Martian"}),
        _problem(5, "date_of_birth", "is not a date: write it as yyyy-mm-dd or dd/mm/yyyy",
                 **{"date_of_birth": "soon"}),
    ]
    field_of = {"Ethnic origin": "ethnicity", "area": "area", "date_of_birth": "date_of_birth"}.get
    options = {"ethnicity": ONS_ETHNICITIES, "area": ["Area A", "Area B"]}
    mapped = vm.by_field([vm.ValueMapping("ethnicity", "Asian or Asian British: Indian", INDIAN)])
    rows, accepted, found = vm.unknown_values(problems, field_of, mapped, options.get)
    assert (rows, accepted) == (4, 1)  # row 2 only: row 3's area and row 4's value are not mapped
    assert found == [vm.UnknownValue("ethnicity", "Asian or Asian British: Indian", 2, INDIAN, INDIAN),
                     vm.UnknownValue("area", "Zone 9", 1, "", ""),
                     vm.UnknownValue("ethnicity", "Martian", 1, "", "")]
