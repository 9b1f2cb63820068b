"""The profile report's arithmetic: labels in list order, percentages of known rounded half-up to one
decimal place (the seed's example report, whose own table has rounding slips), age bands and equality
groups worked out from the counts, and disclosure control that subtraction cannot undo."""
from services.reporting.domain import KNOWN
from services.reporting.reports import domain
from services.reporting.reports.domain import AgeBand, Catalogue, CatalogueOption as Option

TENANCY = tuple(Option(f"t{i}", label) for i, label in enumerate(
    ("General needs", "Sheltered", "Leasehold", "Co-resident", "Non-resident")))
ETHNICITY = (Option("wb", "White: English, Welsh, Scottish, Northern Irish or British", "White British"),
             Option("wi", "White: Irish", "BME"), Option("in", "Asian, Asian British or Asian Welsh: Indian", "BME"),
             Option("pn", "Prefer not to say"))
BANDS = (AgeBand("Under 16", 0, 15), AgeBand("16-44", 16, 44), AgeBand("45-64", 45, 64), AgeBand("65+", 65, None))
CATALOGUE = Catalogue({"tenancy_type": ("Tenancy type", TENANCY), "ethnicity": ("Ethnicity", ETHNICITY),
                       "gender": ("Gender", (Option("f", "Female"), Option("m", "Male"))),
                       "custom.pets": ("Pets", (Option("dog", "Dog"), Option("cat", "Cat")))},
                      BANDS, (("custom.pets", True),))


def counts(total: int, **by_characteristic: dict) -> dict:
    found = {("status", "current"): total}
    for characteristic, values in by_characteristic.items():
        found.update({(characteristic, value): n for value, n in values.items()})
    return found


def breakdown(report, characteristic):
    return next(b for b in report.breakdowns if b.characteristic == characteristic)


def cells(b) -> dict:
    return {c.label: (None if c.suppressed else c.count, c.percent) for c in b.cells}


def test_the_seeds_tenancy_types_with_one_stated_rounding_rule():
    report = domain.profile_report(counts(4216, tenancy_type={"t0": 2101, "t1": 771, "t2": 676, "t3": 668,
                                                              KNOWN: 4216}), CATALOGUE)
    tenancy = breakdown(report, "tenancy_type")
    assert cells(tenancy) == {"General needs": (2101, 49.8), "Sheltered": (771, 18.3), "Leasehold": (676, 16.0),
                              "Co-resident": (668, 15.8), "Non-resident": (0, 0.0)}  # the seed says 18.4
    assert report.current_people.count == 4216 and tenancy.known == 4216


def test_half_up_rounding_and_not_known_left_out_of_the_base():
    assert domain.percent(1, 8) == 12.5 and domain.percent(1, 16) == 6.3 and domain.percent(2, 3) == 66.7
    assert domain.percent(5, 0) is None
    report = domain.profile_report(counts(4219, gender={"m": 2144, "f": 2065, KNOWN: 4209}), CATALOGUE)
    gender = breakdown(report, "gender")
    assert cells(gender) == {"Female": (2065, 49.1), "Male": (2144, 50.9)} and gender.not_known.count == 10


def test_age_bands_and_equality_groups_come_from_the_counts():
    ages = {"3": 222, "30": 1400, "50": 1405, "70": 1000, "101": 191, KNOWN: 4218}
    report = domain.profile_report(counts(4218, age=ages, ethnicity={"wb": 1420, "wi": 900, "in": 22, "pn": 10,
                                                                      KNOWN: 2352}), CATALOGUE)
    bands = breakdown(report, "age_band")
    assert cells(bands) == {"Under 16": (222, 5.3), "16-44": (1400, 33.2), "45-64": (1405, 33.3),
                            "65+": (1191, 28.2)}
    groups = breakdown(report, "equality_group")
    assert cells(groups) == {"White British": (1420, 60.6), "BME": (922, 39.4)}
    assert groups.not_known.count == 4218 - 2342 and groups.equality and not bands.equality


def test_the_seeds_two_people_of_unknown_gender_are_hidden_with_the_base_and_the_smaller_value():
    report = domain.profile_report(counts(4219, gender={"m": 2144, "f": 2073, KNOWN: 4217}), CATALOGUE)
    gender = breakdown(report, "gender")
    assert gender.not_known.suppressed and gender.known is None  # 2: fewer than 5, and the base would tell
    assert cells(gender) == {"Female": (None, None), "Male": (2144, 50.8)}  # else 4219 - 2144 - 2073 = 2


