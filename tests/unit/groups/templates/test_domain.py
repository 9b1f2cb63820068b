"""Expanding criteria for profiles: templates replaced by their criteria (nested, loops refused),
group and activity ids checked. Pure rules: the lookups are dictionaries here."""
from __future__ import annotations

import pytest

from services.common.criteria import CRITERIA_SCHEMA, GROUP_IDS, GROUP_KEYS
from services.common.errors import InvalidInput
from services.groups.templates.domain import Lookups, expand, mentions_groups


def lookups(templates: dict, groups=(), activities=()) -> Lookups:
    return Lookups(templates.get, lambda ids: ids & set(groups), lambda ids: ids & set(activities))


def problem(error: InvalidInput) -> tuple[str, str]:
    return error.value.fields[0].field, error.value.fields[0].reason


def test_a_template_becomes_its_criteria_as_alternatives_and_other_keys_stay():
    found = expand({"search_template": ["t1", "t2"], "age": {"min": 65}},
                   lookups({"t1": {"tenancy_type": ["Sheltered"]}, "t2": {"postcode": "AB1"}}))
    assert found == {"age": {"min": 65}, "any_of": [{"tenancy_type": ["Sheltered"]}, {"postcode": "AB1"}]}


def test_templates_inside_templates_and_inside_any_of_are_expanded():
    saved = {"outer": {"search_template": ["inner"], "has_email": True}, "inner": {"age": {"min": 18}}}
    found = expand({"any_of": [{"search_template": ["outer"]}, {"text": "acacia"}]}, lookups(saved))
    assert found == {"any_of": [{"any_of": [{"has_email": True, "any_of": [{"age": {"min": 18}}]}]},
                                {"text": "acacia"}]}


def test_an_existing_any_of_is_anded_with_the_templates():
    found = expand({"any_of": [{"text": "a"}, {"text": "b"}], "search_template": ["t"]},
                   lookups({"t": {"age": {"min": 65}}}))
    # (a or b) and t
    assert found == {"any_of": [{"text": "a", "any_of": [{"age": {"min": 65}}]},
                                {"text": "b", "any_of": [{"age": {"min": 65}}]}]}


def test_the_saved_criteria_are_not_changed_by_expanding():
    saved = {"t": {"any_of": [{"text": "a"}], "search_template": ["u"]}, "u": {"text": "b"}}
    expand({"search_template": ["t"]}, lookups(saved))
    assert saved["t"] == {"any_of": [{"text": "a"}], "search_template": ["u"]}


def test_a_loop_of_templates_is_refused():
    saved = {"a": {"search_template": ["b"]}, "b": {"any_of": [{"search_template": ["a"]}]}}
    with pytest.raises(InvalidInput) as error:
        expand({"search_template": ["a"]}, lookups(saved))
    assert problem(error)[0] == "criteria.search_template"
    assert "loop" in problem(error)[1]


def test_a_template_that_includes_itself_is_refused_when_saved():
    with pytest.raises(InvalidInput) as error:
        expand({"search_template": ["me"]}, lookups({"me": {}}), within=("me",))
    assert problem(error)[0] == "criteria.search_template"


def test_the_same_template_twice_side_by_side_is_not_a_loop():
    found = expand({"any_of": [{"search_template": ["t"]}, {"search_template": ["t"]}]}, lookups({"t": {"text": "x"}}))
    assert found["any_of"][0] == {"any_of": [{"text": "x"}]}


def test_an_unknown_template_is_named():
    with pytest.raises(InvalidInput) as error:
        expand({"search_template": ["nope"]}, lookups({}))
    assert problem(error) == ("criteria.search_template", "no search template nope")


def test_unknown_group_and_activity_ids_are_named_also_nested():
    criteria = {"admin_group": ["g1", "g9"], "any_of": [{"not_activity": ["a9"]}],
                "participated": {"activity": ["a1"], "since": "2024-01-01"}}
    with pytest.raises(InvalidInput) as error:
        expand(criteria, lookups({}, groups=["g1"], activities=["a1"]))
    fields = {(f.field, f.reason) for f in error.value.fields}
    assert fields == {("criteria.admin_group", "no admin group g9"), ("criteria.not_activity", "no activity a9")}


def test_known_ids_pass_unchanged():
    criteria = {"admin_group": ["g1"], "activity": ["a1"], "participated": {"since": "2024-01-01"}}
    assert expand(criteria, lookups({}, groups=["g1"], activities=["a1"])) == criteria


def test_ids_must_be_a_list_of_strings():
    with pytest.raises(InvalidInput) as error:
        expand({"admin_group": [3]}, lookups({}))
    assert problem(error)[0] == "criteria.admin_group"


def test_which_criteria_need_the_groups_service():
    assert not mentions_groups({"age": {"min": 3}, "any_of": [{"text": "a"}]})
    assert mentions_groups({"any_of": [{"any_of": [{"participated": {"since": "2024-01-01"}}]}]})
    assert mentions_groups({"search_template": ["t"]})


def test_the_keys_groups_expand_are_criteria_of_the_shared_schema():
    assert set(GROUP_IDS) <= GROUP_KEYS <= set(CRITERIA_SCHEMA["properties"])
    assert all(mentions_groups({key: ["x"]}) for key in GROUP_KEYS)
