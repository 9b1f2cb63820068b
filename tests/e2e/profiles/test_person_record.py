"""The full personal record through the REST API, in both modes: labels in and out,
field-level refusals, the change history, imported fields, quick view and the
rules for adding people by hand."""
from __future__ import annotations

from services.common import context
from services.common.grpc_client import call, channel
from services.gen.tracker.profiles.v1 import profiles_service_pb2 as pb, profiles_service_pb2_grpc as pb_grpc
from tests.e2e.conftest import eventually

FULL = {
    "personal_ref": "NR-1001", "title": "Ms", "first_name": "Jo", "surname": "Example", "date_of_birth": "1951-03-09",
    "tenancy_type": "Non-resident", "household_status": "Head", "area": "Area B", "property_ref": "P-00042",
    "address_line_1": "12 Acacia Avenue", "address_line_4": "Northfield", "postcode": "nf1 2ab",
    "mobile": "07700 900123", "email": "jo.example@example.org", "gender": "Female",
    "ethnicity": "White: English, Welsh, Scottish, Northern Irish or British", "disability": "No",
    "communication_needs": ["Large print", "Easy read"], "preferences": ["No text messages"],
    "interests": ["Digital inclusion"], "methods": ["Surveys", "Resident panel"],
}


def _search(client, **body):
    answer = client.post("/api/v1/people/search", json=body)
    assert answer.status_code == 200, answer.text
    return answer.json()


def _upsert(platform, landlord_id: str, records: list[dict]) -> list:
    """The housing-system import's call (the import service arrives later)."""
    stub = pb_grpc.ProfilesStub(channel(platform.profiles.runtime.grpc.address))
    request = pb.UpsertPeopleRequest()
    for record in records:
        request.records.add().update(record)
    with context.bound(context.CallContext(landlord_id=landlord_id, user_id="import", request_id="t")):
        return list(call(stub.UpsertPeople, request).results)


def test_full_record_round_trips_as_labels_and_is_found_by_any_field(landlord):
    _, admin = landlord
    created = admin.post("/api/v1/people", json=FULL)
    assert created.status_code == 201, created.text
    person = created.json()
    assert person["tenancy_type"] == "Non-resident" and person["interests"] == ["Digital inclusion"]
    assert person["postcode"] == "NF1 2AB" and person["date_of_birth"] == "1951-03-09"
    assert person["communication_needs"] == ["Large print", "Easy read"], "in the order of the option list"
    assert admin.get(f"/api/v1/people/{person['id']}").json() == person

    criteria = {"text": "acac nf1", "tenancy_type": ["Non-resident"], "age": {"min": 65}, "gender": ["Female"],
                "communication_needs": ["Easy read"], "has_mobile": True, "has_email": True,
                "equality_group": ["White British"], "interests": ["Digital inclusion"], "area": ["Area B"]}
    assert eventually(lambda: _search(admin, criteria=criteria, count_only=True)["total"] == 1)
    page = _search(admin, criteria=criteria, columns=["tenancy_type", "age_band", "interests", "equality_group"],
                   facets=["gender", "age_band", "equality_group", "tenancy_type"])
    row = page["items"][0]
    assert row["address"] == "12 Acacia Avenue, Northfield, NF1 2AB"
    assert row["tenancy_type"] == "Non-resident" and row["age_band"] == "65+" and row["interests"] == ["Digital inclusion"]
    assert row["equality_group"] == "White British"
    gender = {f["label"]: f["count"] for f in page["facets"]["gender"]}
    assert gender["Female"] == 1 and gender["Male"] == 0 and gender["Not known"] == 0
    assert {f["label"]: f["count"] for f in page["facets"]["age_band"]}["65+"] == 1
    for miss in ({"gender": ["Male"]}, {"age": {"max": 64}}, {"has_alternative_contact": True},
                 {"ethnicity": ["Not known"]}, {"text": "acacia zzz"}):
        assert _search(admin, criteria={**criteria, **miss}, count_only=True)["total"] == 0, miss


