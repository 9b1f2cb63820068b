"""A contact recorded for a list built as a message's is, through the REST API in both modes: by a group, by
criteria; one record each for the people picked, nobody else; naming both people and criteria, neither, or
criteria that pick nobody is a 422 naming the fields, with nothing recorded. Synthetic data."""
from __future__ import annotations

from tests.e2e.people_api import add, errors, get_ok, wait_found

RECORDS = "/api/v1/communications"
VISIT = {"communication_code": "visited", "outcome_code": "card_left", "date": "2026-05-06",
         "landlord_contact": "Sam Officer", "description": "Estate walkabout"}


def _tab(client, person) -> list[tuple[str, str]]:
    items = get_ok(client, f"/api/v1/people/{person['id']}/communications")["items"]
    return [(r["communication_label"], r["outcome_label"]) for r in items]


def test_a_contact_is_recorded_for_a_group_or_for_criteria(landlord):
    _, admin = landlord
    ann, bob, cy = (add(admin, n, "Walkabout", postcode="NF7 3CC") for n in ("Ann", "Bob", "Cy"))
    elsewhere = add(admin, "Dee", "Walkabout", postcode="NF7 9ZZ")
    assert wait_found(admin, {"postcode": "NF7 3CC"}, {ann["id"], bob["id"], cy["id"]}, 60) == {ann["id"], bob["id"],
                                                                                            cy["id"]}
    group = admin.post("/api/v1/admin-groups", json={"reference": "Block C", "person_ids": [ann["id"], bob["id"]]})
    assert group.status_code == 201, group.text
    members = {ann["id"], bob["id"]}  # searchable as the group's once its events are through
    assert wait_found(admin, {"admin_group": [group.json()["id"]]}, members, 60) == members

    by_group = admin.post(RECORDS, json={**VISIT, "criteria": {"admin_group": [group.json()["id"]]}})
    assert by_group.status_code == 201, by_group.text
    assert by_group.json()["recorded"] == 2
    by_criteria = admin.post(RECORDS, json={**VISIT, "outcome_code": "not_at_home",
                                            "criteria": {"postcode": "NF7 3CC"}})
    assert by_criteria.status_code == 201 and by_criteria.json()["recorded"] == 3, by_criteria.text
    assert sorted(_tab(admin, ann)) == [("Visited", "Card left"), ("Visited", "Not at home")]  # the same day
    assert _tab(admin, cy) == [("Visited", "Not at home")]
    assert _tab(admin, elsewhere) == []


def test_people_and_criteria_are_one_or_the_other_and_must_pick_someone(landlord):
    _, admin = landlord
    eve = add(admin, "Eve", "Nobody")
    both = admin.post(RECORDS, json={**VISIT, "person_ids": [eve["id"]], "criteria": {"surname": "Nobody"}})
    assert both.status_code == 422 and {"person_ids", "criteria"} <= set(errors(both)), both.text
    neither = admin.post(RECORDS, json=VISIT)
    assert neither.status_code == 422 and {"person_ids", "criteria"} <= set(errors(neither)), neither.text
    nobody = admin.post(RECORDS, json={**VISIT, "criteria": {"postcode": "ZZ0 0ZZ"}})
    assert nobody.status_code == 422 and "criteria" in errors(nobody), nobody.text
    bad = admin.post(RECORDS, json={**VISIT, "criteria": {"tenancy_type": ["Castle"]}})
    assert bad.status_code == 422 and "criteria.tenancy_type" in errors(bad), bad.text
    assert _tab(admin, eve) == []
