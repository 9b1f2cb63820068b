"""Criteria -> index clauses: age and the landlord's age bands, worked out on the day asked,
checked on the clauses and against real person documents in the embedded search index."""
from __future__ import annotations

import datetime as dt

import pytest

from services.common.search import AnyOf, Exists, Not, Range
from services.profiles.search.criteria import Translator, years_before
from services.profiles.setup.domain import AgeBand, ProfileSettings
from tests.unit.profiles.search.criteria_support import TODAY, People, age, catalogue, clauses, fields_of


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