def test_not_known_is_a_real_value_in_criteria_and_facets(landlord):
    _, admin = landlord
    admin.post("/api/v1/people", json={"personal_ref": "K1", "first_name": "Kit", "surname": "Known", "gender": "Male",
                                       "date_of_birth": "2015-06-01"})
    admin.post("/api/v1/people", json={"personal_ref": "U1", "first_name": "Una", "surname": "Unknown"})
    assert eventually(lambda: _search(admin, count_only=True)["total"] == 2)
    assert _search(admin, criteria={"gender": ["Not known"]}, count_only=True)["total"] == 1
    assert _search(admin, criteria={"gender": ["Not known", "Male"]}, count_only=True)["total"] == 2
    assert _search(admin, criteria={"age_band": ["Under 16"]}, count_only=True)["total"] == 1
    facets = _search(admin, facets=["gender", "age_band", "equality_group"], count_only=True)["facets"]
    assert facets["gender"][-1] == {"value": None, "label": "Not known", "count": 1}
    assert facets["age_band"][-1]["count"] == 1 and facets["equality_group"][-1]["count"] == 2


def test_changes_go_into_the_history_newest_first(landlord):
    _, admin = landlord
    person = admin.post("/api/v1/people", json=FULL).json()
    changed = admin.patch(f"/api/v1/people/{person['id']}", json={"mobile": "07700 900456", "interests": [
        "Digital inclusion", "Money advice"], "alt_contact_name": "Sam Helper"})
    assert changed.status_code == 200, changed.text
    assert changed.json()["alerts"] == ["Contact this person through their alternative contact"]
    admin.patch(f"/api/v1/people/{person['id']}", json={"status": "archived"})
    history = admin.get(f"/api/v1/people/{person['id']}/history").json()
    fields = [entry["field"] for entry in history["items"]]
    assert fields[0] == "status" and fields[-1] == "record"
    mobile = next(e for e in history["items"] if e["field"] == "mobile")
    assert (mobile["old_value"], mobile["new_value"]) == ("07700 900123", "07700 900456")
    interests = next(e for e in history["items"] if e["field"] == "interests")
    assert interests["new_value"] == "Digital inclusion, Money advice"
    assert admin.patch(f"/api/v1/people/{person['id']}", json={"mobile": "07700 900456"}).status_code == 200
    assert admin.get(f"/api/v1/people/{person['id']}/history").json()["total"] == history["total"], "no change, no entry"
    assert eventually(lambda: _search(admin, criteria={"status": ["archived"]}, count_only=True)["total"] == 1)
    assert _search(admin, count_only=True)["total"] == 0, "archived people are not current"
    assert eventually(lambda: admin.get("/api/v1/reports/people-count").json()["by_status"] == {"current": 0, "archived": 1})


def test_bad_values_are_refused_field_by_field_and_nothing_is_saved(landlord):
    _, admin = landlord
    person = admin.post("/api/v1/people", json=FULL).json()
    bad = admin.patch(f"/api/v1/people/{person['id']}", json={
        "gender": "Dragon", "email": "not-an-email", "date_of_birth": "2999-01-01", "interests": ["Knitting"],
        "surname": "Changed"})
    assert bad.status_code == 422, bad.text
    fields = {f["field"] for f in bad.json()["error"]["fields"]}
    assert fields == {"gender", "email", "date_of_birth", "interests"}
    assert admin.get(f"/api/v1/people/{person['id']}").json()["surname"] == "Example", "half-saved"
    wrong_type = admin.patch(f"/api/v1/people/{person['id']}", json={"interests": "Digital inclusion"})
    assert wrong_type.status_code == 422 and wrong_type.json()["error"]["fields"][0]["field"] == "interests"
    missing = admin.get("/api/v1/people/00000000-0000-0000-0000-000000000000")
    assert missing.status_code == 404


