"""The landlord's contacts through the REST API in both modes: added once each (a name twice is a 409),
renamed and archived (hidden unless asked for), deleted while unused, and a contact a record names is kept:
deleting it is a 409 saying to archive it. Synthetic data."""
from __future__ import annotations

from tests.e2e.people_api import add, errors

CONTACTS = "/api/v1/landlord-contacts"


def test_contacts_are_listed_archived_and_deleted_only_while_unused(platform, landlord):
    _, admin = landlord
    sam = admin.post(CONTACTS, json={"name": "Sam  Officer"})
    assert sam.status_code == 201 and sam.json()["name"] == "Sam Officer", sam.text
    kim = admin.post(CONTACTS, json={"name": "Kim Keeper"}).json()
    again = admin.post(CONTACTS, json={"name": "sam officer"})
    assert again.status_code == 409 and "name" in errors(again), again.text
    assert [c["name"] for c in admin.get(CONTACTS).json()["items"]] == ["Kim Keeper", "Sam Officer"]

    ada = add(admin, "Ada", "Called")
    recorded = admin.post("/api/v1/communications", json={
        "person_ids": [ada["id"]], "communication_code": "phoned", "outcome_code": "spoke_to_person",
        "date": "2026-01-15", "landlord_contact": "Sam Officer"})
    assert recorded.status_code == 201, recorded.text
    in_use = admin.delete(f"{CONTACTS}/{sam.json()['id']}")
    assert in_use.status_code == 409 and "contact_id" in errors(in_use), in_use.text
    archived = admin.patch(f"{CONTACTS}/{sam.json()['id']}", json={"archived": True})
    assert archived.status_code == 200 and archived.json()["in_use"] == 1, archived.text
    assert [c["name"] for c in admin.get(CONTACTS).json()["items"]] == ["Kim Keeper"]
    assert len(admin.get(CONTACTS, params={"archived": "true"}).json()["items"]) == 2

    renamed = admin.patch(f"{CONTACTS}/{kim['id']}", json={"name": "Kim Keeper (Rents)"})
    assert renamed.status_code == 200 and renamed.json()["name"] == "Kim Keeper (Rents)", renamed.text
    assert admin.delete(f"{CONTACTS}/{kim['id']}").status_code == 204
    assert admin.delete(f"{CONTACTS}/{kim['id']}").status_code == 404
    assert admin.post(CONTACTS, json={"name": ""}).status_code == 422
