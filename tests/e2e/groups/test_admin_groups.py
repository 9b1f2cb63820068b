"""Admin groups through the REST API in both modes: created by picking people or
from a search, members added and removed, linked from a person's groups tab,
used as search criteria (in group X, not in group Y), and bad input refused
naming the field with nothing half-saved."""
from __future__ import annotations

from tests.e2e.conftest import eventually, new_landlord
from tests.e2e.people_api import add, errors, get_ok, ids, search, wait_found, wait_searchable

GROUPS = "/api/v1/admin-groups"
NOBODY = "00000000-0000-4000-8000-000000000000"


def _members(admin, group_id, **params) -> dict:
    return get_ok(admin, f"{GROUPS}/{group_id}/members", params={"page_size": 100, **params})


def test_picked_people_are_added_listed_and_removed(landlord):
    _, admin = landlord
    people = [add(admin, f"Pat{i}", f"Picked{i}", postcode="NF9 1AA") for i in range(4)]
    wait_searchable(admin, *people)
    made = admin.post(GROUPS, json={"reference": "Garden volunteers", "description": "Picked by hand",
                                    "person_ids": [people[0]["id"], people[1]["id"]]})
    assert made.status_code == 201, made.text
    group = made.json()
    assert group["reference"] == "Garden volunteers" and group["member_count"] == 2 and group["activity_id"]
    assert ids(_members(admin, group["id"])) == {people[0]["id"], people[1]["id"]}

    added = admin.post(f"{GROUPS}/{group['id']}/members", json={"person_ids": [people[1]["id"], people[2]["id"]]})
    assert added.status_code == 200 and added.json() == {"changed": 1, "member_count": 3}, added.text
    page = _members(admin, group["id"], page_size=2)
    assert page["total"] == 3 and len(page["items"]) == 2 and page["items"][0]["id"] == people[2]["id"], \
        "newest member first"
    assert page["items"][0]["first_name"] == "Pat2" and page["items"][0]["added_by"]
    by_criteria = admin.post(f"{GROUPS}/{group['id']}/members", json={"criteria": {"postcode": "NF9 1AA"}})
    assert by_criteria.status_code == 200 and by_criteria.json() == {"changed": 1, "member_count": 4}, by_criteria.text

    removed = admin.post(f"{GROUPS}/{group['id']}/members/remove", json={"person_ids": [people[0]["id"], NOBODY]})
    assert removed.status_code == 200 and removed.json() == {"changed": 1, "member_count": 3}, removed.text
    assert admin.delete(f"{GROUPS}/{group['id']}/members/{people[1]['id']}").status_code == 204
    assert admin.delete(f"{GROUPS}/{group['id']}/members/{people[1]['id']}").status_code == 404
    assert ids(_members(admin, group["id"])) == {people[2]["id"], people[3]["id"]}

    renamed = admin.patch(f"{GROUPS}/{group['id']}", json={"reference": "Garden volunteers 2024"})
    assert renamed.status_code == 200 and renamed.json()["reference"] == "Garden volunteers 2024", renamed.text
    assert get_ok(admin, GROUPS, params={"text": "GARDEN"})["total"] == 1
    assert admin.delete(f"{GROUPS}/{group['id']}").status_code == 204
    assert admin.get(f"{GROUPS}/{group['id']}").status_code == 404
    assert get_ok(admin, f"/api/v1/people/{people[2]['id']}")["first_name"] == "Pat2", "members are not touched"


def test_groups_tab_and_groups_as_search_criteria(landlord):
    _, admin = landlord
    amy, ben, cat = (add(admin, n, "Grouped", postcode="NF9 2BB") for n in ("Amy", "Ben", "Cat"))
    wait_searchable(admin, amy, ben, cat)
    x = admin.post(GROUPS, json={"reference": "Group X", "person_ids": [amy["id"], ben["id"]]}).json()
    y = admin.post(GROUPS, json={"reference": "Group Y", "person_ids": [ben["id"]]}).json()
    linked = admin.post(f"/api/v1/people/{cat['id']}/groups", json={"admin_group_id": y["id"]})
    assert linked.status_code == 201, linked.text
    assert linked.json()["kind"] == "admin" and linked.json()["name"] == "Group Y" and linked.json()["how"] == "manual"
    tab = get_ok(admin, f"/api/v1/people/{ben['id']}/groups")
    assert tab["total"] == 2 and [g["name"] for g in tab["items"]] == ["Group Y", "Group X"], "newest first"

    assert wait_found(admin, {"admin_group": [x["id"]], "not_admin_group": [y["id"]]}, {amy["id"]}) == {amy["id"]}
    assert wait_found(admin, {"admin_group": [y["id"]]}, {ben["id"], cat["id"]}) == {ben["id"], cat["id"]}
    assert ids(search(admin, {"postcode": "NF9 2BB", "not_admin_group": [x["id"], y["id"]]})) == set()

    assert admin.delete(f"/api/v1/people/{cat['id']}/groups/{y['id']}").status_code == 204
    assert admin.delete(f"/api/v1/people/{cat['id']}/groups/{y['id']}").status_code == 404
    assert get_ok(admin, f"/api/v1/people/{cat['id']}/groups")["total"] == 0
    assert wait_found(admin, {"admin_group": [y["id"]]}, {ben["id"]}) == {ben["id"]}
    unknown = admin.post("/api/v1/people/search", json={"criteria": {"not_admin_group": [NOBODY]}})
    assert unknown.status_code == 422 and "criteria.not_admin_group" in errors(unknown), unknown.text
    nested = admin.post("/api/v1/people/search", json={"criteria": {"any_of": [{"admin_group": [NOBODY]}]}})
    assert nested.status_code == 422, nested.text