def test_imported_fields_are_read_only_and_imported_changes_are_in_the_history(platform, landlord):
    landlord_body, admin = landlord
    feed = {"personal_ref": "HMS-1", "first_name": "Ira", "surname": "Imported", "tenancy_type": "General needs",
            "address_line_1": "1 Feed Street", "postcode": "NF2 3CD"}
    results = _upsert(platform, landlord_body["id"], [feed, {"personal_ref": "HMS-2", "first_name": "No"}])
    assert [r.outcome for r in results] == ["created", "rejected"]
    assert results[1].problems[0].field == "surname"
    person = admin.get(f"/api/v1/people/{results[0].person_id}").json()
    assert "address_line_1" in person["read_only_fields"] and "tenancy_type" in person["imported_fields"]
    refused = admin.patch(f"/api/v1/people/{person['id']}", json={"address_line_1": "2 Other Road", "email": "ira@example.org"})
    assert refused.status_code == 422
    assert refused.json()["error"]["fields"] == [{"field": "address_line_1", "reason": (
        "comes from the housing system: change it there and the next import brings it here")}]
    assert admin.patch(f"/api/v1/people/{person['id']}", json={"email": "ira@example.org"}).status_code == 200
    again = _upsert(platform, landlord_body["id"], [{**feed, "address_line_1": "3 Moved Lane"}])
    assert again[0].outcome == "updated"
    history = admin.get(f"/api/v1/people/{person['id']}/history").json()["items"]
    assert (history[0]["field"], history[0]["source"], history[0]["new_value"]) == ("address_line_1", "import", "3 Moved Lane")


def test_import_fed_tenancy_types_cannot_be_added_by_hand(landlord):
    _, admin = landlord
    refused = admin.post("/api/v1/people", json={"personal_ref": "GN-1", "first_name": "Gen", "surname": "Needs",
                                                 "tenancy_type": "General needs"})
    assert refused.status_code == 422
    assert refused.json()["error"]["fields"][0]["field"] == "tenancy_type"
    assert "housing system" in refused.json()["error"]["fields"][0]["reason"]


def test_quick_view_shows_name_address_contacts_type_and_alerts(landlord):
    _, admin = landlord
    person = admin.post("/api/v1/people", json={**FULL, "alt_contact_phone": "07700 900999"}).json()
    quick = admin.get(f"/api/v1/people/{person['id']}/quick-view").json()
    assert quick["name"] == "Ms Jo Example" and quick["address"] == "12 Acacia Avenue, Northfield, NF1 2AB"
    assert quick["tenancy_type"] == "Non-resident" and quick["mobile"] == "07700 900123"
    assert quick["alerts"] == ["Contact this person through their alternative contact"]


def test_custom_fields_are_validated_by_type_found_by_criteria_and_counted(landlord):
    _, admin = landlord
    for field in ({"label": "Pets", "type": "number"}, {"label": "Broadband", "type": "yes_no"},
                  {"label": "Moved in", "type": "date"}, {"label": "Contact time", "type": "choice",
                                                          "options": ["Morning", "Evening"]}):
        assert admin.post("/api/v1/custom-fields", json=field).status_code == 201
    person = admin.post("/api/v1/people", json={**FULL, "custom": {
        "pets": 2, "broadband": True, "moved_in": "2019-05-01", "contact_time": "Evening"}})
    assert person.status_code == 201, person.text
    assert person.json()["custom"] == {"pets": 2, "broadband": True, "moved_in": "2019-05-01", "contact_time": "Evening"}
    bad = admin.patch(f"/api/v1/people/{person.json()['id']}", json={"custom": {
        "pets": "two", "broadband": "yes", "moved_in": "01/05/2019", "contact_time": "Noon", "shoe_size": 9}})
    assert bad.status_code == 422
    assert {f["field"] for f in bad.json()["error"]["fields"]} == {
        "custom.pets", "custom.broadband", "custom.moved_in", "custom.contact_time", "custom.shoe_size"}
    criteria = {"custom": {"pets": {"min": 1, "max": 3}, "broadband": True, "moved_in": {"min": "2019-01-01"},
                           "contact_time": ["Evening"]}}
    assert eventually(lambda: _search(admin, criteria=criteria, count_only=True)["total"] == 1)
    assert _search(admin, criteria={"custom": {"contact_time": ["Morning"]}}, count_only=True)["total"] == 0
    page = _search(admin, criteria=criteria, columns=["custom.contact_time", "custom.pets"],
                   facets=["custom.contact_time", "custom.broadband"])
    assert page["items"][0]["custom.contact_time"] == "Evening" and page["items"][0]["custom.pets"] == 2
    assert {f["label"]: f["count"] for f in page["facets"]["custom.contact_time"]} == {
        "Morning": 0, "Evening": 1, "Not known": 0}
    assert {f["label"]: f["count"] for f in page["facets"]["custom.broadband"]}["Yes"] == 1


