"""Profiles set-up through the REST API, in both modes: option lists (add,
rename, reorder, archive, delete while unused), custom fields, profile
settings, who may change them, and another landlord's set-up."""
from __future__ import annotations

import uuid

from tests.e2e.conftest import ApiClient, new_landlord

LISTS = "/api/v1/option-lists"


def _list(client: ApiClient, name: str) -> dict:
    answer = client.get(f"{LISTS}/{name}")
    assert answer.status_code == 200, answer.text
    return answer.json()


def _labels(client: ApiClient, name: str) -> list[str]:
    return [o["label"] for o in _list(client, name)["items"]]


def _add(client: ApiClient, name: str, label: str, **body):
    return client.post(f"{LISTS}/{name}/options", json={"label": label, **body})


def _patch(client: ApiClient, name: str, option_id: str, **body):
    return client.request("PATCH", f"{LISTS}/{name}/options/{option_id}", json=body)


def _fields(body: dict) -> dict:
    return {f["field"]: f["reason"] for f in body["error"]["fields"]}


def test_every_landlord_starts_with_the_default_lists(landlord):
    _, admin = landlord
    index = {s["name"]: s for s in admin.get(LISTS).json()["items"]}
    assert {"title", "tenancy_type", "ethnicity", "interests", "methods", "preferences"} <= set(index)
    assert index["interests"]["label"] == "Interests" and index["interests"]["options"] == 8
    assert _labels(admin, "title") == ["Mr", "Mrs", "Miss", "Ms", "Mx", "Dr"]
    tenancy = {o["label"]: o for o in _list(admin, "tenancy_type")["items"]}
    assert tenancy["Non-resident"]["attributes"] == {"fed_by_import": False, "ref_prefix": "NR", "ref_digits": 6,
                                                     "next_number": 1}
    assert all(tenancy[t]["attributes"]["fed_by_import"] for t in ("General needs", "Sheltered", "Leasehold",
                                                                    "Co-resident"))
    ethnicity = _list(admin, "ethnicity")["items"]
    assert len(ethnicity) == 20
    assert [o["label"] for o in ethnicity if o["group"] == "White British"] == [
        "White: English, Welsh, Scottish, Northern Irish or British"]
    assert sum(o["group"] == "BME" for o in ethnicity) == 18
    preferences = {o["code"]: o for o in _list(admin, "preferences")["items"]}
    assert preferences["no_email"]["label"] == "No email" and preferences["no_email"]["in_use"] == 0
    assert admin.get(f"{LISTS}/no_such_list").status_code == 404


def test_add_rename_reorder_archive_and_delete_options(landlord):
    _, admin = landlord
    added = _add(admin, "interests", "  Allotments  and gardening ")
    assert added.status_code == 201, added.text
    option = added.json()
    assert option["label"] == "Allotments and gardening" and option["position"] == 9 and not option["archived"]
    duplicate = _add(admin, "interests", "ALLOTMENTS AND GARDENING")
    assert duplicate.status_code == 409 and "label" in _fields(duplicate.json())

    renamed = _patch(admin, "interests", option["id"], label="Gardening", position=1)
    assert renamed.status_code == 200, renamed.text
    assert renamed.json()["position"] == 1
    assert _labels(admin, "interests")[:2] == ["Gardening", "Community safety"]
    clash = _patch(admin, "interests", option["id"], label="money ADVICE")
    assert clash.status_code == 409

    items = _list(admin, "interests")["items"]
    reversed_ids = [o["id"] for o in reversed(items)]
    ordered = admin.request("PUT", f"{LISTS}/interests/order", json={"option_ids": reversed_ids})
    assert ordered.status_code == 200, ordered.text
    assert [o["id"] for o in ordered.json()["items"]] == reversed_ids
    assert [o["position"] for o in ordered.json()["items"]] == list(range(1, len(items) + 1))
    partial = admin.request("PUT", f"{LISTS}/interests/order", json={"option_ids": reversed_ids[:-1]})
    assert partial.status_code == 422 and "option_ids" in _fields(partial.json())

    archived = _patch(admin, "interests", option["id"], archived=True)
    assert archived.status_code == 200 and archived.json()["archived"] is True
    assert any(o["id"] == option["id"] and o["archived"] for o in _list(admin, "interests")["items"])
    assert _patch(admin, "interests", option["id"], archived=False).json()["archived"] is False

    deleted = admin.request("DELETE", f"{LISTS}/interests/options/{option['id']}")
    assert deleted.status_code == 204
    assert "Gardening" not in _labels(admin, "interests")
    assert admin.request("DELETE", f"{LISTS}/interests/options/{option['id']}").status_code == 404