def test_bad_input_is_refused_naming_the_field_and_nothing_is_half_saved(landlord):
    _, admin = landlord
    real = add(admin, "Rae", "Real")
    first = admin.post(GROUPS, json={"reference": "Tenants panel", "person_ids": [real["id"]]})
    assert first.status_code == 201, first.text
    before = get_ok(admin, GROUPS)

    unknown = admin.post(GROUPS, json={"reference": "With strangers", "person_ids": [real["id"], NOBODY]})
    assert unknown.status_code == 422, unknown.text
    assert "person_ids[1]" in errors(unknown), errors(unknown)
    duplicate = admin.post(GROUPS, json={"reference": "TENANTS PANEL", "person_ids": [real["id"]]})
    assert duplicate.status_code == 409 and "reference" in errors(duplicate), duplicate.text
    bad_criteria = admin.post(GROUPS, json={"reference": "Shoes", "criteria": {"shoe_size": ["9"]}})
    assert bad_criteria.status_code == 422 and "criteria.shoe_size" in errors(bad_criteria), bad_criteria.text
    unknown_template = admin.post(GROUPS, json={"reference": "From nothing", "search_template_id": NOBODY})
    assert unknown_template.status_code in (404, 422), unknown_template.text
    two_sources = admin.post(GROUPS, json={"reference": "Both", "person_ids": [real["id"]], "criteria": {}})
    assert two_sources.status_code == 422 and "body" in errors(two_sources), two_sources.text
    blank = admin.post(GROUPS, json={"reference": "", "person_ids": [real["id"]]})
    assert blank.status_code == 422 and "reference" in errors(blank)
    assert get_ok(admin, GROUPS) == before, "a refused group must not be half-saved"

    group_id = first.json()["id"]
    strangers = admin.post(f"{GROUPS}/{group_id}/members", json={"person_ids": [NOBODY]})
    assert strangers.status_code == 422 and "person_ids[0]" in errors(strangers), strangers.text
    taken = admin.patch(f"{GROUPS}/{group_id}", json={"reference": "x"})
    assert taken.status_code == 200
    other = admin.post(GROUPS, json={"reference": "Other"}).json()
    clash = admin.patch(f"{GROUPS}/{other['id']}", json={"reference": "X"})
    assert clash.status_code == 409, clash.text
    assert get_ok(admin, f"{GROUPS}/{group_id}")["member_count"] == 1
    assert admin.post(f"/api/v1/people/{real['id']}/groups", json={"admin_group_id": NOBODY}).status_code in (404, 422)
    assert admin.post(f"/api/v1/people/{NOBODY}/groups", json={"admin_group_id": group_id}).status_code == 404
    assert get_ok(admin, f"/api/v1/people/{real['id']}/groups")["total"] == 1


def test_another_landlords_groups_are_invisible(operator, landlord):
    _, admin = landlord
    _, other = new_landlord(operator)
    mine = add(admin, "Mo", "Mine")
    group = admin.post(GROUPS, json={"reference": "Private", "person_ids": [mine["id"]]}).json()
    assert other.get(f"{GROUPS}/{group['id']}").status_code == 404
    assert other.get(f"{GROUPS}/{group['id']}/members").status_code == 404
    assert other.post(GROUPS, json={"reference": "Private", "person_ids": [mine["id"]]}).status_code == 422, \
        "another landlord's people are unknown people"
    assert other.get(f"/api/v1/people/{mine['id']}/groups").status_code == 404
    assert get_ok(other, GROUPS)["total"] == 0
    assert eventually(lambda: get_ok(admin, f"{GROUPS}/{group['id']}")["member_count"] == 1)


def test_a_group_from_empty_criteria_takes_everybody_current(landlord):
    """{} is a search for everybody current: its snapshot is the whole list, not an empty group."""
    _, admin = landlord
    wait_searchable(admin, add(admin, "Evie", "Everybody", postcode="NF9 4EE"))
    everybody = search(admin, {}, count_only=True)["total"]
    made = admin.post(GROUPS, json={"reference": "Everybody today", "criteria": {}})
    assert made.status_code == 201, made.text
    assert made.json()["member_count"] == everybody >= 1
