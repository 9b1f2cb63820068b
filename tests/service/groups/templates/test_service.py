"""Search templates: names unique in any case, criteria checked by profiles when saved, and
re-evaluated every time they are used (a template picks up a newcomer and drops a leaver)."""
from __future__ import annotations

import pytest

from services.common.errors import AlreadyExists, FieldProblem, InUse, InvalidInput, NotFound
from services.groups import service
from services.groups.templates import service as templates


def save(uow, people, name="Sheltered over 65", criteria=None):
    with uow() as unit:
        return templates.create_template(unit, people, user_id="u1", name=name, description="",
                                         criteria=criteria if criteria is not None else {"age": {"min": 65}})


def test_a_duplicate_name_in_any_case_is_refused(uow, people):
    save(uow, people)
    with pytest.raises(AlreadyExists) as error:
        save(uow, people, name="SHELTERED over 65")
    assert error.value.fields[0].field == "name"


def test_criteria_profiles_refuses_come_back_naming_the_criterion(uow, people):
    people.refuse = InvalidInput("bad", [FieldProblem("criteria.age", "min must be 0 to 150")])
    with pytest.raises(InvalidInput) as error:
        save(uow, people, criteria={"age": {"min": -1}})
    assert (error.value.fields[0].field, error.value.fields[0].reason) == ("criteria.age", "min must be 0 to 150")
    people.refuse = InvalidInput("bad", [FieldProblem("postcode", "must not be empty")])
    with pytest.raises(InvalidInput) as error:
        save(uow, people, criteria={"postcode": ""})
    assert error.value.fields[0].field == "criteria.postcode"
    people.refuse = None
    with uow() as unit:
        assert templates.list_templates(unit, text="", page=1, page_size=10)[0] == 0


def test_templates_are_expanded_before_profiles_checks_them(uow, people):
    inner = save(uow, people, name="Older", criteria={"age": {"min": 65}})
    save(uow, people, name="Older with email",
         criteria={"has_email": True, "search_template": [inner.search_template_id]})
    assert people.counted[-1] == {"has_email": True, "any_of": [{"age": {"min": 65}}]}


def test_a_template_re_evaluates_every_time(uow, people):
    scheme = save(uow, people, name="Acacia Court", criteria={"text": "acacia"})
    old, stays, new = people.add(3)
    people.answers = [[old, stays], [stays, new]]

    def everyone():
        chunks = service.resolve_people(uow, people, search_template_id=scheme.search_template_id)
        return [p for ids, _ in chunks for p in ids]

    assert everyone() == [old, stays]
    assert everyone() == [stays, new]  # a newcomer joins, a leaver drops out
    assert people.resolved == [{"text": "acacia"}, {"text": "acacia"}]


def test_a_loop_made_by_an_update_is_refused(uow, people):
    a = save(uow, people, name="A", criteria={"text": "a"})
    b = save(uow, people, name="B", criteria={"search_template": [a.search_template_id]})
    with uow() as unit, pytest.raises(InvalidInput) as error:
        templates.update_template(unit, people, template_id=a.search_template_id,
                                  criteria={"search_template": [b.search_template_id]})
    assert error.value.fields[0].field == "criteria.search_template"
    with uow() as unit, pytest.raises(InUse):
        templates.delete_template(unit, template_id=a.search_template_id)
    with uow() as unit:
        changed = templates.update_template(unit, people, template_id=a.search_template_id, name="A2")
    assert (changed.name, changed.criteria) == ("A2", {"text": "a"})


def test_expand_criteria_checks_ids(uow, people):
    with uow() as unit, pytest.raises(InvalidInput) as error:
        templates.expand_criteria(unit, criteria={"admin_group": ["nope"]})
    assert (error.value.fields[0].field, error.value.fields[0].reason) == ("criteria.admin_group", "no admin group nope")
    with uow() as unit:
        assert templates.expand_criteria(unit, criteria={"age": {"min": 3}}) == {"age": {"min": 3}}


def test_a_deleted_template_is_gone(uow, people):
    t = save(uow, people)
    with uow() as unit:
        templates.delete_template(unit, template_id=t.search_template_id)
    with uow() as unit, pytest.raises(NotFound):
        templates.get_template(unit, template_id=t.search_template_id)


def test_an_update_profiles_checks_keeps_a_change_made_while_it_answered(uow, people):
    template = save(uow, people)

    def meanwhile():
        with uow() as other:
            templates.update_template(other, people, template_id=template.search_template_id,
                                      description="Changed meanwhile")

    people.while_asked = meanwhile
    with uow() as unit:
        changed = templates.update_template(unit, people, template_id=template.search_template_id,
                                            criteria={"age": {"min": 70}})
    assert (changed.description, changed.criteria) == ("Changed meanwhile", {"age": {"min": 70}})
    with uow() as unit:
        assert templates.get_template(unit, template_id=template.search_template_id).description == "Changed meanwhile"