def test_programmed_preferences_can_be_renamed_but_not_archived_or_deleted(landlord):
    _, admin = landlord
    no_email = next(o for o in _list(admin, "preferences")["items"] if o["code"] == "no_email")
    assert _patch(admin, "preferences", no_email["id"], label="Do not email").json()["label"] == "Do not email"
    assert _patch(admin, "preferences", no_email["id"], archived=True).status_code == 422
    assert admin.request("DELETE", f"{LISTS}/preferences/options/{no_email['id']}").status_code == 422


def test_tenancy_type_attributes_and_groups_are_checked(landlord):
    _, admin = landlord
    added = _add(admin, "tenancy_type", "Shared ownership",
                 attributes={"fed_by_import": False, "ref_prefix": "SO", "ref_digits": 5, "next_number": 100})
    assert added.status_code == 201, added.text
    assert added.json()["attributes"] == {"fed_by_import": False, "ref_prefix": "SO", "ref_digits": 5,
                                          "next_number": 100}
    changed = _patch(admin, "tenancy_type", added.json()["id"], attributes={"fed_by_import": True})
    assert changed.json()["attributes"]["fed_by_import"] is True and changed.json()["attributes"]["ref_prefix"] == "SO"
    bad_prefix = _patch(admin, "tenancy_type", added.json()["id"], attributes={"ref_prefix": "S O"})
    assert bad_prefix.status_code == 422 and "attributes.ref_prefix" in _fields(bad_prefix.json())
    not_tenancy = _add(admin, "interests", "Cycling", attributes={"fed_by_import": True})
    assert not_tenancy.status_code == 422 and "attributes" in _fields(not_tenancy.json())
    assert _add(admin, "ethnicity", "White: Cornish", group="BME").json()["group"] == "BME"
    assert _add(admin, "interests", "Walking", group="BME").status_code == 422
    assert _add(admin, "interests", "").status_code == 422


def test_custom_fields_keys_types_and_their_options(landlord):
    _, admin = landlord
    created = admin.post("/api/v1/custom-fields", json={"label": "Allotment holder?", "type": "yes_no"})
    assert created.status_code == 201, created.text
    assert created.json()["key"] == "allotment_holder" and created.json()["option_list"] is None
    assert admin.post("/api/v1/custom-fields", json={"label": "allotment HOLDER?", "type": "text"}).status_code == 409
    same_key = admin.post("/api/v1/custom-fields", json={"label": "Plot", "type": "text", "key": "allotment_holder"})
    assert same_key.status_code == 409 and "key" in _fields(same_key.json())
    bad_key = admin.post("/api/v1/custom-fields", json={"label": "Plot", "type": "text", "key": "Plot Number"})
    assert bad_key.status_code == 422 and "key" in _fields(bad_key.json())
    assert admin.post("/api/v1/custom-fields", json={"label": "Plot", "type": "colour"}).status_code == 422

    choice = admin.post("/api/v1/custom-fields", json={"label": "Contact time", "type": "multi_choice",
                                                       "options": ["Morning", "Evening"]}).json()
    assert choice["option_list"] == "custom.contact_time"
    assert _labels(admin, "custom.contact_time") == ["Morning", "Evening"]
    assert _add(admin, "custom.contact_time", "Afternoon").status_code == 201
    index = {s["name"]: s for s in admin.get(LISTS).json()["items"]}
    assert index["custom.contact_time"] == {"name": "custom.contact_time", "label": "Contact time", "custom": True,
                                            "options": 3, "archived": 0}

    retyped = admin.request("PATCH", "/api/v1/custom-fields/contact_time", json={"type": "text", "label": "Best time"})
    assert retyped.status_code == 200, retyped.text
    assert retyped.json()["type"] == "text" and retyped.json()["key"] == "contact_time"
    assert admin.get(f"{LISTS}/custom.contact_time").status_code == 404
    archived = admin.request("PATCH", "/api/v1/custom-fields/allotment_holder", json={"archived": True, "position": 2})
    assert archived.json()["archived"] is True and archived.json()["position"] == 2
    listed = admin.get("/api/v1/custom-fields").json()["items"]
    assert [f["key"] for f in listed] == ["contact_time", "allotment_holder"]
    assert admin.request("DELETE", "/api/v1/custom-fields/allotment_holder").status_code == 204
    assert admin.request("DELETE", "/api/v1/custom-fields/allotment_holder").status_code == 404


