"""Benchmark groups' arithmetic: measures compared by label across landlords, medians and quartiles only
from five contributing landlords, and group names checked."""
import datetime as dt

import pytest

from services.common.errors import InvalidInput
from services.reporting.benchmark import domain
from services.reporting.reports.domain import KNOWN, Catalogue, CatalogueOption

KEY = (domain.COMPLETENESS, "gender", "")


def test_a_landlords_measures_are_its_completeness_and_profile_shares_by_label():
    catalogue = Catalogue({"gender": ("Gender", (CatalogueOption("f-1", "Female"), CatalogueOption("m-1", "Male")))})
    found = domain.measures({("status", "current"): 10, ("gender", "f-1"): 3, ("gender", "m-1"): 1,
                             ("gender", KNOWN): 4}, catalogue)
    assert found[KEY] == 40.0
    assert found[(domain.PROFILE, "gender", "Female")] == 75.0 and found[(domain.PROFILE, "gender", "Male")] == 25.0
    assert found[(domain.PARTICIPATION, "activity", "")] == 0.0  # nobody takes part in an activity


def test_the_participation_rate_is_the_share_of_current_people_in_any_activity():
    found = domain.measures({("status", "current"): 8, ("status", "archived"): 4, ("activity", "a-1"): 3,
                             ("activity", "a-2"): 2, ("activity", KNOWN): 4}, Catalogue({}))
    assert found[(domain.PARTICIPATION, "activity", "")] == 50.0


def test_the_contact_rate_is_the_share_of_current_people_contacted_within_a_year():
    found = domain.measures({("status", "current"): 8}, Catalogue({}), contacted=3)
    assert found[(domain.CONTACT, domain.CONTACTS, "")] == 37.5
    assert (domain.CONTACT, domain.CONTACTS, "") not in domain.measures({("status", "current"): 8}, Catalogue({}))
    assert domain.contact_window_start(dt.date(2028, 2, 29)) == dt.date(2027, 2, 28)
    assert domain.contact_window_start(dt.date(2027, 3, 9)) == dt.date(2026, 3, 9)


def test_the_group_figure_needs_five_contributors():
    own = {KEY: 20.0}
    four = domain.compare(own, [{KEY: v} for v in (20.0, 40.0, 60.0, 80.0)])
    assert four[0].median is None and four[0].contributors == 4
    five = domain.compare(own, [{KEY: v} for v in (20.0, 40.0, 60.0, 80.0, 100.0)] + [{}])
    assert (five[0].lower_quartile, five[0].median, five[0].upper_quartile, five[0].contributors) == (40.0, 60.0, 80.0, 5)


def test_group_names_are_checked():
    assert domain.check_group("  North-West-1 ") == "north-west-1"
    with pytest.raises(InvalidInput):
        domain.check_group("x")
