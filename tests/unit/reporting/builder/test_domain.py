"""The report builder's tables: breakdowns and cross-tabs from search counts, percentages of each row's
known, drill-down criteria that narrow the population, and suppression that no row or column total can
undo by subtraction."""
from services.reporting.builder import domain
from services.reporting.builder.domain import Dimension, Value
from services.reporting.reports.domain import FacetValue as F

AREA, GENDER_BY = Dimension("area"), Dimension("gender")

AREAS = [F("a", "Area A", 40), F("b", "Area B", 12), F(None, "Not known", 3)]
GENDER = [F("f", "Female", 30), F("m", "Male", 22), F(None, "Not known", 3)]
BY_ROW = {"a": [F("f", "Female", 25), F("m", "Male", 15), F(None, "Not known", 0)],
          "b": [F("f", "Female", 4), F("m", "Male", 7), F(None, "Not known", 1)],
          None: [F("f", "Female", 1), F("m", "Male", 0), F(None, "Not known", 2)]}


def test_drill_down_criteria_narrow_the_population_and_keep_what_both_name():
    assert domain.within({"area": ["Area A", "Area B"], "age": {"min": 65}}, {"area": ["Area B"]}) == {
        "area": ["Area B"], "age": {"min": 65}}
    assert domain.within({"custom": {"pets": ["Dog"]}}, domain.value_criteria("custom.size", "Large")) == {
        "custom": {"pets": ["Dog"], "size": ["Large"]}}
    assert domain.value_criteria("age_band", "Not known") == {"age_band": ["Not known"]}


def test_a_breakdown_gives_percentages_of_known_and_each_values_criteria():
    table = domain.one_way(AREA, 55, AREAS, {"gender": ["Female"]})
    assert [r.label for r in table.rows] == ["Area A", "Area B", "Not known"]
    assert [(c[0].count, c[0].percent) for c in table.cells] == [(40, 76.9), (12, 23.1), (3, None)]
    assert table.cells[1][0].criteria == {"gender": ["Female"], "area": ["Area B"]}
    assert table.cells[2][0].criteria == {"gender": ["Female"], "area": ["Not known"]}
    shown = domain.suppressed(table, 5)
    assert [c[0].suppressed for c in shown.cells] == [False, True, True]  # 3, and then the smallest other


def test_a_cross_tab_counts_percentages_of_each_rows_known():
    table = domain.two_way(AREA, GENDER_BY, 55, AREAS, GENDER, BY_ROW, {})
    assert [[e.count for e in row] for row in table.cells] == [[25, 15, 0], [4, 7, 1], [1, 0, 2]]
    assert [e.percent for e in table.cells[0]] == [62.5, 37.5, None]
    assert [e.percent for e in table.cells[1]] == [36.4, 63.6, None]  # of the row's 11 known
    assert table.cells[0][1].criteria == {"area": ["Area A"], "gender": ["Male"]}
    assert [e.count for e in table.row_totals] == [40, 12, 3] and [e.count for e in table.column_totals] == [30, 22, 3]


def test_no_row_or_column_is_left_with_one_hidden_cell():
    shown = domain.suppressed(domain.two_way(AREA, GENDER_BY, 55, AREAS, GENDER, BY_ROW, {}), 5)
    grid = [[e.suppressed for e in row] for row in shown.cells]
    for line in grid + [list(col) for col in zip(*grid)]:
        assert sum(line) != 1
    assert all(e.percent is None for row in shown.cells for e in row if e.suppressed)
    assert not shown.cells[0][0].suppressed and shown.cells[0][0].count == 25


def test_two_sets_of_alternatives_narrow_to_every_pair_of_them():
    merged = domain.within({"any_of": [{"area": ["Area A"]}, {"area": ["Area B"]}]},
                           {"any_of": [{"gender": ["Male"]}, {"age": {"min": 65}}]})
    assert merged == {"any_of": [{"area": ["Area A"], "gender": ["Male"]}, {"area": ["Area A"], "age": {"min": 65}},
                                 {"area": ["Area B"], "gender": ["Male"]}, {"area": ["Area B"], "age": {"min": 65}}]}


def test_where_both_name_a_field_holding_several_values_a_person_must_hold_both():
    merged = domain.within({"communication_needs": ["Braille"]}, {"communication_needs": ["Large print"]})
    assert merged == {"communication_needs": ["Braille"], "any_of": [{"communication_needs": ["Large print"]}]}
    merged = domain.within({"custom": {"pets": ["Dog"]}}, {"custom": {"pets": ["Cat"]}})
    assert merged == {"custom": {"pets": ["Dog"]}, "any_of": [{"custom": {"pets": ["Cat"]}}]}
    assert domain.within({"gender": ["Male"]}, {"gender": ["Male"]}) == {"gender": ["Male"]}


def test_a_homes_field_and_a_groups_values_become_their_own_criteria():
    estate = Dimension("custom.estate", home=True)
    assert estate.criteria(Value("e1", "Northfield")) == {"household": {"custom": {"estate": ["Northfield"]}}}
    assert estate.criteria(Value(None, "Not known")) == {"household": {"custom": {"estate": ["Not known"]}}}
    groups = Dimension("admin_group", none_of=("g1", "g2"))
    assert groups.facet == "admin_groups" and groups.criteria(Value("g1", "Panel")) == {"admin_group": ["g1"]}
    assert groups.criteria(Value(None, "In none")) == {"not_admin_group": ["g1", "g2"]}
    assert Dimension("activity").criteria(Value(None, "In none")) == {}  # nobody in any: everyone


def test_a_breakdown_by_group_lists_each_group_and_the_people_in_none():
    facet = [F("g1", "Panel", 12), F("g2", "Walkabout", 7), F(None, "In none", 30)]
    table = domain.one_way(Dimension("admin_group", none_of=("g1", "g2")), 45, facet, {"area": ["Area A"]})
    assert [r.label for r in table.rows] == ["Panel", "Walkabout", "In none"]
    assert [c[0].percent for c in table.cells] == [80.0, 46.7, None]  # of the 15 in any: several each
    assert table.cells[2][0].criteria == {"area": ["Area A"], "not_admin_group": ["g1", "g2"]}
