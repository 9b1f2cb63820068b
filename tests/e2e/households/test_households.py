"""Households through the REST API in both modes: people are matched into
households on messy real-world addresses (case, spacing, commas, missing and
shifted lines; "Flat 2" and "Flat 3" differ; a property reference wins); a move
shows in both households, an archived occupant leaves, an empty household is
kept but not occupied; search, quick view and the two profiles."""
from __future__ import annotations

from tests.e2e.conftest import eventually, new_landlord
from tests.e2e.people_api import add, errors, get_ok, occupant_ids, wait_household

HOUSEHOLDS = "/api/v1/households"
FLAT_2 = {"address_line_1": "Flat 2", "address_line_2": "Acacia Court", "address_line_4": "Northfield",
          "postcode": "NF9 4AC"}


def _same(admin, people) -> dict:
    """Wait until the people share one household (their number of occupants); answer it."""
    wanted = {p["id"] for p in people}
    household = wait_household(admin, people[0]["id"], lambda h: occupant_ids(h) == wanted)
    assert household is not None and occupant_ids(household) == wanted, household
    for person in people[1:]:
        assert get_ok(admin, f"/api/v1/people/{person['id']}/household")["id"] == household["id"]
    return household


def test_messy_addresses_match_one_household_and_flat_numbers_do_not(landlord):
    _, admin = landlord
    tidy = add(admin, "Tia", "Tidy", date_of_birth="1980-05-01", tenancy_type="Non-resident", **FLAT_2)
    shouty = add(admin, "Sol", "Shouty", address_line_1="FLAT 2", address_line_2="ACACIA  COURT",
                 address_line_4="northfield", postcode="nf94ac")
    commas = add(admin, "Cas", "Commas", address_line_1="Flat 2,", address_line_2="Acacia Court,",
                 address_line_3="", address_line_4="Northfield.", postcode="NF9 4AC")
    shifted = add(admin, "Sid", "Shifted", address_line_1="Flat 2, Acacia Court", address_line_3="Northfield",
                  postcode="NF9  4AC", date_of_birth="2015-09-01")
    flat_3 = add(admin, "Tom", "Three", **{**FLAT_2, "address_line_1": "Flat 3"})
    household = _same(admin, [tidy, shouty, commas, shifted])
    assert household["occupied"] and household["occupant_count"] == 4 and household["matched_by"] == "address"
    tia = next(o for o in household["occupants"] if o["person_id"] == tidy["id"])
    assert tia["first_name"] == "Tia" and tia["date_of_birth"] == "1980-05-01" and tia["age"] >= 40
    assert tia["tenancy_type"] == "Non-resident" and tia["status"] == "current" and tia["joined_at"]
    other = wait_household(admin, flat_3["id"])
    assert other is not None and other["id"] != household["id"] and occupant_ids(other) == {flat_3["id"]}

    quick = get_ok(admin, f"{HOUSEHOLDS}/{household['id']}/quick-view")
    assert quick["occupant_count"] == 4 and quick["children"] == 1 and "Tia Tidy" in quick["occupants"]
    found = get_ok(admin, HOUSEHOLDS, params={"text": "acacia flat"})
    assert {h["id"] for h in found["items"]} == {household["id"], other["id"]} and found["total"] == 2
    searched = admin.post(f"{HOUSEHOLDS}/search", json={"criteria": {"postcode": "NF9 4", "occupants": {"min": 2}}})
    assert searched.status_code == 200, searched.text
    assert [h["id"] for h in searched.json()["items"]] == [household["id"]]
    with_child = admin.post(f"{HOUSEHOLDS}/search", json={"criteria": {"child_under": 16}})
    assert [h["id"] for h in with_child.json()["items"]] == [household["id"]], with_child.text
    people = admin.post("/api/v1/people/search", json={"criteria": {"household": {"child_under": 16}}})
    assert people.status_code == 200, people.text
    assert eventually(lambda: {p["id"] for p in admin.post("/api/v1/people/search", json={"criteria": {
        "household": {"child_under": 16}}}).json()["items"]} == {tidy["id"], shouty["id"], commas["id"], shifted["id"]})


def test_a_property_reference_wins_over_the_address(landlord):
    _, admin = landlord
    one = add(admin, "Pip", "Propref", property_ref="PR-0077", address_line_1="1 Birch Row", postcode="NF9 8BR")
    typo = add(admin, "Pam", "Propref", property_ref="PR-0077", address_line_1="1 Birch Rd", postcode="NF9 8BR")
    neighbour = add(admin, "Ned", "Nextdoor", property_ref="PR-0078", address_line_1="1 Birch Row", postcode="NF9 8BR")
    household = _same(admin, [one, typo])
    assert household["matched_by"] == "property_ref" and household["property_ref"] == "PR-0077"
    next_door = wait_household(admin, neighbour["id"])
    assert next_door is not None and next_door["id"] != household["id"]