def test_profile_settings_are_validated(landlord):
    _, admin = landlord
    settings = admin.get("/api/v1/settings/profiles").json()
    assert settings == {"personal_ref_mode": "typed", "age_bands": [
        {"label": "Under 16", "min_age": 0, "max_age": 15}, {"label": "16-44", "min_age": 16, "max_age": 44},
        {"label": "45-64", "min_age": 45, "max_age": 64}, {"label": "65+", "min_age": 65, "max_age": None}]}
    bands = [{"label": "Under 18", "min_age": 0, "max_age": 17}, {"label": "18+", "min_age": 18, "max_age": None}]
    changed = admin.request("PUT", "/api/v1/settings/profiles", json={"age_bands": bands})
    assert changed.status_code == 200 and changed.json() == {"personal_ref_mode": "typed", "age_bands": bands}
    assert admin.request("PUT", "/api/v1/settings/profiles",
                         json={"personal_ref_mode": "generated"}).json()["age_bands"] == bands
    gap = admin.request("PUT", "/api/v1/settings/profiles", json={"age_bands": [
        {"label": "Young", "min_age": 0, "max_age": 17}, {"label": "Old", "min_age": 20, "max_age": None}]})
    assert gap.status_code == 422 and "age_bands.1.min_age" in _fields(gap.json())
    closed = admin.request("PUT", "/api/v1/settings/profiles", json={"age_bands": [
        {"label": "All", "min_age": 0, "max_age": 99}]})
    assert closed.status_code == 422 and "age_bands.0.max_age" in _fields(closed.json())
    late = admin.request("PUT", "/api/v1/settings/profiles", json={"age_bands": [
        {"label": "Adults", "min_age": 18, "max_age": None}]})
    assert late.status_code == 422
    assert admin.request("PUT", "/api/v1/settings/profiles", json={"personal_ref_mode": "random"}).status_code == 422
    assert admin.get("/api/v1/settings/profiles").json()["personal_ref_mode"] == "generated"


def test_staff_read_the_set_up_and_only_managers_of_it_change_it(platform, landlord):
    _, admin = landlord
    created = admin.post("/api/v1/users", json={"username": f"ho.{uuid.uuid4().hex[:6]}", "name": "Housing Officer",
                                                "role": "housing_officer", "areas": ["Area A"]}).json()
    pending = ApiClient(platform.url).sign_in(created["username"], created["one_time_password"])
    officer = ApiClient(platform.url, pending.post("/api/v1/auth/password", json={
        "current_password": created["one_time_password"], "new_password": "a steady green lantern"}).json()["access_token"])
    assert officer.get(f"{LISTS}/interests").status_code == 200
    assert officer.get("/api/v1/settings/profiles").status_code == 200
    assert _add(officer, "interests", "Sneaky").status_code == 403
    assert officer.request("PUT", "/api/v1/settings/profiles", json={"personal_ref_mode": "generated"}).status_code == 403


def test_another_landlords_options_and_fields_are_not_found(operator, landlord):
    _, admin = landlord
    _, other = new_landlord(operator)
    option = _list(admin, "interests")["items"][0]
    admin.post("/api/v1/custom-fields", json={"label": "Pets", "type": "choice", "options": ["Cat", "Dog"]})
    assert _patch(other, "interests", option["id"], label="Taken over").status_code == 404
    assert other.request("DELETE", f"{LISTS}/interests/options/{option['id']}").status_code == 404
    assert other.get(f"{LISTS}/custom.pets").status_code == 404
    assert other.request("PATCH", "/api/v1/custom-fields/pets", json={"label": "Mine"}).status_code == 404
    assert _labels(admin, "interests")[0] == option["label"]
    assert _labels(other, "interests")[0] == option["label"], "each landlord has its own copy of the defaults"
