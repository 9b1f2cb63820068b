"""The three protected characteristics added to the six people carried (Equality Act 2010: gender identity,
marriage and civil partnership, pregnancy and maternity), in both modes: on the person record as option
labels, behind the equality privileges, in search criteria and facets, and in the import feed."""
from __future__ import annotations

from tests.e2e.conftest import eventually
from tests.e2e.imports_api import error_fields, feed_csv, feed_person, run_to_completion, search_refs

ADDED = {"gender_identity": "Different from sex registered at birth",
         "marriage_civil_partnership": "In a registered civil partnership",
         "pregnancy_maternity": "Given birth in the last 26 weeks"}


def _officer(anonymous, admin, suffix: str):
    """A housing officer: sees and edits people, but not equality data."""
    created = admin.post("/api/v1/users", json={"username": f"ho.pc.{suffix}", "name": "Hou Sing",
                                                "role": "housing_officer", "all_areas": True}).json()
    pending = anonymous.sign_in(created["username"], created["one_time_password"])
    token = pending.post("/api/v1/auth/password", json={"current_password": created["one_time_password"],
                                                        "new_password": "a steady green lantern"}).json()["access_token"]
    return type(anonymous)(anonymous.base, token)


def test_each_has_its_default_options_and_round_trips_on_the_record(landlord):
    _, admin = landlord
    for name, label in ADDED.items():
        options = [o["label"] for o in admin.get(f"/api/v1/option-lists/{name}").json()["items"]]
        assert label in options and "Prefer not to say" in options
    created = admin.post("/api/v1/people", json={"personal_ref": "PC-1", "first_name": "Ari", "surname": "Sample",
                                                 "tenancy_type": "Non-resident", **ADDED})
    assert created.status_code == 201, created.text
    person = admin.get(f"/api/v1/people/{created.json()['id']}").json()
    assert {name: person[name] for name in ADDED} == ADDED


def test_a_label_not_in_the_list_is_a_422_naming_the_field_and_saves_nothing(landlord):
    _, admin = landlord
    answer = admin.post("/api/v1/people", json={"personal_ref": "PC-2", "first_name": "Bo", "surname": "Sample",
                                                "tenancy_type": "Non-resident", "pregnancy_maternity": "Sometimes"})
    assert answer.status_code == 422 and "pregnancy_maternity" in error_fields(answer)
    again = admin.post("/api/v1/people", json={"personal_ref": "PC-2", "first_name": "Bo", "surname": "Sample",
                                               "tenancy_type": "Non-resident", "pregnancy_maternity": "Pregnant"})
    assert again.status_code == 201, again.text  # the reference was never taken: nothing was saved


def test_search_finds_and_counts_people_by_them(landlord):
    _, admin = landlord
    for n, status in enumerate(("Married", "Married", "Separated"), start=1):
        admin.post("/api/v1/people", json={"personal_ref": f"PC-S{n}", "first_name": "Cy", "surname": "Sample",
                                           "tenancy_type": "Non-resident", "marriage_civil_partnership": status})
    married = {"criteria": {"marriage_civil_partnership": ["Married"]}, "facets": ["marriage_civil_partnership"]}
    assert eventually(lambda: admin.post("/api/v1/people/search", json=married).json()["total"] == 2)
    assert eventually(lambda: admin.post("/api/v1/people/search", json={"count_only": True}).json()["total"] == 3)
    everyone = admin.post("/api/v1/people/search", json={"facets": ["marriage_civil_partnership"],
                                                         "count_only": True}).json()
    counts = {f["label"]: f["count"] for f in everyone["facets"]["marriage_civil_partnership"]}
    assert counts["Married"] == 2 and counts["Separated"] == 1


def test_staff_without_the_equality_privilege_neither_see_nor_change_them(anonymous, landlord):
    landlord_record, admin = landlord
    person = admin.post("/api/v1/people", json={"personal_ref": "PC-3", "first_name": "Di", "surname": "Sample",
                                                "tenancy_type": "Non-resident", **ADDED}).json()
    officer = _officer(anonymous, admin, landlord_record["id"][:8])
    seen = officer.get(f"/api/v1/people/{person['id']}").json()
    assert not set(ADDED) & set(seen) and set(ADDED) <= set(seen["read_only_fields"])
    assert officer.patch(f"/api/v1/people/{person['id']}", json={"gender_identity": "Prefer not to say"}).status_code == 403
    assert officer.post("/api/v1/people/search", json={"criteria": {"pregnancy_maternity": ["Pregnant"]}}).status_code == 403


def test_the_import_feed_carries_them(landlord):
    _, admin = landlord
    run = run_to_completion(admin, feed_csv([feed_person("PC000001", "Em", "Example", 1, **ADDED),
                                             feed_person("PC000002", "Fi", "Example", 2)]))
    assert run["counts"]["created"] == 2, run
    found = search_refs(admin, ["PC000001", "PC000002"])
    first = admin.get(f"/api/v1/people/{found['PC000001']['id']}").json()
    second = admin.get(f"/api/v1/people/{found['PC000002']['id']}").json()
    assert {name: first[name] for name in ADDED} == ADDED and set(ADDED) <= set(first["imported_fields"])
    assert all(second.get(name) in (None, "") for name in ADDED)  # an empty column leaves them not known
