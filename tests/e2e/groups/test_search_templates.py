"""Search templates against admin groups, through the REST API in both modes: a
template is re-evaluated every time (it picks up a new resident of a scheme and
drops one who moved away); an admin group made from the same criteria is a fixed
list that only loses people who are archived."""
from __future__ import annotations

from tests.e2e.conftest import eventually
from tests.e2e.people_api import add, errors, get_ok, ids, search, wait_found, wait_searchable

TEMPLATES = "/api/v1/search-templates"
GROUPS = "/api/v1/admin-groups"
SCHEME = {"address_line_2": "Acacia Court"}


def _resident(admin, first, surname, flat):
    return add(admin, first, surname, address_line_1=f"Flat {flat}", address_line_2="Acacia Court",
               address_line_4="Northfield", postcode="NF9 7AC")


def _template_people(admin, template_id) -> set[str]:
    return ids(get_ok(admin, f"{TEMPLATES}/{template_id}/people", params={"page_size": 100}))


def _members(admin, group_id) -> set[str]:
    return ids(get_ok(admin, f"{GROUPS}/{group_id}/members", params={"page_size": 100}))


def test_a_template_follows_the_scheme_and_an_admin_group_does_not(landlord):
    _, admin = landlord
    ann, bob = _resident(admin, "Ann", "Acorn", 1), _resident(admin, "Bob", "Birchall", 2)
    elsewhere = add(admin, "Cal", "Cedar", address_line_1="5 Birch Row", address_line_4="Northfield", postcode="NF9 8BR")
    wait_searchable(admin, ann, bob, elsewhere)

    template = admin.post(TEMPLATES, json={"name": "Acacia Court residents", "description": "Everyone there now",
                                           "criteria": SCHEME})
    assert template.status_code == 201, template.text
    template = template.json()
    assert template["criteria"] == SCHEME and template["name"] == "Acacia Court residents"
    group = admin.post(GROUPS, json={"reference": "Acacia Court May", "description": "A snapshot", "criteria": SCHEME})
    assert group.status_code == 201, group.text
    group = group.json()
    assert group["member_count"] == 2
    assert _template_people(admin, template["id"]) == _members(admin, group["id"]) == {ann["id"], bob["id"]}
    rows = get_ok(admin, f"{GROUPS}/{group['id']}/members")["items"]
    assert {r["surname"] for r in rows} == {"Acorn", "Birchall"} and all(r["added_at"] for r in rows)

    dee = _resident(admin, "Dee", "Dogwood", 3)  # a new resident of the scheme
    moved = admin.patch(f"/api/v1/people/{bob['id']}", json={"address_line_1": "4 Birch Row", "address_line_2": None,
                                                             "postcode": "NF9 8BR"})
    assert moved.status_code == 200, moved.text
    assert eventually(lambda: _template_people(admin, template["id"]) == {ann["id"], dee["id"]}), \
        _template_people(admin, template["id"])
    posted = admin.post(f"{TEMPLATES}/{template['id']}/people", json={"sort": [{"field": "surname", "direction": "desc"}],
                                                                      "columns": ["postcode"], "facets": ["status"]})
    assert posted.status_code == 200, posted.text
    assert [r["surname"] for r in posted.json()["items"]] == ["Dogwood", "Acorn"]
    assert posted.json()["items"][0]["postcode"] == "NF9 7AC" and posted.json()["total"] == 2
    assert _members(admin, group["id"]) == {ann["id"], bob["id"]}, "an admin group is a fixed list"
    assert get_ok(admin, f"{GROUPS}/{group['id']}")["member_count"] == 2

    archived = admin.post(f"/api/v1/people/{ann['id']}/archive")
    assert archived.status_code == 200 and archived.json()["status"] == "archived", archived.text
    assert eventually(lambda: _members(admin, group["id"]) == {bob["id"]}), "an archived member stays in the group"
    assert get_ok(admin, f"{GROUPS}/{group['id']}")["member_count"] == 1
    assert eventually(lambda: _template_people(admin, template["id"]) == {dee["id"]})

    # Both as people-search criteria.
    assert wait_found(admin, {"search_template": [template["id"]]}, {dee["id"]}) == {dee["id"]}
    assert wait_found(admin, {"admin_group": [group["id"]]}, {bob["id"]}) == {bob["id"]}
    either = {"any_of": [{"search_template": [template["id"]]}, {"admin_group": [group["id"]]}]}
    assert ids(search(admin, either)) == {bob["id"], dee["id"]}
    assert ids(search(admin, {"search_template": [template["id"]], "not_admin_group": [group["id"]]})) == {dee["id"]}


def test_templates_are_listed_changed_and_deleted(landlord):
    _, admin = landlord
    made = [admin.post(TEMPLATES, json={"name": name, "criteria": {"postcode": code}}).json()
            for name, code in (("Birch Row", "NF9 8"), ("Cedar Close", "NF9 9"))]
    listed = get_ok(admin, TEMPLATES)
    assert listed["total"] == 2 and {t["name"] for t in listed["items"]} == {"Birch Row", "Cedar Close"}
    assert get_ok(admin, TEMPLATES, params={"text": "cedar"})["total"] == 1
    changed = admin.patch(f"{TEMPLATES}/{made[0]['id']}", json={"description": "The whole row",
                                                                 "criteria": {"postcode": "NF9 8B"}})
    assert changed.status_code == 200, changed.text
    assert changed.json()["criteria"] == {"postcode": "NF9 8B"} and changed.json()["name"] == "Birch Row"
    assert get_ok(admin, f"{TEMPLATES}/{made[0]['id']}") == changed.json()
    assert admin.delete(f"{TEMPLATES}/{made[1]['id']}").status_code == 204
    assert admin.get(f"{TEMPLATES}/{made[1]['id']}").status_code == 404
    assert get_ok(admin, TEMPLATES)["total"] == 1


