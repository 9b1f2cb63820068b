"""POST /api/v1/participation-records/bulk through the REST API: participation records for a list of
people, an admin group, a search template or criteria in one request, each person's outcome reported,
nothing recorded twice, bad input refused naming the field with nothing written."""
from __future__ import annotations

from tests.e2e.conftest import eventually
from tests.e2e.people_api import add, errors, get_ok, wait_found, wait_searchable

ACTIVITIES = "/api/v1/activities"
RECORDS = "/api/v1/participation-records"
BULK = RECORDS + "/bulk"
NOBODY = "00000000-0000-4000-8000-000000000000"
SOURCES = {"person_ids", "admin_group_id", "search_template_id", "criteria"}


def _activity(admin, name) -> dict:
    answer = admin.post(ACTIVITIES, json={"name": name, "type": "Panel"})
    assert answer.status_code == 201, answer.text
    return answer.json()


def _bulk(admin, activity, date="2024-03-14", **people) -> dict:
    answer = admin.post(BULK, json={"activity_id": activity["id"], "date": date, **people})
    assert answer.status_code == 201, answer.text
    return answer.json()


def _records(admin, activity) -> dict[str, str]:
    """person id -> date of the activity's records."""
    page = get_ok(admin, RECORDS, params={"activity_id": activity["id"], "page_size": 500})
    return {r["person_id"]: r["date"] for r in page["items"]}


def test_a_list_is_recorded_with_each_persons_outcome_and_a_rerun_records_nothing_twice(landlord):
    _, admin = landlord
    ada, bea, zed = (add(admin, n, "Bulk") for n in ("Ada", "Bea", "Zed"))
    assert admin.patch(f"/api/v1/people/{zed['id']}", json={"status": "archived"}).status_code == 200
    panel = _activity(admin, "Residents' panel")
    given = [ada["id"], NOBODY, zed["id"], bea["id"], ada["id"]]
    first = _bulk(admin, panel, person_ids=given, role="Panel member", notes="March meeting")
    assert first["counts"] == {"recorded": 2, "already_recorded": 0, "not_found": 1, "archived": 1}
    assert [(r["person_id"], r["outcome"]) for r in first["results"]] == [
        (ada["id"], "recorded"), (NOBODY, "not_found"), (zed["id"], "archived"), (bea["id"], "recorded")]
    assert first["results"][1]["participation_id"] is None and first["results"][2]["participation_id"] is None
    records = get_ok(admin, f"/api/v1/people/{ada['id']}/participation-records")["items"]
    assert [(r["id"], r["role"], r["notes"]) for r in records] == [
        (first["results"][0]["participation_id"], "Panel member", "March meeting")]

    again = _bulk(admin, panel, person_ids=given)
    assert again["counts"] == {"recorded": 0, "already_recorded": 2, "not_found": 1, "archived": 1}
    assert [r["participation_id"] for r in again["results"]] == [r["participation_id"] for r in first["results"]]
    assert _records(admin, panel) == {ada["id"]: "2024-03-14", bea["id"]: "2024-03-14"}, "nothing twice"
    assert get_ok(admin, f"{ACTIVITIES}/{panel['id']}")["member_count"] == 2
    assert wait_found(admin, {"activity": [panel["id"]]}, {ada["id"], bea["id"]}) == {ada["id"], bea["id"]}

    next_meeting = _bulk(admin, panel, date="2024-04-11", person_ids=[bea["id"]])
    assert next_meeting["counts"]["recorded"] == 1, "another date is another record"