def test_moving_and_archiving_change_both_households_and_empty_ones_are_kept(landlord):
    _, admin = landlord
    mover = add(admin, "Mia", "Mover", **FLAT_2)
    stayer = add(admin, "Sam", "Stayer", **FLAT_2)
    old = _same(admin, [mover, stayer])
    lone = add(admin, "Lou", "Lone", address_line_1="7 Cedar Close", postcode="NF9 9CC")
    new = wait_household(admin, lone["id"])
    assert new is not None

    moved = admin.patch(f"/api/v1/people/{mover['id']}", json={"address_line_1": "7 cedar close", "address_line_2": None,
                                                              "address_line_4": None, "postcode": "NF9 9CC"})
    assert moved.status_code == 200, moved.text
    gained = wait_household(admin, mover["id"], lambda h: h["id"] == new["id"] and len(h["occupants"]) == 2)
    assert gained is not None and occupant_ids(gained) == {mover["id"], lone["id"]}, gained
    lost = get_ok(admin, f"{HOUSEHOLDS}/{old['id']}")
    assert occupant_ids(lost) == {stayer["id"]} and lost["occupant_count"] == 1
    assert mover["id"] in {o["person_id"] for o in lost["former_occupants"]}
    assert all(o["left_at"] for o in lost["former_occupants"])

    archived = admin.post(f"/api/v1/people/{stayer['id']}/archive")
    assert archived.status_code == 200 and archived.json()["status"] == "archived", archived.text
    assert eventually(lambda: get_ok(admin, f"{HOUSEHOLDS}/{old['id']}")["occupant_count"] == 0)
    empty = get_ok(admin, f"{HOUSEHOLDS}/{old['id']}")
    assert empty["occupied"] is False and empty["occupants"] == []
    assert {o["person_id"] for o in empty["former_occupants"]} == {mover["id"], stayer["id"]}
    last = get_ok(admin, f"/api/v1/people/{stayer['id']}/household")
    assert last["id"] == old["id"], "an archived person's household is the one they last lived in"
    occupied = admin.post(f"{HOUSEHOLDS}/search", json={"criteria": {"occupied": True}}).json()
    assert old["id"] not in {h["id"] for h in occupied["items"]} and new["id"] in {h["id"] for h in occupied["items"]}
    kept = admin.post(f"{HOUSEHOLDS}/search", json={"criteria": {"occupied": False}}).json()
    assert [h["id"] for h in kept["items"]] == [old["id"]], "an empty household is kept"


def test_property_and_household_profiles(landlord):
    _, admin = landlord
    for field in ({"label": "Bedrooms", "type": "number", "key": "bedrooms", "applies_to": "property"},
                  {"label": "Pets", "type": "yes_no", "key": "pets", "applies_to": "household"}):
        made = admin.post("/api/v1/custom-fields", json=field)
        assert made.status_code == 201, made.text
    person = add(admin, "Hal", "Home", address_line_1="3 Damson Walk", postcode="NF9 5DW")
    household = wait_household(admin, person["id"])
    assert household is not None
    changed = admin.patch(f"{HOUSEHOLDS}/{household['id']}", json={"property_profile": {"bedrooms": 2},
                                                                  "household_profile": {"pets": True}})
    assert changed.status_code == 200, changed.text
    assert changed.json()["property_profile"] == {"bedrooms": 2} and changed.json()["household_profile"] == {"pets": True}
    wrong_kind = admin.patch(f"{HOUSEHOLDS}/{household['id']}", json={"household_profile": {"bedrooms": 3}})
    assert wrong_kind.status_code == 422 and "household_profile.bedrooms" in errors(wrong_kind), wrong_kind.text
    bad_value = admin.patch(f"{HOUSEHOLDS}/{household['id']}", json={"property_profile": {"bedrooms": "lots"}})
    assert bad_value.status_code == 422 and "property_profile.bedrooms" in errors(bad_value), bad_value.text
    assert get_ok(admin, f"{HOUSEHOLDS}/{household['id']}")["property_profile"] == {"bedrooms": 2}, "half-saved"
    found = admin.post(f"{HOUSEHOLDS}/search", json={"criteria": {"custom": {"bedrooms": {"min": 2}}}})
    assert found.status_code == 200 and [h["id"] for h in found.json()["items"]] == [household["id"]], found.text
    assert eventually(lambda: [p["id"] for p in admin.post("/api/v1/people/search", json={"criteria": {
        "household": {"custom": {"pets": True}}}}).json()["items"]] == [person["id"]])
    cleared = admin.patch(f"{HOUSEHOLDS}/{household['id']}", json={"household_profile": {"pets": None}})
    assert cleared.status_code == 200 and cleared.json()["household_profile"] == {}, cleared.text


def test_another_landlords_households_are_invisible(operator, landlord):
    _, admin = landlord
    _, other = new_landlord(operator)
    person = add(admin, "Ola", "Own", address_line_1="9 Elder Lane", postcode="NF9 6EL")
    household = wait_household(admin, person["id"])
    assert household is not None
    assert other.get(f"{HOUSEHOLDS}/{household['id']}").status_code == 404
    assert other.get(f"/api/v1/people/{person['id']}/household").status_code == 404
    assert other.patch(f"{HOUSEHOLDS}/{household['id']}", json={"household_profile": {}}).status_code == 404
    assert get_ok(other, HOUSEHOLDS)["total"] == 0