def test_bad_templates_are_refused_naming_the_field_and_nothing_is_saved(landlord):
    _, admin = landlord
    first = admin.post(TEMPLATES, json={"name": "Over 60s", "criteria": {"age": {"min": 60}}})
    assert first.status_code == 201, first.text
    template_id = first.json()["id"]
    again = admin.post(TEMPLATES, json={"name": "over 60S", "criteria": {"age": {"min": 61}}})
    assert again.status_code == 409 and "name" in errors(again), again.text
    unknown_key = admin.post(TEMPLATES, json={"name": "Shoes", "criteria": {"shoe_size": ["9"]}})
    assert unknown_key.status_code == 422 and "criteria.shoe_size" in errors(unknown_key), unknown_key.text
    bad_value = admin.post(TEMPLATES, json={"name": "Bad ages", "criteria": {"age": {"min": "old"}}})
    assert bad_value.status_code == 422 and any(f.startswith("criteria.age") for f in errors(bad_value)), bad_value.text
    unknown_template = admin.post(TEMPLATES, json={"name": "Nested", "criteria": {
        "search_template": ["00000000-0000-4000-8000-000000000000"]}})
    assert unknown_template.status_code == 422 and "criteria.search_template" in errors(unknown_template)
    nested = admin.post(TEMPLATES, json={"name": "Over 60s at Acacia", "criteria": {
        "search_template": [template_id], "address_line_2": "Acacia"}})
    assert nested.status_code == 201, nested.text
    cycle = admin.patch(f"{TEMPLATES}/{template_id}", json={"criteria": {"search_template": [nested.json()["id"]]}})
    assert cycle.status_code == 422 and any(f.startswith("criteria") for f in errors(cycle)), cycle.text
    assert get_ok(admin, f"{TEMPLATES}/{template_id}")["criteria"] == {"age": {"min": 60}}, "half-saved"
    assert admin.delete(f"{TEMPLATES}/{template_id}").status_code == 409, "another template uses it"
    no_name = admin.post(TEMPLATES, json={"criteria": {}})
    assert no_name.status_code == 422 and "name" in errors(no_name)
    assert {t["name"] for t in get_ok(admin, TEMPLATES)["items"]} == {"Over 60s", "Over 60s at Acacia"}
    missing = admin.get(f"{TEMPLATES}/00000000-0000-4000-8000-000000000000/people")
    assert missing.status_code == 404, missing.text
    not_a_template = admin.post("/api/v1/people/search", json={"criteria": {
        "search_template": ["00000000-0000-4000-8000-000000000000"]}})
    assert not_a_template.status_code == 422 and "criteria.search_template" in errors(not_a_template)


def test_another_landlords_templates_are_invisible(operator, landlord):
    from tests.e2e.conftest import new_landlord
    _, admin = landlord
    _, other = new_landlord(operator)
    template = admin.post(TEMPLATES, json={"name": "Mine", "criteria": {"postcode": "NF9"}}).json()
    assert other.get(f"{TEMPLATES}/{template['id']}").status_code == 404
    assert other.get(f"{TEMPLATES}/{template['id']}/people").status_code == 404
    assert get_ok(other, TEMPLATES)["total"] == 0
    assert other.post(TEMPLATES, json={"name": "Mine", "criteria": {}}).status_code == 201, "names are per landlord"
    used = other.post("/api/v1/people/search", json={"criteria": {"search_template": [template["id"]]}})
    assert used.status_code == 422 and "criteria.search_template" in errors(used)


def test_a_template_on_equality_data_is_refused_to_those_who_may_not_see_it(platform, landlord):
    from tests.e2e.conftest import ApiClient
    _, admin = landlord
    template = admin.post(TEMPLATES, json={"name": "BME residents", "criteria": {"equality_group": ["BME"]}})
    assert template.status_code == 201, template.text
    made = admin.post("/api/v1/users", json={"username": f"ho.{template.json()['id'][:8]}", "name": "Hol Officer",
                                             "role": "housing_officer", "areas": ["Area A"]}).json()
    pending = ApiClient(platform.url).sign_in(made["username"], made["one_time_password"])
    changed = pending.post("/api/v1/auth/password", json={"current_password": made["one_time_password"],
                                                         "new_password": "a steady green lantern"})
    officer = ApiClient(platform.url, changed.json()["access_token"])
    assert officer.get(f"{TEMPLATES}/{template.json()['id']}").status_code == 200
    used = officer.get(f"{TEMPLATES}/{template.json()['id']}/people")
    assert used.status_code == 403 and "criteria.equality_group" in errors(used), used.text
    nested = officer.post("/api/v1/people/search", json={"criteria": {"any_of": [
        {"search_template": [template.json()["id"]]}, {"postcode": "NF9"}]}})
    assert nested.status_code == 403 and any(f.endswith(".equality_group") for f in errors(nested)), nested.text
    assert officer.post(TEMPLATES, json={"name": "Mine", "criteria": {"any_of": [{"ethnicity": ["Not known"]}]}}
                        ).status_code == 403
    assert admin.get(f"{TEMPLATES}/{template.json()['id']}/people").status_code == 200