def test_a_group_a_template_and_criteria_pick_the_people(landlord):
    _, admin = landlord
    cy, dee, eli = (add(admin, n, "Picked", postcode="NF7 1AA") for n in ("Cy", "Dee", "Eli"))
    wait_searchable(admin, cy, dee, eli)
    group = admin.post("/api/v1/admin-groups", json={"reference": "Bulk volunteers",
                                                     "person_ids": [cy["id"], dee["id"]]})
    assert group.status_code == 201, group.text
    fun_day, walkabout, forum = (_activity(admin, n) for n in ("Fun day", "Estate walkabout", "Forum"))
    # a group picks its members as search finds them (as a message's list does): in the cluster, once indexed
    assert wait_found(admin, {"admin_group": [group.json()["id"]]}, {cy["id"], dee["id"]})

    by_group = _bulk(admin, fun_day, admin_group_id=group.json()["id"])
    assert by_group["counts"]["recorded"] == 2
    assert {r["person_id"] for r in by_group["results"]} == {cy["id"], dee["id"]}

    assert wait_found(admin, {"postcode": "NF7 1AA"}, {cy["id"], dee["id"], eli["id"]})
    by_criteria = _bulk(admin, walkabout, criteria={"postcode": "NF7 1AA"})
    assert by_criteria["counts"] == {"recorded": 3, "already_recorded": 0, "not_found": 0, "archived": 0}

    template = admin.post("/api/v1/search-templates", json={"name": "Fun day goers",
                                                            "criteria": {"activity": [fun_day["id"]]}})
    assert template.status_code == 201, template.text
    assert wait_found(admin, {"activity": [fun_day["id"]]}, {cy["id"], dee["id"]})
    by_template = _bulk(admin, forum, search_template_id=template.json()["id"])
    assert {r["person_id"]: r["outcome"] for r in by_template["results"]} == {cy["id"]: "recorded",
                                                                              dee["id"]: "recorded"}
    assert _records(admin, forum) == {cy["id"]: "2024-03-14", dee["id"]: "2024-03-14"}
    assert _bulk(admin, forum, search_template_id=template.json()["id"])["counts"]["already_recorded"] == 2


def test_bad_input_is_refused_naming_the_field_and_writes_nothing(landlord):
    _, admin = landlord
    person = add(admin, "Wyn", "Wrong")
    panel = _activity(admin, "Refusals panel")
    group = admin.post("/api/v1/admin-groups", json={"reference": "Bulk refusals"}).json()
    good = {"activity_id": panel["id"], "date": "2024-03-14", "person_ids": [person["id"]]}

    def refused(changes: dict, drop: tuple = ()) -> dict[str, str]:
        body = {k: v for k, v in {**good, **changes}.items() if k not in drop}
        answer = admin.post(BULK, json=body)
        assert answer.status_code == 422, (changes, drop, answer.status_code, answer.text)
        return errors(answer)

    assert "activity_id" in refused({"activity_id": NOBODY})
    assert "activity_id" in refused({"activity_id": group["activity_id"]}), "the Unspecified activity takes nobody"
    assert "date" in refused({"date": "14/03/2024"})
    assert "date" in refused({"date": "2024-02-30"})
    assert set(refused({}, drop=("person_ids",))) == SOURCES, "neither: every way of saying who is named"
    assert set(refused({"criteria": {"postcode": "NF7"}})) == {"person_ids", "criteria"}, "both: the two named"
    assert set(refused({"admin_group_id": NOBODY}, drop=("person_ids",))) == {"admin_group_id"}
    assert set(refused({"admin_group_id": group["id"]}, drop=("person_ids",))) == {"admin_group_id"}, "empty group"
    assert set(refused({"search_template_id": NOBODY}, drop=("person_ids",))) == {"search_template_id"}
    assert set(refused({"criteria": {}}, drop=("person_ids",))) == {"criteria"}, "everyone is not a pick"
    assert set(refused({"person_ids": []})) == {"person_ids"}
    assert set(refused({"person_ids": [person["id"]] * 10_001})) == {"person_ids"}, "10,000 at the most"
    assert set(refused({"role": "r" * 201})) == {"role"}
    assert eventually(lambda: _records(admin, panel) == {}) and get_ok(admin, f"{ACTIVITIES}/{panel['id']}")[
        "member_count"] == 0