def test_a_lone_small_cell_takes_a_second_one_with_it_so_totals_do_not_give_it_away():
    report = domain.profile_report(counts(120, tenancy_type={"t0": 100, "t1": 3, "t2": 9, "t3": 8, KNOWN: 120}),
                                   CATALOGUE)
    tenancy = breakdown(report, "tenancy_type")
    hidden = [c.label for c in tenancy.cells if c.suppressed]
    assert hidden == ["Sheltered", "Co-resident"]  # 3, and the smallest other non-zero cell
    shown = sum(c.count for c in tenancy.cells if not c.suppressed)
    assert 120 - shown == 11  # what subtraction gives: only the two together
    assert not tenancy.not_known.suppressed and tenancy.not_known.count == 0  # nobody not known: shown


def test_no_cell_is_hidden_when_none_is_small():
    report = domain.profile_report(counts(40, gender={"f": 20, "m": 15, KNOWN: 35}), CATALOGUE)
    gender = breakdown(report, "gender")
    assert not any(c.suppressed for c in gender.cells) and gender.not_known.count == 5 and gender.known == 35


def test_every_option_is_listed_in_order_archived_ones_only_while_held_and_custom_lists_follow():
    catalogue = Catalogue({**CATALOGUE.lists, "gender": ("Gender", (Option("f", "Female"), Option("x", "Old", archived=True),
                                                                   Option("m", "Male")))}, BANDS, (("custom.pets", True),))
    report = domain.profile_report(counts(50, gender={"f": 30, KNOWN: 30}, **{"custom.pets": {"dog": 9, "cat": 7,
                                                                                              KNOWN: 12}}), catalogue)
    assert [c.label for c in breakdown(report, "gender").cells] == ["Female", "Male"]
    pets = breakdown(report, "custom.pets")
    assert pets.several and cells(pets) == {"Dog": (9, 75.0), "Cat": (7, 58.3)}  # several each: over 100% in all
    order = [b.characteristic for b in report.breakdowns]
    assert order[:6] == ["gender", "equality_group", "age_band", "disability", "tenancy_type", "area"]
    assert order[-1] == "custom.pets" and "title" not in order


def test_counts_of_an_option_no_longer_listed_still_show():
    report = domain.profile_report(counts(50, gender={"f": 20, "gone": 25, KNOWN: 45}), CATALOGUE)
    assert cells(breakdown(report, "gender"))["(removed option)"] == (25, 55.6)


def test_a_populations_profile_comes_from_search_aggregations_with_the_same_rules():
    facets = {"gender": [domain.FacetValue("f", "Female", 30), domain.FacetValue("m", "Male", 17),
                         domain.FacetValue(None, "Not known", 3)],
              "custom.pets": [domain.FacetValue("dog", "Dog", 20), domain.FacetValue("cat", "Cat", 25),
                              domain.FacetValue(None, "Not known", 10)],
              "age_band": [domain.FacetValue(b.label, b.label, n) for b, n in zip(BANDS, (0, 20, 20, 10))]
              + [domain.FacetValue(None, "Not known", 0)]}
    report = domain.population_report(50, facets, CATALOGUE)
    assert report.current_people.count == 50 and report.occupied_properties is None
    gender = breakdown(report, "gender")
    assert cells(gender) == {"Female": (30, 63.8), "Male": (None, None)}  # of the 47 known
    assert gender.not_known.suppressed and gender.known is None  # 3 not known: hidden with the smaller value
    pets = breakdown(report, "custom.pets")
    assert pets.several and pets.known == 40 and cells(pets) == {"Dog": (20, 50.0), "Cat": (25, 62.5)}
    assert cells(breakdown(report, "age_band")) == {"Under 16": (0, 0.0), "16-44": (20, 40.0), "45-64": (20, 40.0),
                                                    "65+": (10, 20.0)}
    assert [b.characteristic for b in report.breakdowns] == domain.report_order(CATALOGUE)


def test_people_are_broken_down_by_their_homes_choice_fields_counted_under_the_fields_id():
    catalogue = Catalogue({**CATALOGUE.lists, "custom.estate": ("Estate", (Option("e1", "Northfield"),
                                                                         Option("e2", "Southmead")))},
                          BANDS, CATALOGUE.person_custom_lists, (("custom.estate", False, "cf.f-9"),))
    report = domain.profile_report(counts(40, **{"cf.f-9": {"e1": 22, "e2": 10, KNOWN: 32}}), catalogue)
    estate = breakdown(report, "custom.estate")
    assert (estate.label, cells(estate), estate.not_known.count) == (
        "Estate", {"Northfield": (22, 68.8), "Southmead": (10, 31.3)}, 8)
    assert domain.report_order(catalogue)[-2:] == ["custom.pets", "custom.estate"]
    assert domain.counted_as("custom.estate", catalogue) == {"status", "cf.f-9"}
    assert domain.counted_as("custom.pets", catalogue) == {"status", "custom.pets"}