def test_generated_references_follow_the_tenancy_type_format(landlord):
    _, admin = landlord
    assert admin.put("/api/v1/settings/profiles", json={"personal_ref_mode": "generated"}).status_code == 200
    typed = admin.post("/api/v1/people", json={"personal_ref": "MINE-1", "first_name": "Ty", "surname": "Ped",
                                               "tenancy_type": "Non-resident"})
    assert typed.status_code == 422 and typed.json()["error"]["fields"][0]["field"] == "personal_ref"
    refs = [admin.post("/api/v1/people", json={"first_name": "Gen", "surname": f"Erated{i}",
                                               "tenancy_type": "Non-resident"}).json()["personal_ref"] for i in range(3)]
    assert refs == ["NR000001", "NR000002", "NR000003"]


def test_equality_data_is_hidden_from_staff_without_the_privilege(anonymous, landlord):
    _, admin = landlord
    person = admin.post("/api/v1/people", json=FULL).json()
    changed = admin.patch(f"/api/v1/people/{person['id']}", json={"ethnicity": "Asian, Asian British or Asian Welsh: Indian"})
    assert changed.status_code == 200, changed.text
    created = admin.post("/api/v1/users", json={"username": f"ho.{person['id'][:8]}", "name": "Hou Sing",
                                                "role": "housing_officer", "all_areas": True}).json()
    pending = anonymous.sign_in(created["username"], created["one_time_password"])
    officer = type(anonymous)(anonymous.base, pending.post("/api/v1/auth/password", json={
        "current_password": created["one_time_password"], "new_password": "a steady green lantern"}).json()["access_token"])
    seen = officer.get(f"/api/v1/people/{person['id']}").json()
    assert "ethnicity" not in seen and "disability" not in seen and seen["gender"] == "Female"
    assert "ethnicity" in seen["read_only_fields"]
    assert officer.post("/api/v1/people/search", json={"criteria": {"ethnicity": ["Not known"]}}).status_code == 403
    assert officer.post("/api/v1/people/search", json={"facets": ["equality_group"]}).status_code == 403
    assert officer.patch(f"/api/v1/people/{person['id']}", json={"religion": "Christian"}).status_code == 403
    entry = next(e for e in officer.get(f"/api/v1/people/{person['id']}/history").json()["items"] if e["field"] == "ethnicity")
    assert entry["new_value"] == "(hidden)"


def test_search_sees_set_up_changes_at_once(landlord):
    _, admin = landlord
    assert _search(admin, criteria={"interests": ["Digital inclusion"]}, facets=["interests"])["total"] == 0
    added = admin.post("/api/v1/option-lists/interests/options", json={"label": "Allotments"})
    assert added.status_code == 201, added.text
    admin.patch(f"/api/v1/option-lists/interests/options/{added.json()['id']}", json={"label": "Allotments and gardens"})
    answer = _search(admin, criteria={"interests": ["Allotments and gardens"]}, facets=["interests"], count_only=True)
    assert "Allotments and gardens" in [f["label"] for f in answer["facets"]["interests"]]


def test_archived_options_take_no_new_people_but_records_keep_them(landlord):
    _, admin = landlord
    person = admin.post("/api/v1/people", json=FULL).json()
    methods = admin.get("/api/v1/option-lists/methods").json()
    surveys = next(o for o in methods["items"] if o["label"] == "Surveys")
    assert admin.patch(f"/api/v1/option-lists/methods/options/{surveys['id']}", json={"archived": True}).status_code == 200
    refused = admin.post("/api/v1/people", json={"personal_ref": "ARC-2", "first_name": "Al", "surname": "Later",
                                                 "methods": ["Surveys"]})
    assert refused.status_code == 422 and refused.json()["error"]["fields"][0]["field"] == "methods"
    assert "archived" in refused.json()["error"]["fields"][0]["reason"]
    kept = admin.patch(f"/api/v1/people/{person['id']}", json={"methods": ["Surveys", "Resident panel"], "mobile": None})
    assert kept.status_code == 200, "a record keeps an archived option it already has"
    assert kept.json()["methods"] == ["Surveys", "Resident panel"]
    in_use = admin.request("DELETE", f"/api/v1/option-lists/methods/options/{surveys['id']}")
    assert in_use.status_code == 409 and "1 " in in_use.json()["error"]["message"]
