"""Profiles is asked with no transaction of ours open: while it answers, the groups service holds no
row lock (nor, on SQLite, the database's write lock), so another unit of work of the landlord writes
meanwhile; what profiles said is then written in a transaction of its own."""
from __future__ import annotations

from services.groups import service
from services.groups.activities import service as activities
from services.groups.members import service as members
from services.groups.templates import service as templates


def test_every_use_case_that_asks_profiles_has_no_transaction_open_meanwhile(uow, people):
    ids = people.add(3)
    with uow() as unit:
        panel = activities.create_activity(unit, user_id="u1", name="Panel", type="", start_date="", end_date="",
                                           description="")
        template = templates.create_template(unit, people, user_id="u1", name="Older", description="",
                                             criteria={"age": {"min": 65}})
    with uow() as unit:
        group = service.create_admin_group(unit, people, user_id="u1", reference="First", description="",
                                           person_ids=ids[:1])
    asking: dict = {}
    meanwhile: list[str] = []

    def while_asked():
        assert not asking["unit"].session.in_transaction()
        with uow() as other:  # would wait for the write lock if the asking unit of work held it
            meanwhile.append(activities.create_activity(other, user_id="u2", name=f"Meanwhile {len(meanwhile)}",
                                                        type="", start_date="", end_date="", description="").name)

    use_cases = [
        lambda unit: service.create_admin_group(unit, people, user_id="u1", reference="By id", description="",
                                                person_ids=ids),
        lambda unit: service.create_admin_group(unit, people, user_id="u1", reference="By criteria", description="",
                                                criteria={"text": "acacia"}),
        lambda unit: service.create_admin_group(unit, people, user_id="u1", reference="By template", description="",
                                                search_template_id=template.search_template_id),
        lambda unit: members.add_members(unit, people, user_id="u1", group_id=group.group_id, person_ids=ids[1:2]),
        lambda unit: members.add_members(unit, people, user_id="u1", group_id=group.group_id,
                                         criteria={"text": "acacia"}),
        lambda unit: members.link_person(unit, people, user_id="u1", person_id=ids[2], admin_group_id=group.group_id),
        lambda unit: members.link_person(unit, people, user_id="u1", person_id=ids[0], activity_id=panel.activity_id),
        lambda unit: activities.record_participation(unit, people, user_id="u1", person_id=ids[1],
                                                     activity_id=panel.activity_id, date="2024-01-01", role="",
                                                     notes=""),
        lambda unit: templates.create_template(unit, people, user_id="u1", name="Adults", description="",
                                               criteria={"age": {"min": 18}}),
        lambda unit: templates.update_template(unit, people, template_id=template.search_template_id,
                                               criteria={"age": {"min": 70}}),
    ]
    people.while_asked = while_asked
    for use_case in use_cases:
        with uow() as unit:
            asking["unit"] = unit
            use_case(unit)
    assert len(meanwhile) >= len(use_cases)
    with uow() as unit:
        assert service.get_admin_group(unit, group_id=group.group_id).member_count == 3
        assert {"Panel", "First"} <= {g.name for g in members.list_person_groups(unit, person_id=ids[1])}
